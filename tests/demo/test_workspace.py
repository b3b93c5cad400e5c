"""The demo content of one workspace (``demo.workspace``): Bad Frankenhausen's smaller
programme, deterministic and left alone once it has partners."""

from __future__ import annotations

import pytest
from django_tenants.utils import tenant_context

from core.models import (
    BoardMeeting,
    ContactPerson,
    MeetingStatus,
    MinutesStatus,
    Partner,
    PartnerStatus,
    SealApplication,
)
from demo.workspace import seed_workspace
from demo.workspace_vocabulary import ascii_slug
from kernel.audit.models import AuditEntry


def _partner_rows(alliance) -> list[tuple]:
    with tenant_context(alliance):
        return list(
            Partner.objects.order_by("name").values_list("name", "kind", "joined_on", "status")
        )


@pytest.mark.slow
def test_small_alliance_gets_partners_board_and_history_with_audit(badfrankenhausen):
    counts = seed_workspace(badfrankenhausen)

    with tenant_context(badfrankenhausen):
        assert Partner.objects.count() == counts["partners"] >= 12
        assert ContactPerson.objects.count() == counts["contacts"] >= Partner.objects.count()
        # Every record came through a service: one audit entry at least per record.
        assert AuditEntry.objects.count() >= sum(counts.values())
        assert (
            AuditEntry.objects.filter(action="core.partner.created").count() == (counts["partners"])
        )
        assert Partner.objects.filter(status=PartnerStatus.LEFT).exists()
        held = BoardMeeting.objects.filter(status=MeetingStatus.HELD).order_by("date")
        assert held.count() >= 6
        # Minutes approved at the next meeting; the latest still a draft.
        assert held.last().minutes_status == MinutesStatus.DRAFT
        assert all(m.minutes_status == MinutesStatus.APPROVED for m in held[: held.count() - 1])
        assert BoardMeeting.objects.filter(status=MeetingStatus.PLANNED).exists()
        assert SealApplication.objects.filter(status="awarded").exists()


@pytest.mark.slow
def test_second_seed_of_a_filled_workspace_changes_nothing(badfrankenhausen):
    seed_workspace(badfrankenhausen)
    before = _partner_rows(badfrankenhausen)
    with tenant_context(badfrankenhausen):
        audit = AuditEntry.objects.count()

    assert seed_workspace(badfrankenhausen) == {}

    assert _partner_rows(badfrankenhausen) == before
    with tenant_context(badfrankenhausen):
        assert AuditEntry.objects.count() == audit


def test_workspace_with_a_partner_of_its_own_is_left_alone(badfrankenhausen):
    with tenant_context(badfrankenhausen):
        Partner.objects.create(name="Eigener Partner", kind="company")

    assert seed_workspace(badfrankenhausen) == {}
    assert [row[0] for row in _partner_rows(badfrankenhausen)] == ["Eigener Partner"]


def test_invented_addresses_are_plain_ascii():
    assert ascii_slug("Müller & Söhne Präzisionsoptik GmbH") == (
        "mueller-soehne-praezisionsoptik-gmbh"
    )
    assert ascii_slug("Pößneck") == "poessneck"
