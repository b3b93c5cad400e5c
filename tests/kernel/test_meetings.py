"""The one meeting base (``kernel.meetings``): the board's and the regional meetings
extend the same abstract models, keep their columns and audit codes, and declare their
shared pages once."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from django_tenants.utils import schema_context

from core.models import AgendaItem as BoardAgendaItem
from core.models import BoardMeeting, MeetingAttachment
from core.services import board as board_services
from kernel.audit.models import AuditEntry
from kernel.meetings.ics import Event, calendar_text
from kernel.meetings.models import AgendaItemBase, AttachmentBase, MeetingBase
from kernel.meetings.urls import PAGE_PATHS, meeting_page_paths
from regional.models import AgendaItem as RegionalAgendaItem
from regional.models import RegionalAttachment, RegionalMeeting
from regional.services import meetings as regional_services
from tenants.permissions import PERMISSION_MARK
from tenants.roles import Role
from tests.conftest import person_with_role
from tests.factories.board import BoardMeetingFactory
from tests.factories.regional import RegionalAgendaItemFactory, RegionalMeetingFactory


def test_board_and_regional_meetings_extend_the_one_base():
    assert issubclass(BoardMeeting, MeetingBase)
    assert issubclass(RegionalMeeting, MeetingBase)
    assert issubclass(BoardAgendaItem, AgendaItemBase)
    assert issubclass(RegionalAgendaItem, AgendaItemBase)
    assert issubclass(MeetingAttachment, AttachmentBase)
    assert issubclass(RegionalAttachment, AttachmentBase)
    for name in ("title", "date", "status", "minutes"):
        board = BoardMeeting._meta.get_field(name).deconstruct()[1:]
        regional = RegionalMeeting._meta.get_field(name).deconstruct()[1:]
        assert board == regional, name


def test_regional_agenda_item_keeps_its_table_and_related_name():
    assert RegionalAgendaItem._meta.db_table == "regional_agendaentry"
    assert RegionalMeeting._meta.get_field("agenda").related_model is RegionalAgendaItem


def test_meeting_page_paths_need_every_page():
    with pytest.raises(ValueError, match="Give every meeting page"):
        meeting_page_paths(prefix="<int:pk>/", views={}, agenda="agenda")


def test_each_room_guards_every_shared_page():
    from core.views.board import PAGE_VIEWS as board_pages
    from regional.views.meetings import PAGE_VIEWS as regional_pages

    for pages in (board_pages, regional_pages):
        assert set(pages) == set(PAGE_PATHS)
        assert all(getattr(view, PERMISSION_MARK, None) for view in pages.values())
    assert getattr(board_pages["attachment_download"], PERMISSION_MARK) == "alliance.board.view"
    assert getattr(board_pages["minutes_edit"], PERMISSION_MARK) == "alliance.board.manage"


def test_calendar_text_of_a_cancellation_says_cancelled():
    start = datetime.datetime(2026, 6, 1, 8, 0, tzinfo=datetime.UTC)
    event = Event(
        uid="x@example",
        sequence=1,
        start=start,
        end=start + datetime.timedelta(hours=2),
        summary="Treffen; mit, Zeichen",
        location="Jena",
        description="",
        organiser_name="Stelle",
        organiser_email="stelle@example",
    )
    text = calendar_text(event, prodid="-//t//DE", method="CANCEL", now=start)
    assert "STATUS:CANCELLED\r\n" in text
    assert "SUMMARY:Treffen\\; mit\\, Zeichen\r\n" in text
    with pytest.raises(ValueError, match="SEND"):
        calendar_text(event, prodid="-//t//DE", method="SEND", now=start)


@pytest.mark.django_db
def test_regional_agenda_item_writes_keep_their_audit_codes():
    organiser = person_with_role(Role.STATE_COORDINATOR)
    meeting = RegionalMeetingFactory(date=timezone.localdate() + datetime.timedelta(days=9))
    item = regional_services.agenda_item_create(actor=organiser, meeting=meeting, title="TOP")
    regional_services.agenda_item_update(actor=organiser, item=item, speaker="Landrätin")
    RegionalAgendaItemFactory(meeting=meeting, position=2, title="Zwei")
    regional_services.agenda_item_move(actor=organiser, item=item, direction="down")
    pk = item.pk  # deleting clears it
    regional_services.agenda_item_delete(actor=organiser, item=item)
    entries = AuditEntry.objects.filter(object_id=str(pk))
    actions = set(entries.values_list("action", flat=True))
    assert {
        "regional.agendaentry.created",
        "regional.agendaentry.updated",
        "regional.agendaentry.moved",
        "regional.agendaentry.deleted",
    } <= actions
    # The trail of one item stays one: new entries carry the type the old ones carry.
    item_entries = entries.filter(action__startswith="regional.agendaentry.")
    assert set(item_entries.values_list("object_type", flat=True)) == {"regional.agendaentry"}
    assert item.title == "TOP"  # a partial update leaves the other fields as they were


@pytest.mark.django_db
def test_board_meeting_partial_update_leaves_other_fields(jena):
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    with schema_context("jena"):
        meeting = BoardMeetingFactory(location="Rathaus")
        board_services.meeting_update(actor=coordinator, meeting=meeting, title="Neu")
        meeting.refresh_from_db()
        assert (meeting.title, meeting.location) == ("Neu", "Rathaus")
        with pytest.raises(TypeError):
            board_services.meeting_update(coordinator, meeting)  # keyword-only
        with pytest.raises(ValidationError):
            board_services.minutes_approve(actor=coordinator, meeting=meeting)
    connection.set_schema_to_public()


def test_a_keyword_the_service_does_not_declare_is_refused():
    with pytest.raises(TypeError, match="bogus"):
        board_services.board_member_update(actor=None, member=None, bogus=1)


@pytest.mark.django_db
def test_an_agenda_item_keyword_the_kind_does_not_declare_is_refused():
    with pytest.raises(TypeError, match="speaker"):
        board_services.agenda_item_update(actor=None, item=None, speaker="Landrätin")
