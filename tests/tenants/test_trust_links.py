"""Pages behind a token from an e-mail work in a browser; links in e-mails come from the
configured site address, never from the request's Host header (issue 14)."""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlsplit

from django.core import mail
from django.test import Client
from django.utils import timezone
from django_tenants.utils import schema_context

from kernel.mail.models import OutboxEmail
from regional.models import Invitation, Response
from tenants.roles import Role
from tenants.token_pages import TOKEN_PAGE_HEADERS
from tests.conftest import host_client, logged_in_client, person_with_role
from tests.factories.regional import InvitationFactory, RegionalMeetingFactory
from tests.factories.tenants import UserFactory

PASSWORD_RESET = "/accounts/password/reset/"


def _assert_token_page(response) -> None:
    # "same-origin": no Referer (so no token) to other hosts, a real Origin on the
    # page's own POST. "no-referrer" made Chromium send "Origin: null" (403 CSRF).
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]


# ---------------------------------------------------------------- token pages


def test_meeting_reply_page_keeps_the_token_on_the_platform_and_lets_its_form_post(db):
    assert TOKEN_PAGE_HEADERS["Referrer-Policy"] == "same-origin"
    invitation = InvitationFactory(meeting=RegionalMeetingFactory())
    url = f"/meetings/reply/{invitation.token}/"
    # A browser as Django's CSRF check sees it: cookie, form token and the page's origin.
    browser = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")

    page = browser.get(url)

    assert page.status_code == 200
    _assert_token_page(page)
    csrf = browser.cookies["csrftoken"].value
    answer = browser.post(
        url,
        {"response": Response.ATTENDING, "csrfmiddlewaretoken": csrf},
        HTTP_ORIGIN="http://localhost",
        HTTP_REFERER=f"http://localhost{url}",
    )
    assert answer.status_code == 302
    _assert_token_page(answer)
    invitation.refresh_from_db()
    assert invitation.response == Response.ATTENDING
    # The CSRF check itself still holds for a post from elsewhere.
    forged = Client(enforce_csrf_checks=True, HTTP_HOST="localhost").post(
        url, {"response": Response.DECLINED}, HTTP_ORIGIN="https://evil.example"
    )
    assert forged.status_code == 403
    # In German on the platform's own page, not Django's bare "CSRF verification failed".
    assert "Das Formular konnte nicht gesendet werden" in forged.content.decode()
    assert Invitation.objects.get(pk=invitation.pk).response == Response.ATTENDING


def test_password_reset_pages_behind_the_link_are_token_pages(jena):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = UserFactory()
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    client = host_client("jena.localhost")
    first = client.get(f"{PASSWORD_RESET}{uid}/{default_token_generator.make_token(user)}/")
    assert first.status_code == 302
    _assert_token_page(first)
    form_page = client.get(first["Location"])
    assert form_page.status_code == 200
    assert form_page.context["validlink"] is True
    _assert_token_page(form_page)


def test_hand_off_entry_is_a_token_page(jena):
    _assert_token_page(host_client("jena.localhost").get("/accounts/enter/", {"token": "x"}))


# ---------------------------------------------------------------- links in e-mails


def test_password_reset_link_ignores_the_requests_host_and_port(
    jena, mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory()
    client = host_client("jena.localhost:9999")

    with django_capture_on_commit_callbacks():
        response = client.post(PASSWORD_RESET, {"email": user.email})

    assert response.status_code == 302
    body = OutboxEmail.objects.get(to=[user.email]).body
    assert "http://jena.localhost/accounts/password/reset/" in body
    assert "9999" not in body


def test_password_reset_link_uses_the_configured_scheme_and_port(
    jena, settings, django_capture_on_commit_callbacks
):
    settings.BUENDNISNETZ_SITE_URL = "https://localhost:8443"
    user = UserFactory()

    with django_capture_on_commit_callbacks():
        host_client("jena.localhost").post(PASSWORD_RESET, {"email": user.email})
        host_client("localhost").post(PASSWORD_RESET, {"email": user.email})

    bodies = [e.body for e in OutboxEmail.objects.filter(to=[user.email]).order_by("pk")]
    assert "https://jena.localhost:8443/accounts/password/reset/" in bodies[0]
    assert "https://localhost:8443/accounts/password/reset/" in bodies[1]


def test_meeting_invitation_link_ignores_the_requests_host_and_port(
    db, eager_celery, django_capture_on_commit_callbacks
):
    organiser = person_with_role(Role.STATE_COORDINATOR)
    client = logged_in_client(organiser, "localhost:9999", language="en")
    invitation = InvitationFactory(meeting=RegionalMeetingFactory())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/meetings/{invitation.meeting.pk}/invitations/send/", {})

    assert response.status_code == 302
    [message] = mail.outbox
    assert f"http://localhost/meetings/reply/{invitation.token}/" in message.body
    assert "9999" not in message.body


def test_meeting_reminder_links_carry_the_configured_port(
    db, settings, eager_celery, django_capture_on_commit_callbacks
):
    from regional.tasks.meetings import send_meeting_reminders

    settings.BUENDNISNETZ_SITE_URL = "http://localhost:8000"  # make demo
    meeting = RegionalMeetingFactory(date=timezone.localdate() + datetime.timedelta(days=7))
    invitation = InvitationFactory(
        meeting=meeting, sent_at=timezone.now() - datetime.timedelta(days=20)
    )

    with django_capture_on_commit_callbacks(execute=True):
        send_meeting_reminders()

    bodies = [m.body for m in mail.outbox if m.to == [invitation.email]]
    assert bodies
    assert all(f"http://localhost:8000/meetings/reply/{invitation.token}/" in b for b in bodies)


def test_seal_reminder_link_carries_the_configured_port(
    jena, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """The demo's reminder e-mails linked to ``http://jena.localhost/...`` (no port)."""
    from core.tasks import send_seal_expiry_reminders
    from kernel.mail import services as mail_services
    from tests.factories.partners import PartnerFactory
    from tests.factories.seal import AwardedSealFactory

    settings.BUENDNISNETZ_SITE_URL = "http://localhost:8000"  # make demo
    queued = []
    monkeypatch.setattr(mail_services, "email_queue", lambda **kwargs: queued.append(kwargs))
    person_with_role(Role.LOCAL_COORDINATOR, jena)
    today = timezone.localdate()
    with schema_context("jena"):
        seal = AwardedSealFactory(
            partner=PartnerFactory(name="Jenaer Stadtwerke"),
            awarded_on=today - datetime.timedelta(days=1000),
            valid_until=today + datetime.timedelta(days=30),
        )

    with django_capture_on_commit_callbacks(execute=True):
        send_seal_expiry_reminders()

    [reminder] = queued
    assert f"http://jena.localhost:8000/workspace/seal/{seal.pk}/" in reminder["body"]


def test_new_alliance_invitation_link_uses_the_configured_site(jena, settings):
    from regional.services.provisioning import invitation_link

    settings.BUENDNISNETZ_SITE_URL = "http://localhost:8000"
    link = invitation_link(UserFactory(), jena)
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc) == ("http", "jena.localhost:8000")
    assert re.fullmatch(r"/accounts/password/reset/[^/]+/[^/]+/", parts.path)
