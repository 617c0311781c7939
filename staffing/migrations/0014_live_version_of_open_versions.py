"""Reading one document's live version reads the index of its open versions (one or two), not of every
version it ever had."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('staffing', '0013_open_spans'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='measureversion',
            name='staffing_version_live_idx',
        ),
        migrations.AddIndex(
            model_name='measureversion',
            index=models.Index(condition=models.Q(('span_open', True)), fields=['measure'], include=('live_from', 'live_until'), name='staffing_version_live_idx'),
        ),
    ]
