"""Tasks and personnel kinds are JSON lists of choice codes; migration 0003 carried the old ",a,b," text over."""

import pytest
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from publishing.services import version_create
from staffing.models import Measure, MeasureVersion
from tests.factories import make_measure, make_publisher

BEFORE = [("staffing", "0002_editorial_groups_and_search_index")]
AFTER = [("staffing", "0003_choice_lists_as_json")]


def migrate(targets):
    """Migrate to `targets` and return the historical apps there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def make_old_version(apps, tasks):
    User = apps.get_model(settings.AUTH_USER_MODEL)
    author = User.objects.create(username="migrering")
    measure = apps.get_model("staffing", "Measure").objects.create(slug="gammelt-format", category=4)
    return apps.get_model("staffing", "MeasureVersion").objects.create(
        measure=measure, number=1, title="Gammelt format", summary="Ingress.", provider="Helsedirektoratet",
        tasks=tasks, personnel_kinds="", speed="samme-dag", request_channel="lokalt", how_to_request="Ring.",
        author=author,
    )


@pytest.mark.django_db(transaction=True)
def test_migration_0003_turns_comma_separated_text_into_json_lists_and_back():
    try:
        make_old_version(migrate(BEFORE), ",testing,vaksinering,")
        version = migrate(AFTER).get_model("staffing", "MeasureVersion").objects.get()
        assert (version.tasks, version.personnel_kinds) == (["testing", "vaksinering"], [])
        version = migrate(BEFORE).get_model("staffing", "MeasureVersion").objects.get()
        assert (version.tasks, version.personnel_kinds) == (",testing,vaksinering,", "")
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db
def test_for_task_finds_the_measures_holding_that_exact_code_and_no_substring():
    testing = make_measure(title="Testing", tasks=["testing", "vaksinering"])
    make_measure(title="Vaksinering", tasks=["vaksinering"])
    lookalike = make_measure(title="Ligner", tasks=["smittesporing"])
    # Codes that contain "testing" as text; only a direct update can store them, validation refuses them.
    MeasureVersion.objects.filter(measure=lookalike).update(tasks=["retesting", "testing-utvidet"])
    assert list(Measure.objects.live().for_task("testing")) == [testing]
    assert list(MeasureVersion.objects.filter(tasks__has_choice="testing").values_list("title", flat=True)) == ["Testing"]


@pytest.mark.django_db
def test_with_personnel_finds_the_measures_that_bring_that_kind():
    authorised = make_measure(personnel_kinds=["autorisert-helsepersonell", "frivillige"])
    make_measure(personnel_kinds=["frivillige"])
    make_measure(personnel_kinds=[])
    assert list(Measure.objects.live().with_personnel("autorisert-helsepersonell")) == [authorised]


@pytest.mark.django_db
def test_an_unknown_code_is_refused_in_norwegian():
    publisher = make_publisher()
    measure = make_measure(publisher=publisher)
    with pytest.raises(ValidationError) as refused:
        version_create(document=measure, author=publisher, based_on_number=1, change_type="major",
                       change_note="Ny oppgave.", **{**measure.latest_version().content(), "tasks": ["testing", "sykling"]})
    [error] = refused.value.error_dict["tasks"]
    assert error.code == "invalid_choice" and "Ukjent valg: sykling." in error.messages


def test_the_form_field_is_checkboxes_of_the_choices_and_gives_a_list():
    field = MeasureVersion._meta.get_field("tasks").formfield()
    assert isinstance(field, forms.MultipleChoiceField) and isinstance(field.widget, forms.CheckboxSelectMultiple)
    assert field.clean(["vaksinering", "testing"]) == ["vaksinering", "testing"] and field.clean([]) == []
    assert not field.required and not field.show_hidden_initial


def test_migrations_see_a_plain_json_field():
    _name, path, _args, kwargs = MeasureVersion._meta.get_field("personnel_kinds").deconstruct()
    assert path == "django.db.models.JSONField" and kwargs["default"] is list and "options" not in kwargs
