"""Template tags for regional coordination, including the one the staffing pages load.

The staffing app may not import prioritering, but its templates may name prioritering's URLs and
load this library: `{% load bistand_tags %}{% ask_county version %}` where a measure says to
contact Statsforvalteren. The measure is read by its attributes only (title, tasks, personnel_kinds,
request_channel), so no staffing code is imported here either.
"""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html

from prioritering.bistand.vocabulary import (
    PRECONDITION_QUOTE, PRECONDITION_SOURCE, HelpSource, Profession, Task, Urgency,
)
from prioritering.models import Membership, Role

register = template.Library()

# The staffing catalogue's channel code for «Gjennom Statsforvalteren» (staffing.models.Channel).
COUNTY_GOVERNOR_CHANNEL = "statsforvalteren"
# Its personnel code for Sivilforsvaret and Forsvaret (staffing.models.PersonnelKind).
CIVIL_DEFENCE_PERSONNEL = "sivilforsvaret-forsvaret"
# The finder's own questions, passed on unchanged when they hold one of our codes.
FINDER_ANSWERS = {"oppgave": Task, "personell": Profession, "naar": Urgency}


@register.simple_tag
def precondition_quote():
    return format_html("{} ({})", PRECONDITION_QUOTE, PRECONDITION_SOURCE)


def ask_county_query(version, finder_query=None):
    """The request form's query string: the measure's title, the finder's answers, whom to ask.

    A measure giving Sivilforsvaret/Forsvaret ticks both; one for students ticks the students; the
    others (neighbouring municipalities) tick neighbours. One task of the measure's only if it has one.
    """
    params = [("tiltak", version.title)]
    finder_query = finder_query or {}
    for key, vocabulary in FINDER_ANSWERS.items():
        value = finder_query.get(key, "")
        if value in vocabulary.values:
            params.append((key, value))
    tasks = list(getattr(version, "tasks", None) or [])
    if "oppgave" not in finder_query and len(tasks) == 1 and tasks[0] in Task.values:
        params.append(("oppgave", tasks[0]))
    if finder_query.get("dato"):
        params.append(("dato", str(finder_query["dato"])[:10]))
    kinds = set(getattr(version, "personnel_kinds", None) or [])
    if CIVIL_DEFENCE_PERSONNEL in kinds:
        params += [("hjelp", HelpSource.CIVIL_DEFENCE), ("hjelp", HelpSource.ARMED_FORCES)]
    elif "helsefagstudenter" in kinds:
        params.append(("hjelp", HelpSource.STUDENTS))
    else:
        params.append(("hjelp", HelpSource.NEIGHBOURS))
    return urlencode(params)


@register.inclusion_tag("prioritering/bistand/includes/ask_county.html", takes_context=True)
def ask_county(context, version, finder_query=None):
    """«Be Statsforvalteren om hjelp» where a measure goes through Statsforvalteren.

    Signed-in municipal users who may write (leder, bidragsyter) get the prefilled form; other signed-in
    users are told who can; anonymous readers how to sign in, or whom to contact. One query, signed in only.
    """
    shown = getattr(version, "request_channel", "") == COUNTY_GOVERNOR_CHANNEL
    request = context.get("request")
    user = getattr(request, "user", None)
    can_write = shown and user is not None and user.is_authenticated and _can_write(request)
    path = request.get_full_path() if request is not None else "/"
    return {
        "shown": shown, "signed_in": bool(user and user.is_authenticated), "can_write": can_write,
        "form_url": f"{reverse('prioritering:assistance_create')}?{ask_county_query(version, finder_query)}",
        "login_url": f"{reverse('login')}?{urlencode({'next': path})}",
    }


def _can_write(request):
    """Asked once per request, however many measures on the page go through Statsforvalteren."""
    if not hasattr(request, "_bistand_can_write"):
        request._bistand_can_write = Membership.objects.for_user(request.user).filter(
            role__in=[Role.CONTRIBUTOR, Role.LEADER]).exists()
    return request._bistand_can_write
