"""Mailings of the state office to groups of its address book (all local coordinators,
those of some districts or alliances, the alliances' public contacts), the recipients
each was sent to, and the addresses that asked to receive no more mailings."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from kernel.mail.models import sent_once_checks
from kernel.models import choice_field, optional_link, part_of, plausible_datetime
from tenants.models.base import TimeStampedModel
from tenants.scope import StateScoped, state_owner

__all__ = ["Mailing", "MailingOptOut", "MailingRecipient", "MailingStatus"]


class MailingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent")


class Mailing(StateScoped, TimeStampedModel):
    """A newsletter-style e-mail of the state office: written as a draft, its recipients
    checked and confirmed, then sent once (one e-mail per recipient, through the outbox).

    ``groups``, ``districts`` and ``alliances`` choose the recipients from the address
    book (``regional.selectors.addressbook``): every row of one of the groups, in one of
    the districts or alliances (none chosen: all of them)."""

    state = state_owner()

    subject = models.CharField(_("e-mail subject"), max_length=200)
    body = models.TextField(_("text"), max_length=20000)
    groups = models.JSONField(_("groups"), default=list)
    districts = models.JSONField(_("districts"), default=list, blank=True)
    alliances = models.ManyToManyField(
        "tenants.Alliance", verbose_name=_("alliances"), blank=True, related_name="+"
    )
    status = choice_field(_("status"), MailingStatus, max_length=10, default=MailingStatus.DRAFT)
    created_by = optional_link(settings.AUTH_USER_MODEL, _("written by"), related_name="+")
    sent_by = optional_link(settings.AUTH_USER_MODEL, _("sent by"), related_name="+")
    sent_at = plausible_datetime(_("sent at"), optional=True)

    class Meta:
        verbose_name, verbose_name_plural = _("mailing"), _("mailings")
        ordering = ["-sent_at", "-created_at", "-pk"]
        constraints = sent_once_checks(MailingStatus, "mailing")

    def __str__(self) -> str:
        return self.subject


class MailingRecipient(StateScoped, models.Model):
    """One address a sent mailing went to (or left out, because it had unsubscribed),
    with the outbox e-mail that carries it (the outbox forgets sent e-mails after a
    week: a recipient without one that was not left out was sent)."""

    _state_path = "mailing__state"

    mailing = part_of(Mailing, _("mailing"), related_name="recipients")
    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    alliances = models.TextField(_("alliances"), blank=True)
    excluded = models.BooleanField(_("left out (unsubscribed)"), default=False)
    outbox_email = optional_link("mail.OutboxEmail", _("queued e-mail"), related_name="+")

    class Meta:
        verbose_name, verbose_name_plural = _("recipient of a mailing"), _("recipients of mailings")
        ordering = ["mailing", "email"]
        constraints = [
            models.UniqueConstraint("mailing", Lower("email"), name="mailing_recipient_once"),
        ]

    def __str__(self) -> str:
        return self.email


class MailingOptOut(models.Model):
    """An address that asked, through the link in a mailing, to receive no more mailings
    of the state office (other e-mails, such as invitations, still reach it)."""

    email = models.EmailField(_("e-mail address"))
    created_at = models.DateTimeField(_("unsubscribed at"), auto_now_add=True)

    class Meta:
        verbose_name, verbose_name_plural = _("unsubscribed address"), _("unsubscribed addresses")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(Lower("email"), name="mailing_optout_once")]

    def __str__(self) -> str:
        return self.email
