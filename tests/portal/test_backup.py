"""The backup recipe in docs/backup.md (moved from the README) gives back everything.

Content with its version history (including a version scheduled for later), worksheets with their
rows and history, and alert subscriptions with their interests and outbox are written through the
real services and committed; the real `pg_dump --format=custom --no-owner` dumps the database, the
real `createdb` and `pg_restore --no-owner` restore it into a new database, and the test reads the
restored database through a second Django connection: it must hold the same rows, need no
migration, and go on numbering new rows after the restored ones.

PostgreSQL only (the recipe is for PostgreSQL; the SQLite file of `make run` is demo data).
"""

import glob
import os
import secrets
import shutil
import subprocess
from datetime import timedelta

import pytest
from django.apps import apps
from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="backup and restore use pg_dump/pg_restore: runs in the PostgreSQL pass "
                              "(DATABASE_URL=postgres://…)"),
    pytest.mark.django_db(transaction=True),  # pg_dump runs in another process: the data must be committed
]

RESTORED = "restored_backup"


def client_program(name):
    """The newest PostgreSQL client program `name` (pg_dump must not be older than the server)."""
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda path: int(path.split("/")[4]) if path.split("/")[4].isdigit() else 0)
    program = candidates[-1] if candidates else shutil.which(name)
    if program is None:
        message = f"{name} is not installed (Debian package postgresql-client)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return program


