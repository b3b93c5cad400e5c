"""The state coordination office's form (its name, address, contact and logo)."""

from __future__ import annotations

from kernel.crud.forms import LogoUpload, RecordForm
from tenants.models import State
from tenants.services.states import OFFICE_FIELDS


class StateOfficeForm(LogoUpload, RecordForm):
    class Meta:
        model = State
        fields = list(OFFICE_FIELDS)
        text_rows = 3
