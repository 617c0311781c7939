"""The search box says what it searches: results include staffing measures, so the label names them."""

import pytest
from django.urls import reverse

from kommuneportal.forms import SearchForm

pytestmark = pytest.mark.django_db

LABEL = "Søk i veiledning, nyheter, spørsmål og svar og bemanningstiltak"


def test_the_search_form_names_everything_it_searches():
    assert str(SearchForm.base_fields["q"].label) == LABEL


@pytest.mark.parametrize(("url", "field_id"), [(reverse("search"), "id_q"), (reverse("home"), "forside-sok")])
def test_the_search_page_and_the_front_page_show_that_label(client, url, field_id):
    assert f'<label class="ds-label" for="{field_id}">{LABEL}</label>' in client.get(url).content.decode()
