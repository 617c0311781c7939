from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from publishing.templatetags.publishing_tags import date_html
from staffing.dates import format_day
from staffing.finder import confirmed_phrase, sentence
from staffing.models import ContactPoint, Status, confirmation_months

register = template.Library()

STATUS_COLOURS = {
    Status.CURRENT: "success", Status.EXPIRED: "danger", Status.UPCOMING: "info",
    Status.UNCONFIRMED: "warning", Status.UNDATED: "warning",
}


@register.simple_tag(takes_context=True)
def current_contact_point(context):
    """The contact point in force on the page's date (`contact_point_date`, else today): one query.

    Before the first contact point existed it is today's, with `in_force` 0, so the banner can say there
    was none then. `asked_on` is the page's date when that is not today, `asked_is_past` whether it is past.
    """
    today = timezone.localdate()
    day = context.get("contact_point_date") or today
    contact = ContactPoint.objects.shown_on(day)
    if contact is not None:
        contact.asked_on = day if day != today else None
        contact.asked_is_past = day < today
    return contact


@register.simple_tag
def measure_status(version, day=None):
    """What a reader sees at a glance on `day` (today when the page gives none): code, label and colour."""
    day = day or timezone.localdate()
    status = version.status_on(day)
    return {"code": status.value, "label": _status_label(status, version), "colour": STATUS_COLOURS[status]}


def _status_label(status, version):
    # Only the label shown is put together: a catalogue page asks this for every measure.
    if status == Status.CURRENT:
        return _("Gjeldende")
    if status == Status.EXPIRED:
        return _("Utløpt")
    if status == Status.UPCOMING:
        return _("Gjelder fra %(date)s") % {"date": start_phrase(version)}
    if status == Status.UNCONFIRMED:
        return _("Ikke bekreftet på over %(months)s måneder") % {"months": confirmation_months()}
    return _("Kilden er ikke datert")


@register.simple_tag
def confirmation(version):
    """«Sist bekreftet av Helsedirektoratet 10.12.2021» (from the live version's source), or why there is none."""
    return sentence(confirmed_phrase(version))


@register.filter
def start_phrase(version):
    return format_day(version.valid_from, month_only=version.valid_from_is_approximate) if version.valid_from else (
        format_day(version.source_date, approximate=version.source_date_is_approximate) if version.source_date else "")


@register.filter
def end_phrase(version):
    return format_day(version.valid_until, month_only=version.valid_until_is_approximate) if version.valid_until else ""


@register.filter
def contact_since(point):
    return format_day(point.valid_from, month_only=point.valid_from_is_approximate)



@register.simple_tag
def day_html(day, approximate=False, month_only=False):
    """A <time> element no more exact than the source: <time datetime="2021-03">mars 2021</time> for a month."""
    if day is None:
        return ""
    if approximate or month_only:
        month = format_html('<time datetime="{}">{}</time>', day.strftime("%Y-%m"), format_day(day, month_only=True))
        return format_html(_("ca. {}"), month) if approximate else month
    return date_html(day)


@register.simple_tag(name="confirmation_months")
def confirmation_months_tag():
    return confirmation_months()
