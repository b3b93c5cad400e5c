"""Regional meetings as an invited alliance sees them on its own host
(/workspace/regional/): its meetings, its people's replies, published minutes, files."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from regional.models import Invitation, RegionalMeeting, RegionalMinutesStatus, Response
from regional.services import meetings as services
from tenants.roles import Role
from tests.clock import in_days
from tests.conftest import assert_same_queries_for_few_and_many, logged_in_client, person_with_role
from tests.factories.files import PDF
from tests.factories.regional import (
    InvitationFactory,
    RegionalAgendaItemFactory,
    RegionalMeetingFactory,
)
from tests.factories.tenants import account_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def jena_lc(jena):
    return account_with_role(
        Role.LOCAL_COORDINATOR, jena, email="koordination@jena.example", full_name="Jana Jenaer"
    )


@pytest.fixture
def invited(jena, badfrankenhausen, jena_lc):
    """A meeting Jena and Bad Frankenhausen are invited to, with replies of both."""
    meeting = RegionalMeetingFactory(title="Regionaltreffen Ost", description="Für alle")
    RegionalAgendaItemFactory(meeting=meeting, position=1, title="Begrüßung", speaker="Landrat")
    own = InvitationFactory(
        meeting=meeting, alliance=jena, user=jena_lc, name="Jana Jenaer", email=jena_lc.email
    )
    InvitationFactory(
        meeting=meeting, alliance=jena, name="Zweite Jenaerin", response=Response.ATTENDING
    )
    InvitationFactory(
        meeting=meeting,
        alliance=badfrankenhausen,
        name="Bruno Frankenhäuser",
        email="bruno@bfh.example",
        response=Response.DECLINED,
    )
    return meeting, own


def test_invited_alliance_lists_its_meetings_with_its_own_replies(invited, jena_lc):
    meeting, _own = invited
    RegionalMeetingFactory(title="Nicht eingeladen")
    client = logged_in_client(jena_lc, language="en")
    body = client.get("/workspace/regional/").content.decode()
    assert "Regionaltreffen Ost" in body
    assert "Nicht eingeladen" not in body
    detail = client.get(f"/workspace/regional/{meeting.pk}/")
    assert detail.status_code == 200
    text = detail.content.decode()
    assert "Begrüßung" in text
    assert "Landrat" in text
    assert meeting.place in text
    assert "Zweite Jenaerin" in text
    # Another alliance's people are not shown here.
    assert "Bruno Frankenhäuser" not in text
    assert "bruno@bfh.example" not in text
    replies = detail.context["replies"]
    assert (replies.counts.attending, replies.counts.pending, replies.counts.declined) == (1, 1, 0)


def test_alliance_not_invited_gets_404_for_the_meeting_and_its_files(
    invited, jena, badfrankenhausen, media_root
):
    meeting, _own = invited
    other = RegionalMeetingFactory(title="Nur Jena")
    InvitationFactory(meeting=other, alliance=jena)
    attachment = services.attachment_create(
        actor=None, meeting=other, title="Nur für Jena", file=SimpleUploadedFile("n.pdf", PDF)
    )
    bfh_lc = person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen)
    client = logged_in_client(bfh_lc, "badfrankenhausen.localhost")
    assert client.get(f"/workspace/regional/{other.pk}/").status_code == 404
    assert client.get(f"/workspace/regional/{other.pk}/files/{attachment.pk}/").status_code == 404
    # Nor through the meeting it is invited to.
    assert client.get(f"/workspace/regional/{meeting.pk}/files/{attachment.pk}/").status_code == 404
    assert client.get(f"/workspace/regional/{meeting.pk}/").status_code == 200
    assert "Nur Jena" not in client.get("/workspace/regional/").content.decode()


def test_files_stored_on_the_state_host_are_served_on_the_alliance_host(
    invited, jena_lc, media_root
):
    meeting, _own = invited
    attachment = services.attachment_create(
        actor=None,
        meeting=meeting,
        title="Flyer",
        file=SimpleUploadedFile("flyer.pdf", PDF),
    )
    assert (media_root / "public" / "regional" / str(meeting.pk) / "flyer.pdf").exists()
    client = logged_in_client(jena_lc)
    detail = client.get(f"/workspace/regional/{meeting.pk}/").content.decode()
    url = f"/workspace/regional/{meeting.pk}/files/{attachment.pk}/"
    assert url in detail
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert client.get(f"/workspace/regional/{meeting.pk}/files/999999/").status_code == 404


def test_draft_minutes_are_never_shown_published_ones_are(invited, jena_lc):
    meeting, _own = invited
    RegionalMeeting.objects.filter(pk=meeting.pk).update(
        date=in_days(-1), minutes="GEHEIMER ENTWURF", minutes_status=RegionalMinutesStatus.DRAFT
    )
    client = logged_in_client(jena_lc, language="en")
    url = f"/workspace/regional/{meeting.pk}/"
    assert "GEHEIMER ENTWURF" not in client.get(url).content.decode()
    RegionalMeeting.objects.filter(pk=meeting.pk).update(
        minutes="Beschlossenes Protokoll",
        minutes_status=RegionalMinutesStatus.PUBLISHED,
        minutes_published_on=timezone.localdate(),
    )
    assert "Beschlossenes Protokoll" in client.get(url).content.decode()


def test_coordinator_answers_their_own_invitation_on_the_alliance_host(invited, jena_lc):
    meeting, own = invited
    client = logged_in_client(jena_lc, language="en")
    url = f"/workspace/regional/{meeting.pk}/reply/"
    # A GET changes nothing.
    assert client.get(url + "?response=attending").status_code == 302
    own.refresh_from_db()
    assert own.response == Response.PENDING
    assert client.post(url, {"response": "attending"}).status_code == 302
    own.refresh_from_db()
    assert own.response == Response.ATTENDING
    assert client.post(url, {"response": "declined"}).status_code == 302
    own.refresh_from_db()
    assert own.response == Response.DECLINED
    assert client.post(url, {"response": "maybe"}).status_code == 400
    own.refresh_from_db()
    assert own.response == Response.DECLINED
    # The other invitee of the alliance is untouched.
    assert Invitation.objects.get(name="Zweite Jenaerin").response == Response.ATTENDING


def test_coordinator_without_an_own_invitation_cannot_reply(invited, jena):
    meeting, _own = invited
    colleague = person_with_role(Role.LOCAL_COORDINATOR, jena)
    client = logged_in_client(colleague)
    assert client.get(f"/workspace/regional/{meeting.pk}/").status_code == 200
    response = client.post(f"/workspace/regional/{meeting.pk}/reply/", {"response": "attending"})
    assert response.status_code == 404


def test_replies_close_when_the_meeting_is_cancelled(invited, jena_lc):
    meeting, own = invited
    RegionalMeeting.objects.filter(pk=meeting.pk).update(status="cancelled")
    client = logged_in_client(jena_lc, language="en")
    response = client.post(f"/workspace/regional/{meeting.pk}/reply/", {"response": "attending"})
    assert response.status_code == 400
    assert "The meeting has been cancelled." in response.content.decode()
    own.refresh_from_db()
    assert own.response == Response.PENDING


def test_who_may_open_the_invited_meetings(invited, jena):
    meeting, _own = invited
    paths = ["/workspace/regional/", f"/workspace/regional/{meeting.pk}/"]
    board = person_with_role(Role.BOARD_MEMBER, jena)
    ministry = person_with_role(Role.MINISTRY)
    for user in (board, ministry):
        client = logged_in_client(user)
        for path in paths:
            assert client.get(path).status_code == 404, (user, path)
    anonymous = logged_in_client(None)
    for path in paths:
        response = anonymous.get(path)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    state = person_with_role(Role.STATE_COORDINATOR)
    client = logged_in_client(state)
    for path in paths:
        assert client.get(path).status_code == 200
    # The state coordinator reads; there is no invitation of theirs to answer.
    assert client.get(paths[1]).context["own"] is None


def _invite_many(alliance, count: int, start: int) -> None:
    meetings = RegionalMeeting.objects.bulk_create(
        RegionalMeeting(
            title=f"Treffen {start + n}",
            date=in_days((n % 200) - 100),
            start_time="10:00",
            end_time="12:00",
            place="Gotha",
        )
        for n in range(count)
    )
    Invitation.objects.bulk_create(
        Invitation(meeting=m, alliance=alliance, name="K", email=f"k{m.pk}@example.org")
        for m in meetings
    )


def test_invited_list_costs_the_same_queries_for_5_and_200_meetings(jena, jena_lc):
    client = logged_in_client(jena_lc)
    assert_same_queries_for_few_and_many(
        client,
        "/workspace/regional/",
        lambda: _invite_many(jena, 5, 0),
        lambda: _invite_many(jena, 195, 5),
    )
