"""No address answers 500, whatever is put in its path, its query string or its forms.

Every URL pattern is taken from the URLconf when the test runs (the admin's and every included
app's too), so a page added tomorrow is fuzzed without anyone listing it here. Each pattern's
parameters are filled with real values (so the deep pages render) and with hostile ones; every page
is asked for by an anonymous reader, a municipality's leader and a superuser with GET, HEAD and POST,
with hostile query strings and hostile form data built from the page's own forms.

Every request runs in a savepoint that is rolled back, so a POST that deletes, withdraws or logs
out changes nothing for the next request, and a database error cannot poison the ones after it
(PostgreSQL refuses every statement in a failed transaction). Values are sampled, not crossed,
with random generators seeded by the address: the same requests every run.
"""

import logging
import random
import re
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLResolver, get_resolver, include, path, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.regex_helper import normalize

from tests.factories import (add_version, make_article, make_contact_point, make_measure, make_member,
                             make_municipality, make_publisher, make_row, make_superuser, make_topic, make_worksheet)

pytestmark = pytest.mark.django_db

NUMBERS = ["9223372036854775807", "9223372036854775808", "-9223372036854775809", "-1", "0", "9" * 30, "1" * 5000]
# Digits str.isdigit() accepts and int() refuses (², ①), or that int() reads as a number (٣, ３): numbers
# are parsed strictly, ASCII digits only, and these get a 4xx or the form again.
UNICODE_DIGITS = ["²", "①", "1²", "٣", "１２", "߀", "3\u0663"]
# Control characters, line breaks first: they would break an e-mail header made from a title.
CONTROLS = ["a\nb", "a\r\nBcc: x@example.no", "\r", "\t", "\x1b[31m", "\x7f", "\u2028", "\x0b\x0c"]
TEXTS = [
    "abc", "\x00", "a\x00b", "x" * 10_000, "æøå ÆØÅ", "😷🦠", "\u202eslettet\u202c", "مرحبا", "' OR 1=1 --",
    '"><script>alert(1)</script>', "2022-02-30", "31.02.2022", "0000-00-00", "1.5", "1e9", "%", "%%s", "..",
    " ", "null", "{{ 7*7 }}",
]
HOSTILE = NUMBERS + UNICODE_DIGITS + CONTROLS + TEXTS
# What the pages read (request.GET in the views, the filter forms' fields, the admin's own parameters);
# each page also gets the names in its own GET forms and "?…" links.
QUERY_NAMES = ["side", "q", "fra", "til", "tema", "type", "avsender", "vis", "oppgave", "personell", "hastighet",
               "naar", "dato", "autorisert", "sorter", "med", "next", "p", "o", "e", "_changelist_filters",
               "_popup", "_to_field", "guidance_topic", "guidance_issuer", "guidance_article", "email", "frequency",
               # The open API's (/api/v1/; tests/api/test_fuzz_parameters.py reads them from its schema as well).
               "antall", "markor", "siden", "mindre", "gruppe", "gyldig"]
NEXT_VALUES = ["//evil.example/", "https://evil.example/", "javascript:alert(1)", "/\x00", "\\\\evil.example"]
# Filled into a form's empty fields, so that one hostile field at a time gets past the others' validation.
VALID_FORM_VALUES = {
    "email": "fuzz@example.no", "frequency": "immediate", "everything": "on", "username": "fuzzbruker",
    "password": "et-langt-passord-123", "service_unit": "Sone nord", "responsible": "Enhetsleder", "phase": "3",
    "assessed_on": "16.03.2022", "service_type": "dagaktivitet", "action": "redusere", "reason": "kapasitet",
    "nytte": "2", "alvorlighet": "2", "ressurs": "2", "mestring": "2", "weighted_criteria": "nytte",
    "forsvarlig_minimum": "Individuell vurdering.", "involvement": "begge", "end_date": "30.06.2022",
    "decision_form": "skriftlig",
}
OVERSIZED = "x" * 10_000
BIG_BODY = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
FORM_ENCODED = "application/x-www-form-urlencoded"
# Hostile requests per page, shared among the users the page answers (the others get one of each
# kind): path values per parameter, query strings, form fields. The admin's ~150 patterns are
# Django's own views repeated per model, so each of them gets fewer.
LIMITS = {"public": {"paths": 6, "queries": 3, "fields": 5}, "admin": {"paths": 1, "queries": 1, "fields": 1}}


