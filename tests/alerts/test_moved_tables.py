"""Alerts moved from the site's app label (`kommuneportal`) to their own app: data must survive."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from alerts.models import Message, Subscription

BEFORE_THE_MOVE = [("kommuneportal", "0001_initial"), ("alerts", None)]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()  # see what is applied now
    return executor.loader.project_state([target for target in targets if target[1]]).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_subscriptions_and_outbox_rows_survive_the_move_to_the_alerts_app():
    old_apps = migrate(BEFORE_THE_MOVE)
    try:
        OldSubscription = old_apps.get_model("kommuneportal", "Subscription")
        OldInterest = old_apps.get_model("kommuneportal", "SubscriptionInterest")
        OldMessage = old_apps.get_model("kommuneportal", "Message")
        subscription = OldSubscription.objects.create(
            email="kari@kommune.no", key="nokkel", confirm_nonce="engangs", confirmed_at=timezone.now())
        OldInterest.objects.create(subscription=subscription, facet="guidance.topic", value="3")
        OldMessage.objects.create(subscription=subscription, kind="alert", dedupe_key="varsel-1",
                                  subject="Endret: Smittesporing", body="Tekst", status="pending")
        old_type = ContentType.objects.get_or_create(app_label="kommuneportal", model="subscription")[0]
    finally:
        migrate(latest())

    moved = Subscription.objects.get(email="kari@kommune.no")
    assert moved.key == "nokkel" and moved.is_confirmed
    assert list(moved.interests.values_list("facet", "value")) == [("guidance.topic", "3")]
    message = Message.objects.get(dedupe_key="varsel-1")
    assert (message.subscription, message.subject, message.status) == (moved, "Endret: Smittesporing", "pending")
    # Permissions and admin log entries hang on the content type, which follows the model.
    assert ContentType.objects.get(pk=old_type.pk).app_label == "alerts"
    assert Subscription._meta.db_table == "alerts_subscription"
    assert "alerts_subscription" in connection.introspection.table_names()
    assert "kommuneportal_subscription" not in connection.introspection.table_names()
