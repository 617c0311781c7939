import pytest
from django.urls import reverse
from tests.factories import make_superuser
pytestmark = pytest.mark.django_db
def test_probe(client):
    client.force_login(make_superuser())
    for url in [reverse("admin:prioritering_worksheet_changelist"), reverse("admin:prioritering_municipality_changelist")]:
        for q in ["\x00", "a\x00b"]:
            r = client.get(url, {"q": q})
            print(url, repr(q), r.status_code, r.get("Location"))
    r = client.get(reverse("admin:autocomplete"), {"term": "\x00", "app_label": "prioritering", "model_name": "membership", "field_name": "user"})
    print("autocomplete", r.status_code)
