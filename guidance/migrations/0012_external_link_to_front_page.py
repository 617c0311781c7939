from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('guidance', '0011_sort_by_source_date'),
    ]

    operations = [
        migrations.AddField(
            model_name='externallink',
            name='links_to_front_page',
            field=models.BooleanField(default=False, help_text='Kryss av når kilden ikke gir adressen til siden, så lenken går til myndighetens forside. Leserne får vite det, i stedet for å tro at lenken går til siden som er beskrevet.', verbose_name='lenken går til forsiden'),
        ),
    ]
