"""Mailings of the state office: the draft, the confirmation of its exact recipients,
sending once through the outbox with an unsubscribe link, the unsubscribe page, the
sent log, the API, and who may do any of it."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django_tenants.utils import schema_context

from core.models import SiteIdentity
from core.models.publicsite import IDENTITY_PK
from kernel.audit.models import AuditEntry
from kernel.mail.models import OutboxEmail, OutboxStatus
from regional.models import Mailing, MailingOptOut, MailingRecipient, MailingStatus
from regional.selectors.mailings import mailing_preview
from regional.services import mailings as services
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.factories.tenants import UserFactory

LIST, NEW, API = "/mailings/", "/mailings/new/", "/api/v1/mailings/"

# Tests that commit (workers, web servers) may have left e-mails in this process's
# database: each test here counts only its own.
pytestmark = pytest.mark.usefixtures("empty_outbox")


@pytest.fixture
def people(jena, badfrankenhausen):
    """Two coordinators in Jena, one in Bad Frankenhausen (who is also Jena's board
    member: one e-mail to them), and Jena's public contact."""
    anna = UserFactory(email="anna@jena.example", full_name="Anna Adler")
    person_with_role(Role.LOCAL_COORDINATOR, jena, user=anna)
    person_with_role(
        Role.LOCAL_COORDINATOR, jena, user=UserFactory(email="ben@jena.example", full_name="Ben")
    )
    kurt = UserFactory(email="kurt@kyff.example", full_name="Kurt Kyffhäuser")
    person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen, user=kurt)
    person_with_role(Role.BOARD_MEMBER, jena, user=kurt)
    with schema_context(jena.schema_name):
        SiteIdentity.objects.update_or_create(
            pk=IDENTITY_PK,
            defaults={"contact_name": "Büro Jena", "contact_email": "buero@jena.example"},
        )


@pytest.fixture
def office(state_coordinator):
    return logged_in_client(state_coordinator, "localhost")


def draft(actor=None, **choices) -> Mailing:
    choices.setdefault("groups", ["coordinators"])
    return services.mailing_create(
        actor=actor, subject="Rundschreiben Herbst", body="Liebe Bündnisse,\nes gibt Neues.",
        **choices,
    )  # fmt: skip


def addresses(mailing: Mailing) -> list[str]:
    return [r.email for r in mailing_preview(mailing).recipients]


# ---------------------------------------------------------------- recipients


def test_groups_districts_and_alliances_choose_the_recipients(people, jena, badfrankenhausen):
    # jena's coordinators (those of the Jena schema are checked by address; the session
    # alliances may have more people).
    everyone = addresses(draft())
    assert {"anna@jena.example", "ben@jena.example", "kurt@kyff.example"} <= set(everyone)
    assert "buero@jena.example" not in everyone
    assert len(everyone) == len(set(everyone))  # one e-mail per address
    only_jena = addresses(draft(alliances=[jena]))
    assert "kurt@kyff.example" not in only_jena
    assert "anna@jena.example" in only_jena
    by_district = addresses(draft(districts=[badfrankenhausen.district]))
    assert "kurt@kyff.example" in by_district
    assert "anna@jena.example" not in by_district
    public = addresses(draft(groups=["public_contacts"]))
    assert "buero@jena.example" in public
    assert "anna@jena.example" not in public
    board_and_coordinators = mailing_preview(draft(groups=["coordinators", "board_members"]))
    kurt = next(r for r in board_and_coordinators.recipients if r.email == "kurt@kyff.example")
    assert set(kurt.alliances) == {jena.name, badfrankenhausen.name}


def test_a_draft_without_groups_or_with_unknown_choices_is_refused(people):
    with pytest.raises(ValidationError):
        draft(groups=[])
    with pytest.raises(ValidationError):
        draft(districts=["atlantis"])
    assert not Mailing.objects.exists()


# ---------------------------------------------------------------- compose and confirm


def test_compose_then_confirm_lists_exact_recipients_and_the_unsubscribed(people, office, jena):
    MailingOptOut.objects.create(email="Ben@Jena.example")
    response = office.post(
        NEW,
        {"subject": "Einladung", "body": "Hallo", "groups": ["coordinators"],
         "alliances": [jena.pk]},
    )  # fmt: skip
    mailing = Mailing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/mailings/{mailing.pk}/"
    assert mailing.status == MailingStatus.DRAFT
    assert not OutboxEmail.objects.exists()
    page = office.get(response["Location"]).content.decode()
    assert "Dieses Rundschreiben geht an" in page
    assert "anna@jena.example" in page
    excluded = page.split("Ausgelassen, weil abgemeldet")[1]
    assert "ben@jena.example" in excluded
    assert "Ich habe die Empfänger geprüft" in page
    assert AuditEntry.objects.filter(action="regional.mailing.created").exists()


def test_a_bad_draft_is_a_german_message_and_nothing_is_saved(people, office):
    response = office.post(NEW, {"subject": "", "body": "", "groups": ["nobody"]})
    assert response.status_code == 400
    assert "Dieses Feld ist zwingend erforderlich" in response.content.decode()
    assert not Mailing.objects.exists()


