"""Board decisions are plausible: the meeting took place and not before the application
arrived; votes fit the members present, who fit the board; the quorum holds and is shown;
abstentions count as present. The same rules hold for the form, the API and the service."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django_tenants.utils import schema_context

from core.models import Application, ApplicationStatus, Decision
from core.models.admissions import BOARD_QUORUM_SHARE, quorum_needed
from core.services.admissions import decision_record
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.factories.admissions import ApplicationFactory, DecisionFactory
from tests.factories.board import BoardMeetingFactory, BoardMemberFactory


def _today() -> datetime.date:
    return timezone.localdate()


def _setup(*, board: int = 8, meeting_offset: int = 0, received_offset: int = -30):
    """A pending application, a meeting ``meeting_offset`` days from today and a board
    of ``board`` members whose terms cover it."""
    today = _today()
    BoardMemberFactory.create_batch(board, term_start=today - datetime.timedelta(days=800))
    application = ApplicationFactory(received_on=today + datetime.timedelta(days=received_offset))
    meeting = BoardMeetingFactory(date=today + datetime.timedelta(days=meeting_offset))
    return application, meeting


class _Refusal:
    def __init__(self, message_dict: dict[str, list[str]]) -> None:
        self.message_dict = message_dict


def _refusal(**kwargs) -> _Refusal:
    """The English messages, per field, with which ``decision_record`` refuses."""
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            decision_record(**kwargs)
        return _Refusal({k: [str(m) for m in v] for k, v in error.value.message_dict.items()})


@pytest.mark.parametrize(
    ("setup", "decision", "field", "message"),
    [
        pytest.param(
            {"meeting_offset": 5},
            {"outcome": "admit", "votes_yes": 5, "votes_no": 0, "members_present": 5},
            "meeting", "has not taken place yet",
            id="decision_at_a_meeting_in_the_future",
        ),
        pytest.param(
            {"meeting_offset": -40, "received_offset": -10},
            {"outcome": "reject", "votes_yes": 0, "votes_no": 5, "members_present": 5},
            "meeting", "before the application was received",
            id="decision_at_a_meeting_before_the_application_was_received",
        ),
        pytest.param(
            {"board": 8},
            {"outcome": "admit", "votes_yes": 4, "votes_no": 1, "votes_abstain": 1,
             "members_present": 5},
            "members_present", "6 votes",
            id="votes_cannot_exceed_the_members_present",
        ),
        pytest.param(
            {"board": 0},
            {"outcome": "admit", "votes_yes": 3, "votes_no": 0},
            "meeting", "No board members are recorded",
            id="decision_without_recorded_board_members",
        ),
    ],
)  # fmt: skip
def test_implausible_decision_is_refused_and_changes_nothing(
    jena, coordinator, setup, decision, field, message
):
    with schema_context("jena"):
        application, meeting = _setup(**setup)
        error = _refusal(actor=coordinator, application=application, meeting=meeting, **decision)
        assert message in error.message_dict[field][0]
        assert not Decision.objects.exists()
        application.refresh_from_db()
        assert application.status == ApplicationStatus.PENDING


def test_members_present_cannot_exceed_the_board(jena, coordinator):
    with schema_context("jena"):
        application, meeting = _setup(board=8)
        # A member whose term ended before the meeting does not count.
        BoardMemberFactory(
            term_start=_today() - datetime.timedelta(days=900),
            term_end=_today() - datetime.timedelta(days=1),
        )
        error = _refusal(
            actor=coordinator, application=application, meeting=meeting, outcome="admit",
            votes_yes=9, votes_no=0, members_present=9,
        )  # fmt: skip
        assert "the board had 8 members" in error.message_dict["members_present"][0]


def test_decision_without_quorum_is_refused(jena, coordinator):
    with schema_context("jena"):
        application, meeting = _setup(board=8)
        assert quorum_needed(8) == 5
        assert quorum_needed(7) == 4
        assert BOARD_QUORUM_SHARE == 0.5
        error = _refusal(
            actor=coordinator, application=application, meeting=meeting, outcome="admit",
            votes_yes=4, votes_no=0, members_present=4,
        )  # fmt: skip
        assert "not quorate" in error.message_dict["members_present"][0]
        assert "at least 5" in error.message_dict["members_present"][0]


def test_abstentions_count_as_present_and_make_the_quorum(jena, coordinator):
    with schema_context("jena"):
        application, meeting = _setup(board=8)
        decision = decision_record(
            actor=coordinator, application=application, meeting=meeting, outcome="admit",
            votes_yes=3, votes_no=1, votes_abstain=1, members_present=5,
        )  # fmt: skip
        decision.refresh_from_db()
        assert (decision.votes_yes, decision.votes_no, decision.votes_abstain) == (3, 1, 1)
        assert (decision.members_present, decision.board_size, decision.quorum) == (5, 8, 5)
        application.refresh_from_db()
        assert application.status == ApplicationStatus.ADMITTED


def test_database_refuses_votes_beyond_the_present_and_present_beyond_the_board(jena):
    with schema_context("jena"):
        with pytest.raises(IntegrityError), transaction.atomic():
            DecisionFactory(votes_yes=5, votes_no=1, votes_abstain=1, members_present=6)
        with pytest.raises(IntegrityError), transaction.atomic():
            DecisionFactory(votes_yes=1, votes_no=0, members_present=9, board_size=8)
        # Rows recorded before attendance was kept stay valid.
        assert DecisionFactory(members_present=None, board_size=None).pk


def test_decision_form_shows_the_quorum_and_refuses_an_implausible_decision(jena):
    board_member = person_with_role(Role.BOARD_MEMBER, jena)
    with schema_context("jena"):
        application, meeting = _setup(board=8)
        future = BoardMeetingFactory(date=_today() + datetime.timedelta(days=10))
    client = logged_in_client(board_member, language="de")
    page = client.get(f"/workspace/applications/{application.pk}/decide/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Beschlussfähig" in text
    assert "50" in text
    choices = list(page.context["form"].fields["meeting"].queryset)
    assert meeting in choices
    assert future not in choices

    def admit(members_present, votes_yes, votes_abstain):
        return client.post(
            f"/workspace/applications/{application.pk}/decide/",
            {"meeting": meeting.pk, "outcome": "admit", "members_present": members_present,
             "votes_yes": votes_yes, "votes_no": 0, "votes_abstain": votes_abstain},
        )  # fmt: skip

    answer = admit(members_present=3, votes_yes=3, votes_abstain=0)
    assert answer.status_code == 400
    assert "nicht beschlussfähig" in answer.content.decode()
    answer = admit(members_present=6, votes_yes=5, votes_abstain=1)
    assert answer.status_code == 302
    detail = client.get(f"/workspace/applications/{application.pk}/").content.decode()
    assert "6 / 8" in detail
    assert "Beschlussfähig" in detail


def test_api_refuses_a_decision_at_a_future_meeting_in_german(jena):
    from tests.api.test_api import _api, _token

    with schema_context("jena"):
        application, meeting = _setup(board=8, meeting_offset=3)
    board = _api("jena.localhost", _token(person_with_role(Role.BOARD_MEMBER, jena).email))
    payload = {"application": application.pk, "meeting": meeting.pk, "outcome": "admit",
               "votes_yes": 5, "votes_no": 0, "votes_abstain": 0, "members_present": 5}  # fmt: skip
    answer = board.post(
        "/api/v1/decisions/", payload, content_type="application/json", HTTP_ACCEPT_LANGUAGE="de"
    )
    assert answer.status_code == 400
    assert "noch nicht stattgefunden" in answer.content.decode()
    with schema_context("jena"):
        assert Application.objects.get(pk=application.pk).status == ApplicationStatus.PENDING