@dataclass
class Route:
    template: str  # "prioritering/%(pk)s/"
    kinds: dict  # parameter → converter ("int", "slug", "str", "path", "uuid") or "regex"

    @property
    def admin(self):
        return self.template.startswith("admin/")

    @property
    def limits(self):
        return LIMITS["admin" if self.admin else "public"]


def routes(patterns=None, prefix="", kinds=None):
    """Every URL pattern of the URLconf, included ones and the admin's too, as a fill-in template."""
    found = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        template, names = normalize(entry.pattern.regex.pattern)[0]
        converters = getattr(entry.pattern, "converters", {})
        level = {**(kinds or {}), **{name: _kind(converters.get(name)) for name in names}}
        if isinstance(entry, URLResolver):
            found += routes(entry.url_patterns, prefix + template, level)
        else:
            found.append(Route(prefix + template, level))
    return found


def _kind(converter):
    return type(converter).__name__.removesuffix("Converter").lower() if converter else "regex"


def hostile_values(kind):
    if kind == "int":  # Unicode digits never match <int:…> (ASCII [0-9]+): they go in query strings and forms
        return NUMBERS + ["abc", "\x00"]
    if kind in ("str", "slug"):
        return HOSTILE + ["a/b"]
    return HOSTILE + ["a/b", "../../etc/passwd", "1/2/3"]


class Forms(HTMLParser):
    """A page's forms as {method, fields: [(name, value)]}, and the parameter names in its "?…" links."""

    def __init__(self, html):
        super().__init__()
        self.forms, self.link_names, self._select, self._textarea = [], set(), None, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "form":
            self.forms.append({"method": (attrs.get("method") or "get").lower(), "fields": []})
        elif tag == "a" and (attrs.get("href") or "").startswith("?"):
            self.link_names |= {name for name, _value in parse_qsl(attrs["href"][1:], keep_blank_values=True)}
        elif tag == "option" and self._select and ("selected" in attrs or not self.forms[-1]["fields"][-1][1]):
            self.forms[-1]["fields"][-1] = (self._select, attrs.get("value") or "")
        elif not self.forms or not name or tag not in ("input", "select", "textarea", "button"):
            return
        elif tag != "input" or attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
            self._select, self._textarea = (name if tag == "select" else None), (name if tag == "textarea" else None)
            self.forms[-1]["fields"].append((name, attrs.get("value") or ""))
        elif name not in {n for n, _ in self.forms[-1]["fields"]}:
            self.forms[-1]["fields"].append((name, ""))  # an unticked box is still a field to post

    def handle_endtag(self, tag):
        if tag in ("select", "textarea"):
            self._select = self._textarea = None

    def handle_data(self, data):
        if self._textarea and self.forms:
            name, value = self.forms[-1]["fields"][-1]
            self.forms[-1]["fields"][-1] = (name, value + data)

    def fields(self, method):
        return [(n, v) for form in self.forms if form["method"] == method for n, v in form["fields"]]


