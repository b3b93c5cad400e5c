"""Family seal: criteria, applications with checklist, award rules, rejection, reminders."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django_tenants.utils import schema_context

from core.models import SealApplication, SealCheck, SealCriterion, SealStatus
from core.services import seal as services
from core.tasks import send_seal_expiry_reminders
from kernel.audit.models import AuditEntry
from tenants.roles import Role
from tests.conftest import host_client, logged_in_client, person_with_role
from tests.factories.seal import (
    AwardedSealFactory,
    PartnerFactory,
    SealApplicationFactory,
    SealCheckFactory,
    SealCriterionFactory,
)
from tests.pages import assert_list_scales, assert_page_shows, submit

TODAY = datetime.date(2026, 3, 1)


def _application_with_checks(*, fulfilled=(True, True), required=(True, False)):
    """An application in review with one check per (fulfilled, required) pair."""
    application = SealApplicationFactory(status=SealStatus.IN_REVIEW)
    for done, needed in zip(fulfilled, required, strict=True):
        SealCheckFactory(
            application=application,
            criterion=SealCriterionFactory(is_required=needed),
            fulfilled=done,
        )
    return application


# ---------------------------------------------------------------- creating an application


def test_new_application_gets_one_check_per_active_criterion_in_order(jena, coordinator):
    with schema_context("jena"):
        second = SealCriterionFactory(text="Kinderbetreuung in den Ferien", position=2)
        first = SealCriterionFactory(text="Flexible Arbeitszeit", position=1)
        SealCriterionFactory(text="Alter Punkt", position=3, is_active=False)
        partner = PartnerFactory()
        application = services.seal_application_create(
            actor=coordinator, partner=partner, submitted_on=TODAY
        )
        checks = list(application.checks.order_by("criterion__position"))
        assert [c.criterion for c in checks] == [first, second]
        assert not any(c.fulfilled for c in checks)
        assert application.status == SealStatus.SUBMITTED
        assert AuditEntry.objects.filter(action="core.sealapplication.created").count() == 1


def test_creating_an_application_over_http_creates_its_checklist(jena, client):
    with schema_context("jena"):
        SealCriterionFactory.create_batch(3)
        partner = PartnerFactory()
    response = client.post(
        "/workspace/seal/new/", {"partner": partner.pk, "submitted_on": "2026-02-01"}
    )
    assert response.status_code == 302
    with schema_context("jena"):
        application = SealApplication.objects.get(partner=partner)
        assert response.url == f"/workspace/seal/{application.pk}/"
        assert application.checks.count() == 3


def test_application_without_partner_is_refused_with_400_and_nothing_saved(jena, client):
    submit(client, "/workspace/seal/new/", {"submitted_on": "2026-02-01"}, status=400)
    with schema_context("jena"):
        assert not SealApplication.objects.exists()


# ---------------------------------------------------------------- checklist


def test_checklist_is_saved_in_one_form_and_starts_the_review(jena, client):
    with schema_context("jena"):
        application = SealApplicationFactory()
        one = SealCheckFactory(application=application)
        two = SealCheckFactory(application=application)
    response = client.get(f"/workspace/seal/{application.pk}/checklist/")
    assert response.status_code == 200
    assert one.criterion.text in response.content.decode()
    response = client.post(
        f"/workspace/seal/{application.pk}/checklist/",
        {f"fulfilled_{one.pk}": "on", f"note_{one.pk}": "Gleitzeit ab 6 Uhr", f"note_{two.pk}": ""},
    )
    assert response.status_code == 302
    with schema_context("jena"):
        one.refresh_from_db()
        two.refresh_from_db()
        application.refresh_from_db()
        assert (one.fulfilled, one.note) == (True, "Gleitzeit ab 6 Uhr")
        assert (two.fulfilled, two.note) == (False, "")
        assert application.status == SealStatus.IN_REVIEW


def test_checklist_note_too_long_is_refused_and_nothing_saved(jena, client):
    with schema_context("jena"):
        application = SealApplicationFactory()
        check = SealCheckFactory(application=application)
    response = client.post(
        f"/workspace/seal/{application.pk}/checklist/",
        {f"fulfilled_{check.pk}": "on", f"note_{check.pk}": "x" * 301},
    )
    assert response.status_code == 400
    with schema_context("jena"):
        check.refresh_from_db()
        application.refresh_from_db()
        assert check.fulfilled is False
        assert application.status == SealStatus.SUBMITTED


def test_checklist_of_another_application_cannot_be_written_through_the_service(jena, coordinator):
    with schema_context("jena"):
        application = SealApplicationFactory()
        foreign = SealCheckFactory()
        with pytest.raises(ValidationError):
            services.seal_checklist_update(
                actor=coordinator, application=application, results={foreign.pk: {"fulfilled": 1}}
            )
        foreign.refresh_from_db()
        assert foreign.fulfilled is False


def test_checklist_of_a_decided_application_cannot_be_changed(jena, client):
    with schema_context("jena"):
        application = AwardedSealFactory()
        check = SealCheckFactory(application=application, fulfilled=True)
    response = client.post(
        f"/workspace/seal/{application.pk}/checklist/", {f"note_{check.pk}": "später"}
    )
    assert response.status_code == 400
    assert "already been decided" in response.content.decode()
    with schema_context("jena"):
        check.refresh_from_db()
        assert (check.fulfilled, check.note) == (True, "")


# ---------------------------------------------------------------- award rules


@pytest.mark.parametrize("valid_until", [datetime.date(2026, 2, 28), TODAY])
def test_award_refused_when_validity_does_not_end_after_the_award_date(
    jena, coordinator, valid_until
):
    with schema_context("jena"):
        application = _application_with_checks()
        with translation.override("en"), pytest.raises(ValidationError) as error:
            services.seal_award(
                actor=coordinator,
                application=application,
                awarded_on=TODAY,
                valid_until=valid_until,
            )
        assert error.value.message_dict == {
            "valid_until": ["The seal must be valid beyond its award date."]
        }
        application.refresh_from_db()
        assert application.status == SealStatus.IN_REVIEW
        assert application.awarded_on is None


def test_award_refused_while_a_required_criterion_is_not_fulfilled(jena, coordinator):
    with schema_context("jena"):
        application = _application_with_checks(fulfilled=(False, True), required=(True, False))
        missing = application.checks.get(fulfilled=False).criterion.text
        with translation.override("en"), pytest.raises(ValidationError) as error:
            services.seal_award(
                actor=coordinator,
                application=application,
                awarded_on=TODAY,
                valid_until=datetime.date(2029, 3, 1),
            )
        assert error.value.messages == [f"Required criteria are not fulfilled: {missing}"]
        application.refresh_from_db()
        assert application.status == SealStatus.IN_REVIEW


def test_award_succeeds_when_only_optional_criteria_are_open(jena, coordinator):
    with schema_context("jena"):
        application = _application_with_checks(fulfilled=(True, False), required=(True, False))
        services.seal_award(
            actor=coordinator,
            application=application,
            awarded_on=TODAY,
            valid_until=datetime.date(2029, 3, 1),
        )
        application.refresh_from_db()
        assert application.status == SealStatus.AWARDED
        assert (application.awarded_on, application.valid_until) == (
            TODAY,
            datetime.date(2029, 3, 1),
        )
        assert AuditEntry.objects.filter(
            action="core.sealapplication.awarded", object_id=str(application.pk)
        ).exists()


def test_award_twice_is_refused(jena, coordinator):
    with schema_context("jena"):
        application = AwardedSealFactory()
        with pytest.raises(ValidationError):
            services.seal_award(
                actor=coordinator,
                application=application,
                awarded_on=TODAY,
                valid_until=datetime.date(2030, 1, 1),
            )


def _post_award(client, application, valid_until="2029-03-01"):
    """The award form, sent for ``application`` with the award date 1 March 2026."""
    return client.post(
        f"/workspace/seal/{application.pk}/award/",
        {"awarded_on": "2026-03-01", "valid_until": valid_until},
    )


def _assert_award_refused(client, application, message: str, **award) -> None:
    """The award form answers 400 with ``message``; the application stays in review,
    without award, validity or audit entry of an award."""
    assert_page_shows(_post_award(client, application, **award), [message], status=400)
    with schema_context("jena"):
        application.refresh_from_db()
        assert application.status == SealStatus.IN_REVIEW
        assert (application.awarded_on, application.valid_until) == (None, None)
        assert not AuditEntry.objects.filter(action="core.sealapplication.awarded").exists()


@pytest.mark.parametrize("valid_until", ["2026-02-01", "2026-03-01"])
def test_award_over_http_with_bad_validity_answers_400_with_message_and_saves_nothing(
    jena, client, valid_until
):
    with schema_context("jena"):
        application = _application_with_checks()
    message = "The seal must be valid beyond its award date."
    _assert_award_refused(client, application, message, valid_until=valid_until)


def test_award_over_http_with_unfulfilled_required_criterion_answers_400(jena, client):
    with schema_context("jena"):
        application = _application_with_checks(fulfilled=(False, False))
    _assert_award_refused(client, application, "Required criteria are not fulfilled")


def test_award_over_http_succeeds_and_shows_the_seal(jena, client):
    with schema_context("jena"):
        application = _application_with_checks()
    response = _post_award(client, application)
    assert response.status_code == 302
    detail = client.get(response.url)
    assert detail.status_code == 200
    assert "Awarded" in detail.content.decode()
    with schema_context("jena"):
        application.refresh_from_db()
        assert application.status == SealStatus.AWARDED


def test_reject_adds_the_reason_to_the_review_notes(jena, client):
    with schema_context("jena"):
        application = SealApplicationFactory(review_notes="Gespräch am 3. März")
    response = client.post(
        f"/workspace/seal/{application.pk}/reject/", {"reason": "Keine Kinderbetreuung"}
    )
    assert response.status_code == 302
    with schema_context("jena"):
        application.refresh_from_db()
        assert application.status == SealStatus.REJECTED
        assert application.review_notes == "Gespräch am 3. März\n\nKeine Kinderbetreuung"
    # A decided application cannot be awarded any more.
    response = _post_award(client, application)
    assert response.status_code == 400


def test_review_notes_of_a_decided_application_can_still_be_edited(jena, client):
    with schema_context("jena"):
        application = AwardedSealFactory()
    response = client.post(
        f"/workspace/seal/{application.pk}/edit/",
        {"reviewer": "Frau Beispiel", "review_notes": "Urkunde übergeben"},
    )
    assert response.status_code == 302
    with schema_context("jena"):
        application.refresh_from_db()
        assert application.review_notes == "Urkunde übergeben"
        assert application.status == SealStatus.AWARDED


# ---------------------------------------------------------------- criteria catalogue


def test_criteria_catalogue_create_edit_and_order(jena, client):
    response = client.post(
        "/workspace/seal/criteria/new/",
        {"text": "Pflegelotse im Betrieb", "position": 5, "is_required": "on", "is_active": "on"},
    )
    assert response.status_code == 302
    client.post("/workspace/seal/criteria/new/", {"text": "Eltern-Kind-Büro", "position": 1})
    with schema_context("jena"):
        first, second = SealCriterion.objects.all()
        assert (first.text, first.is_required, first.is_active) == (
            "Eltern-Kind-Büro",
            False,
            False,
        )
        assert second.is_required is True
    response = client.post(
        f"/workspace/seal/criteria/{second.pk}/edit/",
        {"text": "Pflegelotse", "position": 0, "is_active": "on"},
    )
    assert response.status_code == 302
    page = client.get("/workspace/seal/criteria/").content.decode()
    assert page.index("Pflegelotse") < page.index("Eltern-Kind-Büro")


def test_criterion_without_text_is_refused_with_400(jena, client):
    response = client.post("/workspace/seal/criteria/new/", {"text": "", "position": 1})
    assert response.status_code == 400
    with schema_context("jena"):
        assert not SealCriterion.objects.exists()


def test_criterion_in_use_cannot_be_deleted_but_an_unused_one_can(jena, client):
    with schema_context("jena"):
        used = SealCheckFactory().criterion
        unused = SealCriterionFactory()
    response = client.post(f"/workspace/seal/criteria/{used.pk}/delete/")
    assert response.status_code == 400
    assert "cannot be deleted" in response.content.decode()
    response = client.post(f"/workspace/seal/criteria/{unused.pk}/delete/")
    assert response.status_code == 302
    with schema_context("jena"):
        assert SealCriterion.objects.filter(pk=used.pk).exists()
        assert not SealCriterion.objects.filter(pk=unused.pk).exists()


# ---------------------------------------------------------------- list, filters, exports


def test_list_filters_by_status_partner_and_expiry(jena, client):
    today = timezone.localdate()
    with schema_context("jena"):
        partner = PartnerFactory(name="Carl Zeiss Jena")
        soon = AwardedSealFactory(
            partner=partner,
            awarded_on=today - datetime.timedelta(days=1000),
            valid_until=today + datetime.timedelta(days=30),
        )
        AwardedSealFactory(
            awarded_on=today - datetime.timedelta(days=100),
            valid_until=today + datetime.timedelta(days=900),
        )
        SealApplicationFactory()
    response = client.get("/workspace/seal/", {"expiring": "true"})
    assert response.context["page"].paginator.count == 1
    assert response.context["rows"][0][0] == f"/workspace/seal/{soon.pk}/"
    response = client.get("/workspace/seal/", {"status": "awarded"})
    assert response.context["page"].paginator.count == 2
    response = client.get("/workspace/seal/", {"partner": partner.pk})
    assert response.context["page"].paginator.count == 1
    response = client.get("/workspace/seal/", {"q": "zeiss"})
    assert response.context["page"].paginator.count == 1


def test_csv_export_lists_the_applications(jena, client):
    with schema_context("jena"):
        _application_with_checks(fulfilled=(True, False))
    response = client.get("/workspace/seal/", {"format": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Partner", "Submitted on", "Status"]
    assert rows[1][3] == "1/2"


def _applications(count: int):
    with schema_context("jena"):
        criteria = SealCriterionFactory.create_batch(3)
        for _ in range(count):
            application = SealApplicationFactory()
            for criterion in criteria:
                SealCheckFactory(application=application, criterion=criterion)


@pytest.mark.slow
@pytest.mark.parametrize(
    "suffix", ["", "?format=csv", "?format=xlsx", "?sort=-criteria&status=submitted"]
)
def test_seal_list_and_exports_cost_the_same_queries_for_5_and_200_rows(client, suffix):
    assert_list_scales(client, "/workspace/seal/" + suffix, _applications, then=195)


# ---------------------------------------------------------------- permissions


SEAL_PAGES = [
    "/workspace/seal/",
    "/workspace/seal/new/",
    "/workspace/seal/{pk}/",
    "/workspace/seal/{pk}/edit/",
    "/workspace/seal/{pk}/checklist/",
    "/workspace/seal/{pk}/award/",
    "/workspace/seal/{pk}/reject/",
    "/workspace/seal/criteria/",
]


@pytest.fixture
def application_pk(jena):
    with schema_context("jena"):
        return SealApplicationFactory().pk


@pytest.mark.parametrize("page", SEAL_PAGES)
def test_board_member_and_partner_contact_get_404_on_seal_pages(jena, application_pk, page):
    with schema_context("jena"):
        partner_id = PartnerFactory().pk
    for user in (
        person_with_role(Role.BOARD_MEMBER, jena),
        person_with_role(Role.PARTNER_CONTACT, jena, partner_id=partner_id),
    ):
        client = logged_in_client(user, language="en")
        assert client.get(page.format(pk=application_pk)).status_code == 404


@pytest.mark.parametrize("page", SEAL_PAGES)
def test_anonymous_visitors_are_sent_to_the_login_page(jena, application_pk, page):
    response = host_client("jena.localhost").get(page.format(pk=application_pk))
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_another_alliances_coordinator_gets_404(jena, badfrankenhausen, application_pk):
    outsider = logged_in_client(
        person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen), language="en"
    )
    assert outsider.get("/workspace/seal/").status_code == 404
    assert outsider.get(f"/workspace/seal/{application_pk}/").status_code == 404


def test_state_coordinator_may_view_but_not_change(jena, application_pk):
    client = logged_in_client(person_with_role(Role.STATE_COORDINATOR), language="en")
    assert client.get("/workspace/seal/").status_code == 200
    assert client.get(f"/workspace/seal/{application_pk}/").status_code == 200
    assert client.get(f"/workspace/seal/{application_pk}/award/").status_code == 404
    response = client.post(f"/workspace/seal/{application_pk}/reject/", {"reason": "x"})
    assert response.status_code == 404
    with schema_context("jena"):
        assert SealApplication.objects.get(pk=application_pk).status == SealStatus.SUBMITTED


def test_the_same_record_id_in_another_alliance_is_not_found(badfrankenhausen, client):
    with schema_context("badfrankenhausen"):
        pk = SealApplicationFactory().pk
    with schema_context("jena"):
        SealApplication.objects.filter(pk=pk).delete()
    assert client.get(f"/workspace/seal/{pk}/").status_code == 404


# ---------------------------------------------------------------- expiry reminders


@pytest.fixture
def queued_mails(monkeypatch):
    """What the reminder task hands to the e-mail outbox (instead of queuing it)."""
    from kernel.mail import services as mail_services

    queued = []
    monkeypatch.setattr(mail_services, "email_queue", lambda **kwargs: queued.append(kwargs))
    return queued


def _expiring_seal(partner_name: str, days: int, **extra):
    today = timezone.localdate()
    return AwardedSealFactory(
        partner=PartnerFactory(name=partner_name),
        awarded_on=today - datetime.timedelta(days=1000),
        valid_until=today + datetime.timedelta(days=days),
        **extra,
    )


def test_reminders_go_once_to_each_alliances_own_coordinators(
    jena, badfrankenhausen, queued_mails, django_capture_on_commit_callbacks
):
    jena_coordinators = {person_with_role(Role.LOCAL_COORDINATOR, jena).email for _ in range(2)}
    bfh_coordinator = person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen).email
    person_with_role(Role.BOARD_MEMBER, jena)  # board members are not reminded
    today = timezone.localdate()
    with schema_context("jena"):
        soon = _expiring_seal("Jenaer Stadtwerke", 45)
        _expiring_seal("Schott Jena", 89)
        _expiring_seal("Später GmbH", 200)  # not due yet
        _expiring_seal("Schon erinnert AG", 10, reminder_sent_on=today)
        SealApplicationFactory(partner=PartnerFactory(name="Offener Antrag"))
    with schema_context("badfrankenhausen"):
        _expiring_seal("Kyffhäuser Therme", 60)

    with django_capture_on_commit_callbacks(execute=True):
        send_seal_expiry_reminders()

    by_partner = {mail["subject"]: mail for mail in queued_mails}
    assert len(queued_mails) == 3
    jena_mails = [m for m in queued_mails if "Kyffhäuser" not in m["subject"]]
    assert len(jena_mails) == 2
    for mail in jena_mails:
        assert set(mail["to"]) == jena_coordinators
        assert bfh_coordinator not in mail["to"]
    [bfh_mail] = [m for m in queued_mails if "Kyffhäuser Therme" in m["subject"]]
    assert bfh_mail["to"] == [bfh_coordinator]
    assert "Jena" not in bfh_mail["body"]
    mail = next(m for s, m in by_partner.items() if "Jenaer Stadtwerke" in s)
    assert f"http://jena.localhost/workspace/seal/{soon.pk}/" in mail["body"]
    assert soon.valid_until.strftime("%d.%m.%Y") in mail["subject"]
    with schema_context("jena"):
        programme = soon.programme.name
        soon.refresh_from_db()
    # The certificate's programme is named (not "Familiensiegel" for every programme).
    assert mail["subject"].startswith(f"{programme} von Jenaer Stadtwerke")
    assert f"das Zertifikat „{programme}“" in mail["body"]
    with schema_context("jena"):
        assert soon.reminder_sent_on == today
        assert SealApplication.objects.filter(reminder_sent_on=today).count() == 3

    # The second run finds nothing left to remind of.
    with django_capture_on_commit_callbacks(execute=True):
        results = send_seal_expiry_reminders()
    assert len(queued_mails) == 3
    assert results["jena"] == 0
    assert results["badfrankenhausen"] == 0


def test_reminder_mail_is_plain_text_with_partner_and_german_dates(
    jena, queued_mails, django_capture_on_commit_callbacks
):
    person_with_role(Role.LOCAL_COORDINATOR, jena)
    with schema_context("jena"):
        seal = _expiring_seal("Müller & Söhne", 20)
    with django_capture_on_commit_callbacks(execute=True):
        send_seal_expiry_reminders()
    [mail] = queued_mails
    assert "Müller & Söhne" in mail["subject"]
    assert "Müller & Söhne" in mail["body"]  # not HTML-escaped in a plain-text mail
    assert "&amp;" not in mail["body"]
    assert seal.valid_until.strftime("%d.%m.%Y") in mail["body"]
    assert "\n" not in mail["subject"]


def test_no_coordinator_means_no_mail_and_the_seal_stays_unmarked(
    jena, queued_mails, django_capture_on_commit_callbacks
):
    with schema_context("jena"):
        seal = _expiring_seal("Niemand informiert KG", 20)
    with django_capture_on_commit_callbacks(execute=True):
        send_seal_expiry_reminders()
    assert queued_mails == []
    with schema_context("jena"):
        seal.refresh_from_db()
        assert seal.reminder_sent_on is None


def test_reminder_task_is_registered_for_celery_with_late_acknowledgement():
    assert send_seal_expiry_reminders.name == "core.send_seal_expiry_reminders"
    assert send_seal_expiry_reminders.acks_late is True


def test_awarding_again_after_a_reminder_is_not_possible_but_a_new_application_is(
    jena, coordinator
):
    with schema_context("jena"):
        old = _expiring_seal("Erneuerer GmbH", 20, reminder_sent_on=timezone.localdate())
        renewal = services.seal_application_create(
            actor=coordinator, partner=old.partner, submitted_on=TODAY
        )
        assert renewal.status == SealStatus.SUBMITTED
        assert renewal.reminder_sent_on is None
        assert SealCheck.objects.filter(application=renewal).count() == 0


def test_detail_page_shows_the_checklist_and_what_is_missing(jena, client):
    with schema_context("jena"):
        application = _application_with_checks(fulfilled=(False, True), required=(True, False))
        open_criterion = application.checks.get(fulfilled=False).criterion.text
    response = client.get(f"/workspace/seal/{application.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert open_criterion in body
    assert "Required criteria not fulfilled yet: 1" in body
    assert f"/workspace/seal/{application.pk}/award/" in body
    assert len(response.context["missing_required"]) == 1
