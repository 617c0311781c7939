import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from prioritering.models import Municipality

pytestmark = pytest.mark.django_db


def _snapshot():
    from django.apps import apps

    # Logs are left out: each load is recorded as one refresh of every page (publishing.PublicChange).
    return {model._meta.label: model.objects.count() for model in apps.get_models()
            if model._meta.app_label not in {"sessions", "admin", "axes", "contenttypes", "auth"}
            and model._meta.label != "publishing.PublicChange"}


def test_load_demo_creates_municipalities_and_publisher():
    call_command("load_demo", stdout=open("/dev/null", "w"))
    numbers = dict(Municipality.objects.values_list("name", "number"))
    assert numbers["Hamar"] == "3403" and numbers["Lillehammer"] == "3405" and numbers["Rana"] == "1833"
    assert set(numbers) >= {"Hamar", "Lillehammer", "Øyer", "Eidskog", "Seljord", "Rana"}
    publisher = get_user_model().objects.get(username="redaktor")
    assert publisher.is_staff and publisher.check_password("demo-redaktor-2026")


def test_load_demo_twice_changes_nothing():
    call_command("load_demo", stdout=open("/dev/null", "w"))
    first = _snapshot()
    users = list(get_user_model().objects.order_by("pk").values_list("username", "password"))
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert _snapshot() == first
    assert list(get_user_model().objects.order_by("pk").values_list("username", "password")) == users


def test_demo_publisher_signs_in_to_admin(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    client.post("/konto/logg-inn/", {"username": "redaktor", "password": "demo-redaktor-2026"})
    assert client.get("/admin/").status_code == 200


def test_load_demo_prints_the_municipality_and_statsforvalter_passwords(capsys):
    # From tests/prioritering/test_demo.py, whose tests share a demo loaded once: here the database is empty.
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "«hamar»" in out and "«demo-hamar-2026»" in out
    assert "«statsforvalter-innlandet»" in out and "«demo-statsforvalter-2026»" in out
