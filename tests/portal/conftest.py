import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone


@pytest.fixture
def page_cache_on(settings):
    """The page cache switched on (the suite runs with it off unless a test asks), starting empty."""
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def seven_in_the_morning(monkeypatch):
    """The clock stopped at 07:00 tomorrow (local time), so that an hour or two later is the same day:
    the page cache keys pages by the local date, and a test that looks an hour ahead at 23:30 would
    otherwise meet a new day's empty cache. Move it on with `monkeypatch.setattr(timezone, "now", …)`."""
    seven = timezone.make_aware(datetime.datetime.combine(timezone.localdate() + datetime.timedelta(days=1),
                                                          datetime.time(7)))
    monkeypatch.setattr(timezone, "now", lambda: seven)
    return seven
