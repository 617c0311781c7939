"""A document's own behaviour: its name, without a query per document in a list."""

import pytest

pytestmark = pytest.mark.django_db


def test_document_str_uses_title_at_hand_without_a_query(make_document, publisher, django_assert_num_queries):
    document = make_document(author=publisher, title="Tittel for leserne")
    fetched = type(document).objects.live().get(pk=document.pk)
    with django_assert_num_queries(0):
        assert str(fetched) == "Tittel for leserne"


def test_document_str_is_the_slug_when_no_title_is_at_hand(make_document, publisher, django_assert_num_queries):
    document = make_document(author=publisher, publish=False, slug="bare-utkast", title="Utkastets tittel")
    fetched = type(document).objects.with_live_version().get(pk=document.pk)
    with django_assert_num_queries(0):
        assert str(fetched) == "bare-utkast"

