"""Every version names its source (document, issuer, date, link) and may carry the editors' note."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('guidance', '0005_search_vector_and_list_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='articleversion',
            name='editor_note',
            field=models.TextField(blank=True, help_text='Portalens egen forklaring. Vises tydelig atskilt fra kildens ord; skriv aldri fakta som kilden ikke sier her.', verbose_name='redaksjonens merknad'),
        ),
        migrations.AddField(
            model_name='articleversion',
            name='source_date',
            field=models.DateField(blank=True, help_text='Datoen dokumentet har. Tomt hvis kilden ikke oppgir en dato.', null=True, verbose_name='kildens dato'),
        ),
        migrations.AddField(
            model_name='articleversion',
            name='source_date_is_approximate',
            field=models.BooleanField(default=False, help_text='Kryss av når kilden ikke gir en eksakt dato: leserne ser da bare måned og år («ca. desember 2020»).', verbose_name='datoen er omtrentlig'),
        ),
        migrations.AddField(
            model_name='articleversion',
            name='source_issuer',
            field=models.CharField(blank=True, help_text='F.eks. Helsedirektoratet, FHI, KS eller Statsforvalteren i Innlandet.', max_length=150, verbose_name='utgiver av kilden'),
        ),
        migrations.AddField(
            model_name='articleversion',
            name='source_title',
            field=models.CharField(blank=True, help_text='Dokumentet teksten bygger på, slik det heter hos utgiveren, f.eks. «Brev til kommunene om bemanning».', max_length=250, verbose_name='kildedokument'),
        ),
        migrations.AddField(
            model_name='articleversion',
            name='source_url',
            field=models.URLField(blank=True, help_text='Der dokumentet finnes på nett.', verbose_name='lenke til kilden'),
        ),
    ]
