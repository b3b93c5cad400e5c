"""The outbox row: one e-mail, from the moment a change asks for it until it is sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["OutboxEmail", "OutboxStatus"]


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
    to failed (after ``MAX_ATTEMPTS``); a worker claims a pending row with a row lock,
    so two workers never send the same row.
    """

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=OutboxStatus.choices,
        default=OutboxStatus.PENDING,
    )
    subject = models.TextField(_("subject"))
    body = models.TextField(_("text"))
    html_body = models.TextField(_("HTML text"), blank=True)
    to = models.JSONField(_("recipients"), default=list)
    # Text attachments such as calendar files:
    # [{"filename", "content", "mimetype", "params": {name: value}}].
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    queued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("queued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The schema whose request or task queued the e-mail (for support staff).
    schema_name = models.CharField(_("area"), max_length=63, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    # When a send task was last handed to the broker; empty while the broker was down.
    dispatched_at = models.DateTimeField(_("handed to the queue"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("queued e-mail")
        verbose_name_plural = _("queued e-mails")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=OutboxStatus.values), name="outbox_status_known"
            ),
            models.CheckConstraint(
                condition=~models.Q(status=OutboxStatus.SENT) | models.Q(sent_at__isnull=False),
                name="outbox_sent_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject[:80]} → {', '.join(self.to)[:120]}"
