"""No API address answers 500, whatever is put in the parameters its schema documents (issue 27).

tests/portal/test_fuzz.py already sends hostile paths and query strings to every URL pattern, the API's
included; this adds, for every operation in the schema generated in this run, every documented
parameter with hostile values and with cursors that decode but hold the wrong things. Each answer
must be a success or a 4xx problem (and, like every API answer in the suite, match the schema).
"""

import pytest
from django.db import transaction
from django.test import Client

from publishing.api.params import encode_cursor
from tests.api_schema import openapi
from tests.factories import add_version, make_article, make_contact_point, make_measure, make_topic
from tests.portal.test_fuzz import HOSTILE

pytestmark = pytest.mark.django_db

CURSORS = [encode_cursor(values) for values in (
    [], ["a"], [1], [2**63], [-2**63 - 1], ["x", 1, 1], ["9999-12-31T23:59:59-23:00", 0, 0], ["2026-01-01T00:00:00", 0, 0],
    ["2026-01-01T00:00:00+01:00", 2**70, 1], ["\x00"], [None], [True], [1.5], [{"a": 1}], ["a" * 400],
)] + ["%%%", "====", "a" * 600]


@pytest.fixture
def content(publisher):
    article = make_article(slug="tisk", author=publisher, topics=[make_topic()], versions=[{}, {}])
    add_version(article, publisher)
    make_measure(slug="studenter", publisher=publisher)
    make_contact_point("2022-03-01")
    return {"slug": "tisk", "number": "1"}


def _examples(path, content):
    if "tiltak/{slug}" in path:
        return path.format(slug="studenter", number="1")
    return path.format(**content)


def test_every_documented_parameter_answers_hostile_values_with_a_problem_never_a_500(content):
    client, failures, sent = Client(raise_request_exception=False), [], 0
    for path, operations in openapi()["paths"].items():
        url = _examples(path, content)
        for parameter in operations["get"].get("parameters", []):
            name = parameter["name"]
            values = HOSTILE + (CURSORS if name == "markor" else []) + [*parameter["schema"].get("enum", [])]
            for value in values:
                with transaction.atomic():
                    response = client.get(url, {name: value})
                    transaction.set_rollback(True)
                sent += 1
                if response.status_code >= 500 or (response.status_code >= 400
                                                   and response["Content-Type"] != "application/problem+json"):
                    failures.append(f"{url}?{name}={value[:40]!r}: {response.status_code}")
    assert sent > 300
    assert not failures, "\n".join(failures)
