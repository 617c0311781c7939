import pytest
from django.core.cache import cache


@pytest.fixture
def page_cache_on(settings):
    """The page cache switched on (the suite runs with it off unless a test asks), starting empty."""
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()
