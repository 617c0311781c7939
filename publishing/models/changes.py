"""What changed for readers, and when: the record the services write and the page caches read.

Every change to what readers see is one `PublicChange` row, written by `publishing.changes.record_change`
in the same transaction as the change. It names what changed as cache tags (`publishing.cachetags`);
each tag's `ChangeTag.generation` is set to the change's generation, a number from the one
`ContentClock` row that only ever grows and that every writer locks, so generations are handed out
in the order the changes commit. A cached page remembers the generation it was rendered at and the
tags it shows: it is current while none of its tags has a newer generation. Changes that happen by
themselves later (a version scheduled for 08:00) are `ScheduledChange` rows for the same tags.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublicContent(models.Model):
    """A model whose rows readers see on public pages without versions (a topic, a contact point …).

    Every save, delete or change of its many-to-many links, from anywhere (the admin, a command,
    `manage.py shell`), is recorded as a change of `change_tags()` (`publishing.changes` connects the
    signals; bulk `QuerySet.update()` sends none: call `record_change` after one).
    """

    class Meta:
        abstract = True

    def change_tags(self):
        """What a change to this row changes: its own pages and every page listing rows of its kind."""
        from publishing.cachetags import tag_for

        return {tag_for(self), tag_for(type(self))}


class ContentClock(models.Model):
    """One row: the newest generation handed out. Writers lock it, so generations follow commit order.

    A generation is at least the microseconds since 1970 of the change, so a database restored from an
    older backup never hands out a number that pages cached before the restore already carry.
    """

    generation = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("innholdsklokke")
        verbose_name_plural = _("innholdsklokke")

    def __str__(self):
        return f"generasjon {self.generation}"


class ChangeTag(models.Model):
    """The generation of the last change to what a cache tag names."""

    name = models.CharField(_("navn"), max_length=200, primary_key=True)
    generation = models.PositiveBigIntegerField()

    class Meta:
        verbose_name = _("endringsmerke")
        verbose_name_plural = _("endringsmerker")

    def __str__(self):
        return f"{self.name} @ {self.generation}"


class ScheduledChange(models.Model):
    """A moment at which what a tag names changes by itself (a scheduled version falls due)."""

    tag = models.CharField(_("merke"), max_length=200)
    at = models.DateTimeField(_("tidspunkt"))

    class Meta:
        verbose_name = _("planlagt endring")
        verbose_name_plural = _("planlagte endringer")
        indexes = [models.Index(fields=["tag", "at"], name="publishing_scheduled_tag_idx"),
                   models.Index(fields=["at"], name="publishing_scheduled_at_idx")]

    def __str__(self):
        return f"{self.tag} @ {self.at:%Y-%m-%d %H:%M}"


class ChangeKind(models.TextChoices):
    PUBLISHED = "published", _("Publisert")
    SCHEDULED = "scheduled", _("Planlagt")
    WITHDRAWN = "withdrawn", _("Trukket tilbake")
    REINSTATED = "reinstated", _("Gjeninnført")
    CHANGED = "changed", _("Endret")
    DELETED = "deleted", _("Slettet")
    EVERYTHING = "everything", _("Alt innhold er lest inn på nytt")


class PublicChangeQuerySet(models.QuerySet):
    def of(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk)

    def withdrawals(self):
        return self.filter(kind__in=[ChangeKind.WITHDRAWN, ChangeKind.REINSTATED])


class PublicChange(models.Model):
    """One change to what readers see: who made it, when readers see it, and what it changes."""

    kind = models.CharField(_("type"), max_length=20, choices=ChangeKind.choices)
    recorded_at = models.DateTimeField(_("registrert"), default=timezone.now, db_index=True)
    effective_at = models.DateTimeField(_("gjelder fra"), help_text=_("Når leserne ser endringen."))
    content_type = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, blank=True,
                                     verbose_name=_("innholdstype"))
    object_id = models.PositiveBigIntegerField(_("objekt"), null=True, blank=True)
    object_repr = models.CharField(_("hva"), max_length=250, blank=True)
    version_number = models.PositiveIntegerField(_("versjon"), null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name=_("av"))
    note = models.TextField(_("merknad"), blank=True, help_text=_("Begrunnelsen for en tilbaketrekking."))
    generation = models.PositiveBigIntegerField(_("generasjon"))
    tags = models.JSONField(_("merker"), default=list)

    objects = PublicChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("offentlig endring")
        verbose_name_plural = _("offentlige endringer")
        ordering = ["-generation"]
        indexes = [models.Index(fields=["content_type", "object_id", "recorded_at"], name="publishing_change_obj_idx")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.object_repr or '–'}"
