from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from guidance.changes import latest_news, major_changes
from guidance.models import ArticleKind
from kommuneportal.versioning import attach_live_versions


HOME_LIST_SIZE = 5


def home(request):
    context = {
        "latest_changes": major_changes().exclude(article__kind=ArticleKind.NEWS)[:HOME_LIST_SIZE],
        "latest_news": attach_live_versions(latest_news()[:HOME_LIST_SIZE]),
    }
    return render(request, "home.html", context)


def accessibility_statement(request):
    return render(request, "accessibility_statement.html")


@never_cache
def health(request):
    """Answer load balancers: 200 when this process and its database respond."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "feil", "database": "utilgjengelig"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def _error_page(request, status, title, text, exception=None):
    context = {"status": status, "error_title": title, "error_text": text}
    return render(request, "error.html", context, status=status)


def bad_request(request, exception=None):
    return _error_page(
        request, 400, _("Forespørselen kunne ikke behandles"),
        _("Adressen eller skjemaet inneholdt noe portalen ikke forstår. Sjekk adressen, eller gå tilbake og prøv igjen."),
    )


def permission_denied(request, exception=None):
    return _error_page(
        request, 403, _("Du har ikke tilgang til denne siden"),
        _("Siden krever en rolle du ikke har. Logg inn med en annen bruker, eller be en administrator i kommunen om tilgang."),
    )


def page_not_found(request, exception=None):
    return _error_page(
        request, 404, _("Fant ikke siden"),
        _("Siden finnes ikke, er flyttet, eller du har ikke tilgang til den. Sjekk at adressen er riktig, eller bruk søket."),
    )


def csrf_failure(request, reason=""):
    return _error_page(
        request, 403, _("Skjemaet kunne ikke sendes"),
        _("Skjemaet var for gammelt eller kom ikke fra denne portalen, så det ble ikke lagret. Gå tilbake, last siden på nytt og send skjemaet igjen. Kopier gjerne teksten du skrev først."),
    )
