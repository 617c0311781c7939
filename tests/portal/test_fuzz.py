"""No address answers 500, whatever is put in its path, its query string or its forms.

Every URL pattern is taken from the URLconf when the test runs (the admin's and every included
app's too), so a page added tomorrow is fuzzed without anyone listing it here. Each pattern's
parameters are filled with real values (so the deep pages render) and with hostile ones; every page
is asked for by an anonymous reader, a municipality's leader and a superuser with GET and HEAD,
with hostile query strings, and with POSTs of hostile form data built from the page's own forms.

Every request runs in a savepoint that is rolled back, so a POST that deletes, withdraws or logs
out changes nothing for the next request, and a database error cannot poison the ones after it
(PostgreSQL refuses every statement in a failed transaction). Values are sampled, not crossed,
with a random generator seeded by the address: the same requests every run.
"""

import random
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
from django.test import Client
from django.urls import URLResolver, get_resolver, include, path
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.regex_helper import normalize

from tests.factories import (add_version, make_article, make_contact_point, make_measure, make_member,
                             make_municipality, make_publisher, make_row, make_superuser, make_topic, make_worksheet)

pytestmark = pytest.mark.django_db

INT64_MAX = "9223372036854775807"
NUMBERS = [INT64_MAX, "9223372036854775808", "-9223372036854775809", "-1", "0", "9" * 30, "1" * 5000]
TEXTS = [
    "abc", "\x00", "a\x00b", "x" * 10_000, "æøå ÆØÅ", "😷🦠", "\u202eslettet\u202c", "مرحبا", "' OR 1=1 --",
    '"><script>alert(1)</script>', "2022-02-30", "31.02.2022", "0000-00-00", "1.5", "1e9", "%", "%%s", "..",
    " ", "null", "{{ 7*7 }}",
]
HOSTILE = NUMBERS + TEXTS
# Parameters the pages read (request.GET in the views, the filter forms' fields) and some they should not.
QUERY_NAMES = ["side", "q", "fra", "til", "tema", "type", "avsender", "vis", "oppgave", "personell", "hastighet",
               "naar", "dato", "autorisert", "sorter", "med", "next", "p", "o", "e", "_changelist_filters",
               "_popup", "_to_field", "guidance_topic", "guidance_issuer", "guidance_article", "email", "frequency"]
NEXT_VALUES = ["//evil.example/", "https://evil.example/", "javascript:alert(1)", "/\x00", "\\\\evil.example"]
# Filled into empty form fields so that one hostile field at a time reaches code past the others' validation.
VALID_FORM_VALUES = {
    "email": "fuzz@example.no", "frequency": "immediate", "everything": "on", "username": "fuzzbruker",
    "password": "et-langt-passord-123", "service_unit": "Sone nord", "responsible": "Enhetsleder", "phase": "3",
    "assessed_on": "16.03.2022", "service_type": "dagaktivitet", "action": "redusere", "reason": "kapasitet",
    "nytte": "2", "alvorlighet": "2", "ressurs": "2", "mestring": "2", "weighted_criteria": "nytte",
    "forsvarlig_minimum": "Individuell vurdering.", "involvement": "begge", "end_date": "30.06.2022",
    "decision_form": "skriftlig", "action_publish": "publish",
}
BIG_BODY = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
# Requests per page and user, beyond the real addresses; the admin's ~140 patterns share one budget.
SAMPLES = {"public": {"paths": 99, "queries": 99, "fields": 99, "posts": 6},
           "admin": {"paths": 3, "queries": 4, "fields": 4, "posts": 2}}


@dataclass
class Route:
    template: str  # "prioritering/%(pk)s/"
    kinds: dict  # parameter → converter ("int", "slug", "str", "path", "uuid") or "regex"

    @property
    def budget(self):
        return SAMPLES["admin" if self.template.startswith("admin/") else "public"]


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
    if kind == "int":
        return NUMBERS + ["abc", "\x00"]
    if kind in ("str", "slug"):
        return HOSTILE + ["a/b"]
    return HOSTILE + ["a/b", "../../etc/passwd", "1/2/3"]


