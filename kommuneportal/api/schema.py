"""The OpenAPI schema at /api/v1/openapi.json: generated once per process from the views (drf-spectacular)."""

import hashlib
from functools import cache

from django.utils.cache import get_conditional_response
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.response import Response

from publishing.api import public_cache_control
from publishing.cachetags import tag_response

PROBLEM = {"$ref": "#/components/schemas/Problem"}
COMMON_RESPONSES = {
    "304": {"description": "Uendret: kopien klienten har (If-None-Match / If-Modified-Since) gjelder fortsatt."},
    "429": {"description": "For mange forespørsler fra denne adressen. Vent så mange sekunder som Retry-After sier.",
            "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "Sekunder å vente."}},
            "content": {"application/problem+json": {"schema": PROBLEM}}},
}
SUCCESS_HEADERS = {
    "ETag": {"schema": {"type": "string"}, "description": "Svak validator av svaret (If-None-Match gir 304)."},
    "Last-Modified": {"schema": {"type": "string"}, "description": "Når innholdet sist endret seg."},
    "Cache-Control": {"schema": {"type": "string"}, "description": "Som sidene: public, max-age=60 …"},
}


def add_common_responses(result, generator, request, public):
    """drf-spectacular hook: what every operation may answer (304, 429) and the caching headers of a 200."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, response in COMMON_RESPONSES.items():
                responses.setdefault(status, response)
            if "200" in responses:
                responses["200"].setdefault("headers", {}).update(SUCCESS_HEADERS)
    return result


@cache
def openapi_schema():
    """The schema: a function of the code alone, so one per process."""
    generator = SchemaGenerator(urlconf="kommuneportal.urls")
    return generator.get_schema(request=None, public=True)


class SchemaView(SpectacularJSONAPIView):
    authentication_classes = []
    permission_classes = []

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        return Response(openapi_schema(), headers={"Content-Disposition": 'inline; filename="openapi.json"'})

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        tag_response(response, "api-schema")  # no content: publishing changes nothing here
        if response.status_code != 200:
            return response
        response.render()
        response["ETag"] = 'W/"%s"' % hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        response["Cache-Control"] = public_cache_control(request._request)
        return get_conditional_response(request, etag=response["ETag"], response=response) or response


