"""Migration 0004 keeps every acknowledgement (now with an empty reason) and marks recorded reversals as granted by decision."""

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("prioritering", "0003_acknowledged_warnings_by_code")]
AFTER = [("prioritering", "0004_county_membership_individual_decision_reasons")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def make_old_rows(apps):
    User = apps.get_model(settings.AUTH_USER_MODEL)
    leader = User.objects.create(username="migrering")
    municipality = apps.get_model("prioritering", "Municipality").objects.create(
        name="Hamar", number="3403", county="Innlandet")
    apps.get_model("prioritering", "Membership").objects.create(user=leader, municipality=municipality, role="leder")
    worksheet = apps.get_model("prioritering", "Worksheet").objects.create(
        municipality=municipality, service_unit="Sone nord", phase=3, assessed_on=datetime.date(2022, 3, 16),
        responsible="Leder", status="vedtatt")
    ServiceRow = apps.get_model("prioritering", "ServiceRow")
    common = {"worksheet": worksheet, "service_type": "dagaktivitet", "action": "redusere", "reason": "kapasitet"}
    ServiceRow.objects.create(position=1, decision_form="omgjoring",
                              acknowledged_warnings=["ikke_involvert", "omgjoring_tidlig_fase"], **common)
    ServiceRow.objects.create(position=2, decision_form="skriftlig", acknowledged_warnings=[], **common)


@pytest.mark.django_db(transaction=True)
def test_migration_0004_keeps_acknowledgements_and_marks_reversals_and_goes_back():
    try:
        make_old_rows(migrate(BEFORE))
        apps = migrate(AFTER)
        first, second = apps.get_model("prioritering", "ServiceRow").objects.order_by("position")
        assert first.acknowledged_warnings == {"ikke_involvert": "", "omgjoring_tidlig_fase": ""}
        assert (first.individual_decision, second.individual_decision) == ("ja", "")
        assert second.acknowledged_warnings == {}
        membership = apps.get_model("prioritering", "Membership").objects.get()
        assert (membership.role, membership.county, membership.municipality.name) == ("leder", "", "Hamar")
        first, second = migrate(BEFORE).get_model("prioritering", "ServiceRow").objects.order_by("position")
        assert first.acknowledged_warnings == ["ikke_involvert", "omgjoring_tidlig_fase"]
        assert second.acknowledged_warnings == []
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
