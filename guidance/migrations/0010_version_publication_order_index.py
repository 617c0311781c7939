"""«Changes since» with minor changes (the open API) reads its page from an index in publication order."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('guidance', '0009_version_spans'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='articleversion',
            index=models.Index(fields=['publish_at', 'id'], name='guidance_version_order_idx'),
        ),
    ]
