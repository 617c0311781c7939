from django.db import migrations, models
from django.db.models import F


def confirmed_from_start(apps, schema_editor):
    """An existing contact point is confirmed by its own source, from the date it starts."""
    ContactPoint = apps.get_model("staffing", "ContactPoint")
    ContactPoint.objects.filter(confirmed_on__isnull=True).update(
        confirmed_on=F("valid_from"), confirmed_on_is_approximate=F("valid_from_is_approximate"))


class Migration(migrations.Migration):

    dependencies = [
        ('staffing', '0010_version_spans'),
    ]

    operations = [
        migrations.AddField(
            model_name='contactpoint',
            name='confirmed_by',
            field=models.CharField(blank=True, help_text='Hvem som sist bekreftet telefon, åpningstid og e-post, f.eks. Helsedirektoratet.', max_length=150, verbose_name='bekreftet av'),
        ),
        migrations.AddField(
            model_name='contactpoint',
            name='confirmed_on',
            field=models.DateField(blank=True, help_text='Datoen til den nyeste kilden som gir disse opplysningene. Tomt: samme som «gjelder fra». Etter bekreftelsesperioden sier banneret at opplysningene ikke er bekreftet som gjeldende.', null=True, verbose_name='sist bekreftet'),
        ),
        migrations.AddField(
            model_name='contactpoint',
            name='confirmed_on_is_approximate',
            field=models.BooleanField(default=False, help_text='Leserne ser da bare måned og år («ca. desember 2021»).', verbose_name='kilden gir bare måneden for bekreftelsen'),
        ),
        migrations.AddField(
            model_name='contactpoint',
            name='editor_note',
            field=models.TextField(blank=True, help_text='Portalens egen forklaring, f.eks. når et nummer i kilden er lest som en skrivefeil. Vises atskilt fra kildens ord.', verbose_name='redaksjonens merknad'),
        ),
        migrations.AddField(
            model_name='contactpoint',
            name='source_links',
            field=models.TextField(blank=True, help_text='Nettsider kilden selv viser til, f.eks. siden der kontaktpunktet ble gjort kjent. Én per linje, slik: [Tittel](https://…). Vises under kilden som «Kilden viser til».', verbose_name='lenker i kilden'),
        ),
        migrations.RunPython(confirmed_from_start, migrations.RunPython.noop),
    ]
