"""The words a request for help and an offer of capacity are written in.

Task, personnel and urgency are the staffing finder's own questions (staffing/models/measures.py
`Task`, staffing/finder.py `Profession` and `Horizon`), with the same codes, so the finder's answers
can travel in the query string to the request form. prioritering may not import staffing, so the
codes are repeated here; tests/prioritering/bistand/test_vocabulary.py fails if the two drift apart.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Task(models.TextChoices):
    TESTING = "testing", _("Testing")
    TRACING = "smittesporing", _("Smittesporing")
    VACCINATION = "vaksinering", _("Vaksinering")
    CARE = "pleie-og-omsorg", _("Pleie og omsorg")
    DOCTORS = "legetjenester", _("Legetjenester")
    ADMINISTRATION = "administrasjon", _("Administrasjon og støtte")


class Profession(models.TextChoices):
    NURSES = "sykepleiere", _("Sykepleiere")
    DOCTORS = "leger", _("Leger")
    OTHER_HEALTH = "annet-helsepersonell", _("Annet helsepersonell, f.eks. helsefagarbeidere")
    STUDENTS = "studenter", _("Helsefagstudenter")
    UNTRAINED = "uten-helseutdanning", _("Personell uten helseutdanning, også frivillige")


class Urgency(models.TextChoices):
    """The finder's «Hvor raskt trenger dere hjelp?», most urgent first (the coordination view's order)."""

    TODAY = "i-dag", _("I dag")
    DAYS = "i-lopet-av-dager", _("I løpet av noen dager")
    WEEKS = "i-lopet-av-uker", _("I løpet av noen uker")

    @classmethod
    def rank(cls, value):
        return list(cls.values).index(value) if value in cls.values else len(cls.values)


class HelpSource(models.TextChoices):
    """Whom Statsforvalteren coordinates help from (seed 004, virkemiddel 2 and 4)."""

    NEIGHBOURS = "nabokommuner", _("Nabokommuner")
    STUDENTS = "helsefagstudenter", _("Helsefagstudenter via Statsforvalteren")
    CIVIL_DEFENCE = "sivilforsvaret", _("Sivilforsvaret")
    ARMED_FORCES = "forsvaret", _("Forsvaret")


# Asking for these needs the letter's precondition answered first.
NEEDS_PRECONDITION = {HelpSource.CIVIL_DEFENCE, HelpSource.ARMED_FORCES}

# Seed 004, Helsedirektoratet's letter of December 2021, virkemiddel 4, word for word.
PRECONDITION_QUOTE = _("«Kommunen skal kontakte statsforvalter ved behov for bistand fra Sivilforsvar eller "
                       "Forsvaret, og det skal være forsøkt å skaffe frivillige eller kommersielle aktører»")
PRECONDITION_SOURCE = _("Helsedirektoratets brev til kommunene, desember 2021, virkemiddel 4")


class Tried(models.TextChoices):
    YES = "ja", _("Ja")
    NO = "nei", _("Nei")


class ForwardedTo(models.TextChoices):
    CIVIL_DEFENCE = "sivilforsvaret", _("Sivilforsvaret")
    ARMED_FORCES = "forsvaret", _("Forsvaret")
