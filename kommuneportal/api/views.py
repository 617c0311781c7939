"""The API's index (/api/v1/), its answer to unknown addresses, and the documentation page (/api/)."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from publishing.api import PROBLEM_CONTENT_TYPE, PublicAPIView, envelope, not_found as not_found_problem
from publishing.api.schema import list_responses
from publishing.api.serializers import NLOD

RESOURCES = {
    "articles": "api:articles", "topics": "api:topics", "issuers": "api:issuers", "measures": "api:measures",
    "contact_point": "api:contact_point", "changes": "api:changes", "prioritisation_note": "api:prioritisation_note",
    "schema": "api:schema",
}


class IndexSerializer(serializers.Serializer):
    resources = serializers.DictField(child=serializers.CharField(), help_text="Ressursene i API-et.")


IndexDocument = envelope("IndexDocument", IndexSerializer)


class IndexView(PublicAPIView):
    @extend_schema(operation_id="index", summary="Oversikt over ressursene", responses=list_responses(IndexDocument))
    def get(self, request):
        self.show("api-index")  # addresses only: no content
        resources = {name: request.build_absolute_uri(reverse(url_name)) for name, url_name in RESOURCES.items()}
        return Response(self.envelope({"resources": resources}))


@csrf_exempt
def not_found(request, *args, **kwargs):
    """An address under /api/v1/ that matches no resource: 404 as problem details, or the address with
    its missing slash."""
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.url_name != "not_found":
            query = request.META.get("QUERY_STRING", "")
            return redirect(request.path + "/" + (f"?{query}" if query else ""), permanent=True)
    problem = not_found_problem()
    response = JsonResponse(problem.body, status=404, content_type=PROBLEM_CONTENT_TYPE,
                            json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "no-store"
    return response


def documentation(request):
    """/api/: a short Norwegian page for those who connect a system to the API."""
    context = {
        "licence": NLOD, "licensor": settings.API_LICENSOR,
        "rate_limit": settings.API_RATE_LIMIT, "rate_window": settings.API_RATE_LIMIT_WINDOW,
        "max_age": settings.PAGE_CACHE_MAX_AGE,
        "base": request.build_absolute_uri("/api/v1/"),
    }
    return render(request, "api_documentation.html", context)
