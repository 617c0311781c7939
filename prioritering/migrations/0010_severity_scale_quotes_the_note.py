from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('prioritering', '0009_assistance_personal_data_guard'),
    ]

    operations = [
        migrations.AlterField(
            model_name='servicerow',
            name='alvorlighet',
            field=models.PositiveSmallIntegerField(blank=True, choices=[(1, 'Lav – lite «smerter, fysisk eller psykisk ubehag», og det haster ikke'), (2, 'Middels – noe «fysisk eller psykisk funksjonstap» eller ubehag uten tjenesten'), (3, 'Høy – «risiko for død eller funksjonstap» uten tjenesten, og det haster')], help_text='«Et tiltaks prioritet øker i tråd med alvorligheten av tilstanden.» «Graden av alvorlighet øker jo mer det haster å komme i gang med tiltaket.» (Vedlegg 1, Alvorlighetskriteriet)', null=True, verbose_name='alvorlighet'),
        ),
    ]
