"""The core is tested through both concrete documents: a guidance article and a staffing measure."""

import pytest

from tests.factories import make_article, make_measure, make_publisher


def _article(*, author, publish=True, published_at=None, **content):
    return make_article(author=author, publish=publish, published_at=published_at, **content)


def _measure(*, author, publish=True, published_at=None, **content):
    return make_measure(publisher=author, publish=publish, published_at=published_at, **content)


@pytest.fixture(params=[_article, _measure], ids=["article", "measure"])
def make_document(request):
    """Build an article or a measure with one version: `make_document(author=…, publish=…, title=…)`."""
    return request.param


@pytest.fixture
def publisher(db):
    return make_publisher()
