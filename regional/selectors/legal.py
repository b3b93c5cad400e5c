"""Reads of the state area's legal pages and of the awards the alliances received."""

from __future__ import annotations

from dataclasses import dataclass

from django_tenants.utils import schema_context

from core.selectors.publicsite import award_list
from kernel.legal.texts import LegalText, Publisher, legal_text
from regional.models import StateLegalPage
from tenants.selectors import alliance_list, current_state


def state_publisher() -> Publisher:
    """The coordination office of the state the request works in as its default texts name it
    (``tenants.State``): its name, host organisation, address and contact."""
    office = current_state()
    return Publisher(
        name=office.office_title,
        host_organisation=office.host_organisation,
        address_lines=office.address_lines,
        contact_name=office.contact_name,
        email=office.email,
        phone=office.phone,
        state_key=office.key,
    )


def state_legal_text(kind: str) -> LegalText:
    """The state area's page of ``kind``, its default text while none is written."""
    return legal_text(kind, StateLegalPage.objects.filter(kind=kind).first(), state_publisher())


@dataclass(frozen=True)
class AllianceAwards:
    alliance: object
    awards: list


def awards_by_alliance() -> list[AllianceAwards]:
    """Every alliance (not dissolved) with the awards it recorded, read in its schema
    through ``core.selectors`` (the state sees all, public or not)."""
    rows = []
    for alliance in alliance_list():
        with schema_context(alliance.schema_name):
            awards = list(award_list())
        rows.append(AllianceAwards(alliance, awards))
    return rows
