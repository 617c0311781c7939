"""The finder: which measures fit a need on a date, ranked by fit, each with its own reasons.

Ranking, in order: measures that are a last resort by their own conditions come after the
ordinary ones; a measure whose start is unknown comes after those known to exist on the date; one
that can help in time before one that cannot; the letter's own group of "ordninger for ekstra
personell" before measures that only touch personnel (a duty, a practice rule); personnel that is
the kind asked for before personnel that may be (pensioners may or may not be nurses); a measure
confirmed lately before a stale one; then speed, how specific it is to the task, and the letter's order.

Measures that give no personnel are never ranked among those that do: they come apart, as advice.
Measures that apply by their dates but that no source has confirmed within the confirmation period
(STAFFING_CONFIRMATION_MONTHS) before the date, or whose source is undated, are not offered as fitting:
they come apart as «ikke bekreftet som gjeldende», each with what its source said then and how long ago.
Measures that fit the need but do not apply on the date (starting within a year, or ended within
one) are named with their dates and, when expired, the editors' link to a successor.

What a result says comes from the measure's source: its summary with the source named, its conditions
and capacity as written, and dates worked out from the source's dates (`Reason`). The tags the finder
matches on (tasks, personnel, speed, last resort) are the editors' reading of the source and are only
ever shown as such (`Match.editors`); no sentence is composed from them as if a source said it.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from staffing.dates import age_phrase, duration_phrase, format_day
from staffing.models import Category, Measure, PersonnelKind, Speed, Status, Task


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
class Reason:
    """One line of a result's explanation and what backs it, so a page (and a test) can tell them apart:
    `source` quotes a field of the measure's source, `dates` is worked out from the source's dates, and
    `editors` is the editors' reading (tags, estimates), always shown under that label."""

    kind: str
    text: str
    label: str = ""


@dataclass
class Match:
    measure: Measure
    version: object
    reasons: list
    editors: list
    in_time: bool
    sort_key: tuple

    @property
    def dates(self):
        return [reason for reason in self.reasons if reason.kind == "dates"]


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
    unconfirmed: list = field(default_factory=list)
    not_in_force: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.people) + len(self.advice)


def find_measures(*, task, profession, horizon, day, today=None):
    """Everything the finder shows for a need, from one query (measures, live versions, successors).

    Only measures a source has confirmed within the confirmation period before `day` «passer»; those
    that apply by their dates but are unconfirmed (or undated) on `day` are listed apart."""
    need = Need(task=task, profession=profession, horizon=horizon, day=day)
    certain, possible = need.kinds()
    measures = Measure.objects.near(day).with_successor()
    if task:
        measures = measures.for_task(task)
    if profession:
        measures = measures.with_any_personnel(certain | possible, or_none=True)
    result = Result()
    for measure in measures:
        _sort_in(result, measure, need, today or timezone.localdate())
    result.people.sort(key=lambda match: match.sort_key)
    result.advice.sort(key=lambda match: match.sort_key)
    result.unconfirmed.sort(key=_unconfirmed_order)
    result.not_in_force.sort(key=_not_in_force_order)
    return result


def _sort_in(result, measure, need, today):
    version = measure.live_version
    if not version.is_valid_on(need.day):
        successor = measure.successor
        live_successor = successor if successor and successor.live_version_id and not successor.is_withdrawn else None
        result.not_in_force.append(NotInForce(measure, version, version.status_on(need.day), live_successor))
        return
    match = (_person_match if version.personnel_kinds else _advice_match)(measure, version, need, today)
    if version.status_on(need.day) in (Status.UNCONFIRMED, Status.UNDATED):
        result.unconfirmed.append(match)
    elif version.personnel_kinds:
        result.people.append(match)
    else:
        result.advice.append(match)


def _in_time(version, need):
    return version.speed_rank <= Speed.rank(Horizon(need.horizon).slowest_speed)


def _source_reasons(version):
    """What the source says that bears on the need, each field as written: the conditions and the capacity."""
    fields = ((_("Vilkår"), version.conditions), (_("Kapasitet"), version.capacity))
    return [Reason("source", text, label) for label, text in fields if text]


