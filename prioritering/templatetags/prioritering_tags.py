from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from prioritering import note, note_sections
from prioritering.models import ServiceRow, Worksheet

register = template.Library()


@register.simple_tag
def phase_descriptions():
    return sorted(note.PHASE_DESCRIPTIONS.items())


@register.simple_tag
def criterion_scale(name):
    return note.CRITERION_SCALES[name]


@register.filter
def criterion(row, name):
    """The Vedlegg 1 descriptor chosen for one criterion of a row."""
    return row.criterion_label(name)


# --- The published note (prioritering/note_sections.py) ------------------------------------------

@register.simple_tag
def field_chapter(name):
    """The chapter of the note a worksheet field comes from: {% field_chapter "phase" as chapter %}."""
    return note_sections.for_field(name)


@register.simple_tag
def proposals_chapter():
    """The chapter the note's proposals (a row's «grunnlag i notatet») are quoted from."""
    return note_sections.chapter(note_sections.PROPOSALS)


@register.simple_tag
def priority_chapters():
    """The chapters the indicative priority builds on."""
    return [note_sections.chapter(anchor) for anchor in note_sections.PRIORITY]


# Where the model's name for a field would be unclear out of the form.
_LABELS = {
    "prefill": _("Notatets forslag"),
    "reason": _("Begrunnelse i smittevern eller kapasitet"),
}


def _label(name):
    if name in _LABELS:
        return _LABELS[name]
    for model in (Worksheet, ServiceRow):
        try:
            return capfirst(model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            continue
    raise ValueError(f"{name} is no field of a worksheet or its rows")


@register.simple_tag
def worksheet_sources():
    """[(chapter, [field labels])] for the worksheet's fields that come from the note, in the note's order."""
    fields = {}
    for name, anchor in note_sections.FIELDS.items():
        fields.setdefault(anchor, []).append(_label(name))
    return [(note_sections.chapter(anchor), fields[anchor]) for anchor in note_sections.CHAPTERS if anchor in fields]


@register.simple_tag(takes_context=True)
def note_address(context):
    """The published note's full address, for paper."""
    url = note_sections.note_url()
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.simple_tag
def note_url():
    return note_sections.note_url()


@register.simple_tag
def own_aids():
    return note_sections.OWN_AIDS


@register.simple_tag
def own_rules():
    return note_sections.OWN_RULES
