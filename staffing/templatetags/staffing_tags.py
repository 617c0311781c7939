from django import template
from django.utils import timezone

from staffing.models import ContactPoint

register = template.Library()


@register.simple_tag(takes_context=True)
def current_contact_point(context):
    """The contact point in force on the page's date (`contact_point_date`, else today): one query."""
    return ContactPoint.objects.shown_on(context.get("contact_point_date") or timezone.localdate())


@register.simple_tag
def validity_status(version, day=None):
    """"expired", "upcoming" or "" for a measure version on `day` (today when the page gives none)."""
    day = day or timezone.localdate()
    if version.is_expired_on(day):
        return "expired"
    if version.is_upcoming_on(day):
        return "upcoming"
    return ""
