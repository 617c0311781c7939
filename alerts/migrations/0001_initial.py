"""Alerts move from the site's app label to their own app, keeping their tables and rows.

This migration only tells Django's model state that the tables kommuneportal 0001 created now
belong to `alerts`; kommuneportal 0002 forgets them there, and alerts 0002 renames the tables.
"""

import django.db.models.deletion
import django.utils.timezone
import functools
import secrets
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [("kommuneportal", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='Subscription',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('email', models.EmailField(help_text='Lagres med små bokstaver.', max_length=254, unique=True, verbose_name='e-postadresse')),
                    ('frequency', models.CharField(choices=[('immediate', 'Straks'), ('daily', 'Daglig sammendrag')], default='immediate', max_length=10, verbose_name='hyppighet')),
                    ('everything', models.BooleanField(default=False, verbose_name='alle endringer')),
                    ('key', models.CharField(default=functools.partial(secrets.token_urlsafe, 18), editable=False, help_text='Inngår i lenkene for å endre og melde seg av.', max_length=40, verbose_name='hemmelig nøkkel')),
                    ('confirm_nonce', models.CharField(default=functools.partial(secrets.token_urlsafe, 18), editable=False, max_length=40)),
                    ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='registrert')),
                    ('confirmed_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='bekreftet')),
                    ('last_request_mail_at', models.DateTimeField(blank=True, editable=False, help_text='Brukes for å sende høyst én bekreftelse i timen til samme adresse.', null=True, verbose_name='siste bekreftelses-e-post')),
                ],
                options={
                    'db_table': 'kommuneportal_subscription',
                    'verbose_name': 'abonnement på varsler',
                    'verbose_name_plural': 'abonnementer på varsler',
                    'ordering': ['-created_at'],
                },
            ),
            migrations.CreateModel(
                name='AlertDispatch',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('source', models.CharField(max_length=40, verbose_name='kilde')),
                    ('version_id', models.PositiveBigIntegerField(verbose_name='versjon')),
                    ('title', models.CharField(max_length=250, verbose_name='tittel')),
                    ('published_at', models.DateTimeField(verbose_name='publisert')),
                    ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='behandlet')),
                    ('recipients', models.PositiveIntegerField(default=0, verbose_name='mottakere')),
                ],
                options={
                    'db_table': 'kommuneportal_alertdispatch',
                    'verbose_name': 'varslet endring',
                    'verbose_name_plural': 'varslede endringer',
                    'ordering': ['-published_at'],
                    'constraints': [models.UniqueConstraint(fields=('source', 'version_id'), name='alerts_unique_dispatch')],
                },
            ),
            migrations.CreateModel(
                name='Message',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('kind', models.CharField(choices=[('confirmation', 'Bekreftelse'), ('manage', 'Lenke for å endre'), ('alert', 'Varsel'), ('digest', 'Daglig sammendrag')], max_length=20, verbose_name='type')),
                    ('dedupe_key', models.CharField(help_text='Hindrer at samme e-post legges i køen to ganger.', max_length=120, unique=True, verbose_name='unik nøkkel')),
                    ('subject', models.CharField(max_length=250, verbose_name='emne')),
                    ('body', models.TextField(verbose_name='tekst')),
                    ('status', models.CharField(choices=[('pending', 'Venter'), ('claimed', 'Tatt av en sender'), ('sending', 'Sendes'), ('sent', 'Sendt'), ('failed', 'Feilet'), ('uncertain', 'Usikker (avbrutt under sending)')], default='pending', max_length=10, verbose_name='status')),
                    ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='forsøk')),
                    ('next_attempt_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='neste forsøk')),
                    ('claim_id', models.CharField(blank=True, editable=False, max_length=40)),
                    ('claimed_at', models.DateTimeField(blank=True, null=True, verbose_name='tatt')),
                    ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sendt')),
                    ('last_error', models.TextField(blank=True, verbose_name='siste feil')),
                    ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='lagt i kø')),
                    ('subscription', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='alerts.subscription', verbose_name='abonnement')),
                ],
                options={
                    'db_table': 'kommuneportal_message',
                    'verbose_name': 'e-post i utboksen',
                    'verbose_name_plural': 'utboks',
                    'ordering': ['-created_at'],
                },
            ),
            migrations.CreateModel(
                name='DigestItem',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('text', models.TextField()),
                    ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                    ('dispatch', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='digest_items', to='alerts.alertdispatch')),
                    ('message', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='digest_items', to='alerts.message')),
                    ('subscription', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='digest_items', to='alerts.subscription')),
                ],
                options={
                    'db_table': 'kommuneportal_digestitem',
                    'verbose_name': 'endring til sammendrag',
                    'verbose_name_plural': 'endringer til sammendrag',
                },
            ),
            migrations.CreateModel(
                name='SubscriptionInterest',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('facet', models.CharField(help_text='For eksempel guidance.topic.', max_length=40, verbose_name='type')),
                    ('value', models.CharField(help_text='Primærnøkkelen til det som følges.', max_length=40, verbose_name='verdi')),
                    ('subscription', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='interests', to='alerts.subscription', verbose_name='abonnement')),
                ],
                options={
                    'db_table': 'kommuneportal_subscriptioninterest',
                    'verbose_name': 'interesse',
                    'verbose_name_plural': 'interesser',
                },
            ),
            migrations.AddIndex(
                model_name='message',
                index=models.Index(fields=['status', 'next_attempt_at'], name='alerts_outbox_due_idx'),
            ),
            migrations.AddConstraint(
                model_name='digestitem',
                constraint=models.UniqueConstraint(fields=('subscription', 'dispatch'), name='alerts_unique_digest_item'),
            ),
            migrations.AddIndex(
                model_name='subscriptioninterest',
                index=models.Index(fields=['facet', 'value'], name='alerts_interest_lookup_idx'),
            ),
            migrations.AddConstraint(
                model_name='subscriptioninterest',
                constraint=models.UniqueConstraint(fields=('subscription', 'facet', 'value'), name='alerts_unique_interest'),
            ),
            ],
            database_operations=[],
        ),
    ]
