"""The crisis replay of `make bench` (bench/crisis.py): which URLs it asks for, how often, in which order.

The bench itself is never run by the tests (it measures; tests do not time anything). These tests
build the replay's plan from the demo content through the test client, the way crisis.py builds it
from a running server over HTTP, and check that every planned URL answers 200, so no error page can
pass for a fast page in the figures.
"""

import io
import sys
from pathlib import Path

import pytest
from django.db import transaction
from django.test import Client

from guidance import demo as guidance_demo
from staffing import demo as staffing_demo
from tests.factories import make_publisher

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import crisis  # noqa: E402  (bench/ is a folder of scripts, not a package)

# The plan is built once, in `demo`; the mark makes pytest-django create the test database for it.
pytestmark = pytest.mark.django_db


class Snapshot:
    pass


def plan_through(client, monkeypatch):
    """crisis.plan_urls with its HTTP GET answered by the test client."""
    def get(_base, path, timeout=30):
        response = client.get(path)
        return response.status_code, response.content

    monkeypatch.setattr(crisis, "get", get)
    return crisis.plan_urls("http://testserver")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The plan built twice from the demo content, and the status of every planned URL (rolled back afterwards)."""
    snapshot = Snapshot()
    with pytest.MonkeyPatch.context() as monkeypatch, django_db_blocker.unblock(), transaction.atomic():
        make_publisher(username="redaktor")
        guidance_demo.load(io.StringIO())  # the public parts of load_demo
        staffing_demo.load(io.StringIO())
        client = Client()
        snapshot.urls, snapshot.hottest = plan_through(client, monkeypatch)
        snapshot.again = plan_through(Client(), monkeypatch)
        finder = [path for path, kind in snapshot.urls if kind == "finder"]
        # The finder queries differ only in the form's choices: every dated one and every seventh of the rest.
        checked = [path for path, kind in snapshot.urls if kind != "finder"] + [
            path for number, path in enumerate(finder) if number % 7 == 0 or not path.endswith("dato=")]
        snapshot.statuses = {path: client.get(path).status_code for path in checked}
        snapshot.sitemap = crisis.sitemap_entries("http://testserver")
        transaction.set_rollback(True)
    return snapshot


def test_every_page_filter_and_search_of_the_crisis_plan_answers_200_and_so_do_finder_queries(demo):
    failing = {path: status for path, status in demo.statuses.items() if status != 200}
    assert not failing


def test_the_crisis_plan_holds_every_address_of_the_sitemap_once(demo):
    paths = [path for path, _kind in demo.urls]
    assert len(paths) == len(set(paths))
    assert {path for path, _lastmod in demo.sitemap} <= set(paths)


def test_the_crisis_plan_adds_lists_filters_searches_and_finder_queries(demo):
    kinds = {}
    for path, kind in demo.urls:
        kinds.setdefault(kind, []).append(path)
    assert len(kinds["search"]) == 40
    assert "/veiledning/?side=2" in kinds["list"] and "/veiledning/endringer/?side=2" in kinds["list"]
    assert any(path.startswith("/veiledning/?tema=") for path in kinds["filter"])
    assert any(path.startswith("/veiledning/?type=") for path in kinds["filter"])
    assert any(path.startswith("/veiledning/?avsender=") for path in kinds["filter"])
    # Every task × profession × horizon the form offers (7 × 6 × 3 on the demo), and some on a fixed date.
    undated = [path for path in kinds["finder"] if path.endswith("dato=")]
    assert len(undated) == 7 * 6 * 3
    assert len(kinds["finder"]) == len(undated) + crisis.FINDER_DATED


def test_the_front_page_then_the_main_lists_then_the_newest_articles_are_hottest(demo):
    paths = [path for path, _kind in demo.urls]
    assert paths[0] == "/"
    assert paths[1:1 + len(crisis.MAIN_LISTS)] == crisis.MAIN_LISTS
    newest = paths[1 + len(crisis.MAIN_LISTS):1 + len(crisis.MAIN_LISTS) + crisis.NEWEST]
    lastmod = dict(demo.sitemap)
    assert [lastmod[path] for path in newest] == sorted((lastmod[path] for path in newest), reverse=True)
    older = [lastmod[path] for path, kind in demo.urls if kind == "article" and path not in newest]
    assert min(lastmod[path] for path in newest) >= max(older)
    assert demo.hottest == newest[:crisis.HOTTEST]


def test_the_same_database_gives_the_same_plan(demo):
    assert demo.again == (demo.urls, demo.hottest)


def test_requests_follow_zipf_weights_with_a_fixed_seed():
    weights = crisis.zipf_weights(1000)
    assert weights[0] / weights[1] == pytest.approx(2) and weights[0] / weights[9] == pytest.approx(10)
    assert sum(weights) == pytest.approx(1)
    drawn = crisis.draw(1000, 100_000)
    assert drawn == crisis.draw(1000, 100_000)
    assert drawn.count(0) / len(drawn) == pytest.approx(weights[0], rel=0.05)


def test_the_lua_script_reads_what_crisis_py_parses():
    output = """Running 10s test @ http://127.0.0.1:1
  2 threads and 32 connections
  3482 requests in 10.04s, 45.1MB read
  Non-2xx or 3xx responses: 2
Requests/sec:    346.79
Transfer/sec:      4.49MB
CRISIS requests 3482
CRISIS seconds 10.038
CRISIS errors status 2 connect 0 read 1 write 0 timeout 3
CRISIS latency_ms p50 81.20 p90 120.00 p99 310.50 max 900.00 mean 90.00
CRISIS statuses 200 3477 404 2 301 3
"""
    result = crisis.parse_crisis(output)
    assert result["rps"] == 346.79 and result["requests"] == 3482
    assert (result["p50_ms"], result["p99_ms"]) == (81.2, 310.5)
    assert result["non_2xx_3xx"] == 2
    assert result["socket_errors"] == {"connect": 0, "read": 1, "write": 0, "timeout": 3}
    assert result["statuses"] == {"200": 3477, "404": 2, "301": 3}
    lua = (Path(crisis.__file__).parent / "crisis.lua").read_text()
    for line in ("CRISIS requests", "CRISIS seconds", "CRISIS errors status", "CRISIS latency_ms p50",
                 "CRISIS statuses"):
        assert line in lua
