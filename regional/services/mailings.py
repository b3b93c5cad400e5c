"""Mailings of the state office: write a draft, send it once to the confirmed list of
recipients (one e-mail each, through the outbox, with a personal unsubscribe link), and
record an address's wish to receive no more mailings.

Sending locks the mailing's row and sends only a draft, so a second send (a double
click, a repeated API call, two people at once) is refused and queues nothing. The list
of recipients the sender confirmed is named by its fingerprint
(``regional.selectors.mailings.Preview``): when the address book changed in between,
the send is refused and the sender checks the new list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kernel.audit.services import audit_log
from kernel.mail.services import email_queue
from regional.models import Mailing, MailingOptOut, MailingRecipient, MailingStatus
from regional.selectors.addressbook import Group
from regional.selectors.mailings import Recipient, is_unsubscribed, mailing_preview
from tenants import districts as catalogue
from tenants.models import Alliance, AllianceStatus

UNSUBSCRIBE_SALT = "regional.mailing.unsubscribe"


# ---------------------------------------------------------------- unsubscribe links


def unsubscribe_token(email: str) -> str:
    """The signed token of the unsubscribe link: the address, signed (never expires)."""
    return signing.dumps(email.strip().lower(), salt=UNSUBSCRIBE_SALT)


def unsubscribe_address(token: str) -> str | None:
    """The address a token names; None for a token that was not signed here."""
    try:
        email = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return email if isinstance(email, str) and "@" in email else None


def unsubscribe_url(email: str) -> str:
    from tenants.links import site_url

    path = reverse(
        "mailing-unsubscribe",
        urlconf=settings.PUBLIC_SCHEMA_URLCONF,
        args=[unsubscribe_token(email)],
    )
    return site_url() + path


# ---------------------------------------------------------------- drafts


def _clean_choices(values: Iterable[str], known: Sequence[str], field: str) -> list[str]:
    chosen = list(dict.fromkeys(values))
    unknown = [value for value in chosen if value not in known]
    if unknown:
        raise ValidationError({field: _("Unknown choice: %(value)s") % {"value": unknown[0]}})
    return chosen


@transaction.atomic
def mailing_create(
    *,
    actor,
    subject: str,
    body: str,
    groups: Sequence[str],
    districts: Sequence[str] = (),
    alliances: Sequence[Alliance] = (),
) -> Mailing:
    """A draft mailing to ``groups`` of the address book, in ``districts`` and
    ``alliances`` (none: all). Nothing is sent yet."""
    groups = _clean_choices(groups, Group.values, "groups")
    if not groups:
        raise ValidationError({"groups": _("Choose at least one group.")})
    districts = _clean_choices(
        [catalogue.from_input(value) for value in districts],
        [key for key, _label in catalogue.choices()],
        "districts",
    )
    alliances = list(dict.fromkeys(alliances))
    if any(alliance.status == AllianceStatus.DISSOLVED for alliance in alliances):
        raise ValidationError({"alliances": _("A dissolved alliance receives no mailings.")})
    mailing = Mailing(
        subject=" ".join(str(subject).split()),
        body=str(body).strip(),
        groups=groups,
        districts=districts,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    mailing.full_clean()
    mailing.save()
    mailing.alliances.set(alliances)
    audit_log(
        actor=actor,
        action="regional.mailing.created",
        target=mailing,
        changes={"groups": groups, "districts": districts, "alliances": [a.pk for a in alliances]},
    )
    return mailing


@transaction.atomic
def mailing_delete(*, actor, mailing: Mailing) -> None:
    """Delete a draft; a sent mailing stays (it is the record of what was sent)."""
    locked = Mailing.objects.select_for_update().get(pk=mailing.pk)
    if locked.status != MailingStatus.DRAFT:
        raise ValidationError(_("A sent mailing cannot be deleted."))
    audit_log(actor=actor, action="regional.mailing.deleted", target=locked)
    locked.delete()


# ---------------------------------------------------------------- sending


def mailing_text(mailing: Mailing, recipient: Recipient) -> str:
    """The e-mail's text for one recipient: the mailing and the unsubscribe link."""
    with translation.override("de"):
        return render_to_string(
            "regional/emails/mailing.txt",
            {
                "mailing": mailing,
                "recipient": recipient,
                "unsubscribe_url": unsubscribe_url(recipient.email),
            },
        )


def sent_log_row(mailing: Mailing, recipient, **fields) -> MailingRecipient:
    """The sent log's row (unsaved) for one ``recipient`` of a preview of ``mailing``:
    as the recipient was when it went out, not as their account is later."""
    return MailingRecipient(
        mailing=mailing,
        email=recipient.email,
        name=recipient.name[:200],
        alliances=", ".join(recipient.alliances),
        **fields,
    )


@transaction.atomic
def mailing_send(*, actor, mailing: Mailing, fingerprint: str) -> Mailing:
    """Send the draft ``mailing`` to the recipients the sender confirmed (``fingerprint``
    of the list they saw): one outbox e-mail each; unsubscribed addresses are recorded
    as left out. A mailing is sent once: a second send is refused."""
    locked = Mailing.objects.select_for_update().get(pk=mailing.pk)
    if locked.status != MailingStatus.DRAFT:
        raise ValidationError(_("This mailing has already been sent."))
    preview = mailing_preview(locked)
    if not fingerprint or fingerprint != preview.fingerprint:
        raise ValidationError(
            _("The recipients have changed since you checked them. Please check the list again.")
        )
    if not preview.recipients:
        raise ValidationError(_("This mailing has no recipients."))
    for recipient in preview.recipients:
        email = email_queue(
            subject=locked.subject,
            body=mailing_text(locked, recipient),
            to=[recipient.email],
            actor=actor,
        )
        sent_log_row(locked, recipient, outbox_email=email).save()
    MailingRecipient.objects.bulk_create(
        sent_log_row(locked, recipient, excluded=True) for recipient in preview.excluded
    )
    locked.status = MailingStatus.SENT
    locked.sent_at = timezone.now()
    locked.sent_by = actor if getattr(actor, "pk", None) else None
    locked.save(update_fields=["status", "sent_at", "sent_by", "updated_at"])
    audit_log(
        actor=actor,
        action="regional.mailing.sent",
        target=locked,
        changes={"recipients": len(preview.recipients), "excluded": len(preview.excluded)},
    )
    return locked


# ---------------------------------------------------------------- opting out


@transaction.atomic
def mailing_unsubscribe(*, token: str) -> str:
    """Record that the address of ``token`` receives no more mailings; again is fine
    (nothing changes). Returns the address; a bad token is refused."""
    email = unsubscribe_address(token)
    if email is None:
        raise ValidationError(
            _("This unsubscribe link is not valid. Please use the link from the e-mail.")
        )
    if not is_unsubscribed(email):
        opt_out = MailingOptOut(email=email)
        opt_out.full_clean()
        try:
            with transaction.atomic():
                opt_out.save()
        except IntegrityError:  # the same link, clicked twice at once: recorded once
            return email
        audit_log(actor=None, action="regional.mailingoptout.created", target=opt_out)
    return email
