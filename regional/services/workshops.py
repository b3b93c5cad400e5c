"""Writes of the state's workshops at regional meetings (``kernel.workshops``), e.g. the
world cafés of the yearly strategy meeting."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from kernel.workshops.rules import cancel_token
from kernel.workshops.services import WorkshopWrites
from regional.models import RegionalRegistration, RegionalWorkshop


def cancel_url(registration: RegionalRegistration) -> str:
    """The registrant's cancel link, in the state area (``tenants.links``)."""
    from tenants.links import state_url

    path = reverse(
        "regional-workshop-cancel",
        urlconf=settings.PUBLIC_SCHEMA_URLCONF,
        args=[cancel_token(registration)],
    )
    return state_url(path)


#: The state's workshop services: the kernel's, bound to its models (keyword-only,
#: audited), such as ``WRITES.register(workshop=, name=, email=, alliance=, ...)``.
WRITES = WorkshopWrites(RegionalWorkshop, cancel_url=cancel_url)
# Named as the demo data calls them.
workshop_create, table_create = WRITES.workshop_create, WRITES.topic_create
registration_create, seats_by_wishes = WRITES.register, WRITES.assign_by_wishes
