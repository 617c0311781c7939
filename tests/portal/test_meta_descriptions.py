"""Every public page says what it is in a meta description (issue 28: search engines and Lighthouse's
SEO audit read it; the search results had none)."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.browser.page_types import load_demo_content, public_pages

pytestmark = pytest.mark.django_db


def descriptions(page):
    return [html.unescape(content) for content in re.findall(r'<meta name="description" content="([^"]*)">', page)]


def test_every_public_page_type_has_one_meta_description_of_its_own():
    load_demo_content()
    client = Client()
    found = {}
    for name, url in public_pages(client).items():
        described = descriptions(client.get(url).content.decode())
        assert len(described) == 1, (name, described)
        assert 40 <= len(described[0]) <= 300, (name, described[0])
        found[name] = described[0]
    # Each page type says something of its own; only variants of one page (with and without answers) share one.
    shared = [name for name, text in found.items() if list(found.values()).count(text) > 1]
    assert set(shared) <= {"søk med treff", "søk uten treff", "tiltaksfinneren", "tiltaksfinneren med svar",
                           "tiltaksfinneren med svar i mars 2022",
                           "historikk med sammenligning", "historikk side om side"}, shared


def test_search_results_are_described_but_kept_out_of_search_engines_and_the_search_page_is_not():
    client = Client()
    results = client.get(reverse("search"), {"q": "legevakt"}).content.decode()
    assert descriptions(results) and '<meta name="robots" content="noindex, follow">' in results
    page = client.get(reverse("search")).content.decode()
    assert descriptions(page) and 'name="robots"' not in page
