import pytest

from tests.factories import make_member, make_municipality, make_row, make_worksheet


@pytest.fixture
def hamar(db):
    return make_municipality("Hamar", "3403")


@pytest.fixture
def lillehammer(db):
    return make_municipality("Lillehammer", "3405")


@pytest.fixture
def worksheet(hamar):
    worksheet = make_worksheet(hamar)
    make_row(worksheet)
    return worksheet


@pytest.fixture
def leader(hamar):
    return make_member(hamar, "leder")


@pytest.fixture
def contributor(hamar):
    return make_member(hamar, "bidragsyter")


@pytest.fixture
def reader(hamar):
    return make_member(hamar, "leser")


def row_post_data(row=None, **overrides):
    """A complete, valid row form as a browser would post it."""
    data = {
        "service_type": "dagaktivitet", "service_name": "Dagsenteret", "action": "redusere", "reason": "kapasitet",
        "description": "To dager i uken.", "nytte": "2", "alvorlighet": "2", "ressurs": "2", "mestring": "2",
        "weighted_criteria": ["nytte", "alvorlighet"], "vulnerable_groups": [], "vulnerable_plan": "",
        "forsvarlig_minimum": "Individuell vurdering av grunnleggende behov.", "involvement": "begge",
        "end_date": "30.06.2022", "individual_decision": "nei", "decision_form": "skriftlig", "journal_reference": "",
        "medical_basis": "", "oral_justification": "", "reversal_understood": "", "complaint_info": "ja",
        "revision": str(row.revision) if row else "",
    }
    data.update(overrides)
    return data


