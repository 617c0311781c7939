"""Measures know their age and their successor; the contact point keeps the source's description of
itself; municipalities can propose measures, which publishers read in the admin.

The editorial groups get the proposals' permissions from a frozen list (migrations import no live code).
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


EDITOR_GROUP = "Redaktør"
PUBLISHER_GROUP = "Ansvarlig redaktør"
EDITOR_PERMISSIONS = ["staffing.view_measureproposal", "staffing.change_measureproposal"]
PUBLISHER_PERMISSIONS = EDITOR_PERMISSIONS + ["staffing.delete_measureproposal"]


def grant(apps, schema_editor):
    """Frozen copy of publishing.roles.groups_grant_permissions for the historical `apps`."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    model = apps.get_model("staffing", "MeasureProposal")
    content_type, _created = ContentType.objects.get_or_create(app_label="staffing", model=model._meta.model_name)
    for group_name, perms in {EDITOR_GROUP: EDITOR_PERMISSIONS, PUBLISHER_GROUP: PUBLISHER_PERMISSIONS}.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        for dotted in perms:
            codename = dotted.split(".", 1)[1]
            action = codename.split("_", 1)[0]
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type, codename=codename,
                defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):

    dependencies = [
        ('staffing', '0006_version_sources'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='MeasureProposal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=200, verbose_name='tiltaket')),
                ('description', models.TextField(verbose_name='beskrivelse')),
                ('source', models.CharField(blank=True, max_length=500, verbose_name='kilde eller lenke')),
                ('organisation', models.CharField(blank=True, max_length=150, verbose_name='kommune eller virksomhet')),
                ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='e-post for svar')),
                ('received_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, editable=False, verbose_name='mottatt')),
                ('handled', models.BooleanField(default=False, help_text='Kryss av når redaksjonen har vurdert forslaget.', verbose_name='behandlet')),
            ],
            options={
                'verbose_name': 'forslag til tiltak',
                'verbose_name_plural': 'forslag til tiltak',
                'ordering': ['-received_at'],
            },
        ),
        migrations.AddField(
            model_name='contactpoint',
            name='description',
            field=models.TextField(blank=True, help_text='Kildens beskrivelse av hva kontaktpunktet hjelper med og hvordan det svarer. Vises på siden «Om kontaktpunktet». Ett avsnitt per linje.', verbose_name='om kontaktpunktet'),
        ),
        migrations.AddField(
            model_name='contactpoint',
            name='source_url',
            field=models.URLField(blank=True, help_text='Bare når kilden finnes på nett.', verbose_name='lenke til kilden'),
        ),
        migrations.AddField(
            model_name='contactpoint',
            name='valid_from_is_approximate',
            field=models.BooleanField(default=False, help_text='Leserne ser da bare måned og år («fra mars 2021») der datoen vises.', verbose_name='kilden gir bare måneden'),
        ),
        migrations.AddField(
            model_name='measure',
            name='successor',
            field=models.ForeignKey(blank=True, help_text='Tiltaket som tar over når dette utløper, f.eks. den nye pensjonistordningen fra 10.09.2022. Leserne av et utløpt tiltak får en lenke dit.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='predecessors', to='staffing.measure', verbose_name='erstattet av'),
        ),
        migrations.AddField(
            model_name='measureversion',
            name='is_last_resort',
            field=models.BooleanField(default=False, help_text='Kryss av når vilkårene sier at andre muligheter skal være forsøkt først (f.eks. Sivilforsvaret og Forsvaret). Finneren viser det da etter de vanlige tiltakene, med vilkåret.', verbose_name='siste utvei'),
        ),
        migrations.AddField(
            model_name='measureversion',
            name='valid_from_is_approximate',
            field=models.BooleanField(default=False, help_text='Leserne ser da bare måned og år («fra mars 2020»). Sett datoen til siste dag i måneden, så finneren aldri tilbyr tiltaket før det fantes.', verbose_name='kilden gir bare måneden for start'),
        ),
        migrations.AddField(
            model_name='measureversion',
            name='valid_until_is_approximate',
            field=models.BooleanField(default=False, help_text='Leserne ser da bare måned og år («til og med juni 2022» for «fram til juli 2022»). Sett datoen til siste dag kilden sikkert dekker.', verbose_name='kilden gir bare måneden for slutt'),
        ),
        migrations.AlterField(
            model_name='contactpoint',
            name='opening_hours',
            field=models.CharField(help_text='Slik kilden sier det, f.eks. «08–15». Legg ikke til dager kilden ikke nevner.', max_length=100, verbose_name='åpningstid'),
        ),
        migrations.AlterField(
            model_name='contactpoint',
            name='source',
            field=models.CharField(blank=True, help_text='Dokumentet opplysningene kommer fra: tittel, utgiver og dato.', max_length=250, verbose_name='kilde'),
        ),
        migrations.AlterField(
            model_name='measureversion',
            name='request_channel',
            field=models.CharField(choices=[('telefon-epost', 'Telefon eller e-post'), ('epost', 'E-post'), ('nettsted', 'Nettsted eller register'), ('statsforvalteren', 'Gjennom Statsforvalteren'), ('lokalt', 'Kommunen selv, lokalt eller ved avtale'), ('ikke-oppgitt', 'Kilden sier ikke hvordan')], max_length=30, verbose_name='kanal'),
        ),
        migrations.AlterField(
            model_name='measureversion',
            name='speed',
            field=models.CharField(choices=[('samme-dag', 'Samme dag eller på kort varsel'), ('dager', 'I løpet av noen dager'), ('uker', 'I løpet av uker')], help_text='Redaksjonens anslag over hvor raskt tiltaket realistisk kan hjelpe etter at kommunen ber om det. Vises for leserne som et anslag.', max_length=20, verbose_name='hvor raskt'),
        ),
        migrations.AlterField(
            model_name='measureversion',
            name='valid_from',
            field=models.DateField(blank=True, help_text='Startdatoen kilden gir. Tomt: kilden gir ingen, og tiltaket regnes som kjent fra kildens dato.', null=True, verbose_name='gjelder fra'),
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
