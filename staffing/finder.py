"""The finder: which measures fit a need on a date, ranked by fit, each with its own reasons.

Ranking, in order: measures that are a last resort by their own conditions come after the
ordinary ones; a measure whose start is unknown comes after those known to exist on the date; one
that can help in time before one that cannot; the letter's own group of "ordninger for ekstra
personell" before measures that only touch personnel (a duty, a practice rule); personnel that is
the kind asked for before personnel that may be (pensioners may or may not be nurses); a measure
confirmed lately before a stale one; then speed, how specific it is to the task, and the letter's order.

Measures that give no personnel are never ranked among those that do: they come apart, as advice.
Measures that fit the need but do not apply on the date (starting within a year, or ended within
one) are named with their dates and, when expired, their successor.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from staffing.dates import format_day
from staffing.models import Category, Measure, PersonnelKind, Speed, Status, Task, confirmation_months


class Horizon(models.TextChoices):
    """How soon help is needed, mapped onto the slowest speed that still arrives in time."""

    TODAY = "i-dag", gettext_lazy("I dag")
    DAYS = "i-lopet-av-dager", gettext_lazy("I løpet av noen dager")
    WEEKS = "i-lopet-av-uker", gettext_lazy("I løpet av noen uker")

    @property
    def slowest_speed(self):
        return {self.TODAY: Speed.SAME_DAY, self.DAYS: Speed.DAYS, self.WEEKS: Speed.WEEKS}[self]


class Profession(models.TextChoices):
    """What kind of people the municipality is short of, as a health officer would say it."""

    NURSES = "sykepleiere", gettext_lazy("Sykepleiere")
    DOCTORS = "leger", gettext_lazy("Leger")
    OTHER_HEALTH = "annet-helsepersonell", gettext_lazy("Annet helsepersonell, f.eks. helsefagarbeidere")
    STUDENTS = "studenter", gettext_lazy("Helsefagstudenter")
    UNTRAINED = "uten-helseutdanning", gettext_lazy("Personell uten helseutdanning, også frivillige")


HEALTH_PROFESSIONS = {Profession.NURSES, Profession.DOCTORS, Profession.OTHER_HEALTH}

# The personnel codes that answer each profession: (certainly of that kind, possibly of it). The
# sources never say which professions the reserve register or the pensioners hold, so nurses and
# doctors map to authorised health personnel, and pensioned health personnel only "possibly".
PROFESSION_KINDS = {
    **{profession: ({PersonnelKind.AUTHORISED}, {PersonnelKind.PENSIONERS}) for profession in HEALTH_PROFESSIONS},
    Profession.STUDENTS: ({PersonnelKind.STUDENTS}, set()),
    Profession.UNTRAINED: ({PersonnelKind.UNTRAINED, PersonnelKind.VOLUNTEERS, PersonnelKind.CIVIL_DEFENCE}, set()),
}

SPEED_PHRASES = {
    Speed.SAME_DAY: gettext_lazy("samme dag eller på kort varsel"),
    Speed.DAYS: gettext_lazy("i løpet av noen dager"),
    Speed.WEEKS: gettext_lazy("i løpet av uker"),
}


@dataclass
class Need:
    task: str
    profession: str
    horizon: str
    day: object

    def kinds(self):
        """(certain, possible) personnel codes for the profession asked for; every code when none was."""
        if not self.profession:
            return set(PersonnelKind.values), set()
        return PROFESSION_KINDS[Profession(self.profession)]


@dataclass
class Match:
    measure: Measure
    version: object
    headline: str
    reasons: list
    in_time: bool
    sort_key: tuple


@dataclass
class NotInForce:
    """A measure that fits the need but does not apply on the date: it starts later or has ended."""

    measure: Measure
    version: object
    status: str
    successor: object = None

    @property
    def is_upcoming(self):
        return self.status == Status.UPCOMING


@dataclass
class Result:
    people: list = field(default_factory=list)
    advice: list = field(default_factory=list)
    not_in_force: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.people) + len(self.advice)


def find_measures(*, task, profession, horizon, day):
    """Everything the finder shows for a need, from one query (measures, live versions, successors)."""
    need = Need(task=task, profession=profession, horizon=horizon, day=day)
    certain, possible = need.kinds()
    measures = Measure.objects.near(day).with_successor()
    if task:
        measures = measures.for_task(task)
    if profession:
        measures = measures.with_any_personnel(certain | possible, or_none=True)
    result = Result()
    for measure in measures:
        _sort_in(result, measure, need)
    result.people.sort(key=lambda match: match.sort_key)
    result.advice.sort(key=lambda match: match.sort_key)
    result.not_in_force.sort(key=_not_in_force_order)
    return result


def _sort_in(result, measure, need):
    version = measure.live_version
    if not version.is_valid_on(need.day):
        successor = measure.successor
        live_successor = successor if successor and successor.live_version_id and not successor.is_withdrawn else None
        result.not_in_force.append(NotInForce(measure, version, version.status_on(need.day), live_successor))
    elif version.personnel_kinds:
        result.people.append(_person_match(measure, version, need))
    else:
        result.advice.append(_advice_match(measure, version, need))


def _in_time(version, need):
    return version.speed_rank <= Speed.rank(Horizon(need.horizon).slowest_speed)


def _person_match(measure, version, need):
    certain, possible = need.kinds()
    fitting = [code for code in version.personnel_kinds if code in certain]
    only_possibly = not fitting
    fitting = fitting or [code for code in version.personnel_kinds if code in possible]
    in_time = _in_time(version, need)
    headline = _("%(provider)s kan gi %(personnel)s til %(task)s.") % {
        "provider": version.provider, "personnel": _join(_personnel_phrase(code) for code in fitting),
        "task": _task_phrase(need.task),
    }
    reasons = [
        *([_("Siste utvei: %(conditions)s") % {"conditions": version.conditions or _("se vilkårene.")}]
          if version.is_last_resort else []),
        *_profession_reasons(need, only_possibly),
        _task_reason(version, need.task),
        _speed_reason(version, in_time),
        *([_("Kapasitet: %(capacity)s") % {"capacity": version.capacity}] if version.capacity else []),
        *_date_reasons(version, need.day),
    ]
    sort_key = (
        version.is_last_resort, version.starts_on is None, not in_time,
        measure.category != Category.EXTRA_PERSONNEL, only_possibly, version.speed_rank, len(version.tasks),
        version.is_unconfirmed_on(need.day), measure.category, measure.position, measure.slug,
    )
    return Match(measure, version, headline, [reason for reason in reasons if reason], in_time, sort_key)


def _advice_match(measure, version, need):
    in_time = _in_time(version, need)
    headline = _("Gir ikke personell. %(provider)s: %(channel)s.") % {
        "provider": version.provider, "channel": version.get_request_channel_display().lower(),
    }
    reasons = [_task_reason(version, need.task), *_date_reasons(version, need.day)]
    sort_key = (version.starts_on is None, not in_time, len(version.tasks), measure.category, measure.position,
                measure.slug)
    return Match(measure, version, headline, [reason for reason in reasons if reason], in_time, sort_key)


def _profession_reasons(need, only_possibly):
    if need.profession not in HEALTH_PROFESSIONS:
        return []
    asked = str(Profession(need.profession).label).lower()
    if only_possibly:
        return [_("Pensjonert helsepersonell kan være %(asked)s, men kilden sier ikke hvilke yrker.") % {"asked": asked}]
    return [_("Kilden sier ikke hvilke yrker personellet har: spør etter %(asked)s når dere ber om hjelp.")
            % {"asked": asked}]


def _task_reason(version, task):
    labels = [str(label).lower() for label in version.task_labels()]
    if len(version.tasks) == len(Task.values):
        if not task:
            return _("Gjelder alle slags oppgaver.")
        return _("Gjelder alle slags oppgaver, også %(task)s.") % {"task": _task_phrase(task)}
    if task and version.tasks == [task]:
        return _("Bare for %(task)s.") % {"task": _task_phrase(task)}
    return _("For %(tasks)s.") % {"tasks": _join(labels)}


def _speed_reason(version, in_time):
    phrase = str(SPEED_PHRASES.get(version.speed, version.get_speed_display()))
    if in_time:
        return _("Kan trolig hjelpe %(speed)s (redaksjonens anslag).") % {"speed": phrase}
    return _("Kan trolig hjelpe %(speed)s (redaksjonens anslag) – senere enn dere trenger.") % {"speed": phrase}


def _date_reasons(version, day):
    reasons = []
    if version.valid_until:
        reasons.append(_("Gjelder til og med %(date)s.") % {
            "date": format_day(version.valid_until, month_only=version.valid_until_is_approximate)})
    if version.starts_on is None:
        reasons.append(_("Kilden oppgir ingen dato, så vi vet ikke om tiltaket fantes %(day)s.") % {
            "day": format_day(day)})
    elif version.is_unconfirmed_on(day):
        reasons.append(_("Ikke bekreftet på over %(months)s måneder: %(confirmed)s.") % {
            "months": confirmation_months(), "confirmed": confirmed_phrase(version)})
    else:
        reasons.append(sentence(confirmed_phrase(version)) + ".")
    return reasons


def confirmed_phrase(version):
    """«sist bekreftet av Helsedirektoratet 10.12.2021», «… ca. mars 2021» when the source gives a month,
    or what is known when the source has no date."""
    if version.source_date is None and version.valid_from:
        return _("kilden er ikke datert, men sier at tiltaket gjelder fra %(date)s") % {
            "date": format_day(version.valid_from, month_only=version.valid_from_is_approximate)}
    if version.source_date is None:
        return _("kilden er ikke datert")
    values = {"issuer": version.source_issuer or _("kilden"),
              "date": format_day(version.source_date, approximate=version.source_date_is_approximate)}
    return _("sist bekreftet av %(issuer)s %(date)s") % values


def sentence(text):
    return text[:1].upper() + text[1:]


def _not_in_force_order(item):
    version = item.version
    if item.is_upcoming:
        return (0, version.starts_on.toordinal())
    return (1, -version.valid_until.toordinal())


def _task_phrase(task):
    return str(Task(task).label).lower() if task else _("oppgavene dere har")


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
