"""What a model must provide to take part in publishing, checked at start-up (`manage.py check`).

A contract that fails here would otherwise fail on a reader's request, or worse, leave a page cached
after what it shows has changed.
"""

from django.apps import apps
from django.core import checks

from publishing.models import DocumentVersion, PublicContent, VersionedDocument, named_relations


@checks.register()
def check_versioned_documents(app_configs=None, **kwargs):
    return errors_for(_models(app_configs))


def errors_for(models):
    """The contract errors of `models`."""
    errors = []
    for model in models:
        if issubclass(model, VersionedDocument):
            errors += _document_errors(model)
        if issubclass(model, DocumentVersion):
            errors += _version_errors(model)
    return errors


def _models(app_configs):
    configs = app_configs or apps.get_app_configs()
    return [model for config in configs for model in config.get_models()]


def _document_errors(model):
    errors = []
    try:
        versions = model._meta.get_field("versions")
    except Exception:
        versions = None
    if versions is None or not issubclass(versions.related_model, DocumentVersion):
        errors.append(checks.Error(
            f"{model._meta.label} is a VersionedDocument without versions.",
            hint="Give its DocumentVersion subclass a ForeignKey to it with related_name='versions'.",
            obj=model, id="publishing.E001"))
    for relation in named_relations(model):
        if not issubclass(relation.related_model, PublicContent):
            errors.append(checks.Error(
                f"{model._meta.label}.{relation.name} names {relation.related_model._meta.label}, whose changes "
                "are not recorded.",
                hint="Its names are shown and searched with the document: make it subclass "
                     "publishing.models.PublicContent, so a rename reaches every page that shows it.",
                obj=model, id="publishing.E003"))
    return errors


def _version_errors(model):
    parent_field = model.parent_field
    field = next((f for f in model._meta.fields if f.name == parent_field), None) if parent_field else None
    if field is None or not field.many_to_one or not issubclass(field.related_model, VersionedDocument) \
            or field.remote_field.related_name != "versions":
        return [checks.Error(
            f"{model._meta.label}.parent_field does not name a ForeignKey to a VersionedDocument "
            "with related_name='versions'.",
            obj=model, id="publishing.E002")]
    codename = f"publish_{model._meta.model_name}"
    if codename not in {name for name, _label in model._meta.permissions}:
        return [checks.Error(
            f"{model._meta.label} declares no permission {codename!r}.",
            hint="Publishing, scheduling and withdrawing are allowed by this permission (publishing.services).",
            obj=model, id="publishing.E004")]
    return []
