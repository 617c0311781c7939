"""The finder: which measures valid on a date fit a need, best first, each with the reason why."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from staffing.models import Measure, PersonnelKind, Speed, Task


class Horizon(models.TextChoices):
    """How soon help is needed, mapped onto the slowest speed that still arrives in time."""

    TODAY = "i-dag", gettext_lazy("I dag")
    DAYS = "i-lopet-av-dager", gettext_lazy("I løpet av noen dager")
    WEEKS = "i-lopet-av-uker", gettext_lazy("I løpet av noen uker")

    @property
    def slowest_speed(self):
        return {self.TODAY: Speed.SAME_DAY, self.DAYS: Speed.DAYS, self.WEEKS: Speed.WEEKS}[self]


SPEED_PHRASES = {
    Speed.SAME_DAY: gettext_lazy("samme dag eller på kort varsel"),
    Speed.DAYS: gettext_lazy("i løpet av noen dager"),
    Speed.WEEKS: gettext_lazy("i løpet av uker"),
}


@dataclass
class Match:
    measure: Measure
    version: object
    in_time: bool
    reason: str

    @property
    def sort_key(self):
        version = self.version
        return (
            not self.in_time,
            version.speed_rank,
            not version.personnel_kinds,  # measures that bring people before those that support
            len(version.tasks),  # a measure made for the task before one that helps with everything
            self.measure.category,
            self.measure.position,
        )


def find_measures(*, task, horizon, authorised_only, day):
    """Measures valid on `day` that help with `task` (any when empty), ranked; one query."""
    measures = Measure.objects.valid_on(day)
    if task:
        measures = measures.for_task(task)
    if authorised_only:
        measures = measures.with_personnel(PersonnelKind.AUTHORISED)
    slowest = Speed.rank(Horizon(horizon).slowest_speed)
    matches = [_match(measure, task, slowest) for measure in measures]
    return sorted(matches, key=lambda match: match.sort_key)


def _match(measure, task, slowest_rank):
    version = measure.live_version
    in_time = version.speed_rank <= slowest_rank
    return Match(measure=measure, version=version, in_time=in_time, reason=_reason(version, task, in_time))


def _reason(version, task, in_time):
    values = {
        "speed": SPEED_PHRASES.get(version.speed, version.get_speed_display()),
        "task": Task(task).label.lower() if task else _("oppgavene dere har"),
        "personnel": _join(_personnel_phrase(code) for code in version.personnel_kinds),
    }
    if not version.personnel_kinds:
        if in_time:
            return _("Gir ikke ekstra personell, men hjelper %(speed)s med %(task)s.") % values
        return _("Gir ikke ekstra personell og tar trolig lengre tid enn dere har (%(speed)s).") % values
    if in_time:
        return _("Kan gi %(personnel)s til %(task)s %(speed)s.") % values
    return _("Tar trolig lengre tid enn dere har (%(speed)s), men kan gi %(personnel)s til %(task)s "
             "hvis behovet varer.") % values


def _personnel_phrase(code):
    if code == PersonnelKind.CIVIL_DEFENCE:
        return _("mannskaper fra Sivilforsvaret og Forsvaret")
    label = str(PersonnelKind(code).label)
    return label[0].lower() + label[1:]


def _join(words):
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return _("%(first)s og %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}
