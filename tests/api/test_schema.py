"""The OpenAPI schema (issue 27): generated from the code in this run, served at a stable address,
valid, and describing every API address the URLconf has."""

import pytest
from jsonschema import Draft202012Validator

from tests.api_schema import openapi, operation_for
from tests.portal.test_fuzz import routes

pytestmark = pytest.mark.django_db


def test_the_schema_is_served_at_its_stable_address_as_generated_in_this_run(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    assert response.json() == openapi()
    assert response["Access-Control-Allow-Origin"] == "*" and response["ETag"]
    assert client.get("/api/v1/openapi.json", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_the_schema_is_openapi_3_1_with_the_nlod_licence_and_valid_json_schemas(client):
    schema = openapi()
    assert schema["openapi"] == "3.1.0"
    assert schema["info"]["license"] == {"name": "NLOD-2.0", "url": "https://data.norge.no/nlod/no/2.0"}
    for name, component in schema["components"]["schemas"].items():
        Draft202012Validator.check_schema(component)


def test_every_operation_documents_success_problems_304_and_429(client):
    for path, operations in openapi()["paths"].items():
        for method, operation in operations.items():
            assert method == "get", path
            assert {"200", "304", "400", "429"} <= set(operation["responses"]), path
            if "{slug}" in path:
                assert {"404", "410"} <= set(operation["responses"]), path
            assert "application/problem+json" in operation["responses"]["400"]["content"], path


def test_every_api_address_of_the_urlconf_is_in_the_schema(client):
    api_routes = [route.template for route in routes() if route.template.startswith("api/v1/")]
    assert len(api_routes) >= 15
    for template in api_routes:
        if template in ("api/v1/openapi.json", "api/v1/%(_0)s") or "%(_" in template:
            continue
        example = "/" + template.replace("%(slug)s", "x").replace("%(number)s", "1")
        assert operation_for(example, "get") is not None, template
