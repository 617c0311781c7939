from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('staffing', '0011_contact_point_confirmation'),
    ]

    operations = [
        migrations.AddField(
            model_name='measureversion',
            name='contact_where',
            field=models.CharField(blank=True, help_text='Når kilden nevner en kontakt uten telefon, e-post eller nettadresse: hvor leserne kan finne den, f.eks. «Se nettsidene til statsforvalteren i fylket.» Vises som redaksjonens råd, etter at siden har sagt at kilden ikke oppgir noen.', max_length=250, verbose_name='der dere finner kontakten'),
        ),
    ]
