"""The outbox row: one e-mail, from the moment a change asks for it until it is sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kernel.models import choice_check, choice_field, optional_link, part_of

__all__ = ["AttemptOutcome", "OutboxAttempt", "OutboxEmail", "OutboxStatus", "sent_once_checks"]


def sent_once_checks(choices: type[models.TextChoices], prefix: str) -> list:
    """The checks of a record that is sent once (an outbox e-mail, a mailing): its
    ``status`` is one of ``choices`` (``<prefix>_status_known``), and one that is
    ``choices.SENT`` has its ``sent_at`` (``<prefix>_sent_has_time``)."""
    return [
        choice_check("status", choices, name=f"{prefix}_status_known"),
        models.CheckConstraint(
            condition=~models.Q(status=choices.SENT) | models.Q(sent_at__isnull=False),
            name=f"{prefix}_sent_has_time",
        ),
    ]


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class OutboxEmail(models.Model):
    """An e-mail the platform has to send (a password reset, a board decision, an
    invitation to a regional meeting).

    Written in the same transaction as the change that causes it: a change that is
    rolled back sends nothing, and a change that is committed sends its e-mail even if
    the broker was down at that moment. ``status`` only moves from pending to sent or
    to failed (after ``MAX_ATTEMPTS``); a worker holds a lock on the row while it sends,
    so two workers never send the same row at once.

    ``message_id`` is fixed when the row is written and sent with every attempt: when a
    worker died after the mail server accepted the message but before "sent" was
    recorded, the e-mail goes out again with the same Message-ID, and mail clients show
    it once. Every attempt is recorded in ``attempt_log`` before the message leaves.
    """

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    status = choice_field(_("status"), OutboxStatus, max_length=10, default=OutboxStatus.PENDING)
    subject = models.TextField(_("subject"))
    body = models.TextField(_("text"))
    html_body = models.TextField(_("HTML text"), blank=True)
    to = models.JSONField(_("recipients"), default=list)
    # "<...@host>", the same on every attempt (see the class docstring).
    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True)
    # Attachments: text files such as calendar files
    # [{"filename", "content", "mimetype", "params": {name: value}}], binary files such
    # as PDFs [{"filename", "content_base64", "mimetype"}].
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    queued_by = optional_link(settings.AUTH_USER_MODEL, _("queued by"), related_name="+")
    # The schema whose request or task queued the e-mail (for support staff).
    schema_name = models.CharField(_("area"), max_length=63, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    # When a send task was last handed to the broker; empty while the broker was down.
    dispatched_at = models.DateTimeField(_("handed to the queue"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name, verbose_name_plural = _("queued e-mail"), _("queued e-mails")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]
        constraints = sent_once_checks(OutboxStatus, "outbox")

    def __str__(self) -> str:
        return f"{self.subject[:80]} → {', '.join(self.to)[:120]}"


class AttemptOutcome(models.TextChoices):
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    # Started but never finished: the worker died (or was killed) during the attempt;
    # the mail server may have accepted the message.
    INTERRUPTED = "interrupted", _("Interrupted")


class OutboxAttempt(models.Model):
    """One try to hand an outbox e-mail to the mail server, recorded (committed) before
    the message leaves, so that even an attempt whose worker died is on record."""

    email = part_of(OutboxEmail, _("e-mail"), related_name="attempt_log")
    number = models.PositiveSmallIntegerField(_("attempt"))
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    outcome = choice_field(
        _("outcome"), AttemptOutcome, max_length=12, default=AttemptOutcome.SENDING
    )
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name, verbose_name_plural = _("delivery attempt"), _("delivery attempts")
        ordering = ["email", "number"]
        constraints = [
            models.UniqueConstraint(fields=["email", "number"], name="outbox_attempt_once"),
            choice_check("outcome", AttemptOutcome, name="outbox_attempt_outcome_known"),
        ]

    def __str__(self) -> str:
        return f"{self.email_id} #{self.number}: {self.outcome}"
