import io

import pytest

from tests.factories import make_publisher


@pytest.fixture
def published_demo(db):
    """The published demo content: guidance's and staffing's parts of `load_demo`."""
    from guidance import demo as guidance_demo
    from staffing import demo as staffing_demo

    make_publisher(username="redaktor")
    guidance_demo.load(io.StringIO())
    staffing_demo.load(io.StringIO())
