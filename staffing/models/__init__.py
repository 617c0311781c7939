"""The staffing app's models, one module per subject; import them from here."""

from staffing.models.contact_point import ContactPoint, ContactPointQuerySet
from staffing.models.measures import (
    NEARBY, Category, Channel, Measure, MeasureQuerySet, MeasureVersion, PersonnelKind, Speed, Status, Task,
    confirmation_months, phone_href,
)
from staffing.models.proposals import MeasureProposal

__all__ = [
    "NEARBY", "Category", "Channel", "ContactPoint", "ContactPointQuerySet", "Measure", "MeasureProposal",
    "MeasureQuerySet", "MeasureVersion", "PersonnelKind", "Speed", "Status", "Task", "confirmation_months", "phone_href",
]
