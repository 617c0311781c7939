import io

import pytest

from tests.factories import make_publisher
from tests.once import built_once


def load_published_demo():
    """The published demo content: guidance's and staffing's parts of `load_demo` (the worksheets
    publish nothing and take most of its time)."""
    from guidance import demo as guidance_demo
    from staffing import demo as staffing_demo

    make_publisher(username="redaktor")
    guidance_demo.load(io.StringIO())
    staffing_demo.load(io.StringIO())


@pytest.fixture(scope="module")
def published_demo(django_db_setup, django_db_blocker):
    """load_published_demo() once for the module; what a test changes is rolled back after it (tests/once.py).
    A test in the module that asks only for `db` finds it there too once an earlier test has loaded it."""
    yield from built_once(django_db_blocker, load_published_demo)