def _send(client, mailing, **data):
    return client.post(f"/mailings/{mailing.pk}/", data)


def test_sending_needs_the_confirmation_of_the_list_shown(people, office, empty_outbox):
    mailing = draft()
    fingerprint = mailing_preview(mailing).fingerprint
    unconfirmed = _send(office, mailing, fingerprint=fingerprint)
    assert unconfirmed.status_code == 400
    stale = _send(office, mailing, confirm="on", fingerprint="0" * 32)
    assert "Die Empfänger haben sich geändert" in stale.content.decode()
    assert not OutboxEmail.objects.exists()
    mailing.refresh_from_db()
    assert mailing.status == MailingStatus.DRAFT


def test_sending_queues_one_email_each_with_an_unsubscribe_link_once(
    people, office, empty_outbox, state_coordinator
):
    MailingOptOut.objects.create(email="ben@jena.example")
    mailing = draft()
    preview = mailing_preview(mailing)
    response = _send(office, mailing, confirm="on", fingerprint=preview.fingerprint)
    assert response.status_code == 302
    emails = list(OutboxEmail.objects.all())
    assert len(emails) == len(preview.recipients)
    assert sorted(e.to[0] for e in emails) == sorted(r.email for r in preview.recipients)
    assert "ben@jena.example" not in {e.to[0] for e in emails}
    anna = next(e for e in emails if e.to == ["anna@jena.example"])
    assert anna.subject == "Rundschreiben Herbst"
    assert "es gibt Neues." in anna.body
    assert "Hier abmelden" in anna.body
    link = re.search(r"https?://\S+/mailings/unsubscribe/\S+/", anna.body).group(0)
    mailing.refresh_from_db()
    assert mailing.status == MailingStatus.SENT
    assert mailing.sent_by == state_coordinator
    assert MailingRecipient.objects.get(mailing=mailing, email="ben@jena.example").excluded
    assert AuditEntry.objects.filter(action="regional.mailing.sent").count() == 1
    # A second send (double click, a repeated request) sends nothing.
    again = _send(office, mailing, confirm="on", fingerprint=preview.fingerprint)
    assert again.status_code == 302
    with pytest.raises(ValidationError):
        services.mailing_send(actor=None, mailing=mailing, fingerprint=preview.fingerprint)
    assert OutboxEmail.objects.count() == len(emails)
    # The link opens the unsubscribe page.
    path = "/" + link.split("/", 3)[3]
    assert "Abmelden" in logged_in_client(None, "localhost").get(path).content.decode()


def test_sent_log_shows_date_sender_subject_count_and_delivery(people, office, empty_outbox):
    mailing = draft()
    preview = mailing_preview(mailing)
    services.mailing_send(actor=None, mailing=mailing, fingerprint=preview.fingerprint)
    first = OutboxEmail.objects.order_by("pk").first()
    OutboxEmail.objects.filter(pk=first.pk).update(status=OutboxStatus.FAILED)
    page = office.get(LIST).content.decode()
    count = len(preview.recipients)
    assert "Rundschreiben Herbst" in page
    assert f"0 von {count} gesendet" in page
    assert "1 fehlgeschlagen" in page
    detail = office.get(f"/mailings/{mailing.pk}/").content.decode()
    assert "Fehlgeschlagen" in detail
    assert "Wartet" in detail
    csv = office.get(LIST, {"format": "csv"})
    assert csv.status_code == 200
    assert "Rundschreiben Herbst" in csv.content.decode()


# ---------------------------------------------------------------- unsubscribe


def test_unsubscribing_is_recorded_once_and_confirmed_in_german(db):
    client = logged_in_client(None, "localhost")
    path = f"/mailings/unsubscribe/{services.unsubscribe_token('Eva@Example.org')}/"
    page = client.get(path)
    assert page.status_code == 200
    assert "Soll eva@example.org" in page.content.decode()
    assert not MailingOptOut.objects.exists()  # a GET (a link checker) changes nothing
    for _ in range(2):
        done = client.post(path)
        assert "Erledigt: eva@example.org erhält keine Rundschreiben" in done.content.decode()
    assert MailingOptOut.objects.count() == 1
    assert AuditEntry.objects.filter(action="regional.mailingoptout.created").count() == 1


def test_a_bad_unsubscribe_token_changes_nothing(db):
    client = logged_in_client(None, "localhost")
    forged = services.unsubscribe_token("eva@example.org")[:-3] + "abc"
    for path in ("/mailings/unsubscribe/x/", f"/mailings/unsubscribe/{forged}/"):
        response = client.post(path)
        assert response.status_code == 400
        assert "Dieser Abmeldelink ist ungültig" in response.content.decode()
    assert not MailingOptOut.objects.exists()


# ---------------------------------------------------------------- API


