"""The per-page table of `make bench` (bench/report.py) measures the content API's article and
changes-since endpoints when /api/v1/ answers, and leaves them out cleanly when it does not."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import report  # noqa: E402  (bench/ is a folder of scripts, not a package)

pytestmark = pytest.mark.django_db

SCHEMA_YAML = """openapi: 3.0.3
paths:
  /api/v1/artikler/:
    get: {}
  /api/v1/artikler/{slug}/:
    get: {}
  /api/v1/endringer/:
    get: {}
"""


def answer(answers):
    """report.get answered from a dict of path → (status, body); anything else is a 404."""
    return lambda _base, path, timeout=30: answers.get(path, (404, b""))


def test_without_an_api_its_endpoints_are_left_out_with_a_note(monkeypatch):
    monkeypatch.setattr(report, "get", answer({}))  # a server without /api/v1/
    found, note = report.find_api("http://testserver", "/veiledning/legevakt/")
    assert found == {} and "404" in note
    assert report.pages_measured({"static": "/static/x.css", "article": "/veiledning/legevakt/"}) == report.PAGES


def test_the_endpoints_are_read_from_the_openapi_schema_and_kept_when_they_answer(monkeypatch):
    monkeypatch.delenv("BENCH_API_ARTICLE", raising=False)
    monkeypatch.delenv("BENCH_API_CHANGES", raising=False)
    monkeypatch.setattr(report, "get", answer({
        "/api/v1/": (200, b"{}"), "/api/v1/schema/": (200, SCHEMA_YAML.encode()),
        "/api/v1/artikler/legevakt/": (200, b"{}"), "/api/v1/endringer/?etter=2022-01-01T00%3A00%3A00Z": (200, b"{}"),
    }))
    found, note = report.find_api("http://testserver", "/veiledning/legevakt/")
    assert found == {"api_article": "/api/v1/artikler/legevakt/",
                     "api_changes": "/api/v1/endringer/?etter=2022-01-01T00%3A00%3A00Z"}
    assert note == ""
    assert [label for label, _key in report.pages_measured(found)][-2:] == ["API: article", "API: changes since"]


def test_the_environment_names_the_endpoints_and_one_that_fails_is_left_out(monkeypatch):
    monkeypatch.setenv("BENCH_API_ARTICLE", "/api/v1/articles/{slug}/")
    monkeypatch.setenv("BENCH_API_CHANGES", "/api/v1/changes/?since=2022-06-01")
    monkeypatch.setattr(report, "get", answer({"/api/v1/": (200, b"{}"), "/api/v1/changes/?since=2022-06-01": (200, b"[]")}))
    found, note = report.find_api("http://testserver", "/veiledning/legevakt/")
    assert found == {"api_changes": "/api/v1/changes/?since=2022-06-01"}
    assert "/api/v1/articles/legevakt/ answered HTTP 404" in note


def test_the_portals_own_api_is_found_from_its_schema(client, monkeypatch):
    from tests.factories import make_article

    make_article(slug="legevakt")
    monkeypatch.delenv("BENCH_API_ARTICLE", raising=False)
    monkeypatch.delenv("BENCH_API_CHANGES", raising=False)
    monkeypatch.setattr(report, "get", lambda _base, path, timeout=30: (lambda r: (r.status_code, r.content))(
        client.get(path)))
    found, note = report.find_api("http://testserver", "/veiledning/legevakt/")
    assert found["api_article"] == "/api/v1/artikler/legevakt/"
    assert found["api_changes"].startswith("/api/v1/endringer/"), note
