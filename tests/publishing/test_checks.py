"""What a model must provide to take part in publishing is checked at start-up (`manage.py check`)."""

from django.core import checks
from django.db import models
from django.test.utils import isolate_apps

from publishing.checks import errors_for
from publishing.models import DocumentVersion, VersionedDocument


def test_the_portals_own_models_meet_every_contract():
    assert [error for error in checks.run_checks() if error.id.startswith("publishing.")] == []


@isolate_apps("publishing")
def test_a_document_without_versions_and_a_named_thing_whose_changes_are_not_recorded_are_named():
    class Theme(models.Model):
        name = models.CharField(max_length=10)

        class Meta:
            app_label = "publishing"

    class Leaflet(VersionedDocument):
        theme = models.ForeignKey(Theme, on_delete=models.PROTECT)

        class Meta:
            app_label = "publishing"

    errors = {error.id: error.msg for error in errors_for([Theme, Leaflet])}
    assert "publishing.E001" in errors and "Leaflet" in errors["publishing.E001"]
    assert "publishing.E003" in errors and "Theme" in errors["publishing.E003"]


@isolate_apps("publishing")
def test_a_version_whose_parent_field_is_wrong_or_has_no_publish_permission_is_named():
    class Notice(VersionedDocument):
        class Meta:
            app_label = "publishing"

    class NoticeVersion(DocumentVersion):
        parent_field = "notice"
        notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="versions")

        class Meta:
            app_label = "publishing"

    class StrayVersion(DocumentVersion):
        parent_field = "nothing"

        class Meta:
            app_label = "publishing"

    errors = [error.id for error in errors_for([Notice, NoticeVersion, StrayVersion])]
    assert errors.count("publishing.E004") == 1  # NoticeVersion declares no publish permission
    assert errors.count("publishing.E002") == 1  # StrayVersion names no parent