def run(program, *args, settings_dict):
    """Run a PostgreSQL client program against the test database's server, as the test's role."""
    command = [client_program(program)]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            command.append(f"{option}={settings_dict[key]}")
    env = {**os.environ, "PGPASSWORD": str(settings_dict.get("PASSWORD") or ""), "PGCONNECT_TIMEOUT": "10"}
    result = subprocess.run(command + list(args), env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{' '.join(command + list(args))} failed:\n{result.stderr}"
    return result


# --- The data -------------------------------------------------------------------------------


def build_content():
    from guidance.models import Topic
    from publishing.services import version_publish
    from tests.factories import add_version, make_article, make_issuer, make_measure, make_publisher, make_topic

    now = timezone.now()
    publisher = make_publisher("backup-redaktor")
    topic = make_topic("Smittesporing", "smittesporing-backup")
    article = make_article(
        author=publisher, issuer=make_issuer("Helsedirektoratet", "helsedirektoratet-backup"), topics=[topic],
        slug="smittesporing-backup", title="Smittesporing i kommunene",
        versions=[
            {"publish_at": now - timedelta(days=3), "change_note": "Første versjon."},
            {"publish_at": now - timedelta(days=2), "title": "Smittesporing og karantene",
             "change_note": "Nye råd om karantene for nærkontakter."},
            {"publish_at": now - timedelta(days=1), "change_type": "minor", "change_note": "",
             "title": "Smittesporing og karantene", "summary": "Kommunene har ansvaret for smittesporingen."},
        ],
    )
    scheduled = add_version(article, publisher, title="Smittesporing fra mandag",
                            change_note="Gjelder fra mandag: ny rutine for varsling.")
    version_publish(version=scheduled, user=publisher, publish_at=now + timedelta(days=2))
    draft = add_version(article, publisher, title="Utkast: smittesporing i skolen", change_note="Utkast.")
    assert draft.publish_at is None

    measure = make_measure(slug="innsatspersonell-backup", publisher=publisher,
                           published_at=now - timedelta(days=5), title="Nasjonalt innsatspersonell")
    version_publish(version=add_version(measure, publisher, title="Nasjonalt innsatspersonell for TISK",
                                        change_note="Nå også for vaksinering."),
                    user=publisher, publish_at=now - timedelta(hours=2))
    return {"article": article, "measure": measure, "topic": Topic.objects.get(pk=topic.pk)}


def build_worksheets():
    import datetime

    from prioritering import services
    from tests.factories import make_member, make_municipality

    municipality = make_municipality("Hamar", "3403")
    leader = make_member(municipality, "leder", username="backup-leder")
    worksheet = services.worksheet_create(user=leader, municipality=municipality, data={
        "service_unit": "Hjemmetjenesten sone nord", "phase": 3, "assessed_on": datetime.date(2022, 3, 16),
        "responsible": "Enhetsleder hjemmetjenesten"})
    row_data = {"service_type": "dagaktivitet", "service_name": "Dagsenteret Furuly", "action": "redusere",
                "reason": "kapasitet", "nytte": 2, "alvorlighet": 2, "ressurs": 2, "mestring": 2,
                "weighted_criteria": ["nytte", "alvorlighet"], "forsvarlig_minimum": "Individuell vurdering.",
                "involvement": "begge", "end_date": datetime.date(2022, 6, 30), "decision_form": "skriftlig",
                "complaint_info": "ja"}  # the note: recipients keep their right to complain (issue 25)
    row = services.row_create(worksheet=worksheet, user=leader, data=row_data)
    services.row_create(worksheet=worksheet, user=leader, data={**row_data, "service_type": "praktisk_bistand",
                                                                 "service_name": "Praktisk bistand i hjemmet"})
    services.row_update(row=row, user=leader, data={"description": "To dager i uken i stedet for fem."},
                        expected_revision=row.revision)
    worksheet = services.worksheet_update(worksheet=worksheet, user=leader, expected_revision=worksheet.revision,
                                          data={"summary": "Høyt sykefravær i sone nord.", "staff_available": 12})
    decided = services.worksheet_decide(worksheet=worksheet, user=leader)
    successor = services.worksheet_new_version(worksheet=decided, user=leader, phase=4)
    return [decided, successor]


def build_subscriptions(content):
    from alerts import outbox, services, tokens
    from alerts.models import Subscription

    services.subscription_request(
        email="Smittevern@Hamar.kommune.no", frequency="immediate", everything=False,
        interests={"guidance.article": [content["article"].pk], "guidance.topic": [content["topic"].pk],
                   "staffing.measure": [content["measure"].pk]})
    services.subscription_request(email="kommuneoverlege@lillehammer.kommune.no", frequency="daily",
                                  everything=True, interests={})
    subscription = Subscription.objects.get(email="smittevern@hamar.kommune.no")
    # Confirmed before the article's versions went live, so the live major versions are alerted.
    services.subscription_confirm(token=tokens.confirm_token(subscription), now=timezone.now() - timedelta(days=4))
    assert outbox.alerts_enqueue() >= 1


# --- Reading one database -------------------------------------------------------------------


def snapshot(alias):
    """What must survive a restore, read through the connection `alias`."""
    from alerts.models import Message, Subscription
    from guidance.models import Article
    from prioritering.models import Worksheet
    from staffing.models import Measure

    version_fields = ("number", "title", "summary", "change_type", "change_note", "publish_at", "approved_at",
                      "author__username", "created_at")
    articles = {
        article.slug: {
            "live": article.live_version.number if article.live_version else None,
            "spans": list(article.versions.using(alias).order_by("number").values_list("live_from", "live_until")),
            "topics": sorted(article.topics.using(alias).values_list("slug", flat=True)),
            "versions": list(article.versions.using(alias).order_by("number").values_list(*version_fields)),
        }
        for article in Article.objects.using(alias).with_live_version().order_by("slug")
    }
    measures = {
        measure.slug: list(measure.versions.using(alias).order_by("number").values_list(*version_fields, "tasks"))
        for measure in Measure.objects.using(alias).order_by("slug")
    }
    worksheets = [
        {
            "fields": (worksheet.municipality.name, worksheet.service_unit, worksheet.phase, worksheet.status,
                       worksheet.revision, worksheet.summary, worksheet.staff_available, worksheet.decided_at,
                       worksheet.previous_version_id),
            "rows": list(worksheet.rows.using(alias).order_by("position").values_list(
                "position", "service_type", "service_name", "description", "weighted_criteria", "end_date",
                "revision")),
            "history": list(worksheet.changes.using(alias).order_by("pk").values_list(
                "user_name", "summary", "details", "created_at")),
        }
        for worksheet in Worksheet.objects.using(alias).select_related("municipality").order_by("pk")
    ]
    subscriptions = {
        subscription.email: {
            "fields": (subscription.frequency, subscription.everything, subscription.key,
                       subscription.confirmed_at, subscription.created_at),
            "interests": sorted(subscription.interests.using(alias).values_list("facet", "value")),
        }
        for subscription in Subscription.objects.using(alias).order_by("email")
    }
    outbox = list(Message.objects.using(alias).order_by("pk").values_list(
        "subscription__email", "kind", "dedupe_key", "subject", "body", "status", "sent_at"))
    return {"articles": articles, "measures": measures, "worksheets": worksheets,
            "subscriptions": subscriptions, "outbox": outbox}


def row_counts(alias):
    """Rows in every table Django knows, the many-to-many tables included."""
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            counts[model._meta.db_table] = model._base_manager.using(alias).count()
    return counts


# --- The test -------------------------------------------------------------------------------


def test_pg_dump_and_pg_restore_give_back_content_worksheets_and_subscriptions(tmp_path):
    content = build_content()
    build_worksheets()
    build_subscriptions(content)
    original = snapshot("default")
    original_counts = row_counts("default")

    # The data the assertions rely on really is there, so equal snapshots mean something.
    article = original["articles"]["smittesporing-backup"]
    assert [v[0] for v in article["versions"]] == [1, 2, 3, 4, 5]
    assert [v[1] for v in article["versions"]] == [
        "Smittesporing i kommunene", "Smittesporing og karantene", "Smittesporing og karantene",
        "Smittesporing fra mandag", "Utkast: smittesporing i skolen"]
    assert [v[4] for v in article["versions"]] == [
        "Første versjon.", "Nye råd om karantene for nærkontakter.", "",
        "Gjelder fra mandag: ny rutine for varsling.", "Utkast."]
    assert article["live"] == 3 and article["versions"][3][5] > timezone.now() and article["versions"][4][5] is None
    assert [v[0] for v in original["measures"]["innsatspersonell-backup"]] == [1, 2]
    decided, successor = original["worksheets"]
    assert decided["fields"][3] == "erstattet" and successor["fields"][3] == "utkast"
    assert len(decided["rows"]) == 2 and len(successor["rows"]) == 2 and len(decided["history"]) >= 6
    hamar = original["subscriptions"]["smittevern@hamar.kommune.no"]
    assert len(hamar["interests"]) == 3 and hamar["fields"][3] is not None
    assert {kind for _email, kind, *_rest in original["outbox"]} == {"confirmation", "alert"}

    settings_dict = connection.settings_dict
    dump = tmp_path / "kommuneportal.dump"
    restored_name = f"{settings_dict['NAME']}_restore_{secrets.token_hex(4)}"[:63]

    # The recipe from docs/backup.md.
    run("pg_dump", "--format=custom", "--no-owner", f"--file={dump}", f"--dbname={settings_dict['NAME']}",
        settings_dict=settings_dict)
    assert dump.stat().st_size > 0
    run("createdb", restored_name, settings_dict=settings_dict)
    try:
        run("pg_restore", "--no-owner", "--exit-on-error", f"--dbname={restored_name}", str(dump),
            settings_dict=settings_dict)

        # A second connection, to the restored database, that querysets reach with .using(RESTORED).
        # Made directly rather than through settings.DATABASES, so the test case allows it.
        restored_connection = type(connections["default"])(
            {**settings_dict, "NAME": restored_name, "CONN_MAX_AGE": 0}, RESTORED)
        connections[RESTORED] = restored_connection
        try:
            # `manage.py migrate` after a restore is a no-op when the code matches the dump.
            executor = MigrationExecutor(restored_connection)
            assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []

            assert row_counts(RESTORED) == original_counts
            restored = snapshot(RESTORED)
            assert restored["articles"] == original["articles"]
            assert restored["measures"] == original["measures"]
            assert restored["worksheets"] == original["worksheets"]
            assert restored["subscriptions"] == original["subscriptions"]
            assert restored["outbox"] == original["outbox"]

            # Sequences were restored too: the restored site numbers new rows after the old ones.
            from prioritering.models import WorksheetChange

            last = WorksheetChange.objects.using(RESTORED).order_by("-pk").values_list("pk", flat=True).first()
            created = WorksheetChange.objects.using(RESTORED).create(
                worksheet_id=WorksheetChange.objects.using(RESTORED).get(pk=last).worksheet_id,
                user_name="etter-gjenoppretting", summary="Første endring etter gjenopprettingen")
            assert created.pk > last
        finally:
            restored_connection.close()
            del connections[RESTORED]
    finally:
        run("dropdb", "--if-exists", "--force", restored_name, settings_dict=settings_dict)
