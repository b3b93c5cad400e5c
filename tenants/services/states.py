"""Changes to a state's coordination office (its name, address, contact and logo)."""

from __future__ import annotations

from typing import TypedDict, Unpack

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from kernel.crud.records import declared, record_update
from kernel.uploads import image_change
from tenants.models import State


class OfficeFields(TypedDict, total=False):
    office_name: str
    host_organisation: str
    address: str
    contact_name: str
    email: str
    phone: str
    website: str
    ministry: str


OFFICE_FIELDS = tuple(OfficeFields.__annotations__)


@transaction.atomic
def state_office_update(
    *,
    actor,
    state: State,
    logo: UploadedFile | None = None,
    remove_logo: bool = False,
    **fields: Unpack[OfficeFields],
) -> State:
    """Change the office data of ``state`` (the state's key and name stay as the
    official lists have them). A new ``logo`` must be a PNG or JPEG of at most 1 MB;
    ``remove_logo`` drops the old one. Audit entry ``tenants.state.updated``."""
    data = {**declared(OfficeFields, fields), **image_change(logo, remove=remove_logo)}
    locked = State.objects.select_for_update().get(pk=state.pk)
    return record_update(actor=actor, instance=locked, data=data)
