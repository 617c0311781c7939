"""The table the rate limits count in when REDIS_URL is not set (kommuneportal.cache.CounterDatabaseCache).

Created here, not by `manage.py createcachetable`, so `migrate` is the only step `make run`, the tests
and a production deploy need. Created whatever the settings say now, so switching Redis off later needs
no step either. The table name is frozen here: migrations import no live code.
"""

from django.core.management.commands.createcachetable import Command
from django.db import migrations

TABLE = "kommuneportal_limits"


def create_table(apps, schema_editor):
    command = Command()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("kommuneportal", "0002_alerts_moved_to_their_own_app")]

    operations = [migrations.RunPython(create_table, drop_table)]
