"""The alert models now belong to the `alerts` app (see alerts 0001): forget them here, keep the tables."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("kommuneportal", "0001_initial"),
        ("alerts", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="DigestItem"),
                migrations.DeleteModel(name="Message"),
                migrations.DeleteModel(name="SubscriptionInterest"),
                migrations.DeleteModel(name="AlertDispatch"),
                migrations.DeleteModel(name="Subscription"),
            ],
            database_operations=[],
        ),
    ]
