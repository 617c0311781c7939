"""Every answer of the open API made in the test suite is checked against the OpenAPI schema the code
generates in this run (issue 27). tests/conftest.py wraps Django's test client with `check_response`.

A JSON success must match its operation's documented answer for that status; a problem must match
the Problem schema, and on a known operation its status must be documented too. 304 and redirects
have no body; HEAD neither, but its status must be documented like GET's.
"""

import json
import re
from functools import cache

from jsonschema import Draft202012Validator

PREFIX = "/api/v1/"
SCHEMA_PATH = "/api/v1/openapi.json"
PROBLEM = "application/problem+json"


@cache
def openapi():
    from kommuneportal.api.schema import openapi_schema

    schema = openapi_schema()
    Draft202012Validator.check_schema({"components": schema["components"]})
    return schema


@cache
def _operations():
    """(compiled path pattern, {method: operation}) for every documented path."""
    found = []
    for template, operations in openapi()["paths"].items():
        pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$")
        found.append((pattern, operations))
    return found


def operation_for(path, method):
    for pattern, operations in _operations():
        if pattern.match(path):
            return operations.get(method)
    return None


def _validate(instance, schema):
    document = {**schema, "components": openapi()["components"]}
    errors = sorted(Draft202012Validator(document).iter_errors(instance), key=lambda error: list(error.path))
    return [f"{'/'.join(map(str, error.absolute_path)) or '(roten)'}: {error.message}" for error in errors[:5]]


def check_response(request, response):
    """Raise AssertionError when an API answer does not match the schema (None for other addresses)."""
    path, method = request.get("PATH_INFO", ""), request.get("REQUEST_METHOD", "GET").lower()
    if not path.startswith(PREFIX) or path == SCHEMA_PATH or method == "options":
        return
    status = response.status_code
    operation = operation_for(path, "get" if method == "head" else method)
    if status in (301, 302, 308):
        return
    content_type = response.get("Content-Type", "").split(";")[0]
    where = f"{method.upper()} {path} → {status}"
    if operation is not None and method in ("get", "head"):
        assert str(status) in operation["responses"], f"{where}: the schema does not document status {status}"
    if status == 304 or method == "head":
        return
    body = json.loads(response.content)
    if content_type == PROBLEM:
        errors = _validate(body, {"$ref": "#/components/schemas/Problem"})
    else:
        assert operation is not None, f"{where}: a success at an address the schema does not describe"
        documented = operation["responses"][str(status)].get("content", {})
        assert content_type in documented, f"{where}: {content_type} is not documented ({list(documented)})"
        errors = _validate(body, documented[content_type]["schema"])
    assert not errors, f"{where} does not match the schema:\n" + "\n".join(errors)
