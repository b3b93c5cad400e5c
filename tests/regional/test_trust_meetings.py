"""Meetings keep a plausible record, the board's and the regional ones alike: minutes are
approved only once the meeting has taken place, and the agenda of a meeting that has
taken place is locked; a correction needs a reason and leaves an audit entry naming it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django_tenants.utils import schema_context

from core.models import MinutesStatus
from core.services import board as board_services
from kernel.audit.models import AuditEntry
from regional.models import RegionalMinutesStatus
from regional.services import meetings as regional_services
from tenants.roles import Role
from tests.clock import in_days
from tests.conftest import logged_in_client
from tests.factories.board import AgendaItemFactory, BoardMeetingFactory
from tests.factories.regional import RegionalAgendaItemFactory, RegionalMeetingFactory
from tests.factories.tenants import account_with_role
from tests.regional.agendas import agenda_titles, assert_correction_audited

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(db):
    return account_with_role(
        Role.STATE_COORDINATOR, email="land-trust@lks.example", full_name="Landeskoordination"
    )


# ---------------------------------------------------------------- minutes


def _draft_minutes(factory, days: int, draft):
    """A meeting ``days`` from today whose minutes are a draft."""
    return factory(date=in_days(days), minutes="Entwurf", minutes_status=draft)


def _assert_minutes_wait_for_the_meeting(factory, draft, release) -> None:
    """``release`` (approve or publish) refuses the draft minutes of a meeting still to
    come, in German, and the minutes stay a draft."""
    meeting = _draft_minutes(factory, 10, draft)
    with pytest.raises(ValidationError) as error:
        release(meeting)
    assert "erst genehmigt werden" in " ".join(error.value.messages)
    meeting.refresh_from_db()
    assert meeting.minutes_status == draft


def test_board_minutes_of_a_meeting_still_to_come_cannot_be_approved(jena, coordinator):
    with schema_context("jena"):
        _assert_minutes_wait_for_the_meeting(
            BoardMeetingFactory,
            MinutesStatus.DRAFT,
            lambda meeting: board_services.minutes_approve(actor=coordinator, meeting=meeting),
        )
        # Dated before the meeting: refused as well.
        held = _draft_minutes(BoardMeetingFactory, -5, MinutesStatus.DRAFT)
        with pytest.raises(ValidationError):
            board_services.minutes_approve(actor=coordinator, meeting=held, approved_on=in_days(-6))
        approved = board_services.minutes_approve(actor=coordinator, meeting=held)
        assert approved.minutes_approved_on == in_days(0)


def test_board_minutes_approve_page_of_a_future_meeting_refuses(jena, coordinator):
    with schema_context("jena"):
        meeting = _draft_minutes(BoardMeetingFactory, 10, MinutesStatus.DRAFT)
    client = logged_in_client(coordinator, language="de")
    page = client.get(f"/workspace/board/meetings/{meeting.pk}/")
    assert f"/workspace/board/meetings/{meeting.pk}/minutes/approve/" not in page.content.decode()
    answer = client.post(f"/workspace/board/meetings/{meeting.pk}/minutes/approve/")
    assert answer.status_code == 400
    assert "erst genehmigt werden" in answer.content.decode()


def test_regional_minutes_of_a_meeting_still_to_come_cannot_be_published(organiser):
    _assert_minutes_wait_for_the_meeting(
        RegionalMeetingFactory,
        RegionalMinutesStatus.DRAFT,
        lambda meeting: regional_services.minutes_publish(actor=organiser, meeting=meeting),
    )
    past = _draft_minutes(RegionalMeetingFactory, -3, RegionalMinutesStatus.DRAFT)
    published = regional_services.minutes_publish(actor=organiser, meeting=past)
    assert published.minutes_status == RegionalMinutesStatus.PUBLISHED


# ---------------------------------------------------------------- locked agenda


def test_board_agenda_of_a_past_meeting_needs_a_reason_and_is_audited(jena, coordinator):
    with schema_context("jena"):
        meeting = BoardMeetingFactory(date=in_days(-7))
        item = AgendaItemFactory(meeting=meeting, position=1, title="Begrüßung")
        with pytest.raises(ValidationError) as error:
            board_services.agenda_item_create(actor=coordinator, meeting=meeting, title="Nachtrag")
        assert "reason" in error.value.message_dict
        with pytest.raises(ValidationError):
            board_services.agenda_item_update(
                actor=coordinator, item=item, title="Anders", notes=""
            )
        with pytest.raises(ValidationError):
            board_services.agenda_item_delete(actor=coordinator, item=item)
        assert list(meeting.agenda_items.values_list("title", flat=True)) == ["Begrüßung"]

        board_services.agenda_item_update(
            actor=coordinator,
            item=item,
            title="Begrüßung und Protokollkontrolle",
            notes="",
            reason="Tippfehler im Protokoll",
        )
        entry = AuditEntry.objects.get(action="core.boardmeeting.agenda_corrected")
        assert entry.object_id == str(meeting.pk)
        assert entry.changes["reason"] == "Tippfehler im Protokoll"
        assert entry.changes["change"] == "updated"


def test_board_agenda_pages_ask_for_the_reason_on_a_past_meeting(jena, coordinator):
    with schema_context("jena"):
        meeting = BoardMeetingFactory(date=in_days(-7))
        item = AgendaItemFactory(meeting=meeting, position=1, title="Begrüßung")
    client = logged_in_client(coordinator, language="de")
    base = f"/workspace/board/meetings/{meeting.pk}/agenda/"
    form = client.get(base + "new/").context["form"]
    assert "reason" in form.fields
    answer = client.post(base + "new/", {"title": "Nachtrag"})
    assert answer.status_code == 400
    answer = client.post(base + "new/", {"title": "Nachtrag", "reason": "Vergessen"})
    assert answer.status_code == 302
    # Removing asks for the reason too, instead of a bare confirmation.
    assert client.post(base + f"{item.pk}/delete/").status_code == 400
    answer = client.post(base + f"{item.pk}/delete/", {"reason": "Doppelt erfasst"})
    assert answer.status_code == 302
    with schema_context("jena"):
        reasons = set(
            AuditEntry.objects.filter(action="core.boardmeeting.agenda_corrected").values_list(
                "changes__reason", flat=True
            )
        )
        assert reasons == {"Vergessen", "Doppelt erfasst"}
        assert list(meeting.agenda_items.values_list("title", flat=True)) == ["Nachtrag"]
    # A meeting still to come: no reason asked for.
    with schema_context("jena"):
        coming = BoardMeetingFactory(date=in_days(7))
    form = client.get(f"/workspace/board/meetings/{coming.pk}/agenda/new/").context["form"]
    assert "reason" not in form.fields


def test_regional_agenda_of_a_past_meeting_needs_a_reason_and_is_audited(organiser):
    meeting = RegionalMeetingFactory(date=in_days(-2))
    entry = RegionalAgendaItemFactory(meeting=meeting, position=1, title="Begrüßung")
    second = RegionalAgendaItemFactory(meeting=meeting, position=2, title="Bericht")
    for change in (
        lambda: regional_services.agenda_item_create(
            actor=organiser, meeting=meeting, title="Nachtrag"
        ),
        lambda: regional_services.agenda_item_update(actor=organiser, item=entry, title="Anders"),
        lambda: regional_services.agenda_item_move(actor=organiser, item=second, direction="up"),
        lambda: regional_services.agenda_item_delete(actor=organiser, item=entry),
        lambda: regional_services.agenda_bulk_add(
            actor=organiser,
            meeting=meeting,
            lines=regional_services.parse_agenda_lines("Nachtrag")[0],
        ),
    ):
        with pytest.raises(ValidationError) as error:
            change()
        assert "reason" in error.value.message_dict
    assert agenda_titles(meeting) == ["Begrüßung", "Bericht"]
    regional_services.agenda_item_move(
        actor=organiser, item=second, direction="up", reason="Reihenfolge wie gehalten"
    )
    assert_correction_audited("moved", "Reihenfolge wie gehalten")


def test_regional_agenda_pages_ask_for_the_reason_on_a_past_meeting(organiser):
    meeting = RegionalMeetingFactory(date=in_days(-2))
    entry = RegionalAgendaItemFactory(meeting=meeting, position=1, title="Begrüßung")
    client = logged_in_client(organiser, "localhost", language="de")
    base = f"/meetings/{meeting.pk}/agenda/"
    assert "reason" in client.get(base + f"{entry.pk}/edit/").context["form"].fields
    assert client.post(base + f"{entry.pk}/edit/", {"title": "Anders"}).status_code == 400
    answer = client.post(base + f"{entry.pk}/edit/", {"title": "Anders", "reason": "Korrektur"})
    assert answer.status_code == 302
    assert client.post(base + "bulk/", {"lines": "Nachtrag"}).status_code == 400
    answer = client.post(base + "bulk/", {"lines": "Nachtrag", "reason": "Vergessen"})
    assert answer.status_code == 302
    assert AuditEntry.objects.filter(
        action="regional.regionalmeeting.agenda_corrected", changes__reason="Korrektur"
    ).exists()
    page = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "Tagesordnung ist gesperrt" in page
