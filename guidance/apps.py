from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    name = "guidance"
    verbose_name = "Veiledning"
    # What the editorial roles may do here (publishing.roles); migration 0003 holds a frozen copy.
    editorial_permissions = {
        "editor": [
            "guidance.view_article", "guidance.add_article", "guidance.change_article",
            "guidance.view_articleversion", "guidance.add_articleversion",
            "guidance.view_topic", "guidance.view_issuer",
            "guidance.view_externallink", "guidance.add_externallink", "guidance.change_externallink",
        ],
    }
    editorial_permissions["publisher"] = editorial_permissions["editor"] + [
        "guidance.publish_articleversion",
        "guidance.add_topic", "guidance.change_topic",
        "guidance.add_issuer", "guidance.change_issuer",
        "guidance.delete_externallink",
    ]
