"""Errors of the open API as JSON problem details (RFC 9457), with Norwegian messages.

Every answer that is not a success is `application/problem+json`: `type` points to the problem's
explanation on the documentation page (/api/#…), `title` names the kind of problem, `detail` says
what to do, and a bad query string lists every bad parameter in `errors`. A withdrawn document
answers 410 with when and why (`withdrawn_at`, `withdrawal_reason`).
"""

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rest_framework import exceptions
from rest_framework.response import Response

PROBLEM_CONTENT_TYPE = "application/problem+json"
DOCS = "/api/"


class Problem(exceptions.APIException):
    """An API answer that is not a success, raised anywhere in a view."""

    def __init__(self, status, slug, title, detail, **members):
        self.status_code = status
        self.body = {"type": f"{DOCS}#feil-{slug}", "title": title, "status": status, "detail": detail, **members}
        super().__init__(detail)


def bad_parameters(errors):
    """400 for a query string whose parameters `errors` ({name: [(message, code)]}) describes."""
    listed = [{"parameter": name, "detail": str(message), "code": code or "invalid"}
              for name, problems in errors.items() for message, code in problems]
    names = ", ".join(f"«{name}»" for name in errors)
    detail = ngettext("Rett parameteren %(names)s og prøv igjen.", "Rett parameterne %(names)s og prøv igjen.",
                      len(errors)) % {"names": names}
    return Problem(400, "ugyldig-parameter", _("Ugyldig parameter"), detail, errors=listed)


def not_found(detail=None):
    return Problem(404, "finnes-ikke", _("Finnes ikke"),
                   detail or _("Adressen finnes ikke i API-et. Se /api/v1/ for alle ressursene."))


def gone(document):
    """410 for a withdrawn document: its history is kept, but readers are told why it is gone."""
    return Problem(410, "trukket-tilbake", _("Trukket tilbake"),
                   _("Dokumentet er trukket tilbake og vises ikke lenger. Begrunnelsen står i «withdrawal_reason»."),
                   withdrawn_at=timezone.localtime(document.withdrawn_at).isoformat(), withdrawal_reason=document.withdrawal_reason)


def rate_limited(retry_after):
    return Problem(429, "for-mange-foresporsler", _("For mange forespørsler"),
                   _("Denne adressen har sendt for mange forespørsler. Vent %(seconds)s sekunder og prøv igjen.")
                   % {"seconds": retry_after})


def method_not_allowed(method):
    return Problem(405, "metode-ikke-tillatt", _("Metoden er ikke tillatt"),
                   _("API-et kan bare leses: bruk GET eller HEAD, ikke %(method)s.") % {"method": method[:20]})


def problem_response(problem, headers=None):
    return Response(problem.body, status=problem.status_code, content_type=PROBLEM_CONTENT_TYPE,
                    headers={"Cache-Control": "no-store", **(headers or {})})


def problem_handler(exc, context):
    """REST framework's exception handler (settings.REST_FRAMEWORK): every error as problem details."""
    if isinstance(exc, (Http404, exceptions.NotFound)):
        exc = not_found()
    elif isinstance(exc, exceptions.MethodNotAllowed):
        exc = method_not_allowed(context["request"].method)
    elif isinstance(exc, exceptions.APIException) and not isinstance(exc, Problem):
        exc = Problem(exc.status_code, "ugyldig-foresporsel", _("Ugyldig forespørsel"),
                      _("Forespørselen kunne ikke behandles. Se dokumentasjonen på /api/."))
    if not isinstance(exc, Problem):
        return None  # a real error: Django's 500 handling, logged as usual
    headers = {"Allow": "GET, HEAD, OPTIONS"} if exc.status_code == 405 else None
    return problem_response(exc, headers)