@dataclass
class Fuzzer:
    clients: dict  # user label → (Client, session key or None)
    real: dict  # path parameter → real values
    requests: int = 0
    failures: dict = field(default_factory=dict)  # (method, pattern, user, status, error) → [first URL, count]

    def send(self, route, who, method, url, data=None, content_type=None):
        client, session_key = self.clients[who]
        client.cookies.clear()  # every request starts signed in as `who`, whatever the last one did
        if session_key:
            client.cookies[settings.SESSION_COOKIE_NAME] = session_key
        extra = {"content_type": content_type} if content_type else {}
        with transaction.atomic():
            response = getattr(client, method)(url, *([] if data is None else [data]), **extra)
            transaction.set_rollback(True)
        self.requests += 1
        # 503 too: the database is up, so a 503 is an unhandled DatabaseError (kommuneportal.views.server_error).
        if response.status_code >= 500 or response.exc_info:
            error = response.exc_info[1] if response.exc_info else None
            key = (method.upper(), route.template, who, response.status_code,
                   f"{type(error).__name__}: {str(error)[:160]}" if error else "")
            self.failures.setdefault(key, [url, 0])[1] += 1
        return response

    def report(self):
        lines = []
        for (method, template, who, status, error), (url, count) in self.failures.items():
            shown = url if len(url) < 160 else f"{url[:150]}…({len(url)} tegn)"
            more = f" (+{count - 1} flere på /{template})" if count > 1 else ""
            lines.append(f"{method} {shown!r} som {who}: {status} {error}{more}")
        return f"{sum(count for _url, count in self.failures.values())} svar med 5xx:\n" + "\n".join(lines)

    def fuzz(self, route):
        rng = random.Random(route.template)
        real_paths, hostile_paths = self.paths(route, rng)
        answered = []
        for who in self.clients:
            for url in real_paths or hostile_paths[:1]:  # the first real address that answers is the page
                base, page = url, self.send(route, who, "get", url)
                if page.status_code < 400:
                    break
            self.send(route, who, "head", base)
            forms = Forms(page.content.decode(errors="replace") if "html" in page.get("Content-Type", "") else "")
            variants = self.variants(route, base, forms, hostile_paths, random.Random(f"{route.template}|{who}"))
            if _sign_in_first(page) or page.status_code >= 400 and page.status_code != 405:
                # The login gate or a 403/404 answers before the view: one request of each kind shows it holds.
                firsts = {}
                for method, url, *body in variants:  # a hostile path, a hostile query string, a hostile form
                    firsts.setdefault((method, "?" in url), (method, url, *body))
                self.run(route, who, firsts.values())
            # A POST of the page's own form first: a view that refuses POST gets no more of them.
            elif self.send(route, who, "post", base, self.posts(route, forms, rng)[0]).status_code == 405:
                answered.append((who, [variant for variant in variants if variant[0] != "post"]))
            else:
                answered.append((who, variants))
        # The users the page answers share its hostile requests: each is sent once, by one of them.
        for index, (who, variants) in enumerate(answered):
            self.run(route, who, variants[index::len(answered)])

    def run(self, route, who, variants):
        for method, url, *body in variants:
            self.send(route, who, method, url, *body)

    def paths(self, route, rng):
        """The page's real addresses (first one the likeliest to render), and hostile ones."""
        names = list(route.kinds)
        real = {name: self.real.get(name, []) for name in names}
        if "object_id" in real and (pk := _admin_object(route.template)):
            real["object_id"] = [pk]
        real_fill = {name: values[0] for name, values in real.items() if values}
        real_paths = []
        if len(real_fill) == len(names):  # a parameter nobody told us a real value for gets hostile ones only
            real_paths = [self._url(route, real_fill)]
            real_paths += [self._url(route, {**real_fill, name: value}) for name in names for value in real[name][1:]]
        hostile_paths = []
        for name in names:
            values = hostile_values(route.kinds[name])
            for value in rng.sample(values, min(len(values), route.limits["paths"])):
                fill = {**{n: rng.choice(hostile_values(route.kinds[n])) for n in names}, **real_fill, name: value}
                hostile_paths.append(self._url(route, fill))
        return real_paths, hostile_paths

    def _url(self, route, fill):
        return "/" + route.template % {name: quote(value, safe="/" if route.kinds[name] == "path" else "")
                                       for name, value in fill.items()}

    def variants(self, route, base, forms, hostile_paths, rng):
        found = [("get", url) for url in hostile_paths]
        found += [("get", f"{base}?{query}") for query in self.queries(route, forms, base, rng)]
        found += [("post", base, data) for data in self.posts(route, forms, rng)[1:]]
        if forms.fields("post") and not route.admin:
            too_many = "&".join(f"f{i}=1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
            found += [("post", base, body, FORM_ENCODED) for body in (BIG_BODY, too_many)]
        return found

    def queries(self, route, forms, base, rng):
        """Every parameter the page may read at once (one value, then mixed values), each twice, some
        alone, and `next` pointing back at the page itself."""
        limit = route.limits["queries"]
        names = sorted(set(QUERY_NAMES) | forms.link_names | {n for n, _ in forms.fields("get")})
        queries = [urlencode({name: value for name in names}) for value in rng.sample(HOSTILE, limit)]
        queries += [urlencode({name: rng.choice(HOSTILE) for name in names}) for _ in range(limit // 2)]
        queries += [urlencode([(name, value) for name in names for value in ("1", "2")])]  # ?side=1&side=2
        queries += [urlencode({name: rng.choice(HOSTILE)}) for name in rng.sample(names, limit)]
        if not route.admin:
            queries += [urlencode({"next": next_}) for next_ in (base, rng.choice(NEXT_VALUES))]
        return queries

    def posts(self, route, forms, rng):
        """The page's own POST form as it was shown (empty fields filled in), then hostile versions of it:
        NUL, oversized and other values in every field, every field twice, one field at a time."""
        limit = route.limits["fields"]
        shown = {}
        for name, value in forms.fields("post"):
            shown.setdefault(name, []).extend([value] if value else [])
        names = [name for name in shown if name != "csrfmiddlewaretoken"] or list(VALID_FORM_VALUES)
        baseline = {name: shown.get(name) or [VALID_FORM_VALUES.get(name, "")] for name in names}
        posts = [baseline, {name: "\x00" for name in names}]
        if not forms.fields("post"):
            return posts  # no form on the page: two POSTs show whether the view takes one
        if not route.admin:
            posts += [{name: OVERSIZED for name in names}]
        posts += [{name: value for name in names} for value in rng.sample(HOSTILE, limit // 2)]
        posts += [{name: [*values, rng.choice(HOSTILE)] for name, values in baseline.items()}]
        return posts + [{**baseline, name: rng.choice(HOSTILE)} for name in rng.sample(names, min(len(names), limit))]


def _sign_in_first(response):
    login_pages = {resolve_url(settings.LOGIN_URL), reverse("admin:login")}
    return response.status_code == 302 and urlsplit(response["Location"]).path in login_pages


def _admin_object(template):
    """The pk of the first object of an admin page's model (`admin/<app>/<model>/…`), or None."""
    for model in admin.site._registry:
        if template.startswith(f"admin/{model._meta.app_label}/{model._meta.model_name}/"):
            first = model._default_manager.order_by("pk").first()
            return str(first.pk) if first else None
    return None


@pytest.fixture
def site(db):
    """A little of everything, so the deep pages render: the values real path parameters take."""
    from datetime import date

    from alerts.models import Subscription
    from alerts.tokens import confirm_token, subscriber_token
    from guidance.models import ExternalLink
    from prioritering.models import Status

    publisher, topic = make_publisher(), make_topic()
    article = make_article(author=publisher, topics=[topic], versions=[{}, {"body": "Kommunelegen og **sporerne**."}])
    add_version(article, publisher, body="Et utkast som venter på godkjenning.")
    ExternalLink.objects.create(title="FHI", url="https://www.fhi.no/", issuer=article.issuer)
    measure = make_measure(publisher=publisher)
    make_contact_point(date(2020, 1, 1))
    municipality = make_municipality()
    worksheet, member = make_worksheet(municipality), make_member(municipality, "leder")
    decided = make_worksheet(municipality, status=Status.DECIDED, service_unit="Sykehjemmet")
    subscription = Subscription.objects.create(email="lest@example.no")
    staff = make_superuser()
    real = {
        "pk": [str(worksheet.pk), str(decided.pk)], "row_pk": [str(make_row(worksheet).pk)],
        "slug": [article.slug, topic.slug, measure.slug], "number": ["1", "2", "3"],
        "token": [subscriber_token(subscription), confirm_token(subscription),
                  default_token_generator.make_token(member)],
        "uidb64": [urlsafe_base64_encode(force_bytes(member.pk))], "id": [str(staff.pk)],
        "object_id": [str(article.pk)], "content_type_id": [str(ContentType.objects.get_for_model(article).pk)],
        "app_label": sorted({model._meta.app_label for model in admin.site._registry}),
        "rest": ["subscription/"], "url": ["finnes-ikke/"],
    }
    return {"real": real, "users": {"anonym": None, "kommunebruker": member, "stab": staff},
            "ids": {"article": article.pk, "staff": staff.pk}}


def _fuzzer(site):
    clients = {}
    for who, user in site["users"].items():
        client = Client(raise_request_exception=False)  # an exception is a 500 answer, collected with the rest
        if user is not None:
            client.force_login(user)
        clients[who] = (client, client.session.session_key if user else None)
    return Fuzzer(clients, site["real"])


def _fuzz(fuzzer, found):
    logging.disable(logging.CRITICAL)  # thousands of 4xx warnings; the failures are collected instead
    try:
        for route in found:
            fuzzer.fuzz(route)
    finally:
        logging.disable(logging.NOTSET)


def test_no_url_in_the_urlconf_answers_500_to_hostile_input(site):
    fuzzer, found, started, cpu = _fuzzer(site), routes(), time.monotonic(), time.process_time()
    _fuzz(fuzzer, found)
    print(f"\n{len(found)} URL patterns, {fuzzer.requests} requests, {time.monotonic() - started:.1f} s "
          f"({time.process_time() - cpu:.1f} s CPU)")
    assert not fuzzer.failures, fuzzer.report()


# Requests the fuzzing found answering 500 (or 503, a DatabaseError, on PostgreSQL), each sent every run.
FIXED = [
    pytest.param("kommunebruker", "/konto/logg-inn/?next=/konto/logg-inn/", None, 302,
                 id="signed-in-user-sent-to-sign-in"),
    pytest.param("anonym", "/admin/login/", {"username": "x" * 300, "password": "x"}, 200,
                 id="admin-sign-in-overlong-name"),
    pytest.param("stab", "/admin/guidance/issuer/?id__exact=" + "1" * 5000, None, 400, id="admin-filter-5000-digits"),
    pytest.param("stab", "/admin/guidance/issuer/", {"action": "delete_selected", "_selected_action": "abc"}, 400,
                 id="admin-action-on-non-key"),
    pytest.param("stab", "/admin/guidance/issuer/", {"action": "delete_selected", "_selected_action": ""}, 400,
                 id="admin-action-on-empty-key"),
    pytest.param("stab", "/admin/guidance/externallink/add/",
                 {"title": "FHI", "url": "https://www.fhi.no/", "issuer": "abc"}, 400, id="admin-autocomplete-non-key"),
    pytest.param("stab", "/admin/auth/user/{staff}/change/", {"username": "stab", "groups": "9223372036854775808"}, 400,
                 id="admin-many-to-many-key-beyond-64-bits"),
    pytest.param("stab", "/admin/guidance/article/add/", {"title": "Ny", "based_on_number": "2"}, 200,
                 id="admin-new-document-based-on-version-2"),
    pytest.param("stab", "/admin/guidance/article/{article}/trekk-tilbake/", {"reason": "Feil\x00"}, 400,
                 id="admin-withdrawal-reason-with-nul"),
    # Unicode digits: str.isdigit() said yes, int() said no (issue 23).
    *[pytest.param("stab", f"/admin/guidance/article/{{article}}/versjon/2/sammenlign/?med={digits}", None, 404,
                   id=f"admin-compare-with-{name}") for digits, name in (("%C2%B2", "superscript-two"),
                                                                         ("%E2%91%A0", "circled-one"), ("1%C2%B2", "one-squared"))],
    pytest.param("anonym", "/veiledning/?side=%D9%A3", None, 404, id="page-number-in-arabic-indic-digits"),
    # Control characters in a title: stored, they made the version's alerts fail forever (issue 23).
    pytest.param("stab", "/admin/guidance/article/add/", {"title": "Ny\r\nregel", "based_on_number": "0"}, 200,
                 id="admin-title-with-a-line-break"),
    pytest.param("anonym", "/bemanning/foresla-tiltak/", {"title": "Lån av\nsykepleiere", "description": "Tekst."}, 400,
                 id="proposal-title-with-a-line-break"),
]


@pytest.mark.parametrize("who,url,data,status", FIXED)
def test_input_that_once_answered_500_gets_a_4xx_or_the_form_again(site, who, url, data, status):
    client = Client(raise_request_exception=False)
    if site["users"][who]:
        client.force_login(site["users"][who])
    url = url.format(**site["ids"])
    response = client.get(url) if data is None else client.post(url, data)
    assert response.status_code == status, (response.exc_info, response.content[:2000])


# A URLconf with one more page, which fails on a number beyond 64 bits as a forgotten check would.
def _page_that_fails_on_huge_numbers(request, number):
    if number > 2**63 - 1:
        raise OverflowError("Python int too large to convert to SQLite INTEGER")
    return HttpResponse("ok")


urlpatterns = [path("ny-side/<int:number>/", _page_that_fails_on_huge_numbers), path("", include("kommuneportal.urls"))]


def test_a_new_url_that_answers_500_is_found_and_reported(site, settings):
    settings.ROOT_URLCONF = __name__
    fuzzer = _fuzzer(site)
    _fuzz(fuzzer, [route for route in routes() if route.template.startswith("ny-side/")])
    found = {(method, template, status, error.split(":")[0]) for method, template, _who, status, error in fuzzer.failures}
    assert found == {("GET", "ny-side/%(number)s/", 500, "OverflowError")}
    report = fuzzer.report()  # method, address, user and status of each
    assert re.search(r"^GET '/ny-side/\d{19,}/' som (anonym|kommunebruker|stab): 500 OverflowError", report, re.M)
