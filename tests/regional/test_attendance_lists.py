"""Attendance lists as PDF for both kinds of meeting (``kernel.meetings.documents``):
the regional meeting's invitees with their attendance once recorded and the people who
came uninvited, the board meeting's members on the day to sign; managers only."""

from __future__ import annotations

import datetime

import pytest
from django_tenants.utils import schema_context

from regional.models import RegionalMeetingStatus, WalkIn
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.factories.board import BoardMeetingFactory, BoardMemberFactory
from tests.factories.regional import InvitationFactory, RegionalMeetingFactory
from tests.pdfs import assert_reads, pdf_text

pytestmark = pytest.mark.django_db


def _regional(jena, **values):
    meeting = RegionalMeetingFactory(
        title="Regionaltreffen Nord", date=datetime.date(2026, 9, 24), **values
    )
    InvitationFactory(meeting=meeting, name="Jana Jenaer", alliance=jena)
    InvitationFactory(meeting=meeting, name="Gisela Gast")
    return meeting


def test_regional_attendance_list_is_signed_at_the_door_before_it_is_recorded(state_client, jena):
    meeting = _regional(jena)
    url = f"/meetings/{meeting.pk}/attendance.pdf"
    assert url in state_client.get(f"/meetings/{meeting.pk}/").content.decode()
    response = state_client.get(url)
    assert response.status_code == 200
    assert (
        'filename="teilnahmeliste-regionaltreffen-nord-2026-09-24.pdf"'
        in (response["Content-Disposition"])
    )
    text = pdf_text(response.content)
    assert_reads(
        text,
        "Teilnahmeliste",
        "Landeskoordination Thüringen",  # the state office's letterhead
        "Donnerstag, 24. September 2026",
        f"1 Jana Jenaer {jena.name}",
        "2 Gisela Gast",
        "6 ",  # four empty rows for people who come uninvited
        "2 eingeladen. Mit meiner Unterschrift bestätige ich meine Teilnahme.",
        "Seite 1 von 1",
    )


def test_regional_attendance_list_says_who_came_once_recorded(state_client, jena):
    meeting = _regional(jena)
    meeting.invitations.filter(name="Jana Jenaer").update(attended=True)
    meeting.invitations.filter(name="Gisela Gast").update(attended=False)
    WalkIn.objects.create(meeting=meeting, name="Walter Spontan", alliance=jena)
    text = pdf_text(state_client.get(f"/meetings/{meeting.pk}/attendance.pdf").content)
    assert_reads(
        text,
        f"1 Jana Jenaer {jena.name} ja",
        "2 Gisela Gast nein",
        "3 Walter Spontan (ohne Einladung)",
        "2 eingeladen; 2 Personen waren anwesend.",
    )


def test_cancelled_meetings_and_other_roles_get_no_attendance_list(state_client, jena):
    cancelled = _regional(jena, status=RegionalMeetingStatus.CANCELLED)
    assert state_client.get(f"/meetings/{cancelled.pk}/attendance.pdf").status_code == 404
    meeting = _regional(jena)
    ministry = logged_in_client(person_with_role(Role.MINISTRY), "localhost")
    assert ministry.get(f"/meetings/{meeting.pk}/attendance.pdf").status_code in (403, 404)
    coordinator = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena), "localhost")
    assert coordinator.get(f"/meetings/{meeting.pk}/attendance.pdf").status_code in (403, 404)


def test_board_attendance_list_names_the_members_on_the_day_under_the_letterhead(
    jena, coordinator_client
):
    with schema_context("jena"):
        meeting = BoardMeetingFactory(title="Kuratoriumssitzung Herbst",
                                      date=datetime.date(2026, 10, 1))  # fmt: skip
        BoardMemberFactory(full_name="Kunigunde Kuratorin", affiliation="Stadtwerke Jena")
        BoardMemberFactory(full_name="Früher Dabei", term_end=datetime.date(2025, 12, 31))
    url = f"/workspace/board/meetings/{meeting.pk}/attendance.pdf"
    assert (
        url in coordinator_client.get(f"/workspace/board/meetings/{meeting.pk}/").content.decode()
    )
    response = coordinator_client.get(url)
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert_reads(
        text,
        "Lokales Bündnis für Familie Jena",
        "Teilnahmeliste Kuratoriumssitzung Herbst",
        "1 Kunigunde Kuratorin Stadtwerke Jena",
    )
    assert "Früher Dabei" not in text
    board_member = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena))
    assert board_member.get(url).status_code in (403, 404)
