"""Keep each document's stored search vector in step with the names it carries.

A document's search vector holds the names of what it belongs to (an article's topics and issuer:
`publishing.models.named_relations`), so "legevakt" finds every article in the topic Legevakt with
one indexed condition. Those names live in other tables, so when one is renamed, a document is
linked or unlinked, or a named thing is deleted, the vectors of the documents concerned are
rewritten here, in the same transaction as the change.
"""

from functools import partial

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from publishing.models import VersionedDocument, named_relations


def connect():
    for model in apps.get_models():
        if not issubclass(model, VersionedDocument):
            continue
        relations = named_relations(model)
        if not relations:
            continue
        uid = model._meta.label
        post_save.connect(partial(_document_saved, model, relations), sender=model, weak=False,
                          dispatch_uid=f"{uid}:search-names")
        for relation in relations:
            rid = f"{uid}:{relation.name}:search-names"
            post_save.connect(partial(_name_saved, model, relation), sender=relation.related_model, weak=False,
                              dispatch_uid=rid)
            if relation.many_to_many:
                m2m_changed.connect(partial(_links_changed, model), sender=relation.remote_field.through,
                                    weak=False, dispatch_uid=rid)
                pre_delete.connect(partial(_name_deleting, model, relation), sender=relation.related_model,
                                   weak=False, dispatch_uid=rid)
                post_delete.connect(partial(_name_deleted, model), sender=relation.related_model, weak=False,
                                    dispatch_uid=rid)


def _refresh(model, **lookup):
    model.store_search_vectors(model.objects.filter(**lookup))


def _document_saved(model, relations, sender, instance, created, raw, update_fields, **kwargs):
    """A document saved with another issuer (the live-state saves name only their own fields)."""
    if raw:
        return
    foreign_keys = {name for relation in relations if not relation.many_to_many
                    for name in (relation.name, relation.attname)}
    if update_fields is None or foreign_keys & set(update_fields):
        _refresh(model, pk=instance.pk)


def _name_saved(model, relation, sender, instance, created, raw, update_fields, **kwargs):
    """A topic or issuer renamed: every document it names. A new one names nothing yet."""
    if raw or created or (update_fields is not None and "name" not in update_fields):
        return
    _refresh(model, **{relation.name: instance})


def _links_changed(document_model, sender, instance, action, reverse, pk_set, **kwargs):
    """Topics added to or taken from a document, or documents added to or taken from a topic."""
    if action == "pre_clear" and reverse:
        lookup = {_reverse_lookup(document_model, sender): instance}
        instance._search_documents_before_clear = list(
            document_model.objects.filter(**lookup).values_list("pk", flat=True))
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        _refresh(document_model, pk=instance.pk)
    elif action == "post_clear":
        _refresh(document_model, pk__in=getattr(instance, "_search_documents_before_clear", []))
    elif pk_set:
        _refresh(document_model, pk__in=pk_set)


def _reverse_lookup(model, through):
    return next(relation.name for relation in named_relations(model)
                if relation.many_to_many and relation.remote_field.through is through)


def _name_deleting(model, relation, sender, instance, **kwargs):
    """A topic about to be deleted: its links go with it, without an m2m signal, so note its documents."""
    instance._search_documents_before_delete = list(
        model.objects.filter(**{relation.name: instance}).values_list("pk", flat=True))


def _name_deleted(model, sender, instance, **kwargs):
    _refresh(model, pk__in=getattr(instance, "_search_documents_before_delete", []))
