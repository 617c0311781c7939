"""Data built once for all the tests of a module, instead of once per test.

    @pytest.fixture(scope="module")
    def demo(django_db_setup, django_db_blocker):
        yield from built_once(django_db_blocker, load_the_demo)

The data is built inside a transaction that stays open while the module's tests run and is rolled back
after the last of them. Each test with pytest-django's `db` runs in a savepoint inside it, so what a test
writes is rolled back after that test, as it would be without the shared data: the tests stay independent.

While it is open every database test of the module sees the data, so one that does not ask for the
fixture fails at its first query (`module_data_is_asked_for` in tests/conftest.py) instead of quietly
running on a database it did not expect: ask for the fixture when the data does not matter to the test,
or give the test a module of its own. Not for `transaction=True` or `live_server` (they need committed
data; a flush would wipe it). Objects the fixture returns are shared: tests must not change them in memory
(read them again instead).
"""

import sys

from django.db import transaction

_open = []  # the fixtures whose data is in the database now (module-scoped: this module's)


def built_once(django_db_blocker, build, *args, **kwargs):
    """Generator for a module-scoped fixture: yields what `build(*args, **kwargs)` returns. The fixture is
    the function that calls it (`yield from built_once(…)`): tests/conftest.py asks tests for its name."""
    fixture = sys._getframe(1).f_code.co_name
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            data = build(*args, **kwargs)
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    _open.append(fixture)
    try:
        yield data
    finally:
        _open.remove(fixture)
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def load_demo():
    """`manage.py load_demo`, quietly: a `build` for `built_once`."""
    import io

    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())


def open_fixtures():
    """The fixtures whose data built_once keeps in the database now."""
    return list(_open)