class Forms(HTMLParser):
    """The page's forms as {method, fields: [(name, value)]} and the names in its "?…" links."""

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
        elif not self.forms or not name or tag not in ("input", "select", "textarea"):
            return
        elif tag != "input" or attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
            self._select, self._textarea = (name if tag == "select" else None), (name if tag == "textarea" else None)
            self._add(name, attrs.get("value") or "")
        elif name not in {n for n, _ in self.forms[-1]["fields"]}:
            self._add(name, "")  # an unticked box is still a field to post

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and self.forms:
            name, value = self.forms[-1]["fields"][-1]
            self.forms[-1]["fields"][-1] = (name, value + data)

    def _add(self, name, value):
        self.forms[-1]["fields"].append((name, value))

    def fields(self, method):
        return [(n, v) for form in self.forms if form["method"] == method for n, v in form["fields"]]


@dataclass
class Fuzzer:
    clients: dict  # label → (Client, session key or None)
    real: dict  # parameter → real values
    requests: int = 0
    failures: list = field(default_factory=list)

    def send(self, who, method, url, data=None, content_type=None):
        client, session_key = self.clients[who]
        client.cookies.clear()
        if session_key:
            client.cookies[settings.SESSION_COOKIE_NAME] = session_key
        extra = {"content_type": content_type} if content_type else {}
        with transaction.atomic():
            response = getattr(client, method)(url, data, **extra) if data is not None else getattr(client, method)(url)
            transaction.set_rollback(True)
        self.requests += 1
        if response.status_code >= 500 or response.exc_info:
            error = response.exc_info[1] if response.exc_info else None
            shown = url if len(url) < 160 else f"{url[:150]}…({len(url)} tegn)"
            self.failures.append(f"{method.upper()} {shown!r} as {who}: {response.status_code} "
                                 f"{type(error).__name__ if error else ''} {str(error)[:200] if error else ''}")
        return response

    def fuzz(self, route):
        rng = random.Random(route.template)
        budget = route.budget
        real_paths, hostile_paths = self.paths(route, rng)
        for who in self.clients:
            for url in real_paths + hostile_paths:
                self.send(who, "get", url)
            for url in real_paths[:1] + hostile_paths[:1]:
                self.send(who, "head", url)
            base = real_paths[0] if real_paths else (hostile_paths[0] if hostile_paths else None)
            if base is None:
                continue
            page = self.send(who, "get", base)
            forms = Forms(page.content.decode(errors="replace")) if page.get("Content-Type", "").startswith(
                "text/html") else Forms("")
            for query in self.queries(forms, base, rng, budget):
                self.send(who, "get", f"{base}?{query}")
            for data in self.posts(forms, rng, budget):
                response = self.send(who, "post", base, data)
                if response.status_code == 405:
                    break
            else:
                if route.budget is SAMPLES["public"]:
                    self.send(who, "post", base, BIG_BODY, content_type="application/x-www-form-urlencoded")
                    self.send(who, "post", base, "&".join(f"f{i}=1" for i in range(2000)),
                              content_type="application/x-www-form-urlencoded")

    def paths(self, route, rng):
        names = list(route.kinds)
        real = {name: self.real.get(name, []) for name in names}
        if "object_id" in real and (pk := _admin_object(route.template)):
            real["object_id"] = [pk]
        real_fill = {name: values[0] for name, values in real.items() if values}
        real_paths = ([self._url(route, {**real_fill, **{n: v}}) for n in names for v in real[n][1:]]
                      if names else []) + ([self._url(route, real_fill)] if len(real_fill) == len(names) else [])
        hostile_paths = []
        for name in names:
            values = hostile_values(route.kinds[name])
            for value in rng.sample(values, min(len(values), route.budget["paths"])):
                fill = {**{n: rng.choice(hostile_values(route.kinds[n])) for n in names}, **real_fill, name: value}
                hostile_paths.append(self._url(route, fill))
        return sorted(set(real_paths), key=real_paths.index), hostile_paths

    def _url(self, route, fill):
        return "/" + route.template % {name: quote(value, safe="/" if route.kinds[name] == "path" else "")
                                       for name, value in fill.items()}

    def queries(self, forms, base, rng, budget):
        names = sorted(set(QUERY_NAMES) | forms.link_names | {n for n, _ in forms.fields("get")})
        values = rng.sample(HOSTILE, min(len(HOSTILE), budget["queries"]))
        queries = [urlencode({name: value for name in names}) for value in values]
        queries += [urlencode({name: rng.choice(HOSTILE) for name in names}) for _ in range(2)]
        queries += [urlencode([(name, value) for name in names for value in ("1", "2")])]  # ?side=1&side=2
        queries += [urlencode({"next": value}) for value in [base, *NEXT_VALUES]]
        singles = rng.sample(names, min(len(names), budget["queries"] * 2))
        return queries + [urlencode({name: rng.choice(HOSTILE)}) for name in singles]

    def posts(self, forms, rng, budget):
        posted = {}
        for name, value in forms.fields("post"):
            posted.setdefault(name, [])
            if value:
                posted[name].append(value)
        names = [name for name in posted if name != "csrfmiddlewaretoken"] or list(VALID_FORM_VALUES)
        baseline = {name: posted.get(name) or [VALID_FORM_VALUES.get(name, "")] for name in names}
        posts = [baseline, {name: "\x00" for name in names}]
        posts += [{name: value for name in names} for value in rng.sample(HOSTILE, budget["posts"])]
        posts += [{name: [*values, rng.choice(HOSTILE)] for name, values in baseline.items()}]  # duplicated
        for name in rng.sample(names, min(len(names), budget["fields"])):
            posts += [{**baseline, name: value} for value in rng.sample(HOSTILE, 2)]
        return posts