def _person_match(measure, version, need, today):
    certain, possible = need.kinds()
    only_possibly = not any(code in certain for code in version.personnel_kinds)
    in_time = _in_time(version, need)
    editors = [
        *([_("Siste utvei: vilkåret sier at andre muligheter skal være forsøkt først.")] if version.is_last_resort else []),
        _personnel_reading(version),
        *_profession_reading(need, only_possibly),
        _task_reading(version),
        _speed_reading(version, in_time),
    ]
    sort_key = (
        version.is_last_resort, version.starts_on is None, not in_time,
        measure.category != Category.EXTRA_PERSONNEL, only_possibly, version.speed_rank, len(version.tasks),
        version.is_unconfirmed_on(need.day), measure.category, measure.position, measure.slug,
    )
    reasons = [*_source_reasons(version), *_date_reasons(version, need.day, today)]
    return Match(measure, version, reasons, editors, in_time, sort_key)


def _advice_match(measure, version, need, today):
    in_time = _in_time(version, need)
    editors = [_("Gir ikke ekstra personell."), _task_reading(version)]
    sort_key = (version.starts_on is None, not in_time, len(version.tasks), measure.category, measure.position,
                measure.slug)
    reasons = [*_source_reasons(version), *_date_reasons(version, need.day, today)]
    return Match(measure, version, reasons, editors, in_time, sort_key)


def _personnel_reading(version):
    return _("Personell: %(kinds)s.") % {"kinds": _join(map(_personnel_word, version.personnel_kinds))}


def _personnel_word(code):
    label = str(PersonnelKind(code).label)
    return label if code == PersonnelKind.CIVIL_DEFENCE else label[:1].lower() + label[1:]


def _profession_reading(need, only_possibly):
    if need.profession not in HEALTH_PROFESSIONS or not only_possibly:
        return []
    asked = str(Profession(need.profession).label).lower()
    return [_("Pensjonert helsepersonell kan være %(asked)s, men kilden sier ikke hvilke yrker.") % {"asked": asked}]


def _task_reading(version):
    if len(version.tasks) == len(Task.values):
        return _("Oppgaver: alle i portalens liste.")
    return _("Oppgaver: %(tasks)s.") % {"tasks": _join(str(label).lower() for label in version.task_labels())}


def _speed_reading(version, in_time):
    phrase = str(SPEED_PHRASES.get(version.speed, version.get_speed_display()))
    if in_time:
        return _("Kan trolig hjelpe %(speed)s (anslag).") % {"speed": phrase}
    return _("Kan trolig hjelpe %(speed)s (anslag) – senere enn dere trenger.") % {"speed": phrase}


def _date_reasons(version, day, today):
    reasons = []
    if version.valid_until:
        reasons.append(_("Gjelder til og med %(date)s.") % {
            "date": format_day(version.valid_until, month_only=version.valid_until_is_approximate)})
    if version.starts_on is None:
        reasons.append(_("Kilden oppgir ingen dato, så vi vet ikke om tiltaket fantes %(day)s.") % {
            "day": format_day(day)})
    elif version.is_unconfirmed_on(day):
        reasons.append(sentence(confirmed_phrase(version)) + ", " + age_of(version, day, today=today) + ".")
    else:
        reasons.append(sentence(confirmed_phrase(version)) + ".")
    return [Reason("dates", text) for text in reasons]


def age_of(version, day, *, today=None):
    """How long before `day` the source last confirmed the measure: «for 5 år siden» when `day` is today
    (or no `today` is given), else «8 måneder før 15.08.2022»."""
    confirmed = version.confirmed_on
    month_only = confirmed == version.source_date and version.source_date_is_approximate or (
        confirmed == version.valid_from and version.valid_from_is_approximate)
    if today is None or day == today:
        return age_phrase(confirmed, day, month_only=month_only)
    return _("%(duration)s før %(day)s") % {"duration": duration_phrase(confirmed, day, month_only=month_only),
                                           "day": format_day(day)}


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


def _unconfirmed_order(match):
    """Those that give personnel first, the most lately confirmed first, undated last."""
    confirmed = match.version.confirmed_on
    return (not match.version.personnel_kinds, confirmed is None, -(confirmed.toordinal() if confirmed else 0),
            match.sort_key)


def _not_in_force_order(item):
    version = item.version
    if item.is_upcoming:
        return (0, version.starts_on.toordinal())
    return (1, -version.valid_until.toordinal())


def _join(words):
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return _("%(first)s og %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}
