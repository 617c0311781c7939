from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from publishing.templatetags.publishing_tags import date_html
from staffing.dates import age_phrase, format_day
from staffing.finder import age_of, confirmed_phrase, sentence
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
        contact.confirmation = contact_confirmation(contact, today)
    return contact


def contact_confirmation(contact, today):
    """Who last confirmed a contact point and when, and whether that is too long ago to call it current.
    Judged on `today`, whatever date a page asks about: it is about whether the number answers now."""
    if contact.confirmed_on is None:
        return None
    return {
        "by": contact.confirmed_by,
        "date": day_html(contact.confirmed_on, approximate=contact.confirmed_on_is_approximate),
        "unconfirmed": contact.is_unconfirmed_on(today),
        "age": age_phrase(contact.confirmed_on, today, month_only=contact.confirmed_on_is_approximate),
    }


@register.simple_tag
def contact_point_confirmation(contact):
    return contact_confirmation(contact, timezone.localdate())


@register.simple_tag
def measure_status(version, day=None):
    """What a reader sees at a glance on `day` (today when the page gives none): code, label and colour."""
    day = day or timezone.localdate()
    status = version.status_on(day)
    return {"code": status.value, "label": _status_label(status, version, day), "colour": STATUS_COLOURS[status]}


def _status_label(status, version, day):
    # Only the label shown is put together: a catalogue page asks this for every measure.
    if status == Status.CURRENT:
        return _("Gjeldende")
    if status == Status.EXPIRED:
        return _("Utløpt")
    if status == Status.UPCOMING:
        return _("Gjelder fra %(date)s") % {"date": start_phrase(version)}
    if status == Status.UNCONFIRMED:
        return _("Ikke bekreftet som gjeldende: sist bekreftet %(age)s") % {"age": age_of(version, day)}
    return _("Kilden er ikke datert")


@register.simple_tag
def source_citation(version):
    """«Kilde: <document>, <issuer>, ca. desember 2021.», the document linked where it is online; or that the
    version names no source."""
    if not version.source_title:
        return _("Kilde: ikke oppgitt.")
    document = (format_html('<a class="ds-link" href="{}">{}</a>', version.source_url, version.source_title)
                if version.source_url else version.source_title)
    parts = [document, version.source_issuer]
    if version.source_date:
        parts.append(day_html(version.source_date, approximate=version.source_date_is_approximate))
    return format_html("{} {}.", _("Kilde:"), format_html_join_comma([part for part in parts if part]))


def format_html_join_comma(parts):
    return format_html(", ".join(["{}"] * len(parts)), *parts)


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
