import contextlib
import datetime

import pytest
from django.utils import timezone

from tests.factories import make_publisher


@pytest.fixture
def publisher(db):
    return make_publisher()


@pytest.fixture
def api(client):
    """GET an API address and return (response, parsed JSON or None)."""

    def get(url, **headers):
        response = client.get(url, **headers)
        body = response.json() if response.content and "json" in response.get("Content-Type", "") else None
        return response, body

    return get


@pytest.fixture
def at(monkeypatch):
    """Move the world's clock (Django's `timezone.now`) to a moment, as if the request came then."""

    @contextlib.contextmanager
    def moved(moment):
        with monkeypatch.context() as patch:
            patch.setattr(timezone, "now", lambda: moment)
            yield

    return moved


def hours(count):
    return datetime.timedelta(hours=count)
