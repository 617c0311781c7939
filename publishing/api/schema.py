"""What the OpenAPI schema says about each resource: its parameters (from its query form) and answers."""

from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from publishing.api.params import CursorField, MomentField
from publishing.api.problems import PROBLEM_CONTENT_TYPE
from publishing.api.serializers import ProblemSerializer

JSON = "application/json"


def query_parameters(form_class):
    """The query form's fields as OpenAPI parameters, with their Norwegian help texts."""
    form = form_class()
    parameters = []
    for name in form_class.parameter_names():
        field = form.fields[name]
        kind, enum = OpenApiTypes.STR, None
        if isinstance(field, forms.IntegerField):
            kind = OpenApiTypes.INT
        elif isinstance(field, MomentField):
            kind = OpenApiTypes.DATETIME
        elif isinstance(field, forms.TypedChoiceField) and field.coerce is bool:
            enum = ["1", "0"]
        elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
            enum = [value for value, _label in field.choices if value != ""]
        parameters.append(OpenApiParameter(name, kind, OpenApiParameter.QUERY, required=field.required,
                                           description=str(field.help_text or ""), enum=enum))
    return parameters


def problem(description):
    return OpenApiResponse(ProblemSerializer, description=description)


def list_responses(envelope):
    return {
        (200, JSON): envelope,
        (400, PROBLEM_CONTENT_TYPE): problem("Ugyldig parameter: «errors» sier hvilke og hvorfor."),
    }


def document_responses(envelope):
    return {
        **list_responses(envelope),
        (404, PROBLEM_CONTENT_TYPE): problem("Finnes ikke, eller er ikke publisert ennå."),
        (410, PROBLEM_CONTENT_TYPE): problem("Trukket tilbake: «withdrawn_at» og «withdrawal_reason» sier når og hvorfor."),
    }


__all__ = ["CursorField", "document_responses", "list_responses", "query_parameters"]
