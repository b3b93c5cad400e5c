"""Every outbox e-mail gets a fixed Message-ID and a log of its delivery attempts.

Rows written before this migration keep everything they hold; each is given a
Message-ID of its own (unique) before the column becomes required.
"""

import django.db.models.deletion
import django.utils.timezone
from django.core.mail import make_msgid
from django.db import migrations, models


def give_existing_rows_a_message_id(apps, schema_editor):
    OutboxEmail = apps.get_model("mail", "OutboxEmail")
    for email in OutboxEmail.objects.filter(message_id__isnull=True).only("pk").iterator():
        OutboxEmail.objects.filter(pk=email.pk).update(message_id=make_msgid())


class Migration(migrations.Migration):
    dependencies = [
        ("mail", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="outboxemail",
            name="message_id",
            field=models.CharField(max_length=255, null=True, verbose_name="Message-ID"),
        ),
        migrations.RunPython(give_existing_rows_a_message_id, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="outboxemail",
            name="message_id",
            field=models.CharField(max_length=255, unique=True, verbose_name="Message-ID"),
        ),
        migrations.CreateModel(
            name="OutboxAttempt",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveSmallIntegerField(verbose_name="attempt")),
                ("started_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="started")),
                ("finished_at", models.DateTimeField(blank=True, null=True, verbose_name="finished")),
                ("outcome", models.CharField(choices=[("sending", "Sending"), ("sent", "Sent"), ("failed", "Failed"), ("interrupted", "Interrupted")], default="sending", max_length=12, verbose_name="outcome")),
                ("error", models.TextField(blank=True, verbose_name="error")),
                ("email", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="attempt_log", to="mail.outboxemail", verbose_name="e-mail")),
            ],
            options={
                "verbose_name": "delivery attempt",
                "verbose_name_plural": "delivery attempts",
                "ordering": ["email", "number"],
                "constraints": [
                    models.UniqueConstraint(fields=("email", "number"), name="outbox_attempt_once"),
                    models.CheckConstraint(condition=models.Q(("outcome__in", ["sending", "sent", "failed", "interrupted"])), name="outbox_attempt_outcome_known"),
                ],
            },
        ),
    ]
