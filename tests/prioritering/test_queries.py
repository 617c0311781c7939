"""List and worksheet pages use a constant number of queries. Intended to prevent an n+1 issue."""

import pytest
from django.urls import reverse

from tests.factories import make_member, make_row, make_worksheet

pytestmark = pytest.mark.django_db

MAX_QUERIES = 5  # content clock, session, user, worksheet(s) with the role, rows (or memberships on the list)


@pytest.mark.parametrize("count", [3, 100])
def test_list_page_query_count_is_constant(client, hamar, django_assert_max_num_queries, count):
    for i in range(count):
        make_row(make_worksheet(hamar, service_unit=f"Enhet {i}"))
    client.force_login(make_member(hamar, "leder"))
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse("prioritering:worksheet_list"))
    assert response.content.decode().count("Enhet ") == count


@pytest.mark.parametrize("count", [3, 100])
@pytest.mark.parametrize("name", ["worksheet_detail", "worksheet_print", "worksheet_export"])
def test_worksheet_pages_query_count_is_constant(client, hamar, django_assert_max_num_queries, count, name):
    worksheet = make_worksheet(hamar)
    for i in range(count):
        make_row(worksheet, service_type="annet", service_name=f"Tjeneste {i}", vulnerable_groups=["barn"])
    client.force_login(make_member(hamar, "leder"))
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse(f"prioritering:{name}", args=[worksheet.pk]))
    assert f"Tjeneste {count - 1}" in response.content.decode("utf-8-sig")


@pytest.mark.parametrize("count", [3, 100])
def test_history_page_query_count_is_constant(client, hamar, django_assert_max_num_queries, count):
    from prioritering.services import record_change

    worksheet = make_worksheet(hamar)
    user = make_member(hamar, "leder")
    for i in range(count):
        record_change(worksheet=worksheet, user=user, summary=f"Endring {i}")
    client.force_login(user)
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(reverse("prioritering:worksheet_history", args=[worksheet.pk]))
