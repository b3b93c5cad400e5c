"""The mail outbox as it stood at release 1cb4d21 (mail 0001 and 0002, squashed).

0002's data migration, which gave rows written before it a Message-ID, is left out: here
the table is created with the column required and no rows, and a database made by 1cb4d21
or later has both old migrations recorded, so it counts this one as applied and never runs
it. (A database with 0001 alone must first be upgraded by a release that has 0002.) The
unique constraint on message_id is named by PostgreSQL here (..._key), by Django in an
upgraded database (..._uniq); Django finds either by its column.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('mail', '0001_initial'), ('mail', '0002_message_id_and_attempt_log')]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='OutboxEmail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('status', models.CharField(choices=[('pending', 'Pending'), ('sent', 'Sent'), ('failed', 'Failed')], default='pending', max_length=10, verbose_name='status')),
                ('subject', models.TextField(verbose_name='subject')),
                ('body', models.TextField(verbose_name='text')),
                ('html_body', models.TextField(blank=True, verbose_name='HTML text')),
                ('to', models.JSONField(default=list, verbose_name='recipients')),
                ('attachments', models.JSONField(blank=True, default=list, verbose_name='attachments')),
                ('schema_name', models.CharField(blank=True, max_length=63, verbose_name='area')),
                ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='attempts')),
                ('last_error', models.TextField(blank=True, verbose_name='last error')),
                ('next_attempt_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='next attempt')),
                ('dispatched_at', models.DateTimeField(blank=True, null=True, verbose_name='handed to the queue')),
                ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent')),
                ('queued_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='queued by')),
                ('message_id', models.CharField(max_length=255, unique=True, verbose_name='Message-ID')),
            ],
            options={
                'verbose_name': 'queued e-mail',
                'verbose_name_plural': 'queued e-mails',
                'ordering': ['-created_at', '-id'],
                'indexes': [models.Index(fields=['status', 'next_attempt_at'], name='outbox_due')],
                'constraints': [models.CheckConstraint(condition=models.Q(('status__in', ['pending', 'sent', 'failed'])), name='outbox_status_known'), models.CheckConstraint(condition=models.Q(models.Q(('status', 'sent'), _negated=True), ('sent_at__isnull', False), _connector='OR'), name='outbox_sent_has_time')],
            },
        ),
        migrations.CreateModel(
            name='OutboxAttempt',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveSmallIntegerField(verbose_name='attempt')),
                ('started_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='started')),
                ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='finished')),
                ('outcome', models.CharField(choices=[('sending', 'Sending'), ('sent', 'Sent'), ('failed', 'Failed'), ('interrupted', 'Interrupted')], default='sending', max_length=12, verbose_name='outcome')),
                ('error', models.TextField(blank=True, verbose_name='error')),
                ('email', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attempt_log', to='mail.outboxemail', verbose_name='e-mail')),
            ],
            options={
                'verbose_name': 'delivery attempt',
                'verbose_name_plural': 'delivery attempts',
                'ordering': ['email', 'number'],
                'constraints': [models.UniqueConstraint(fields=('email', 'number'), name='outbox_attempt_once'), models.CheckConstraint(condition=models.Q(('outcome__in', ['sending', 'sent', 'failed', 'interrupted'])), name='outbox_attempt_outcome_known')],
            },
        ),
    ]
