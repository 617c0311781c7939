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
    """Measure titles in the order the page lists them (catalogue cards and the finder's results that fit
    the date: not those it lists apart as not confirmed as current)."""
    import re

    html = response.content.decode().split('id="ikke-bekreftet"')[0]
    return re.findall(r'<h[34] class="ds-heading" data-size="xs"[^>]*><a class="ds-link" href="[^"]*">([^<]*)</a>', html)


def unconfirmed_titles(response):
    """The finder's results it lists apart as not confirmed as current on the date, in order."""
    import re

    html = response.content.decode()
    if 'id="ikke-bekreftet"' not in html:
        return []
    html = html.split('id="ikke-bekreftet"')[1].split('class="kp-not-in-force"')[0]
    return re.findall(r'<h4 class="ds-heading" data-size="xs"><a class="ds-link" href="[^"]*">([^<]*)</a>', html)
