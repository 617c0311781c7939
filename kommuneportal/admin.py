"""Admin pieces that belong to no one app: the change log every app's admin writes to."""

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.utils.translation import gettext_lazy as _

from alerts.admin import ReadOnlyAdmin


@admin.register(LogEntry)
class LogEntryAdmin(ReadOnlyAdmin):
    """Who changed what, browsable and searchable. A record: nobody adds, edits or deletes entries here.

    Seeing it takes the view_logentry permission (superusers have it).
    """

    list_display = ["action_time", "user", "content_type", "object_repr", "action_flag", "message"]
    list_select_related = ["user", "content_type"]
    # Only the users and types that occur in the log, so the filter stays short however many accounts exist.
    list_filter = [("user", admin.RelatedOnlyFieldListFilter), "action_flag",
                   ("content_type", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["object_repr", "change_message", "user__username"]
    date_hierarchy = "action_time"
    fields = ["action_time", "user", "content_type", "object_id", "object_repr", "action_flag", "message"]
    readonly_fields = fields

    @admin.display(description=_("endring"))
    def message(self, obj):
        # The admin's own entries are stored as JSON; get_change_message() makes them readable.
        return obj.get_change_message()
