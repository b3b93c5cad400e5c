"""The board: members, meeting templates and quarterly series, meetings with agendas,
minutes and attachments."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django_tenants.utils import schema_context

from core.models import (
    AgendaItem,
    BoardMeeting,
    BoardMember,
    MeetingAttachment,
    MeetingStatus,
    MeetingTemplate,
    MinutesStatus,
)
from core.selectors.board import meeting_agenda, next_planned_meeting
from core.services.board import (
    add_months,
    agenda_item_create,
    agenda_item_delete,
    agenda_item_update,
    attachment_create,
    meeting_cancel,
    meeting_mark_held,
    meeting_series_plan,
    minutes_approve,
    minutes_update,
    quarterly_dates,
)
from kernel.uploads import ATTACHMENT_MAX_BYTES
from tenants.roles import Role
from tests import isolation
from tests.clock import AT_NOON, TODAY
from tests.conftest import (
    assert_same_queries_for_few_and_many,
    host_client,
    logged_in_client,
    person_with_role,
)
from tests.factories.admissions import ApplicationFactory, DecisionFactory
from tests.factories.board import (
    AgendaItemFactory,
    BoardMeetingFactory,
    BoardMemberFactory,
    MeetingTemplateFactory,
)
from tests.factories.files import PDF
from tests.isolation_seeds_admissions import SEEDS
from tests.pages import assert_list_scales, assert_page_shows, submit

# The clock stands at noon (Berlin) of a fixed day in every test here (tests/clock.py).
pytestmark = AT_NOON


# ---------------------------------------------------------------- board members


def test_board_member_is_created_edited_and_removed(jena, coordinator):
    client = logged_in_client(coordinator, language="en")
    response = client.post(
        "/workspace/board/members/new/",
        {"full_name": "Dr. Petra Lind", "affiliation": "Stadt Jena", "position": "chair",
         "email": "lind@jena.example", "term_start": "2025-01-01", "term_end": "2028-12-31"},
    )  # fmt: skip
    assert response.status_code == 302
    with schema_context("jena"):
        member = BoardMember.objects.get(full_name="Dr. Petra Lind")
    assert client.get(f"/workspace/board/members/{member.pk}/").status_code == 200
    response = client.post(
        f"/workspace/board/members/{member.pk}/edit/",
        {"full_name": "Dr. Petra Lind", "position": "deputy", "term_start": "2025-01-01"},
    )
    assert response.status_code == 302
    with schema_context("jena"):
        member.refresh_from_db()
        assert member.position == "deputy"
        assert member.term_end is None
    assert client.post(f"/workspace/board/members/{member.pk}/delete/").status_code == 302
    with schema_context("jena"):
        assert not BoardMember.objects.filter(pk=member.pk).exists()


def test_term_ending_before_it_begins_is_refused_with_the_constraints_message(jena, coordinator):
    response = logged_in_client(coordinator, language="en").post(
        "/workspace/board/members/new/",
        {"full_name": "Max Kehr", "position": "member", "term_start": "2026-05-01",
         "term_end": "2026-04-30"},
    )  # fmt: skip
    assert_page_shows(response, ["The term cannot end before it begins."], status=400)
    with schema_context("jena"):
        assert not BoardMember.objects.exists()


def test_board_member_list_filters_current_terms(jena, board_member):
    with schema_context("jena"):
        BoardMemberFactory(full_name="Aktuell", term_start=datetime.date(2024, 1, 1))
        BoardMemberFactory(
            full_name="Ehemalig",
            term_start=datetime.date(2018, 1, 1),
            term_end=datetime.date(2020, 12, 31),
        )
    client = logged_in_client(board_member, language="en")
    response = client.get("/workspace/board/members/", {"current": "true"})
    assert response.status_code == 200
    assert [row[1][0] for row in response.context["rows"]] == ["Aktuell"]


# ---------------------------------------------------------------- templates and series


def test_quarterly_series_keeps_the_day_of_month_clamped_to_month_end():
    assert quarterly_dates(datetime.date(2026, 1, 31), 4) == [
        datetime.date(2026, 1, 31),
        datetime.date(2026, 4, 30),
        datetime.date(2026, 7, 31),
        datetime.date(2026, 10, 31),
    ]
    assert add_months(datetime.date(2026, 11, 30), 3) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2027, 11, 29), 3) == datetime.date(2028, 2, 29)


def test_series_creates_meetings_with_the_templates_place_time_and_agenda(jena, coordinator):
    with schema_context("jena"):
        template = MeetingTemplateFactory(
            location="Volkshaus Jena",
            start_time=datetime.time(17, 30),
            agenda="Begrüßung\n\n  Aufnahmeanträge  \nVerschiedenes\n",
        )
        meetings = meeting_series_plan(
            actor=coordinator,
            template=template,
            first_date=datetime.date(2026, 1, 31),
            count=4,
            title="Kuratorium",
        )
        assert [m.date for m in meetings] == [
            datetime.date(2026, 1, 31),
            datetime.date(2026, 4, 30),
            datetime.date(2026, 7, 31),
            datetime.date(2026, 10, 31),
        ]
        for meeting in meetings:
            assert meeting.title == "Kuratorium"
            assert meeting.location == "Volkshaus Jena"
            assert meeting.start_time == datetime.time(17, 30)
            assert meeting.template == template
            assert meeting.status == MeetingStatus.PLANNED
            assert list(
                meeting.agenda_items.order_by("position").values_list("position", "title")
            ) == [(1, "Begrüßung"), (2, "Aufnahmeanträge"), (3, "Verschiedenes")]


@pytest.mark.parametrize("count", [0, 13])
def test_series_outside_one_to_twelve_meetings_is_refused(jena, coordinator, count):
    with schema_context("jena"):
        template = MeetingTemplateFactory()
        with pytest.raises(ValidationError):
            meeting_series_plan(
                actor=coordinator,
                template=template,
                first_date=TODAY,
                count=count,
                title="x",
            )
        assert not BoardMeeting.objects.exists()
    response = logged_in_client(coordinator, language="en").post(
        f"/workspace/board/templates/{template.pk}/series/",
        {"title": "Kuratorium", "first_date": "2026-01-31", "count": count},
    )
    assert response.status_code == 400
    with schema_context("jena"):
        assert not BoardMeeting.objects.exists()


def test_series_form_plans_the_meetings(jena, coordinator):
    with schema_context("jena"):
        template = MeetingTemplateFactory(name="Sitzung des Kuratoriums")
    client = logged_in_client(coordinator, language="en")
    page = client.get(f"/workspace/board/templates/{template.pk}/series/")
    assert page.status_code == 200
    assert page.context["form"].initial["title"] == "Sitzung des Kuratoriums"
    response = client.post(
        f"/workspace/board/templates/{template.pk}/series/",
        {"title": "Kuratorium 2026", "first_date": "2026-03-15", "count": 3},
    )
    assert response.status_code == 302
    with schema_context("jena"):
        assert list(BoardMeeting.objects.order_by("date").values_list("date", flat=True)) == [
            datetime.date(2026, 3, 15),
            datetime.date(2026, 6, 15),
            datetime.date(2026, 9, 15),
        ]


def test_meeting_templates_are_created_edited_and_deleted(jena, coordinator):
    client = logged_in_client(coordinator, language="en")
    template_data = {"name": "Quartalssitzung", "location": "Rathaus", "start_time": "16:00",
                     "agenda": "Begrüßung\nAnträge"}  # fmt: skip
    submit(client, "/workspace/board/templates/new/", template_data)
    with schema_context("jena"):
        template = MeetingTemplate.objects.get(name="Quartalssitzung")
        meeting = BoardMeetingFactory(template=template)
    assert "Quartalssitzung" in client.get("/workspace/board/templates/").content.decode()
    edited = {"name": "Quartalssitzung", "location": "Volkshaus", "agenda": "Begrüßung"}
    submit(client, f"/workspace/board/templates/{template.pk}/edit/", edited)
    assert client.post(f"/workspace/board/templates/{template.pk}/delete/").status_code == 302
    with schema_context("jena"):
        assert not MeetingTemplate.objects.exists()
        meeting.refresh_from_db()
        assert meeting.template is None


# ---------------------------------------------------------------- meetings and agenda


def test_meeting_list_shows_upcoming_meetings_first_then_past_ones(jena, board_member):
    with schema_context("jena"):
        for title, days in (("past-far", -200), ("soon", 5), ("past-near", -10), ("later", 60)):
            BoardMeetingFactory(title=title, date=TODAY + datetime.timedelta(days=days))
        BoardMeetingFactory(title="today", date=TODAY)
    response = logged_in_client(board_member, language="en").get("/workspace/board/")
    assert response.status_code == 200
    assert [row[1][0] for row in response.context["rows"]] == [
        "today",
        "soon",
        "later",
        "past-near",
        "past-far",
    ]


def test_single_meeting_from_a_template_takes_its_agenda(jena, coordinator):
    with schema_context("jena"):
        template = MeetingTemplateFactory(location="Volkshaus", agenda="Begrüßung\nAnträge")
    response = logged_in_client(coordinator, language="en").post(
        "/workspace/board/meetings/new/",
        {"title": "Sondersitzung", "date": "2026-09-01", "template": template.pk},
    )
    assert response.status_code == 302
    with schema_context("jena"):
        meeting = BoardMeeting.objects.get(title="Sondersitzung")
        assert meeting.location == "Volkshaus"
        assert meeting.start_time == template.start_time
        assert list(meeting.agenda_items.values_list("title", flat=True)) == [
            "Begrüßung",
            "Anträge",
        ]


def _positions(meeting):
    return list(meeting.agenda_items.order_by("position").values_list("position", "title"))


def test_agenda_positions_stay_contiguous_on_insert_move_and_delete(jena, coordinator):
    with schema_context("jena"):
        meeting = BoardMeetingFactory(date=TODAY + datetime.timedelta(days=30))  # agenda still open
        for title in ("A", "B", "C"):
            agenda_item_create(actor=coordinator, meeting=meeting, title=title)
        assert _positions(meeting) == [(1, "A"), (2, "B"), (3, "C")]
        inserted = agenda_item_create(actor=coordinator, meeting=meeting, title="X", position=2)
        assert _positions(meeting) == [(1, "A"), (2, "X"), (3, "B"), (4, "C")]
        agenda_item_create(actor=coordinator, meeting=meeting, title="Z", position=99)
        assert _positions(meeting)[-1] == (5, "Z")
        agenda_item_update(actor=coordinator, item=inserted, title="X2", position=4, notes="")
        assert _positions(meeting) == [(1, "A"), (2, "B"), (3, "C"), (4, "X2"), (5, "Z")]
        first = meeting.agenda_items.get(title="A")
        agenda_item_update(actor=coordinator, item=first, position=None, notes="n")
        assert _positions(meeting)[0] == (1, "A")
        agenda_item_delete(actor=coordinator, item=meeting.agenda_items.get(title="B"))
        assert _positions(meeting) == [(1, "A"), (2, "C"), (3, "X2"), (4, "Z")]


def test_agenda_items_through_the_pages(jena, coordinator):
    with schema_context("jena"):
        meeting = BoardMeetingFactory(date=TODAY + datetime.timedelta(days=30))  # agenda still open
        AgendaItemFactory(meeting=meeting, position=1, title="Begrüßung")
        AgendaItemFactory(meeting=meeting, position=2, title="Bericht")
    client = logged_in_client(coordinator, language="en")
    base = f"/workspace/board/meetings/{meeting.pk}/agenda/"
    assert client.post(base + "new/", {"title": "Anträge", "position": 1}).status_code == 302
    with schema_context("jena"):
        assert _positions(meeting) == [(1, "Anträge"), (2, "Begrüßung"), (3, "Bericht")]
        item = meeting.agenda_items.get(title="Anträge")
    response = client.post(base + f"{item.pk}/edit/", {"title": "Anträge", "position": 3})
    assert response.status_code == 302
    assert client.post(base + f"{item.pk}/delete/").status_code == 302
    with schema_context("jena"):
        assert _positions(meeting) == [(1, "Begrüßung"), (2, "Bericht")]
    assert client.post(base + "new/", {"title": ""}).status_code == 400


def test_pending_applications_are_on_the_next_planned_meeting_only(jena):
    with schema_context("jena"):
        BoardMeetingFactory(date=TODAY - datetime.timedelta(days=5))  # planned, but past
        BoardMeetingFactory(date=TODAY + datetime.timedelta(days=2), status="cancelled")
        upcoming = BoardMeetingFactory(date=TODAY + datetime.timedelta(days=20))
        later = BoardMeetingFactory(date=TODAY + datetime.timedelta(days=110))
        AgendaItemFactory(meeting=upcoming, position=1, title="Begrüßung")
        pending = ApplicationFactory(received_on=TODAY - datetime.timedelta(days=2))
        older = ApplicationFactory(received_on=TODAY - datetime.timedelta(days=30))
        ApplicationFactory(status="withdrawn")
        assert next_planned_meeting() == upcoming
        agenda = meeting_agenda(upcoming)
        assert agenda.is_next
        assert [i.title for i in agenda.items] == ["Begrüßung"]
        assert agenda.applications == [older, pending]
        assert list(agenda) == [*agenda.items, older, pending]
        assert meeting_agenda(later).applications == []


def test_meeting_is_marked_held_and_cancelled_through_confirm_pages(jena, coordinator):
    with schema_context("jena"):
        today = BoardMeetingFactory(date=TODAY)
        future = BoardMeetingFactory(date=TODAY + datetime.timedelta(days=30))
    client = logged_in_client(coordinator, language="en")
    held_url = f"/workspace/board/meetings/{today.pk}/held/"
    assert client.get(held_url).status_code == 200
    assert client.post(held_url).status_code == 302
    refused = client.post(f"/workspace/board/meetings/{future.pk}/held/")
    assert refused.status_code == 400
    assert "in the future" in refused.content.decode()
    assert client.post(f"/workspace/board/meetings/{future.pk}/cancel/").status_code == 302
    with schema_context("jena"):
        today.refresh_from_db()
        future.refresh_from_db()
        assert today.status == MeetingStatus.HELD
        assert future.status == MeetingStatus.CANCELLED
        with pytest.raises(ValidationError):
            meeting_cancel(actor=coordinator, meeting=today)
        with pytest.raises(ValidationError):
            meeting_mark_held(actor=coordinator, meeting=future)


def test_meeting_with_decisions_can_be_neither_cancelled_nor_deleted(jena, coordinator):
    with schema_context("jena"):
        decision = DecisionFactory(meeting=BoardMeetingFactory(date=TODAY))
        meeting = decision.meeting
    client = logged_in_client(coordinator, language="en")
    assert client.post(f"/workspace/board/meetings/{meeting.pk}/cancel/").status_code == 400
    assert client.post(f"/workspace/board/meetings/{meeting.pk}/delete/").status_code == 400
    with schema_context("jena"):
        meeting.refresh_from_db()
        assert meeting.status == MeetingStatus.PLANNED


# ---------------------------------------------------------------- minutes


def test_approved_minutes_are_frozen(jena, coordinator):
    with schema_context("jena"):
        meeting = BoardMeetingFactory(date=TODAY, status=MeetingStatus.HELD)
    client = logged_in_client(coordinator, language="en")
    minutes_url = f"/workspace/board/meetings/{meeting.pk}/minutes/"
    assert client.post(minutes_url, {"minutes": "TOP 1: Begrüßung."}).status_code == 302
    with schema_context("jena"):
        meeting.refresh_from_db()
        assert meeting.minutes_status == MinutesStatus.DRAFT
    assert client.post(minutes_url + "approve/").status_code == 302
    with schema_context("jena"):
        meeting.refresh_from_db()
        assert meeting.minutes_status == MinutesStatus.APPROVED
        assert meeting.minutes_approved_on == TODAY
    refused = client.post(minutes_url, {"minutes": "Nachträglich geändert."})
    assert refused.status_code == 400
    assert "approved and can no longer be changed" in refused.content.decode()
    on_get = client.get(minutes_url, follow=True)
    assert "approved and can no longer be changed" in on_get.content.decode()
    with schema_context("jena"):
        meeting.refresh_from_db()
        assert meeting.minutes == "TOP 1: Begrüßung."
        with translation.override("en"), pytest.raises(ValidationError) as error:
            minutes_update(actor=coordinator, meeting=meeting, minutes="Anders.")
        assert "approved" in error.value.messages[0]
        with pytest.raises(ValidationError):
            minutes_approve(actor=coordinator, meeting=meeting)


def test_minutes_cannot_be_approved_before_a_draft_exists(jena, coordinator):
    with schema_context("jena"):
        meeting = BoardMeetingFactory()
    response = logged_in_client(coordinator, language="en").post(
        f"/workspace/board/meetings/{meeting.pk}/minutes/approve/"
    )
    assert response.status_code == 400
    with schema_context("jena"):
        meeting.refresh_from_db()
        assert meeting.minutes_status == MinutesStatus.NONE


# ---------------------------------------------------------------- attachments


def test_attachment_is_uploaded_listed_downloaded_and_deleted(
    jena, coordinator, board_member, media_root, django_capture_on_commit_callbacks
):
    with schema_context("jena"):
        meeting = BoardMeetingFactory()
    client = logged_in_client(coordinator, language="en")
    upload = SimpleUploadedFile("einladung.pdf", PDF, content_type="application/pdf")
    response = client.post(
        f"/workspace/board/meetings/{meeting.pk}/attachments/new/",
        {"title": "Einladung", "file": upload},
    )
    assert response.status_code == 302
    with schema_context("jena"):
        attachment = MeetingAttachment.objects.get(meeting=meeting)
        assert attachment.file.name == f"board/{meeting.pk}/einladung.pdf"
        path = default_storage.path(attachment.file.name)
    assert path.startswith(str(media_root / "jena"))
    detail = logged_in_client(board_member, language="en").get(
        f"/workspace/board/meetings/{meeting.pk}/"
    )
    download_url = f"/workspace/board/meetings/{meeting.pk}/attachments/{attachment.pk}/"
    assert download_url in detail.content.decode()
    download = logged_in_client(board_member, language="en").get(download_url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    # A board member may read, not delete.
    assert (
        logged_in_client(board_member, language="en").post(download_url + "delete/").status_code
        == 404
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(download_url + "delete/").status_code == 302
    with schema_context("jena"):
        assert not MeetingAttachment.objects.exists()
        assert not default_storage.exists(f"board/{meeting.pk}/einladung.pdf")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("programm.exe", b"MZ\x90\x00"),
        ("notizen.txt", b"Hallo"),
        ("tarnung.pdf", b"MZ\x90\x00 not a pdf"),
        ("bild.png", b"\xff\xd8\xff\xe0 a jpeg"),
    ],
)
def test_attachment_of_a_bad_type_is_refused_and_nothing_stored(
    jena, coordinator, media_root, name, content
):
    with schema_context("jena"):
        meeting = BoardMeetingFactory()
    response = logged_in_client(coordinator, language="en").post(
        f"/workspace/board/meetings/{meeting.pk}/attachments/new/",
        {"title": "", "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 400
    assert "Only these file types can be uploaded" in response.content.decode()
    with schema_context("jena"):
        assert not MeetingAttachment.objects.exists()
    assert not any(p.is_file() for p in media_root.rglob("*"))


def test_attachment_larger_than_20_mb_is_refused(jena, coordinator, media_root):
    with schema_context("jena"):
        meeting = BoardMeetingFactory()
        too_big = SimpleUploadedFile("gross.pdf", PDF + b"0" * (ATTACHMENT_MAX_BYTES + 1))
        with translation.override("en"), pytest.raises(ValidationError) as error:
            attachment_create(actor=coordinator, meeting=meeting, title="", file=too_big)
        assert "larger than 20 MB" in error.value.messages[0]
        assert not MeetingAttachment.objects.exists()
    assert not any(p.is_file() for p in media_root.rglob("*"))


def test_all_allowed_file_types_are_accepted(jena, coordinator, media_root):
    samples = {
        "a.pdf": PDF,
        "b.docx": b"PK\x03\x04word",
        "c.xlsx": b"PK\x03\x04sheet",
        "d.odt": b"PK\x03\x04odt",
        "e.ods": b"PK\x03\x04ods",
        "f.png": b"\x89PNG\r\n\x1a\nrest",
        "g.JPG": b"\xff\xd8\xff\xe0rest",
    }
    with schema_context("jena"):
        meeting = BoardMeetingFactory()
        for name, content in samples.items():
            attachment_create(
                actor=coordinator,
                meeting=meeting,
                title="",
                file=SimpleUploadedFile(name, content),
            )
        assert sorted(meeting.attachments.values_list("title", flat=True)) == list("abcdefg")


# ---------------------------------------------------------------- queries, permissions, isolation


def _create_meetings(count: int) -> None:
    with schema_context("jena"):
        template = MeetingTemplateFactory()
        for n in range(count):
            meeting = BoardMeetingFactory(
                template=template, date=TODAY + datetime.timedelta(days=n - count // 2)
            )
            AgendaItemFactory(meeting=meeting, position=1)
            MeetingAttachment.objects.create(meeting=meeting, title="x", file="board/x.pdf")


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["", "csv", "xlsx"])
def test_meeting_list_and_exports_need_the_same_queries_for_5_and_200_rows(jena, coordinator, fmt):
    client = logged_in_client(coordinator, language="en")
    assert_list_scales(client, "/workspace/board/", _create_meetings, fmt, then=195)


@pytest.mark.slow
def test_a_meeting_page_costs_the_same_queries_for_few_and_many_items(jena, coordinator):
    with schema_context("jena"):
        meeting = BoardMeetingFactory()

    def add(items: int) -> None:
        with schema_context("jena"):
            start = meeting.agenda_items.count()
            for position in range(start + 1, start + items + 1):
                AgendaItemFactory(meeting=meeting, position=position)
                MeetingAttachment.objects.create(meeting=meeting, title="x", file="board/x.pdf")

    assert_same_queries_for_few_and_many(
        logged_in_client(coordinator),
        f"/workspace/board/meetings/{meeting.pk}/",
        lambda: add(2),
        lambda: add(30),
    )


def _reading_paths(meeting, member) -> list[str]:
    """The board pages every board member may read."""
    return [
        "/workspace/board/",
        f"/workspace/board/meetings/{meeting.pk}/",
        "/workspace/board/members/",
        f"/workspace/board/members/{member.pk}/",
        "/workspace/board/templates/",
    ]


def _managing_paths(meeting, item, member, template) -> list[str]:
    """Forms and actions of the board that only the coordinator may use."""
    base = f"/workspace/board/meetings/{meeting.pk}/"
    return [
        "/workspace/board/meetings/new/",
        base + "edit/",
        base + "delete/",
        base + "held/",
        base + "cancel/",
        base + "agenda/new/",
        base + f"agenda/{item.pk}/edit/",
        base + f"agenda/{item.pk}/delete/",
        base + "minutes/",
        base + "minutes/approve/",
        base + "attachments/new/",
        "/workspace/board/members/new/",
        f"/workspace/board/members/{member.pk}/edit/",
        "/workspace/board/templates/new/",
        f"/workspace/board/templates/{template.pk}/series/",
    ]


@pytest.mark.slow
def test_board_member_reads_the_board_but_cannot_manage_meetings(jena, board_member):
    with schema_context("jena"):
        meeting = BoardMeetingFactory(date=TODAY)
        item = AgendaItemFactory(meeting=meeting, position=1)
        template = MeetingTemplateFactory()
        member = BoardMemberFactory()
    client = logged_in_client(board_member, language="en")
    for path in _reading_paths(meeting, member):
        assert client.get(path).status_code == 200, path
    for path in _managing_paths(meeting, item, member, template):
        assert client.get(path).status_code == 404, path
        assert client.post(path, {"title": "x"}).status_code == 404, path
    with schema_context("jena"):
        meeting.refresh_from_db()
        assert meeting.status == MeetingStatus.PLANNED
        assert BoardMeeting.objects.count() == 1
        assert AgendaItem.objects.count() == 1


def test_partner_contact_and_anonymous_visitors_do_not_see_the_board(jena):
    with schema_context("jena"):
        meeting = BoardMeetingFactory()
        from core.models import Partner

        partner = Partner.objects.create(name="Partner GmbH", kind="company")
    contact = logged_in_client(
        person_with_role(Role.PARTNER_CONTACT, jena, partner_id=partner.pk), language="en"
    )
    anonymous = host_client("jena.localhost")
    for path in ("/workspace/board/", f"/workspace/board/meetings/{meeting.pk}/"):
        assert contact.get(path).status_code == 404
        response = anonymous.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_another_alliances_meeting_ids_answer_404(jena, badfrankenhausen, coordinator):
    with schema_context("badfrankenhausen"):
        foreign = BoardMeetingFactory(pk=880001, title="Nur in Bad Frankenhausen")
        item = AgendaItemFactory(pk=880001, meeting=foreign, position=1)
    client = logged_in_client(coordinator, language="en")
    base = f"/workspace/board/meetings/{foreign.pk}/"
    for path in ("", "edit/", "held/", "cancel/", "minutes/", f"agenda/{item.pk}/edit/"):
        assert client.get(base + path).status_code == 404, path
    assert client.post(base + "cancel/").status_code == 404
    with schema_context("badfrankenhausen"):
        foreign.refresh_from_db()
        assert foreign.status == MeetingStatus.PLANNED


@pytest.mark.slow
def test_isolation_seeds_give_outsiders_nothing_on_the_board_and_application_routes(
    jena, badfrankenhausen, monkeypatch
):
    for name, builder in SEEDS.items():
        monkeypatch.setitem(isolation.SENTINEL_SEEDS, name, builder)
    sentinel = "ISOLATION-SENTINEL-ADMISSIONS"
    with schema_context("badfrankenhausen"):
        record_id = isolation.seed_sentinel_records(sentinel)["id"]
        for model in (
            BoardMeeting,
            BoardMember,
            MeetingTemplate,
            AgendaItem,
            MeetingAttachment,
        ):
            assert model.objects.filter(pk=record_id).exists(), model
    jena_coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    ministry = person_with_role(Role.MINISTRY)
    outsiders = isolation.outsiders_on(
        "badfrankenhausen.localhost",
        {"Jena's coordinator": jena_coordinator, "the ministry": ministry},
    )
    routes = [
        route
        for route in isolation.discover("config.urls_tenant", {"int": str(record_id)})
        if (route.path or "").startswith(("/workspace/applications/", "/workspace/board/"))
    ]
    assert len(routes) >= 30
    problems = isolation.audit(
        routes,
        host="badfrankenhausen.localhost",
        tenant=badfrankenhausen,
        outsiders=outsiders,
        sentinels=[sentinel, "sentinel.contact@example.org"],
    )
    assert problems == [], "\n".join(problems)
    # B's own coordinator does see the sentinel, so the audit above could see a leak.
    own = logged_in_client(
        person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen), "badfrankenhausen.localhost"
    )
    for path in ("/workspace/board/", "/workspace/applications/", "/workspace/board/members/"):
        assert sentinel in own.get(path).content.decode(), path
    assert sentinel in own.get(f"/workspace/board/meetings/{record_id}/").content.decode()


def test_every_board_page_renders_for_the_coordinator(jena, coordinator):
    with schema_context("jena"):
        meeting = BoardMeetingFactory(date=TODAY, minutes="Protokoll", minutes_status="draft")
        item = AgendaItemFactory(meeting=meeting, position=1)
        attachment = MeetingAttachment.objects.create(meeting=meeting, title="x", file="b/x.pdf")
        template = MeetingTemplateFactory()
        member = BoardMemberFactory()
        ApplicationFactory()
    client = logged_in_client(coordinator, language="en")
    base = f"/workspace/board/meetings/{meeting.pk}/"
    for path in (
        *_reading_paths(meeting, member),
        *_managing_paths(meeting, item, member, template),
        base + f"attachments/{attachment.pk}/delete/",
        f"/workspace/board/members/{member.pk}/delete/",
        f"/workspace/board/templates/{template.pk}/edit/",
        f"/workspace/board/templates/{template.pk}/delete/",
    ):
        assert client.get(path).status_code == 200, path
    # A stored record whose file is gone: not found, no error page.
    assert client.get(base + f"attachments/{attachment.pk}/").status_code == 404
    # The German page renders too.
    german = logged_in_client(coordinator)
    assert german.get(base).status_code == 200
