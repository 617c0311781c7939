"""/api/v1/: the resources every app contributes (its `urlpatterns` in api.py), «changes since», the
index and the schema. Anything else under /api/v1/ is a 404 in problem details, not an HTML page."""

from django.urls import path, re_path

from guidance import api as guidance_api
from kommuneportal.api import views
from kommuneportal.api.changes import ChangesView
from kommuneportal.api.schema import SchemaView
from staffing import api as staffing_api

app_name = "api"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("openapi.json", SchemaView.as_view(), name="schema"),
    path("endringer/", ChangesView.as_view(), name="changes"),
    *guidance_api.urlpatterns,
    *staffing_api.urlpatterns,
    re_path(r"^[\s\S]*$", views.not_found, name="not_found"),  # any character, a line break too
]
