"""The site assembles what each app contributes: sitemaps, search providers, alert sources."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_article, make_measure
from tests.sitemap import sitemap_xml

pytestmark = pytest.mark.django_db


def test_sitemap_lists_every_public_measure_page_beside_guidance(client):
    make_article(slug="legevakt")
    make_measure(slug="reservepersonell")
    make_measure(slug="utkast-tiltak", publish=False)
    xml = sitemap_xml(client)
    assert "/veiledning/legevakt/" in xml
    assert "/bemanning/reservepersonell/" in xml
    assert "/bemanning/" in xml and "/bemanning/finn-tiltak/" in xml
    assert "/bemanning/utkast-tiltak/" not in xml
    assert "/veiledning/tema/</loc>" in xml


def test_sitemap_reads_no_document_text(client):
    """It lists every live document there is, so it reads only their addresses and dates (the live
    version is joined for its date, never read whole)."""
    make_article(slug="legevakt")
    make_measure(slug="reservepersonell")
    with CaptureQueriesContext(connection) as captured:
        sitemap_xml(client)
    reads = [query["sql"] for query in captured.captured_queries
             if re.search(r'\."(body|summary|title)"', query["sql"].split(" FROM ", 1)[0])]
    assert reads == [], "The sitemap read text:\n" + "\n".join(reads)


def test_sitemap_is_an_index_of_sections_in_pages_of_a_bounded_size(client, settings, monkeypatch,
                                                                     django_assert_flat_queries):
    from publishing.sitemaps import LiveDocumentSitemap

    monkeypatch.setattr(LiveDocumentSitemap, "limit", 2)
    for slug in ("a-regel", "b-regel", "c-regel"):
        make_article(slug=slug)
    index = client.get(reverse("sitemap")).content.decode()
    assert "<sitemapindex" in index
    assert "/sitemap-veiledning.xml</loc>" in index and "/sitemap-veiledning.xml?p=2</loc>" in index
    with django_assert_flat_queries(6):
        second = client.get("/sitemap-veiledning.xml", {"p": 2}).content.decode()
    assert "/veiledning/c-regel/" in second and "/veiledning/a-regel/" not in second
    assert client.get("/sitemap-veiledning.xml", {"p": 3}).status_code == 404
    assert "<lastmod>" in index  # from one query, not by reading every document


def test_site_search_collects_results_from_guidance_and_staffing(client):
    make_article(slug="legevakt", title="Legevakt i kommunene")
    make_measure(slug="legevakt-tiltak", title="Legevakt med ekstra personell")
    page = client.get(reverse("search"), {"q": "legevakt"}).content.decode()
    assert "/veiledning/legevakt/" in page and "/bemanning/legevakt-tiltak/" in page


def test_old_admin_addresses_of_alerts_redirect_to_the_alerts_app(client):
    response = client.get("/admin/kommuneportal/subscription/?q=x")
    assert response.status_code == 302
    assert response["Location"] == "/admin/alerts/subscription/?q=x"


def test_site_search_finds_measures_by_a_synonym_publishers_listed(client):
    from publishing.models import SearchSynonym

    SearchSynonym.objects.update_or_create(word="sykepleiere", defaults={"alternatives": "sykepleier, helsepersonell"})
    make_measure(slug="innsatspersonell", title="Nasjonalt innsatspersonell", summary="Helsepersonell på kort varsel.")
    page = client.get(reverse("search"), {"q": "sykepleiere"}).content.decode()
    assert "/bemanning/innsatspersonell/" in page and "Bemanningstiltak" in page
