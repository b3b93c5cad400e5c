"""Reads of the state office's mailings: who a draft would go to (the list the sender
confirms), the sent log with each mailing's delivery state from the outbox, and the
recipients of a sent mailing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kernel.collation import german_key
from kernel.mail.models import OutboxStatus
from regional.models import Mailing, MailingOptOut, MailingRecipient, MailingStatus
from regional.selectors.addressbook import Contact, Group, address_book


@dataclass
class Recipient:
    """One address a mailing goes to, with the alliances and groups it was chosen for."""

    email: str
    name: str
    alliances: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)

    @property
    def group_labels(self) -> list[str]:
        return [str(Group(code).label) for code in self.groups]


@dataclass
class Preview:
    """Who a draft goes to now: the recipients, and those left out because they
    unsubscribed. ``fingerprint`` names exactly this list: the send checks that the list
    the sender confirmed is still the list it sends to."""

    recipients: list[Recipient]
    excluded: list[Recipient]

    @property
    def fingerprint(self) -> str:
        lines = [f"+{r.email.lower()}" for r in self.recipients]
        lines += [f"-{r.email.lower()}" for r in self.excluded]
        return hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest()[:32]


def chosen(mailing: Mailing, row: Contact, alliance_ids: set[int]) -> bool:
    """Whether the address book's ``row`` is among the mailing's recipients."""
    if not set(row.groups) & set(mailing.groups):
        return False
    if mailing.districts and row.district not in mailing.districts:
        return False
    return not alliance_ids or row.alliance_id in alliance_ids


def mailing_preview(mailing: Mailing) -> Preview:
    """The recipients of ``mailing`` as the address book stands now, one per address
    (case ignored), by name; unsubscribed addresses are listed apart."""
    alliance_ids = set(mailing.alliances.values_list("pk", flat=True)) if mailing.pk else set()
    by_address: dict[str, Recipient] = {}
    for row in address_book():
        if not chosen(mailing, row, alliance_ids):
            continue
        recipient = by_address.setdefault(row.email.lower(), Recipient(row.email, row.name))
        if row.alliance_name not in recipient.alliances:
            recipient.alliances.append(row.alliance_name)
        for group in row.groups:
            if group in mailing.groups and group not in recipient.groups:
                recipient.groups.append(group)
    opted_out = set(
        MailingOptOut.objects.annotate(address=Lower("email"))
        .filter(address__in=list(by_address))
        .values_list("address", flat=True)
    )
    ordered = sorted(by_address.values(), key=lambda r: (german_key(r.name), r.email.lower()))
    return Preview(
        recipients=[r for r in ordered if r.email.lower() not in opted_out],
        excluded=[r for r in ordered if r.email.lower() in opted_out],
    )


def _delivered() -> Q:
    # The outbox forgets sent e-mails after a week: a recipient whose e-mail is gone
    # (and who was not left out) was sent.
    return Q(recipients__excluded=False) & (
        Q(recipients__outbox_email__isnull=True)
        | Q(recipients__outbox_email__status=OutboxStatus.SENT)
    )


def mailing_list() -> QuerySet[Mailing]:
    """Every mailing with its counts: recipients (sent to), left out, and the delivery
    state of its e-mails in the outbox (sent, waiting, failed)."""
    return Mailing.objects.select_related("created_by", "sent_by").annotate(
        recipient_count=Count("recipients", filter=Q(recipients__excluded=False)),
        excluded_count=Count("recipients", filter=Q(recipients__excluded=True)),
        delivered_count=Count("recipients", filter=_delivered()),
        pending_count=Count(
            "recipients", filter=Q(recipients__outbox_email__status=OutboxStatus.PENDING)
        ),
        failed_count=Count(
            "recipients", filter=Q(recipients__outbox_email__status=OutboxStatus.FAILED)
        ),
    )


def delivery_state(mailing: Mailing) -> str:
    """The delivery state in German words, from ``mailing_list()``'s counts."""
    if mailing.status == MailingStatus.DRAFT:
        return _("Draft, not sent")
    parts = [
        _("%(sent)s of %(total)s sent")
        % {"sent": mailing.delivered_count, "total": mailing.recipient_count}
    ]
    if mailing.pending_count:
        parts.append(
            ngettext("%(count)s waiting", "%(count)s waiting", mailing.pending_count)
            % {"count": mailing.pending_count}
        )
    if mailing.failed_count:
        parts.append(
            ngettext("%(count)s failed", "%(count)s failed", mailing.failed_count)
            % {"count": mailing.failed_count}
        )
    return ", ".join(parts)


def mailing_detail(pk: int) -> Mailing:
    return mailing_list().prefetch_related("alliances").get(pk=pk)


def mailing_recipients(mailing: Mailing) -> QuerySet[MailingRecipient]:
    """The recipients a sent mailing was written to, with their outbox e-mails."""
    return mailing.recipients.select_related("outbox_email").order_by("excluded", "email")


def recipient_state(recipient: MailingRecipient) -> str:
    """One recipient's delivery state in German words."""
    if recipient.excluded:
        return _("Left out (unsubscribed)")
    outbox = recipient.outbox_email
    if outbox is None or outbox.status == OutboxStatus.SENT:
        return _("Sent")
    if outbox.status == OutboxStatus.FAILED:
        return _("Failed")
    return _("Waiting")


def is_unsubscribed(email: str) -> bool:
    """Whether ``email`` asked to receive no more mailings (case ignored)."""
    return (
        MailingOptOut.objects.annotate(address=Lower("email"))
        .filter(address=email.strip().lower())
        .exists()
    )


def labels(choices, values) -> list[str]:
    """The labels of ``values`` among ``choices`` (unknown values as they are)."""
    known = dict(choices.choices)
    return [str(known.get(value, value)) for value in values]
