"""Changes to a state's coordination office (its name, address, contact and logo)."""

from __future__ import annotations

from typing import TypedDict, Unpack

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from kernel.crud.records import declared, record_update
from kernel.uploads import image_change
from tenants import scope
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
    ``remove_logo`` drops the old one. Within a request's state scope only that state's
    own office may do it (PermissionDenied). Audit entry ``tenants.state.updated``."""
    active = scope.current_state_key()
    if active is not None and active != state.pk:
        # The form changes the caller's own state; the API names one by its key.
        raise PermissionDenied(_("Only a state's own coordination office changes its data."))
    data = {**declared(OfficeFields, fields), **image_change(logo, remove=remove_logo)}
    locked = State.objects.select_for_update().get(pk=state.pk)
    return record_update(actor=actor, instance=locked, data=data)
