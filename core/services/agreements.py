"""Writes of cooperation agreements.

The other party is a partner or a named organisation; with a partner and no name, the
partner's name is kept as the organisation's, so the agreement still names its party if
the partner is ever deleted. The signed document must be a PDF (``kernel.uploads``).
The expiry reminder (``core.tasks.send_agreement_expiry_reminders``) marks the agreement
it reminded of, so each coordinator hears about it once.
"""

from __future__ import annotations

import datetime
from typing import TypedDict

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from core.models import AgreementStatus, CooperationAgreement, Partner
from kernel.crud.records import record_note, record_services
from kernel.uploads import pdf_check


class AgreementFields(TypedDict, total=False):
    organisation: str
    partner: Partner | None
    subject: str
    description: str
    status: str
    signed_on: datetime.date | None
    signed_by_alliance: str
    signed_by_other: str
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    renewal: str
    notice_weeks: int | None
    document: UploadedFile | None
    is_public: bool


def _prepared(fields: dict, agreement: CooperationAgreement | None = None) -> dict:
    data = dict(fields)
    document = data.get("document")
    if document is False:  # the form's "clear" box
        data["document"] = ""
    elif isinstance(document, UploadedFile):
        pdf_check(document, field="document")
    elif "document" in data and not document:
        data.pop("document")  # nothing new uploaded: keep the stored one
    partner = data.get("partner", agreement.partner if agreement else None)
    organisation = data.get("organisation", agreement.organisation if agreement else "")
    if partner is not None and not (organisation or "").strip():
        data["organisation"] = partner.name
    if data.get("status") == AgreementStatus.EXPIRED:
        raise ValidationError(
            {"status": _("“Expired” follows from the end date and cannot be set by hand.")}
        )
    if agreement is not None and (
        "valid_until" in data and data["valid_until"] != agreement.valid_until
    ):
        data["reminder_sent_on"] = None  # a new end: remind again before it
    return data


agreement_create, agreement_update, agreement_delete = record_services(
    CooperationAgreement, "agreement", AgreementFields, prepare=_prepared
)


@transaction.atomic
def agreement_reminder_sent(
    *, agreement: CooperationAgreement, sent_on: datetime.date
) -> CooperationAgreement:
    """Mark the agreement as reminded of (by the system: no person acts)."""
    action = "core.cooperationagreement.reminder_sent"
    return record_note(instance=agreement, action=action, reminder_sent_on=sent_on)
