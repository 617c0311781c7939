import pytest

from prioritering import services
from prioritering.models import Status, WorksheetLocked
from tests.factories import make_member

pytestmark = pytest.mark.django_db


def test_state_changes_are_guarded(worksheet, leader):
    with pytest.raises(WorksheetLocked):
        worksheet.mark_superseded()
    decided = services.worksheet_decide(worksheet=worksheet, user=leader)
    with pytest.raises(WorksheetLocked):
        decided.mark_decided(leader)
    with pytest.raises(WorksheetLocked):
        services.worksheet_decide(worksheet=decided, user=leader)
    with pytest.raises(WorksheetLocked):
        services.row_create(worksheet=decided, user=leader, data={"service_type": "renhold"})


def test_services_check_the_role_themselves(worksheet, hamar, lillehammer):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.worksheet_decide(worksheet=worksheet, user=make_member(hamar, "bidragsyter"))
    with pytest.raises(PermissionDenied):
        services.worksheet_update(worksheet=worksheet, user=make_member(lillehammer, "leder"),
                                  data={"summary": "x"}, expected_revision=1)
    worksheet.refresh_from_db()
    assert worksheet.status == Status.DRAFT and worksheet.summary != "x"
