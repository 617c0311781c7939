"""Synonyms for the site search, seeded with a few words the portal's readers type; pg_trgm for "Mente du …?".

Each seeded row answers a word that found nothing although the content is about it: PostgreSQL's
Norwegian stemming keeps "sykepleier" and "sykepleiere", "medhjelper" and "medhjelpere" apart, and
compounds ("omikronvarianten", "koronaviruset") are one word to it.
"""

from django.db import migrations, models

EDITOR_GROUP = "Redaktør"
PUBLISHER_GROUP = "Ansvarlig redaktør"
PUBLISHER_PERMISSIONS = [
    "publishing.view_searchsynonym", "publishing.add_searchsynonym",
    "publishing.change_searchsynonym", "publishing.delete_searchsynonym",
]
EDITOR_PERMISSIONS = ["publishing.view_searchsynonym"]

SYNONYMS = {
    "sykepleier": "sykepleiere, helsepersonell",
    "sykepleiere": "sykepleier, helsepersonell",
    "medhjelper": "medhjelpere",
    "medhjelpere": "medhjelper",
    "omikron": "omikronvarianten, omikronsmitte",
    "korona": "koronaviruset, koronapandemien, covid-19",
    "vaksine": "vaksinering, vaksinasjon",
}


def grant(apps, group_permissions):
    """Frozen copy of publishing.roles.groups_grant_permissions for the historical `apps`."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for group_name, perms in group_permissions.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        for dotted in perms:
            app_label, codename = dotted.split(".", 1)
            action, _sep, model_name = codename.partition("_")
            model = apps.get_model(app_label, model_name)
            content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model._meta.model_name)
            name = dict(model._meta.permissions).get(codename) or f"Can {action} {model._meta.verbose_name_raw}"
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": str(name)[:255]}
            )
            group.permissions.add(permission)


def seed_synonyms_and_grant(apps, schema_editor):
    SearchSynonym = apps.get_model("publishing", "SearchSynonym")
    for word, alternatives in SYNONYMS.items():
        SearchSynonym.objects.get_or_create(word=word, defaults={"alternatives": alternatives})
    grant(apps, {EDITOR_GROUP: EDITOR_PERMISSIONS, PUBLISHER_GROUP: PUBLISHER_PERMISSIONS})


def create_trigram_extension(apps, schema_editor):
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):

    dependencies = [
        ('publishing', '0001_initial'),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchSynonym',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('word', models.CharField(help_text='Ett ord slik folk skriver det i søket, f.eks. «sykepleier». Store og små bokstaver er likegyldig.', max_length=100, unique=True, verbose_name='ord')),
                ('alternatives', models.CharField(help_text='Ord eller uttrykk skilt med komma, f.eks. «sykepleiere, helsepersonell». Treff på disse vises sammen med treff på ordet.', max_length=500, verbose_name='søk også etter')),
            ],
            options={
                'verbose_name': 'synonym i søket',
                'verbose_name_plural': 'synonymer i søket',
                'ordering': ['word'],
            },
        ),
        migrations.RunPython(seed_synonyms_and_grant, migrations.RunPython.noop),
        migrations.RunPython(create_trigram_extension, migrations.RunPython.noop),
    ]