def test_api_draft_recipients_and_send_once(people, office, empty_outbox, jena):
    created = office.post(
        API,
        {"subject": "API-Rundschreiben", "body": "Text", "groups": ["coordinators"],
         "alliances": [jena.pk]},
        content_type="application/json",
    )  # fmt: skip
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["status"] == "draft"
    preview = office.get(f"{API}{pk}/recipients/").json()
    assert "anna@jena.example" in {r["email"] for r in preview["recipients"]}
    unconfirmed = office.post(
        f"{API}{pk}/send/",
        {"confirm": False, "fingerprint": preview["fingerprint"]},
        content_type="application/json",
    )
    assert unconfirmed.status_code == 400
    assert not OutboxEmail.objects.exists()
    sent = office.post(
        f"{API}{pk}/send/",
        {"confirm": True, "fingerprint": preview["fingerprint"]},
        content_type="application/json",
    )
    assert sent.status_code == 200, sent.content
    assert sent.json()["status"] == "sent"
    assert sent.json()["recipient_count"] == len(preview["recipients"])
    again = office.post(
        f"{API}{pk}/send/",
        {"confirm": True, "fingerprint": preview["fingerprint"]},
        content_type="application/json",
    )
    assert again.status_code == 400
    assert OutboxEmail.objects.count() == len(preview["recipients"])
    listed = office.get(API).json()["results"]
    assert [m["subject"] for m in listed] == ["API-Rundschreiben"]
    states = office.get(f"{API}{pk}/recipients/").json()["sent"]
    assert {s["state"] for s in states} == {"Wartet"}


# ---------------------------------------------------------------- permissions


@pytest.mark.parametrize("role", [Role.MINISTRY, Role.LOCAL_COORDINATOR])
def test_ministry_and_coordinators_are_refused(people, jena, role, empty_outbox):
    mailing = draft()
    fingerprint = mailing_preview(mailing).fingerprint
    user = person_with_role(role, jena if role == Role.LOCAL_COORDINATOR else None)
    client = logged_in_client(user, "localhost")
    for path in (LIST, NEW, f"/mailings/{mailing.pk}/", API, f"{API}{mailing.pk}/"):
        assert client.get(path).status_code == 404, path
    assert _send(client, mailing, confirm="on", fingerprint=fingerprint).status_code == 404
    send = client.post(
        f"{API}{mailing.pk}/send/",
        {"confirm": True, "fingerprint": fingerprint},
        content_type="application/json",
    )
    assert send.status_code == 404
    assert not OutboxEmail.objects.exists()


# ---------------------------------------------------------------- demo


def test_the_demo_mailing_is_sent_once_without_emails(people, office, empty_outbox):
    from demo.mailings import SUBJECT, seed_mailing

    mailing = seed_mailing(actor=None)
    assert mailing.status == MailingStatus.SENT
    assert mailing.recipients.filter(email="anna@jena.example").exists()
    assert seed_mailing(actor=None) is None
    assert not OutboxEmail.objects.exists()
    page = office.get(LIST).content.decode()
    count = mailing.recipients.count()
    assert SUBJECT in page
    assert f"{count} von {count} gesendet" in page


def test_the_unsubscribe_page_is_a_token_page_with_a_working_form(db):
    from django.test import Client

    from tenants.token_pages import TOKEN_PAGE_HEADERS

    url = f"/mailings/unsubscribe/{services.unsubscribe_token('eva@example.org')}/"
    browser = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    page = browser.get(url)
    for name, value in TOKEN_PAGE_HEADERS.items():
        assert page[name] == value
    answer = browser.post(
        url,
        {"csrfmiddlewaretoken": browser.cookies["csrftoken"].value},
        HTTP_ORIGIN="http://localhost",
        HTTP_REFERER=f"http://localhost{url}",
    )
    assert answer.status_code == 200
    assert MailingOptOut.objects.filter(email="eva@example.org").exists()


def test_the_unsubscribe_link_uses_the_configured_site(settings):
    settings.BUENDNISNETZ_SITE_URL = "https://buendnisnetz.example:8443"
    link = services.unsubscribe_url("eva@example.org")
    assert link.startswith("https://buendnisnetz.example:8443/mailings/unsubscribe/")


def test_a_draft_may_be_deleted_a_sent_mailing_not(people, office, empty_outbox):
    kept, dropped = draft(), draft()
    assert "Entwurf löschen" in office.get(f"/mailings/{dropped.pk}/").content.decode()
    assert office.post(f"/mailings/{dropped.pk}/delete/").status_code == 302
    assert not Mailing.objects.filter(pk=dropped.pk).exists()
    services.mailing_send(actor=None, mailing=kept, fingerprint=mailing_preview(kept).fingerprint)
    refused = office.post(f"/mailings/{kept.pk}/delete/")
    assert refused.status_code == 400
    assert "kann nicht gelöscht werden" in refused.content.decode()
    assert office.delete(f"{API}{kept.pk}/").status_code == 400
    api_draft = draft()
    assert office.delete(f"{API}{api_draft.pk}/").status_code == 204
    assert list(Mailing.objects.values_list("pk", flat=True)) == [kept.pk]