def _real_values(site):
    """Real path parameters by name, so the fuzzed pages render their deep parts too."""
    from alerts.tokens import confirm_token, subscriber_token

    return {
        "pk": [str(site["worksheet"].pk), str(site["decided"].pk)],
        "row_pk": [str(site["row"].pk)],
        "slug": [site["article"].slug, site["topic"].slug, site["measure"].slug],
        "number": ["1", "2", "3"],
        "token": [subscriber_token(site["subscription"]), confirm_token(site["subscription"]),
                  default_token_generator.make_token(site["member"])],
        "uidb64": [urlsafe_base64_encode(force_bytes(site["member"].pk))],
        "object_id": [str(site["article"].pk)],
        "content_type_id": [str(ContentType.objects.get_for_model(site["article"]).pk)],
        "id": [str(site["staff"].pk)],
        "app_label": sorted({model._meta.app_label for model in admin.site._registry}),
        "rest": ["subscription/"],
        "url": ["finnes-ikke/"],
    }


def _admin_object(template):
    """The pk of the first object of the admin page's model (`admin/<app>/<model>/…`), or None."""
    for model in admin.site._registry:
        if template.startswith(f"admin/{model._meta.app_label}/{model._meta.model_name}/"):
            first = model._default_manager.order_by("pk").first()
            return str(first.pk) if first else None
    return None


@pytest.fixture
def site(db):
    from datetime import date

    from alerts.models import Subscription
    from guidance.models import ExternalLink
    from prioritering.models import Status

    publisher = make_publisher()
    topic = make_topic()
    article = make_article(author=publisher, topics=[topic], versions=[{}, {"body": "Kommunelegen og **smittesporere**."}])
    add_version(article, publisher, body="Et utkast som venter på godkjenning.")
    municipality = make_municipality()
    worksheet = make_worksheet(municipality)
    ExternalLink.objects.create(title="FHI", url="https://www.fhi.no/", issuer=article.issuer)
    make_contact_point(date(2020, 1, 1))
    return {
        "article": article, "topic": topic, "measure": make_measure(publisher=publisher),
        "worksheet": worksheet, "row": make_row(worksheet), "member": make_member(municipality, "leder"),
        "decided": make_worksheet(municipality, status=Status.DECIDED, service_unit="Sykehjemmet"),
        "staff": make_superuser(), "subscription": Subscription.objects.create(email="lest@example.no"),
    }


def _fuzzer(site):
    clients = {}
    for who, user in (("anonym", None), ("kommunebruker", site["member"]), ("stab", site["staff"])):
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        clients[who] = (client, client.session.session_key if user else None)
    return Fuzzer(clients, _real_values(site))


def test_no_url_in_the_urlconf_answers_500_to_hostile_input(site):
    fuzzer, started = _fuzzer(site), time.monotonic()
    found = routes()
    for route in found:
        fuzzer.fuzz(route)
    print(f"\n{len(found)} URL patterns, {fuzzer.requests} requests, {time.monotonic() - started:.1f} s")
    assert not fuzzer.failures, f"{len(fuzzer.failures)} requests failed:\n" + "\n".join(fuzzer.failures)
