import sys

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db import DatabaseError, connection
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render, resolve_url
from django.template import loader
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views import defaults
from django.views.decorators.http import require_safe

from guidance.changes import latest_news, major_changes
from django_ratelimit.core import get_usage

from guidance.models import Article, Issuer, Topic
from kommuneportal.database import bounded_wait
from kommuneportal.forms import LimitedPasswordResetForm, SearchForm
from kommuneportal.middleware import cached_copy
from kommuneportal.search import site_search
from publishing.cachetags import shows
from publishing.models import SearchSynonym
from publishing.numbers import parse_page_number
from staffing.models import Measure


HOME_LIST_SIZE = 5
HEALTH_DATABASE_WAIT = 2  # seconds: a load balancer's check must answer well within its own timeout
SEARCH_PAGE_SIZE = 20


@shows(Article, Topic, Issuer)
def home(request):
    context = {
        # News are changes too: the latest changes list every kind, by the date the source gives.
        "latest_changes": major_changes()[:HOME_LIST_SIZE],
        "latest_news": latest_news().prefetch_related(None)[:HOME_LIST_SIZE],  # the front page shows no topics
        "topics": Topic.objects.all(),
        "search_form": SearchForm(),
    }
    return render(request, "home.html", context)


def accessibility_statement(request):
    return render(request, "accessibility_statement.html")


@never_cache
def health(request):
    """Answer load balancers: 200 when this process and its database respond, at once either way."""
    try:
        with bounded_wait(HEALTH_DATABASE_WAIT), connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        response = JsonResponse({"status": "feil", "database": "utilgjengelig"}, status=503)
        response["Retry-After"] = "30"
        return response
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
@shows(Article, Measure, Topic, Issuer, SearchSynonym)
def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "search.html", {"form": form, "query": "", "page": None}, status=400)
    query = form.cleaned_data["q"]
    page = search = None
    if query:
        search = site_search(query)
        try:
            number = parse_page_number(request.GET.get("side"))
            if number is None:
                raise InvalidPage
            page = Paginator(search.hits, SEARCH_PAGE_SIZE).page(number)
        except InvalidPage:
            raise Http404(gettext_lazy("Sidenummeret er ikke et tall, eller søket har ikke så mange sider."))
    return render(request, "search.html", {"form": form, "query": query, "page": page, "search": search})


class LoginView(auth_views.LoginView):
    """Django's sign-in page. A signed-in user sent back to it (`?next=/konto/logg-inn/`) goes to the
    front page, where Django would raise "Redirection loop for authenticated user" (a 500)."""

    def get_success_url(self):
        url = super().get_success_url()
        return resolve_url(settings.LOGIN_REDIRECT_URL) if url == self.request.path else url


class PasswordResetView(auth_views.PasswordResetView):
    """Django's page, with RATE_LIMITS["password_reset"] requests an hour per client address (any number of
    e-mail addresses from one client count together) and the e-mails to one address limited by the form."""

    form_class = LimitedPasswordResetForm

    def form_valid(self, form):
        usage = get_usage(self.request, group="password_reset", key="ip", rate=settings.RATE_LIMITS["password_reset"],
                          increment=True)
        if not (usage and usage["should_limit"]):
            return super().form_valid(form)
        retry_after = max(usage["time_left"], 1)
        response = self.render_to_response(self.get_context_data(form=form, retry_minutes=-(-retry_after // 60)),
                                           status=429)
        response["Retry-After"] = str(retry_after)
        return response


def rate_limited(request, exception=None):
    """The page of a view limited by django-ratelimit's decorator (RATELIMIT_VIEW). The decorator does not
    say when its window ends, so Retry-After names the longest window the portal's limits use."""
    response = _error_page(
        request, 429, _("For mange forsøk"),
        _("Det er sendt mange slike skjemaer fra nettverket ditt den siste timen, så dette ble ikke sendt. "
          "Gå tilbake i nettleseren, der det du skrev, som regel står fortsatt, og prøv igjen om en time."),
    )
    response["Retry-After"] = "3600"
    return response


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /prioritering/",
        "Disallow: /konto/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _error_page(request, status, title, text, exception=None):
    """The one error page of the site, used by every handler below.

    A view may say more to the reader by raising with a lazily translated message, e.g.
    `raise Http404(gettext_lazy("Sidenummeret finnes ikke."))`. Other messages (Django's own,
    in English and for developers) are never shown.
    """
    message = exception.args[0] if exception is not None and exception.args else None
    context = {"status": status, "error_title": title, "error_text": text,
               "exception_message": message if isinstance(message, Promise) else None}
    return render(request, "error.html", context, status=status)


def bad_request(request, exception=None):
    return _error_page(
        request, 400, _("Forespørselen kunne ikke behandles"),
        _("Adressen eller skjemaet inneholdt noe portalen ikke forstår. Sjekk adressen, eller gå tilbake og prøv igjen."),
        exception,
    )


def permission_denied(request, exception=None):
    return _error_page(
        request, 403, _("Du har ikke tilgang til denne siden"),
        _("Siden krever en rolle du ikke har. Logg inn med en annen bruker, eller be en administrator i kommunen om tilgang."),
        exception,
    )


def page_not_found(request, exception=None):
    return _error_page(
        request, 404, _("Fant ikke siden"),
        _("Siden finnes ikke, er flyttet, eller du har ikke tilgang til den. Sjekk at adressen er riktig, eller bruk søket."),
        exception,
    )


def server_error(request):
    """500, or 503 with Retry-After when the database is unreachable or hung — and then the cached
    copy of a public page if there is one, so readers keep the guidance while the database is away."""
    error = sys.exc_info()[1]
    if not isinstance(error, DatabaseError):
        return defaults.server_error(request)
    copy = cached_copy(request)
    if copy is not None:
        return copy
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


def csrf_failure(request, reason=""):
    return _error_page(
        request, 403, _("Skjemaet kunne ikke sendes"),
        _("Skjemaet var for gammelt eller kom ikke fra denne portalen, så det ble ikke lagret. Gå tilbake, last siden på nytt og send skjemaet igjen. Kopier gjerne teksten du skrev først."),
    )
