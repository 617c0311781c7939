from django import template

from prioritering import note

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
