"""Admission applications and the board's decisions: from the informal letter to the
active partner on the public page."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation
from django_tenants.utils import schema_context

from core.models import (
    Application,
    ApplicationStatus,
    ContactPerson,
    Decision,
    MeetingStatus,
    Partner,
    PartnerStatus,
)
from core.selectors.board import meeting_agenda
from core.selectors.partners import public_partner_list
from core.services.admissions import (
    application_create,
    application_withdraw,
    decision_record,
    split_name,
)
from core.services.partners import partner_update
from kernel.audit.models import AuditEntry
from tenants.roles import Role
from tests.clock import AT_NOON, TODAY
from tests.conftest import host_client, logged_in_client, person_with_role
from tests.factories.admissions import ApplicationFactory, DecisionFactory
from tests.factories.board import BoardMeetingFactory, BoardMemberFactory
from tests.pages import assert_list_scales, submit

# The clock stands at noon (Berlin) of a fixed day in every test here (tests/clock.py).
pytestmark = AT_NOON


# What the application form sends for a social agency; a test changes single fields.
APPLICATION_FORM = {
    "organisation_name": "Kita-Verbund Saaletal gGmbH",
    "kind": "social_agency",
    "size_class": "small",
    "city": "Jena",
    "website": "https://kita-saaletal.example",
    "contact_name": "Maria Theresia Sommer",
    "contact_email": "m.sommer@kita-saaletal.example",
    "contact_phone": "03641 4711",
    "statement": "Betreuung in Randzeiten für Kinder von Schichtarbeitenden.",
    "received_on": (TODAY - datetime.timedelta(days=3)).isoformat(),
}


def _application_form(**overrides):
    return APPLICATION_FORM | overrides


def _board(size: int) -> None:
    """``size`` board members whose terms cover the meetings of these tests."""
    BoardMemberFactory.create_batch(size, term_start=TODAY - datetime.timedelta(days=400))


# ---------------------------------------------------------------- the whole journey


def test_journey_from_letter_to_listed_active_partner(
    jena, coordinator, board_member, eager_celery, django_capture_on_commit_callbacks
):
    with schema_context("jena"):
        # The board decides on the day of the meeting (not before it has taken place).
        next_meeting = BoardMeetingFactory(date=TODAY)
        _board(9)
        later_meeting = BoardMeetingFactory(date=TODAY + datetime.timedelta(days=100))
        active_before = Partner.objects.filter(status=PartnerStatus.ACTIVE).count()

    # The coordinator records the informal letter.
    coordination = logged_in_client(coordinator, language="en")
    response = coordination.post("/workspace/applications/new/", _application_form())
    assert response.status_code == 302
    with schema_context("jena"):
        application = Application.objects.get(organisation_name="Kita-Verbund Saaletal gGmbH")
    assert application.status == ApplicationStatus.PENDING
    assert response["Location"] == f"/workspace/applications/{application.pk}/"

    # It appears on the next planned board meeting's agenda, and only there.
    board = logged_in_client(board_member, language="en")
    agenda_page = board.get(f"/workspace/board/meetings/{next_meeting.pk}/")
    assert agenda_page.status_code == 200
    assert "Kita-Verbund Saaletal gGmbH" in agenda_page.content.decode()
    assert f"/workspace/applications/{application.pk}/decide/" in agenda_page.content.decode()
    later_page = board.get(f"/workspace/board/meetings/{later_meeting.pk}/")
    assert "Kita-Verbund Saaletal gGmbH" not in later_page.content.decode()

    # A board member records the admission.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = board.post(
            f"/workspace/applications/{application.pk}/decide/",
            {
                "meeting": next_meeting.pk,
                "outcome": "admit",
                "members_present": 9,
                "votes_yes": 7,
                "votes_no": 1,
                "votes_abstain": 1,
                "note": "Einstimmige Empfehlung der AG Kinderbetreuung.",
            },
        )
    assert response.status_code == 302
    assert len(callbacks) == 1

    with schema_context("jena"):
        application.refresh_from_db()
        partner = Partner.objects.get(name="Kita-Verbund Saaletal gGmbH")
        assert application.status == ApplicationStatus.ADMITTED
        assert application.partner == partner
        assert partner.status == PartnerStatus.ACTIVE
        assert partner.kind == "social_agency"
        assert partner.size_class == "small"
        assert partner.city == "Jena"
        assert partner.website == "https://kita-saaletal.example"
        assert partner.joined_on == next_meeting.date
        assert partner.public_listing_consent is False
        assert partner.description.startswith("Betreuung in Randzeiten")
        contact = ContactPerson.objects.get(partner=partner)
        assert (contact.first_name, contact.last_name) == ("Maria Theresia", "Sommer")
        assert contact.email == "m.sommer@kita-saaletal.example"
        assert contact.is_primary
        decision = Decision.objects.get(application=application)
        assert (decision.votes_yes, decision.votes_no, decision.votes_abstain) == (7, 1, 1)
        assert AuditEntry.objects.filter(action="core.application.admitted").exists()
        # Not listed publicly without consent.
        assert partner not in public_partner_list()
    assert "Kita-Verbund Saaletal" not in host_client("jena.localhost").get("/").content.decode()

    # The applicant was told by e-mail.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["m.sommer@kita-saaletal.example"]
    assert "Kita-Verbund Saaletal gGmbH" in message.body
    assert "Maria Theresia Sommer" in message.body
    assert jena.name in message.body

    # With the partner's consent it is listed publicly and counted.
    with schema_context("jena"):
        partner_update(actor=coordinator, partner=partner, public_listing_consent=True)
        assert partner in public_partner_list()
        assert Partner.objects.filter(status=PartnerStatus.ACTIVE).count() == active_before + 1
    public_page = host_client("jena.localhost").get("/")
    assert public_page.status_code == 200
    assert "Kita-Verbund Saaletal gGmbH" in public_page.content.decode()

    # The held meeting then shows the decision instead of the pending applications.
    with schema_context("jena"):
        next_meeting.date = TODAY
        next_meeting.status = MeetingStatus.HELD
        next_meeting.save()
        agenda = meeting_agenda(next_meeting)
        assert agenda.applications == []
        assert [d.application_id for d in agenda.decisions] == [application.pk]


# ---------------------------------------------------------------- decisions: the rules


def _pending_with_meeting(**meeting_kwargs):
    meeting = BoardMeetingFactory(date=meeting_kwargs.pop("date", TODAY), **meeting_kwargs)
    return ApplicationFactory(), meeting


def _decide(actor, application, meeting, outcome, votes_yes, votes_no, **more) -> Decision:
    """``decision_record`` of ``outcome`` with these votes on ``application``."""
    more.update(outcome=outcome, votes_yes=votes_yes, votes_no=votes_no)
    return decision_record(actor=actor, application=application, meeting=meeting, **more)


def _refusal(actor, application, meeting, **decision) -> str:
    """The English message with which ``decision_record`` refuses this decision."""
    with translation.override("en"), pytest.raises(ValidationError) as error:
        _decide(actor, application, meeting, **decision)
    return error.value.messages[0]


def _post_decision(board_member, application, meeting, outcome, votes_yes, votes_no):
    """The decision form, sent by ``board_member`` with the English pages."""
    return logged_in_client(board_member, language="en").post(
        f"/workspace/applications/{application.pk}/decide/",
        {"meeting": meeting.pk, "outcome": outcome, "votes_yes": votes_yes,
         "votes_no": votes_no, "votes_abstain": 0, "members_present": votes_yes + votes_no},
    )  # fmt: skip


def test_decision_on_an_application_that_is_not_pending_is_refused_and_changes_nothing(
    jena, coordinator
):
    with schema_context("jena"):
        application, meeting = _pending_with_meeting()
        application.status = ApplicationStatus.REJECTED
        application.save()
        partners, audits = Partner.objects.count(), AuditEntry.objects.count()
        assert "no longer pending" in _refusal(
            coordinator, application, meeting, outcome="admit", votes_yes=5, votes_no=0
        )
        assert not Decision.objects.exists()
        assert Partner.objects.count() == partners
        assert AuditEntry.objects.count() == audits
        application.refresh_from_db()
        assert application.status == ApplicationStatus.REJECTED


def _assert_form_refuses(board_member, application, meeting, outcome, votes, message):
    """The decision form answers 400 with ``message``; no decision, no partner."""
    response = _post_decision(board_member, application, meeting, outcome, *votes)
    assert response.status_code == 400
    assert message in response.content.decode()
    with schema_context("jena"):
        assert not Decision.objects.exists()
        assert not Partner.objects.filter(name=application.organisation_name).exists()


def test_decision_form_on_an_application_that_is_not_pending_answers_400(jena, board_member):
    with schema_context("jena"):
        application, meeting = _pending_with_meeting()
        Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.WITHDRAWN)
    _assert_form_refuses(board_member, application, meeting, "admit", (4, 0), "no longer pending")


def test_negative_votes_are_refused_by_the_form(jena, board_member):
    with schema_context("jena"):
        application, meeting = _pending_with_meeting()
    response = _post_decision(board_member, application, meeting, "reject", 0, -3)
    assert response.status_code == 400
    assert response.context["form"].errors["votes_no"]
    with schema_context("jena"):
        assert not Decision.objects.exists()
        application.refresh_from_db()
        assert application.status == ApplicationStatus.PENDING


def test_admission_with_more_votes_against_is_refused(jena, coordinator, board_member):
    with schema_context("jena"):
        application, meeting = _pending_with_meeting()
        assert "more votes in favour than against" in _refusal(
            coordinator, application, meeting, outcome="admit", votes_yes=2, votes_no=3
        )
        _refusal(coordinator, application, meeting, outcome="admit", votes_yes=3, votes_no=3)
    _assert_form_refuses(
        board_member, application, meeting, "admit", (1, 4), "more votes in favour than against"
    )


@pytest.mark.parametrize(
    ("meeting_status", "outcome", "votes_yes", "votes_no", "message"),
    [
        pytest.param(MeetingStatus.PLANNED, "reject", 4, 2, "cannot be rejected",
                     id="rejection_with_more_votes_in_favour"),
        pytest.param(MeetingStatus.CANCELLED, "defer", 0, 0, "cancelled meeting",
                     id="decision_in_a_cancelled_meeting"),
    ],
)  # fmt: skip
def test_decision_is_refused(
    jena, coordinator, meeting_status, outcome, votes_yes, votes_no, message
):
    with schema_context("jena"):
        application, meeting = _pending_with_meeting(status=meeting_status)
        assert message in _refusal(
            coordinator,
            application,
            meeting,
            outcome=outcome,
            votes_yes=votes_yes,
            votes_no=votes_no,
        )
        assert not Decision.objects.exists()


def test_cancelled_meetings_are_not_offered_in_the_decision_form(jena, board_member):
    with schema_context("jena"):
        application, planned = _pending_with_meeting()
        cancelled = BoardMeetingFactory(
            date=TODAY + datetime.timedelta(days=3), status=MeetingStatus.CANCELLED
        )
    response = logged_in_client(board_member, language="en").get(
        f"/workspace/applications/{application.pk}/decide/"
    )
    assert response.status_code == 200
    choices = list(response.context["form"].fields["meeting"].queryset)
    assert planned in choices
    assert cancelled not in choices
    assert response.context["form"].fields["meeting"].initial == planned.pk


def test_rejection_closes_the_application_and_tells_the_applicant(
    jena, coordinator, eager_celery, django_capture_on_commit_callbacks
):
    with schema_context("jena"):
        application, meeting = _pending_with_meeting()
        _board(9)
        with django_capture_on_commit_callbacks(execute=True):
            _decide(coordinator, application, meeting, "reject", 1, 6, votes_abstain=2)
        application.refresh_from_db()
        assert application.status == ApplicationStatus.REJECTED
        assert application.partner is None
        assert not Partner.objects.filter(name=application.organisation_name).exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [application.contact_email]
    assert application.organisation_name in mail.outbox[0].body


def test_deferral_keeps_the_application_pending_for_the_next_meeting(
    jena, coordinator, django_capture_on_commit_callbacks
):
    with schema_context("jena"):
        application, first = _pending_with_meeting(date=TODAY - datetime.timedelta(days=90))
        second = BoardMeetingFactory(date=TODAY)
        _board(7)
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            _decide(coordinator, application, first, "defer", 2, 2, note="Unterlagen fehlen.")
        assert callbacks == []  # no e-mail for a deferral
        application.refresh_from_db()
        assert application.status == ApplicationStatus.PENDING
        first.status = MeetingStatus.HELD
        first.save()
        assert application in meeting_agenda(second).applications
        assert meeting_agenda(first).applications == []
        # Decided again in the same meeting: refused.
        assert "already decided" in _refusal(
            coordinator, application, first, outcome="admit", votes_yes=5, votes_no=0
        )
        _decide(coordinator, application, second, "admit", 5, 0)
        application.refresh_from_db()
        assert application.status == ApplicationStatus.ADMITTED
        assert application.decisions.count() == 2


def test_admission_activates_a_former_partner_of_the_same_name(jena, coordinator):
    with schema_context("jena"):
        former = Partner.objects.create(
            name="Stadtwerke Jena GmbH",
            kind="company",
            status=PartnerStatus.LEFT,
            joined_on=datetime.date(2015, 1, 1),
            left_on=datetime.date(2020, 6, 30),
        )
        application = ApplicationFactory(
            organisation_name="STADTWERKE JENA GmbH", contact_name="Jonas Kurz"
        )
        meeting = BoardMeetingFactory(date=TODAY)
        _board(5)
        _decide(coordinator, application, meeting, "admit", 3, 0)
        former.refresh_from_db()
        assert former.status == PartnerStatus.ACTIVE
        assert former.joined_on == TODAY
        assert former.left_on is None
        assert Partner.objects.filter(name__iexact="stadtwerke jena gmbh").count() == 1
        application.refresh_from_db()
        assert application.partner == former
        assert former.contacts.get().last_name == "Kurz"


def test_admission_of_an_organisation_that_is_already_an_active_partner_is_refused(
    jena, coordinator
):
    with schema_context("jena"):
        Partner.objects.create(name="Uniklinikum Jena", kind="science")
        application = ApplicationFactory(organisation_name="Uniklinikum Jena")
        meeting = BoardMeetingFactory(date=TODAY)
        _board(5)
        assert "already an active partner" in _refusal(
            coordinator, application, meeting, outcome="admit", votes_yes=3, votes_no=0
        )
        assert not Decision.objects.exists()
        application.refresh_from_db()
        assert application.status == ApplicationStatus.PENDING


def test_contact_name_is_split_into_first_and_last_name():
    assert split_name("Anna Maria  Schmidt") == ("Anna Maria", "Schmidt")
    assert split_name("Jonas Kurz") == ("Jonas", "Kurz")
    assert split_name("Kurz") == ("Kurz", "Kurz")


# ---------------------------------------------------------------- recording and withdrawing


def test_application_form_needs_first_and_last_name_and_saves_nothing_otherwise(jena, coordinator):
    response = logged_in_client(coordinator, language="en").post(
        "/workspace/applications/new/", _application_form(contact_name="Sommer")
    )
    assert response.status_code == 400
    assert "first and last name" in response.content.decode()
    with schema_context("jena"):
        assert not Application.objects.exists()


def test_application_with_a_receipt_date_in_the_future_is_refused(jena, coordinator):
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    client = logged_in_client(coordinator, language="en")
    submit(
        client, "/workspace/applications/new/", _application_form(received_on=tomorrow), status=400
    )
    with schema_context("jena"):
        assert not Application.objects.exists()


def test_coordinator_edits_a_pending_application_but_not_a_decided_one(jena, coordinator):
    with schema_context("jena"):
        application = ApplicationFactory()
    client = logged_in_client(coordinator, language="en")
    url = f"/workspace/applications/{application.pk}/edit/"
    assert client.get(url).status_code == 200
    response = client.post(url, _application_form(organisation_name="Neuer Name e. V."))
    assert response.status_code == 302
    with schema_context("jena"):
        application.refresh_from_db()
        assert application.organisation_name == "Neuer Name e. V."
        Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.ADMITTED)
    response = client.post(url, _application_form(organisation_name="Noch ein Name"))
    assert response.status_code == 400
    assert "no longer pending" in response.content.decode()
    with schema_context("jena"):
        application.refresh_from_db()
        assert application.organisation_name == "Neuer Name e. V."


def test_withdrawal_asks_first_then_takes_the_application_off_the_agenda(jena, coordinator):
    with schema_context("jena"):
        application, meeting = _pending_with_meeting()
    client = logged_in_client(coordinator, language="en")
    url = f"/workspace/applications/{application.pk}/withdraw/"
    assert client.get(url).status_code == 200
    with schema_context("jena"):
        application.refresh_from_db()
        assert application.status == ApplicationStatus.PENDING
    assert client.post(url).status_code == 302
    with schema_context("jena"):
        application.refresh_from_db()
        assert application.status == ApplicationStatus.WITHDRAWN
        assert meeting_agenda(meeting).applications == []
    again = client.post(url)
    assert again.status_code == 400
    assert "no longer pending" in again.content.decode()


def test_withdrawing_a_decided_application_is_refused_by_the_service(jena, coordinator):
    with schema_context("jena"):
        application = ApplicationFactory(status=ApplicationStatus.ADMITTED)
        with pytest.raises(ValidationError):
            application_withdraw(actor=coordinator, application=application)
        application.refresh_from_db()
        assert application.status == ApplicationStatus.ADMITTED


def test_new_applications_are_always_pending(jena, coordinator):
    with schema_context("jena"):
        application = application_create(
            actor=coordinator,
            organisation_name="Familienzentrum Lobeda",
            kind="association",
            contact_name="Ute Berg",
            contact_email="berg@example.org",
            statement="Beratung für Familien.",
            received_on=TODAY,
            status=ApplicationStatus.ADMITTED,
        )
        assert application.status == ApplicationStatus.PENDING
        assert AuditEntry.objects.filter(action="core.application.created").exists()


# ---------------------------------------------------------------- list, detail, exports


def test_application_list_searches_filters_and_sorts(jena, coordinator):
    with schema_context("jena"):
        ApplicationFactory(organisation_name="Bäckerei Krume", city="Jena")
        ApplicationFactory(
            organisation_name="Autohaus Weimar", city="Weimar", status=ApplicationStatus.REJECTED
        )
        ApplicationFactory(organisation_name="Caritas Jena", kind="social_agency")
    client = logged_in_client(coordinator, language="en")
    found = client.get("/workspace/applications/", {"q": "krume"})
    assert [row[1][0] for row in found.context["rows"]] == ["Bäckerei Krume"]
    rejected = client.get("/workspace/applications/", {"status": "rejected"})
    assert [row[1][0] for row in rejected.context["rows"]] == ["Autohaus Weimar"]
    agencies = client.get("/workspace/applications/", {"kind": "social_agency"})
    assert [row[1][0] for row in agencies.context["rows"]] == ["Caritas Jena"]
    ordered = client.get("/workspace/applications/", {"sort": "organisation"})
    assert [row[1][0] for row in ordered.context["rows"]] == [
        "Autohaus Weimar",
        "Bäckerei Krume",
        "Caritas Jena",
    ]


def test_application_detail_shows_statement_contact_and_decisions(jena, board_member):
    with schema_context("jena"):
        decision = DecisionFactory(
            application=ApplicationFactory(statement="Ferienbetreuung für Mitarbeiterkinder."),
            meeting=BoardMeetingFactory(title="Frühjahrssitzung", date=TODAY),
            note="Nachfragen zur Größe.",
        )
    response = logged_in_client(board_member, language="en").get(
        f"/workspace/applications/{decision.application.pk}/"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ferienbetreuung für Mitarbeiterkinder." in body
    assert decision.application.contact_email in body
    assert "Frühjahrssitzung" in body
    assert "Nachfragen zur Größe." in body
    # A board member decides but does not edit or withdraw.
    assert f"/workspace/applications/{decision.application.pk}/decide/" in body
    assert f"/workspace/applications/{decision.application.pk}/withdraw/" not in body


def _create_applications(count: int) -> None:
    with schema_context("jena"):
        meeting = BoardMeetingFactory(date=TODAY)
        for _ in range(count):
            DecisionFactory(application=ApplicationFactory(), meeting=meeting)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["", "csv", "xlsx"])
def test_application_list_and_exports_need_the_same_queries_for_5_and_200_rows(
    jena, coordinator, fmt
):
    client = logged_in_client(coordinator, language="en")
    assert_list_scales(client, "/workspace/applications/", _create_applications, fmt, then=195)


def test_csv_export_lists_the_applications(jena, coordinator):
    with schema_context("jena"):
        ApplicationFactory(organisation_name="Export-Test e. V.")
    response = logged_in_client(coordinator, language="en").get(
        "/workspace/applications/", {"format": "csv"}
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "Export-Test e. V." in response.content.decode("utf-8-sig")


# ---------------------------------------------------------------- who may do what


def test_board_member_cannot_record_or_edit_applications(jena, board_member):
    with schema_context("jena"):
        application = ApplicationFactory()
    client = logged_in_client(board_member, language="en")
    assert client.get("/workspace/applications/").status_code == 200
    assert client.get("/workspace/applications/new/").status_code == 404
    assert client.post("/workspace/applications/new/", _application_form()).status_code == 404
    assert client.get(f"/workspace/applications/{application.pk}/edit/").status_code == 404
    assert client.post(f"/workspace/applications/{application.pk}/withdraw/").status_code == 404
    with schema_context("jena"):
        assert Application.objects.count() == 1
        application.refresh_from_db()
        assert application.status == ApplicationStatus.PENDING


def test_partner_contact_sees_no_applications(jena):
    with schema_context("jena"):
        partner = Partner.objects.create(name="Kontaktpartner GmbH", kind="company")
        application = ApplicationFactory()
    contact = person_with_role(Role.PARTNER_CONTACT, jena, partner_id=partner.pk)
    client = logged_in_client(contact, language="en")
    for path in (
        "/workspace/applications/",
        f"/workspace/applications/{application.pk}/",
        f"/workspace/applications/{application.pk}/decide/",
        "/workspace/applications/new/",
    ):
        assert client.get(path).status_code == 404, path


def test_state_coordinator_reads_applications_but_cannot_decide(jena):
    with schema_context("jena"):
        application = ApplicationFactory()
    state = person_with_role(Role.STATE_COORDINATOR)
    client = logged_in_client(state, language="en")
    assert client.get(f"/workspace/applications/{application.pk}/").status_code == 200
    assert client.get(f"/workspace/applications/{application.pk}/decide/").status_code == 404


def test_anonymous_visitors_are_sent_to_the_login_page(jena):
    with schema_context("jena"):
        application = ApplicationFactory()
    client = host_client("jena.localhost")
    for path in (
        "/workspace/applications/",
        "/workspace/applications/new/",
        f"/workspace/applications/{application.pk}/",
        f"/workspace/applications/{application.pk}/decide/",
    ):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/login/")


def test_another_alliances_application_ids_answer_404(jena, badfrankenhausen, coordinator):
    with schema_context("badfrankenhausen"):
        foreign = ApplicationFactory(pk=880001, organisation_name="Nur in Bad Frankenhausen")
    client = logged_in_client(coordinator, language="en")
    for path in ("", "edit/", "withdraw/", "decide/"):
        response = client.get(f"/workspace/applications/{foreign.pk}/{path}")
        assert response.status_code == 404, path
    response = client.post(
        f"/workspace/applications/{foreign.pk}/decide/",
        {"meeting": 1, "outcome": "admit", "votes_yes": 3, "votes_no": 0, "votes_abstain": 0},
    )
    assert response.status_code == 404
    with schema_context("badfrankenhausen"):
        foreign.refresh_from_db()
        assert foreign.status == ApplicationStatus.PENDING


def test_other_alliances_coordinator_gets_404(jena, badfrankenhausen):
    with schema_context("jena"):
        application = ApplicationFactory()
    outsider = person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen)
    client = logged_in_client(outsider, language="en")
    assert client.get("/workspace/applications/").status_code == 404
    assert client.get(f"/workspace/applications/{application.pk}/").status_code == 404
