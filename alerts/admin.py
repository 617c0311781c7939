"""Read-only admin for e-mail alerts: how many follow what, and the state of the outbox.

Publishers cannot add, change or send anything here: alerts go out only when a major version
goes live. Addresses are shown masked.
"""

from django.contrib import admin
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from alerts.sources import all_facets
from alerts.models import AlertDispatch, Message, MessageStatus, Subscription, SubscriptionInterest


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record to read: nobody adds, changes, deletes or runs actions here (the site's change log uses it too)."""

    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Subscription)
class SubscriptionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "frequency", "everything", "is_confirmed", "created_at"]
    list_filter = ["frequency", "everything", ("confirmed_at", admin.EmptyFieldListFilter)]
    fields = ["frequency", "everything", "created_at", "confirmed_at"]
    readonly_fields = fields
    change_list_template = "alerts/admin/subscription_change_list.html"

    @admin.display(boolean=True, description=_("bekreftet"))
    def is_confirmed(self, obj):
        return obj.is_confirmed

    def get_urls(self):
        view = self.admin_site.admin_view(self.statistics_view)
        return [path("statistikk/", view, name="alerts_subscription_statistics"), *super().get_urls()]

    def statistics_view(self, request):
        confirmed = Subscription.objects.confirmed()
        counts = dict(
            ((row["facet"], row["value"]), row["n"])
            for row in SubscriptionInterest.objects.filter(subscription__in=confirmed)
            .values("facet", "value").annotate(n=Count("subscription", distinct=True))
        )
        facets = [{"label": facet.label, "rows": _facet_rows(facet, counts)} for facet in all_facets()]
        outbox = dict(Message.objects.values_list("status").annotate(n=Count("pk")))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Varsler: abonnenter og utboks"),
            "opts": self.model._meta,
            "confirmed": confirmed.count(),
            "unconfirmed": Subscription.objects.filter(confirmed_at__isnull=True).count(),
            "everything": confirmed.filter(everything=True).count(),
            "facets": facets,
            "outbox": [(label, outbox.get(value, 0)) for value, label in MessageStatus.choices],
        }
        return TemplateResponse(request, "alerts/admin/statistics.html", context)


def _facet_rows(facet, counts):
    """(name, subscribers) for every choice of a short list; for a long one (every article) only
    what someone follows, most followed first, so the page does not grow with the content."""
    if not facet.is_long:
        return [(label, counts.get((facet.key, value), 0)) for value, label in facet.choices()]
    followed = {value: n for (key, value), n in counts.items() if key == facet.key}
    labels = dict(facet.lookup(list(followed)))
    gone = _("(trukket tilbake eller slettet)")
    return [(labels.get(value, f"{value} {gone}"), n)
            for value, n in sorted(followed.items(), key=lambda item: (-item[1], labels.get(item[0], "").lower()))]


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin):
    list_display = ["subject", "kind", "status", "attempts", "created_at", "sent_at", "next_attempt_at"]
    list_filter = ["status", "kind"]
    date_hierarchy = "created_at"
    fields = ["kind", "subject", "status", "attempts", "created_at", "claimed_at", "sent_at", "next_attempt_at",
              "last_error"]
    readonly_fields = fields


@admin.register(AlertDispatch)
class AlertDispatchAdmin(ReadOnlyAdmin):
    list_display = ["title", "source", "published_at", "created_at", "recipients"]
    list_filter = ["source"]
