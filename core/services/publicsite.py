"""Writes of the alliance's public face: its identity, awards and legal pages, and the
applications that arrive through the public "Partner werden" form."""

from __future__ import annotations

import datetime
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.models import Application, Award, LegalPage, SiteIdentity
from core.models.publicsite import IDENTITY_PK
from core.services.admissions import ApplicantFields, application_create
from kernel.crud.records import record_create, record_delete, record_update
from kernel.legal.services import legal_page_write
from kernel.mail.services import email_queue
from kernel.uploads import image_change

# ---------------------------------------------------------------- identity


class IdentityFields(TypedDict, total=False):
    primary_colour: str
    accent_colour: str
    description: str
    street: str
    postcode: str
    town: str
    contact_name: str
    contact_email: str
    contact_phone: str


@transaction.atomic
def site_identity_save(
    *,
    actor,
    logo: UploadedFile | None = None,
    remove_logo: bool = False,
    **fields: Unpack[IdentityFields],
) -> SiteIdentity:
    """Save the alliance's identity (the first save creates its one row). A new
    ``logo`` must be a PNG or JPEG of at most 1 MB; ``remove_logo`` drops the old one."""
    data: dict = {**fields, **image_change(logo, remove=remove_logo)}
    current = SiteIdentity.objects.select_for_update().filter(pk=IDENTITY_PK).first()
    if current is None:
        return record_create(actor=actor, model=SiteIdentity, data={"id": IDENTITY_PK, **data})
    return record_update(actor=actor, instance=current, data=data)


# ---------------------------------------------------------------- awards


class AwardFields(TypedDict, total=False):
    title: str
    awarded_by: str
    awarded_on: datetime.date
    link: str
    note: str
    is_public: bool


def award_create(*, actor, **fields: Unpack[AwardFields]) -> Award:
    return record_create(actor=actor, model=Award, data=dict(fields))


def award_update(*, actor, award: Award, **fields: Unpack[AwardFields]) -> Award:
    return record_update(actor=actor, instance=award, data=dict(fields))


def award_delete(*, actor, award: Award) -> None:
    record_delete(actor=actor, instance=award)


# ---------------------------------------------------------------- legal pages


def legal_page_save(*, actor, kind: str, text: str) -> LegalPage:
    """Write the alliance's page of ``kind``; an empty text brings back the default."""
    return legal_page_write(actor=actor, model=LegalPage, kind=kind, text=text)


# ---------------------------------------------------------------- "Partner werden"


@transaction.atomic
def public_application_submit(
    *, privacy_consent: bool, **fields: Unpack[ApplicantFields]
) -> Application:
    """An organisation applies through the public site: the application goes to the
    board like a letter the coordinator records, and the applicant gets a confirmation.

    Nobody is logged in: the audit entry names the system as the actor."""
    if not privacy_consent:
        raise ValidationError(
            {"privacy_consent": _("Please agree to the processing of your details.")}
        )
    application = application_create(actor=None, received_on=timezone.localdate(), **fields)
    tenant = getattr(connection, "tenant", None)
    with translation.override("de"):
        subject = _("Your application to the local alliance for families")
        body = render_to_string(
            "core/emails/public_application_received.txt",
            {"application": application, "alliance_name": getattr(tenant, "name", "")},
        )
    email_queue(subject=str(subject), body=body, to=[application.contact_email])
    return application
