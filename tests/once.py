"""Data built once for all the tests of a module, instead of once per test.

    @pytest.fixture(scope="module")
    def demo(django_db_setup, django_db_blocker):
        yield from built_once(django_db_blocker, load_the_demo)

The data is built inside a transaction that stays open while the module's tests run and is rolled back
after the last of them. Each test with pytest-django's `db` runs in a savepoint inside it, so what a test
writes is rolled back after that test, as it would be without the shared data: the tests stay independent.

For modules whose database tests all use the fixture (a test that wants an empty database would find the
data) and never `transaction=True` or `live_server` (they need committed data; a flush would wipe it).
Objects the fixture returns are shared: tests must not change them in memory (read them again instead).
"""

from django.db import transaction


def built_once(django_db_blocker, build, *args, **kwargs):
    """Generator for a module-scoped fixture: yields what `build(*args, **kwargs)` returns."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            data = build(*args, **kwargs)
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    try:
        yield data
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def load_demo():
    """`manage.py load_demo`, quietly: a `build` for `built_once`."""
    import io

    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())
