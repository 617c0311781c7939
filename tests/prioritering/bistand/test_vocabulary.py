"""prioritering may not import staffing, so the finder's words are repeated: these tests fail if they drift."""

import pytest

from prioritering.bistand import vocabulary
from prioritering.templatetags import bistand_tags
from staffing import finder
from staffing.models import Channel, PersonnelKind, Task


@pytest.mark.parametrize("ours,theirs", [
    (vocabulary.Task, Task), (vocabulary.Profession, finder.Profession), (vocabulary.Urgency, finder.Horizon),
])
def test_the_request_form_speaks_the_finders_words(ours, theirs):
    assert [(code, str(label)) for code, label in ours.choices] == [(code, str(label)) for code, label in theirs.choices]


def test_the_staffing_codes_the_link_reads_exist():
    assert bistand_tags.COUNTY_GOVERNOR_CHANNEL == Channel.COUNTY_GOVERNOR
    assert bistand_tags.CIVIL_DEFENCE_PERSONNEL == PersonnelKind.CIVIL_DEFENCE
    assert "helsefagstudenter" == PersonnelKind.STUDENTS


def test_the_finders_question_names_are_the_ones_passed_on():
    assert set(bistand_tags.FINDER_ANSWERS) | {"dato"} <= set(finder_form_fields())


def finder_form_fields():
    from staffing.forms import FinderForm

    return FinderForm.base_fields
