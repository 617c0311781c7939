from django.apps import AppConfig


class StaffingConfig(AppConfig):
    name = "staffing"
    verbose_name = "Bemanning"
    # What the editorial roles may do here (publishing.roles); migrations 0002 and 0007 hold frozen copies.
    editorial_permissions = {
        "editor": [
            "staffing.view_measure", "staffing.add_measure", "staffing.change_measure",
            "staffing.view_measureversion", "staffing.add_measureversion", "staffing.view_contactpoint",
            "staffing.view_measureproposal", "staffing.change_measureproposal",
        ],
    }
    editorial_permissions["publisher"] = editorial_permissions["editor"] + [
        "staffing.publish_measureversion", "staffing.add_contactpoint", "staffing.change_contactpoint",
        "staffing.delete_measureproposal",
    ]
