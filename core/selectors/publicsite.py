"""Reads of the alliance's public face: identity, awards, legal pages."""

from __future__ import annotations

import datetime

from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from core.models import Award, Event, LegalPage, SiteIdentity
from core.models.publicsite import IDENTITY_PK
from kernel.legal.texts import LegalText, Publisher, legal_text


def site_identity() -> SiteIdentity:
    """The saved identity, or an unsaved one with the defaults (nothing written yet)."""
    return SiteIdentity.objects.filter(pk=IDENTITY_PK).first() or SiteIdentity(pk=None)


def award_list() -> QuerySet[Award]:
    return Award.objects.all()


def public_award_list() -> QuerySet[Award]:
    """Awards shown on the public page (no notes: those are the coordinator's)."""
    return Award.objects.filter(is_public=True).only(
        "title", "awarded_by", "awarded_on", "link", "is_public"
    )


def award_detail(pk: int) -> Award:
    return Award.objects.get(pk=pk)


def legal_page_list() -> QuerySet[LegalPage]:
    return LegalPage.objects.order_by("kind")


def _publisher(identity: SiteIdentity) -> Publisher:
    tenant = getattr(connection, "tenant", None)
    return Publisher(
        name=getattr(tenant, "name", "") or "",
        host_organisation=getattr(tenant, "host_organisation", "") or "",
        address_lines=identity.address_lines,
        contact_name=identity.contact_name,
        email=identity.contact_email,
        phone=identity.contact_phone,
        statement_date=identity.updated_at.date() if identity.updated_at else None,
        state_key=getattr(tenant, "state_id", "") or "",
    )


def alliance_legal_text(kind: str) -> LegalText:
    """The alliance's page of ``kind`` (a LegalKind value), its default when unwritten."""
    return legal_text(
        kind, LegalPage.objects.filter(kind=kind).first(), _publisher(site_identity())
    )


def upcoming_public_events(*, limit: int = 5, today: datetime.date | None = None) -> list[Event]:
    """The next events marked for the public page (no participants, nothing personal)."""
    today = today or timezone.localdate()
    return list(
        Event.objects.filter(is_public=True, date__gte=today)
        .only("title", "kind", "date", "start_time", "place", "description")
        .order_by("date", "start_time", "pk")[:limit]
    )


def public_contact_rows() -> QuerySet[SiteIdentity]:
    """The contact the public site names (person, e-mail, phone): one table, no joins,
    so the state layer can read it in many schemas at once (``kernel.figures.schema_branch``).
    Only what the public site shows; an identity without an e-mail address names nobody."""
    return (
        SiteIdentity.objects.filter(pk=IDENTITY_PK)
        .exclude(contact_email="")
        .values("contact_name", "contact_email", "contact_phone")
    )
