"""Permission names in Norwegian: «Kan legge til artikkel», not «Can add article».

Django names a model's default permissions in English when it creates them (django.contrib.auth's
post_migrate handler) and never translates them, and the admin's user and group pages list those
names. `permissions_rename` runs right after that handler on every migrate, and on every flush in
the tests, for every installed app: each model's permissions get their names from the model's
Norwegian `verbose_name` and, for custom permissions, from its `Meta.permissions`. A new model, a
fresh database and a name edited by hand all end up the same, with no data migration to keep up.
The names are only labels: code asks for permissions by codename, which never changes.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.db import DEFAULT_DB_ALIAS, router
from django.utils import translation

NAME_MAX_LENGTH = 255  # auth.Permission.name

DEFAULT_ACTIONS = {
    "add": "Kan legge til %(model)s",
    "change": "Kan endre %(model)s",
    "delete": "Kan slette %(model)s",
    "view": "Kan se %(model)s",
}


def permission_name(model, codename):
    """The Norwegian name of one of `model`'s permissions, or None for one the model does not declare."""
    options = model._meta
    with translation.override(settings.LANGUAGE_CODE):
        custom = dict(options.permissions)
        if codename in custom:
            return str(custom[codename])[:NAME_MAX_LENGTH]
        for action in options.default_permissions:
            if get_permission_codename(action, options) == codename and action in DEFAULT_ACTIONS:
                return (DEFAULT_ACTIONS[action] % {"model": options.verbose_name})[:NAME_MAX_LENGTH]
    return None


def permissions_rename(app_config, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """post_migrate: give `app_config`'s permissions their Norwegian names (two queries, plus one per rename)."""
    if not app_config.models_module:
        return
    try:
        Permission = apps.get_model("auth", "Permission")
        ContentType = apps.get_model("contenttypes", "ContentType")
    except LookupError:  # auth or contenttypes not migrated yet
        return
    if not router.allow_migrate_model(using, Permission):
        return
    models = {model._meta.model_name: model for model in app_config.get_models()}
    content_types = ContentType.objects.using(using).filter(app_label=app_config.label, model__in=list(models))
    permissions = Permission.objects.using(using).filter(content_type__in=content_types).select_related("content_type")
    for permission in permissions:
        name = permission_name(models[permission.content_type.model], permission.codename)
        if name and permission.name != name:
            permission.name = name
            permission.save(update_fields=["name"], using=using)
