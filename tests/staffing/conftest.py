import io

import pytest

from tests.factories import make_publisher


@pytest.fixture
def demo(db):
    """The staffing demo content from the seeds, loaded as `load_demo` does."""
    from staffing import demo as staffing_demo

    make_publisher(username="redaktor")
    staffing_demo.load(io.StringIO())


def titles(response):
    """Measure titles in the order the page lists them (catalogue cards and the finder's results in force)."""
    import re

    return re.findall(r'<h[34] class="ds-heading" data-size="xs"[^>]*><a class="ds-link" href="[^"]*">([^<]*)</a>',
                      response.content.decode())
