import os
import re

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# would otherwise refuse to run there while live_server serves the browser.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """MD5 instead of the production hasher in tests (Django's own advice for test speed): the demo
    content alone has nine users, and the production hasher's deliberate 0.3 s per password made
    every test that loads the demo three seconds slower. Session-wide, so module-scoped demo
    fixtures and the live servers of the browser tests hash fast too."""
    from django.test.utils import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True, scope="session")
def patient_database_waits():
    """In-process requests wait up to 15 s for PostgreSQL, not production's 3 (DATABASE_REQUEST_WAIT_SECONDS):
    make test runs three pytest processes on two cores, and a query that waited past 3 s there dropped the
    test's own connection (with a module's shared data, tests/once.py) and opened the breaker, a 503 for
    every request of the next 5 s. What a wait that runs out does is tested in subprocesses with production's
    settings (tests/portal/test_database_outage.py, test_frozen_database.py)."""
    from django.test.utils import override_settings

    with override_settings(DATABASE_REQUEST_WAIT_SECONDS=15):
        yield


@pytest.fixture(autouse=True, scope="session")
def no_api_rate_limit():
    """The whole suite asks the API from one address, far past any real limit: the limit is off in tests
    except where tests/api/test_rate_limit.py turns it on with the `settings` fixture."""
    from django.test.utils import override_settings

    with override_settings(API_RATE_LIMIT=0):
        yield


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # Everything under tests/browser/ is a browser test, so `-m "not browser"` skips it.
    for item in items:
        if f"{os.sep}tests{os.sep}browser{os.sep}" in str(item.path):
            item.add_marker(pytest.mark.browser)


# SELECT COUNT(*) FROM (<one select> LIMIT n) subquery
CAPPED_COUNT = re.compile(r"^SELECT COUNT\(\*\)(?: AS \"__COUNT\")? FROM \((SELECT .* LIMIT \d+)\) SUBQUERY$", re.S)


@pytest.fixture(autouse=True)
def module_data_is_asked_for(request):
    """A test that queries the database in a module whose data tests/once.py keeps there for its tests must
    ask for that data's fixture: otherwise it would quietly run on data it did not expect (or, run first,
    on none)."""
    from tests.once import open_fixtures

    unasked = [name for name in open_fixtures() if name not in request.fixturenames]
    if not unasked:
        yield
        return
    owner = unasked[0]
    from django.db import connection

    def refuse(execute, sql, params, many, context):
        if not sql.lstrip().upper().startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")):
            pytest.fail(f"{request.node.nodeid} queries the database, where this module's `{owner}` data is kept "
                        f"for its tests (tests/once.py): ask for `{owner}` if the data does not matter to the test, "
                        "or move the test to a module of its own.", pytrace=False)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse):
        yield


@pytest.fixture(scope="session")
def production_static(tmp_path_factory):
    """The static files as production serves them (DJANGO_DEBUG=0: whitenoise's hashed, compressed names),
    collected once per run for the tests that start the portal in production mode, which point
    DJANGO_STATIC_ROOT here and only read it: collectstatic takes 5-10 s, and six tests ran it each.
    tests/portal/test_production.py checks what gunicorn serves from it."""
    import secrets
    import subprocess
    import sys
    from pathlib import Path

    root = tmp_path_factory.mktemp("production-static")
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(DJANGO_DEBUG="0", DJANGO_SECRET_KEY=secrets.token_urlsafe(50), DJANGO_ALLOWED_HOSTS="localhost",
               DJANGO_STATIC_ROOT=str(root), DATABASE_URL=f"sqlite:///{root}.sqlite3")  # no database is opened
    result = subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=env,
                            cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return root


@pytest.fixture
def django_assert_flat_queries(django_assert_max_num_queries):
    """At most `count` queries, none with a subquery: a subquery runs per row and grows with the data
    even when the number of queries stays constant."""
    from contextlib import contextmanager

    @contextmanager
    def check(count):
        with django_assert_max_num_queries(count) as captured:
            yield captured
        # SQLite's list-membership test (staffing's has_choice) reads the row's own JSON, no table; a count
        # that stops at a limit (`count_at_most`) counts the rows of one derived table, read once.
        selects = [CAPPED_COUNT.sub(r"\1", query["sql"].upper()).replace("SELECT 1 FROM JSON_EACH", "")
                   for query in captured.captured_queries]
        nested = [sql for sql in selects if sql.count("SELECT") > 1]
        assert not nested, "Queries with a subquery:\n" + "\n\n".join(nested)

    return check


@pytest.fixture(autouse=True, scope="session")
def api_answers_match_the_openapi_schema():
    """Every answer under /api/v1/ that any test gets through Django's test client is checked against the
    schema generated in this run (tests/api_schema.py): a new field, status or parameter that the schema
    does not describe fails the test that meets it."""
    from django.test import Client

    from tests.api_schema import check_response

    sent = Client.request

    def request(self, **environ):
        response = sent(self, **environ)
        check_response(environ, response)
        return response

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Client, "request", request)
        yield
