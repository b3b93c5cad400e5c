"""Logging in and out, brute-force cool-off, passwords, and the person's own account page.

Texts are asserted as the German pages show them (config/locale/de/LC_MESSAGES/django.po,
or Django's own German catalogue for Django's messages).
"""

from __future__ import annotations

import datetime
import importlib.util
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils import timezone
from django_tenants.utils import schema_context

from kernel.audit.models import AuditEntry
from kernel.audit.services import audit_log
from tenants.models import Membership, User
from tenants.services.accounts import ERASED_LABEL
from tenants.services.memberships import membership_create, membership_remove
from tests.conftest import host_client, logged_in_client, person_with_role
from tests.factories.tenants import UserFactory

PASSWORD = "demo-passwort"
NEW_PASSWORD = "Ein-neues-Passwort-2025"

LOGIN = "/accounts/login/"
LOGOUT = "/accounts/logout/"
PASSWORD_CHANGE = "/accounts/password/"
PASSWORD_RESET = "/accounts/password/reset/"
PASSWORD_RESET_SENT = "/accounts/password/reset/sent/"
PASSWORD_RESET_COMPLETE = "/accounts/password/reset/done/"
ACCOUNT = "/accounts/"
EXPORT = "/accounts/export/"
ERASE = "/accounts/erase/"
WORKSPACE = "/workspace/"
AUDIT_TRAIL = "/workspace/audit/"

EN_DASH = "\N{EN DASH}"  # between an alliance and its roles on the account page

# German texts (project catalogue, or Django's own German catalogue).
PAGE_NOT_FOUND = "Seite nicht gefunden"
AUDIT_TRAIL_LINK = "Änderungsprotokoll"
OLD_PASSWORD_WRONG = "Das alte Passwort war falsch. Bitte neu eingeben."
PASSWORDS_DIFFER = "Die beiden Passwörter sind nicht identisch."
FIELD_REQUIRED = "Dieses Feld ist zwingend erforderlich."
INVALID_LOGIN = "E-Mail-Adresse oder Passwort ist falsch. Bitte versuchen Sie es erneut."
INACTIVE_ACCOUNT = (
    "Dieses Konto wurde deaktiviert. Bitte wenden Sie sich an Ihre Koordinierungsstelle."
)
LOCKED_OUT_TITLE = "Zu viele Fehlversuche"
LOCKED_OUT_TEXT = (
    "Die Anmeldung mit dieser Adresse ist für 15 Minuten gesperrt. Bitte versuchen Sie es "
    "später noch einmal oder setzen Sie Ihr Passwort zurück."
)
RESET_MAIL_SUBJECT = "Ihr neues Passwort für Bündnisnetz Thüringen"
RESET_MAIL_GREETING = "Guten Tag,"
RESET_MAIL_TEXT = "für Ihr Konto bei Bündnisnetz Thüringen wurde ein neues Passwort angefordert."
RESET_SENT_TEXT = "Falls zu dieser Adresse ein Konto besteht, haben wir einen Link"
RESET_LINK_INVALID = "Dieser Link ist nicht mehr gültig"
RESET_LINK_INVALID_TEXT = "Der Link ist abgelaufen oder wurde bereits benutzt."
PASSWORD_CHANGED = "Ihr Passwort wurde geändert."
WRONG_PASSWORD = "Das Passwort ist falsch."
ACCOUNT_ERASED = "Ihr Konto und Ihre personenbezogenen Daten wurden gelöscht."
LOCAL_COORDINATOR = "Bündniskoordination"
BOARD_MEMBER = "Kuratoriumsmitglied"
NO_ROLE_YET = "Sie haben noch keine Rolle in einem Bündnis."


def _body(response) -> str:
    return response.content.decode()


def _without_csrf(body: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)


def _logged_in_user_id(client) -> str | None:
    return client.session.get("_auth_user_id")


def _login(client, email: str, password: str = PASSWORD, **extra):
    return client.post(LOGIN, {"username": email, "password": password, **extra})


# ---------------------------------------------------------------- logging in


@pytest.mark.parametrize("host", ["localhost", "jena.localhost"])
def test_login_with_right_email_and_password_logs_in_and_redirects_to_account(jena, host):
    user = UserFactory(email="erika.beispiel@example.org")
    client = host_client(host)

    response = _login(client, "erika.beispiel@example.org")

    assert response.status_code == 302
    assert response.url == ACCOUNT
    assert _logged_in_user_id(client) == str(user.pk)


def test_login_email_is_case_insensitive(jena):
    user = UserFactory(email="erika.beispiel@example.org")
    client = host_client("jena.localhost")

    response = _login(client, "  Erika.Beispiel@EXAMPLE.org ")

    assert response.status_code == 302
    assert _logged_in_user_id(client) == str(user.pk)


def test_login_follows_a_local_next_url(jena):
    user = person_with_role("local_coordinator", jena)
    client = host_client("jena.localhost")

    response = _login(client, user.email, next=WORKSPACE)

    assert response.status_code == 302
    assert response.url == WORKSPACE
    assert client.get(WORKSPACE).status_code == 200


def _base_settings_for(monkeypatch, base_domain: str):
    """config/settings/base.py evaluated afresh for another parent domain."""
    monkeypatch.setenv("BUENDNISNETZ_BASE_DOMAIN", base_domain)
    monkeypatch.delenv("DJANGO_SESSION_COOKIE_DOMAIN", raising=False)
    monkeypatch.delenv("SENTRY_DSN", raising=False)
    path = Path(django_settings.BASE_DIR) / "config" / "settings" / "base.py"
    spec = importlib.util.spec_from_file_location("base_settings_probe", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("base_domain", "cookie_domain"),
    [
        ("buendnisnetz-thueringen.de", ".buendnisnetz-thueringen.de"),
        # Browsers refuse a Domain cookie for a single-label name: host-only there, and
        # the alliance switcher hands the login over (tenants/handoff.py).
        ("localhost", None),
    ],
)
def test_session_cookie_is_shared_by_every_subdomain_of_the_parent_domain(
    monkeypatch, base_domain, cookie_domain
):
    base = _base_settings_for(monkeypatch, base_domain)

    assert cookie_domain == base.SESSION_COOKIE_DOMAIN
    assert cookie_domain == base.CSRF_COOKIE_DOMAIN


def test_login_sets_the_session_cookie_for_the_configured_domain(jena):
    user = UserFactory()

    response = _login(host_client("jena.localhost"), user.email)

    cookie = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert cookie["domain"] == (django_settings.SESSION_COOKIE_DOMAIN or "")
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_a_login_on_the_public_host_carries_over_to_an_alliance_host(jena):
    user = person_with_role("local_coordinator", jena)
    public = host_client("localhost")
    assert _login(public, user.email).status_code == 302

    hop = public.get("/accounts/hop/", {"to": "jena.localhost"})
    assert hop.status_code == 302
    target = urlsplit(hop["Location"])
    assert target.netloc == "jena.localhost"
    alliance_host = host_client("jena.localhost")
    # The hand-off is bound to this browser (tenants.handoff): a cookie on the alliance
    # host, a token for it from the public host.
    back = urlsplit(alliance_host.get(f"{target.path}?{target.query}")["Location"])
    target = urlsplit(public.get(f"{back.path}?{back.query}")["Location"])
    entered = alliance_host.get(f"{target.path}?{target.query}")

    assert entered.status_code == 302
    assert entered["Location"] == WORKSPACE
    assert alliance_host.get(WORKSPACE).status_code == 200
    assert _logged_in_user_id(alliance_host) == str(user.pk)


def test_wrong_password_and_unknown_email_get_the_same_message_and_no_session(jena):
    user = UserFactory()
    client = host_client("jena.localhost")

    wrong_password = _login(client, user.email, "falsches-passwort")
    unknown_email = _login(client, "niemand@example.org", PASSWORD)

    for response in (wrong_password, unknown_email):
        assert response.status_code == 200
        assert INVALID_LOGIN in _body(response)
        assert _logged_in_user_id(client) is None
    form_errors = [
        response.context["form"].non_field_errors() for response in (wrong_password, unknown_email)
    ]
    assert form_errors[0] == form_errors[1]


def test_disabled_account_with_right_password_gets_disabled_message_and_is_not_logged_in(jena):
    user = UserFactory(is_active=False)
    client = host_client("jena.localhost")

    response = _login(client, user.email)

    assert response.status_code == 200
    assert INACTIVE_ACCOUNT in _body(response)
    assert INVALID_LOGIN not in _body(response)
    assert _logged_in_user_id(client) is None


def test_disabled_account_with_wrong_password_gets_the_ordinary_message(jena):
    user = UserFactory(is_active=False)
    client = host_client("jena.localhost")

    response = _login(client, user.email, "falsches-passwort")

    assert response.status_code == 200
    assert INVALID_LOGIN in _body(response)
    assert INACTIVE_ACCOUNT not in _body(response)


def test_disabling_a_logged_in_account_ends_its_session_at_the_next_request(jena):
    user = person_with_role("local_coordinator", jena)
    client = host_client("jena.localhost")
    assert _login(client, user.email).status_code == 302
    assert client.get(WORKSPACE).status_code == 200

    user.is_active = False
    user.save()

    response = client.get(WORKSPACE)
    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next={WORKSPACE}"
    assert not response.wsgi_request.user.is_authenticated
    assert client.get(ACCOUNT).status_code == 302


def test_logout_by_post_ends_the_session(jena):
    user = UserFactory()
    client = logged_in_client(user, "jena.localhost")

    response = client.post(LOGOUT)

    assert response.status_code == 302
    assert response.url == LOGIN
    assert _logged_in_user_id(client) is None
    assert client.get(ACCOUNT).status_code == 302


# ---------------------------------------------------------------- brute force


def _fail_five_times(client, email: str) -> list:
    return [_login(client, email, f"falsch-{n}") for n in range(5)]


def test_five_wrong_passwords_lock_the_address_even_for_the_right_password(jena):
    user = UserFactory()
    client = host_client("jena.localhost")

    failures = _fail_five_times(client, user.email)

    for response in failures[:4]:
        assert response.status_code == 200
        assert INVALID_LOGIN in _body(response)
    assert failures[4].status_code == 429
    response = _login(client, user.email, PASSWORD)
    assert response.status_code == 429
    body = _body(response)
    assert LOCKED_OUT_TITLE in body
    assert LOCKED_OUT_TEXT in body
    assert PASSWORD_RESET in body
    assert _logged_in_user_id(client) is None


def test_lock_out_page_does_not_reveal_whether_the_address_exists(jena):
    user = UserFactory()
    known, unknown = host_client("jena.localhost"), host_client("jena.localhost")
    _fail_five_times(known, user.email)
    _fail_five_times(unknown, "niemand@example.org")

    known_response = _login(known, user.email)
    unknown_response = _login(unknown, "niemand@example.org")

    assert known_response.status_code == unknown_response.status_code == 429
    assert _without_csrf(_body(known_response)) == _without_csrf(_body(unknown_response))


def test_lock_out_does_not_affect_other_addresses(jena):
    locked, other = UserFactory(), UserFactory()
    client = host_client("jena.localhost")
    _fail_five_times(client, locked.email)

    response = _login(client, other.email)

    assert response.status_code == 302
    assert _logged_in_user_id(client) == str(other.pk)


def test_lock_out_cannot_be_bypassed_by_changing_the_case_of_the_address(jena):
    """Login accepts the address in any case, so the lock must hold for every spelling."""
    UserFactory(email="erika.beispiel@example.org")
    client = host_client("jena.localhost")
    _fail_five_times(client, "erika.beispiel@example.org")

    response = _login(client, "Erika.Beispiel@example.org", PASSWORD)

    assert response.status_code == 429
    assert _logged_in_user_id(client) is None


def test_right_password_works_again_after_the_cool_off(jena):
    user = UserFactory()
    client = host_client("jena.localhost")
    _fail_five_times(client, user.email)
    attempts = AccessAttempt.objects.filter(username=user.email)
    assert attempts.exists()

    attempts.update(attempt_time=timezone.now() - datetime.timedelta(minutes=14))
    assert _login(client, user.email).status_code == 429

    attempts.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    response = _login(client, user.email)

    assert response.status_code == 302
    assert _logged_in_user_id(client) == str(user.pk)


# ---------------------------------------------------------------- password reset


LINK_PATTERN = r"http://{host}(/accounts/password/reset/[^/\s]+/[^/\s]+/)"


def _request_reset(client, email, capture_callbacks):
    with capture_callbacks(execute=True) as callbacks:
        response = client.post(PASSWORD_RESET, {"email": email})
    return response, callbacks


def _reset_link_path(message, host: str = "jena.localhost") -> str:
    match = re.search(LINK_PATTERN.format(host=re.escape(host)), message.body)
    assert match, message.body
    return match.group(1)


@pytest.fixture
def reset_link(jena, eager_celery, mailoutbox, django_capture_on_commit_callbacks):
    """A person and the path of the reset link mailed to them from jena.localhost."""
    user = UserFactory()
    response, _callbacks = _request_reset(
        host_client("jena.localhost"), user.email, django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    return user, _reset_link_path(mailoutbox[0])


def test_password_reset_mails_a_link_to_the_requesting_host_through_the_celery_task(
    jena, eager_celery, mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory()
    client = host_client("jena.localhost")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(PASSWORD_RESET, {"email": user.email.upper()})
        assert response.status_code == 302
        assert response.url == PASSWORD_RESET_SENT
        # Nothing leaves before the request's transaction commits.
        assert mailoutbox == []
    assert len(callbacks) == 1

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [user.email]
    assert message.from_email == django_settings.DEFAULT_FROM_EMAIL
    assert message.subject == RESET_MAIL_SUBJECT
    assert RESET_MAIL_GREETING in message.body
    assert RESET_MAIL_TEXT in message.body
    path = _reset_link_path(message, "jena.localhost")
    assert path.startswith("/accounts/password/reset/")
    assert "http://localhost/" not in message.body

    sent_page = client.get(PASSWORD_RESET_SENT)
    assert sent_page.status_code == 200
    assert RESET_SENT_TEXT in _body(sent_page)


def test_password_reset_on_the_public_host_links_to_the_public_host(
    db, eager_celery, mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory()

    _request_reset(host_client("localhost"), user.email, django_capture_on_commit_callbacks)

    assert len(mailoutbox) == 1
    assert _reset_link_path(mailoutbox[0], "localhost")


def test_password_reset_writes_the_mail_to_the_outbox_and_hands_it_to_the_queue(
    jena, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    """The form queues the mail in the outbox (kernel.mail) instead of sending it itself;
    after the commit the send task is handed to the broker."""
    from kernel.mail import services as mail_services
    from kernel.mail.models import OutboxEmail, OutboxStatus

    handed = []
    monkeypatch.setattr(
        mail_services, "publish", lambda task, args: handed.append((task, args)) or True
    )
    user = UserFactory()

    _request_reset(host_client("jena.localhost"), user.email, django_capture_on_commit_callbacks)

    assert mailoutbox == []
    email = OutboxEmail.objects.get(to=[user.email])
    assert email.status == OutboxStatus.PENDING
    assert "http://jena.localhost/accounts/password/reset/" in email.body
    assert handed == [("mail.send_outbox_email", [email.pk])]


def test_password_reset_for_unknown_address_shows_the_same_page_and_sends_nothing(
    jena, eager_celery, mailoutbox, django_capture_on_commit_callbacks
):
    client = host_client("jena.localhost")

    response, callbacks = _request_reset(
        client, "niemand@example.org", django_capture_on_commit_callbacks
    )

    assert response.status_code == 302
    assert response.url == PASSWORD_RESET_SENT
    assert callbacks == []
    assert mailoutbox == []
    assert RESET_SENT_TEXT in _body(client.get(PASSWORD_RESET_SENT))


def test_password_reset_for_disabled_account_sends_nothing(
    jena, eager_celery, mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory(is_active=False)

    response, _callbacks = _request_reset(
        host_client("jena.localhost"), user.email, django_capture_on_commit_callbacks
    )

    assert response.status_code == 302
    assert response.url == PASSWORD_RESET_SENT
    assert mailoutbox == []


def _set_password_through_link(client, path: str, password: str = NEW_PASSWORD):
    response = client.get(path)
    assert response.status_code == 302, _body(response)
    set_password_url = response.url
    form_page = client.get(set_password_url)
    assert form_page.status_code == 200
    assert form_page.context["validlink"] is True
    return client.post(set_password_url, {"new_password1": password, "new_password2": password})


def test_reset_link_sets_a_new_password_and_login_works_with_it(jena, reset_link):
    user, path = reset_link
    client = host_client("jena.localhost")

    response = _set_password_through_link(client, path)

    assert response.status_code == 302
    assert response.url == PASSWORD_RESET_COMPLETE
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    fresh = host_client("jena.localhost")
    assert _login(fresh, user.email, PASSWORD).status_code == 200
    assert _login(fresh, user.email, NEW_PASSWORD).status_code == 302
    assert _logged_in_user_id(fresh) == str(user.pk)


def test_reset_link_with_mismatching_passwords_changes_nothing(jena, reset_link):
    user, path = reset_link
    client = host_client("jena.localhost")
    response = client.get(path)
    set_password_url = response.url

    response = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "x"}
    )

    assert response.status_code == 200
    assert PASSWORDS_DIFFER in _body(response)
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def _assert_link_refused(client, path: str, user: User, expected_password: str):
    response = client.get(path)
    assert response.status_code == 200
    assert response.context["validlink"] is False
    body = _body(response)
    assert RESET_LINK_INVALID in body
    assert RESET_LINK_INVALID_TEXT in body
    assert 'name="new_password1"' not in body
    # Posting a password to the refused link changes nothing either.
    client.post(
        path, {"new_password1": "Boese-Absicht-2025", "new_password2": "Boese-Absicht-2025"}
    )
    user.refresh_from_db()
    assert user.check_password(expected_password)


def test_reset_link_used_a_second_time_is_no_longer_valid(jena, reset_link):
    user, path = reset_link
    assert _set_password_through_link(host_client("jena.localhost"), path).status_code == 302

    _assert_link_refused(host_client("jena.localhost"), path, user, NEW_PASSWORD)


def test_tampered_reset_token_is_not_valid(jena, reset_link):
    user, path = reset_link
    uidb64, token = path.rstrip("/").split("/")[-2:]
    tampered_token = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")

    for bogus in (
        f"/accounts/password/reset/{uidb64}/{tampered_token}/",
        f"/accounts/password/reset/{uidb64}/1-abcdef0123456789/",
        f"/accounts/password/reset/Zm9v/{token}/",
    ):
        _assert_link_refused(host_client("jena.localhost"), bogus, user, PASSWORD)


def test_reset_link_is_valid_for_one_day_only(jena, reset_link, monkeypatch):
    user, path = reset_link
    assert django_settings.PASSWORD_RESET_TIMEOUT == 60 * 60 * 24
    real_now = PasswordResetTokenGenerator._now

    def later(hours: float):
        monkeypatch.setattr(
            PasswordResetTokenGenerator,
            "_now",
            lambda self: real_now(self) + datetime.timedelta(hours=hours),
        )

    later(23)
    assert host_client("jena.localhost").get(path).status_code == 302

    later(24 + 1 / 60)
    _assert_link_refused(host_client("jena.localhost"), path, user, PASSWORD)


# ---------------------------------------------------------------- password change


def test_password_change_requires_login(jena):
    response = host_client("jena.localhost").get(PASSWORD_CHANGE)

    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next={PASSWORD_CHANGE}"


def test_password_change_with_wrong_old_password_shows_error_and_keeps_the_password(jena):
    user = UserFactory()
    client = logged_in_client(user, "jena.localhost")

    response = client.post(
        PASSWORD_CHANGE,
        {
            "old_password": "falsches-passwort",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 200
    assert OLD_PASSWORD_WRONG in _body(response)
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert not user.check_password(NEW_PASSWORD)


def test_valid_password_change_saves_it_and_keeps_the_session(jena):
    user = UserFactory()
    client = logged_in_client(user, "jena.localhost")

    response = client.post(
        PASSWORD_CHANGE,
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )

    assert response.redirect_chain == [(ACCOUNT, 302)]
    assert response.status_code == 200
    assert PASSWORD_CHANGED in _body(response)
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert _logged_in_user_id(client) == str(user.pk)
    assert _login(host_client("localhost"), user.email, PASSWORD).status_code == 200


# ---------------------------------------------------------------- roles ending mid-session


def test_removed_membership_takes_effect_at_the_next_request(jena):
    user = UserFactory()
    membership = membership_create(actor=None, user=user, role="local_coordinator", alliance=jena)
    client = logged_in_client(user, "jena.localhost")
    before = client.get(WORKSPACE)
    assert before.status_code == 200
    assert "<h1>Lokales Bündnis für Familie Jena</h1>" in _body(before)
    assert "Ihre Rollen hier" in _body(before)
    assert LOCAL_COORDINATOR in _body(before)
    assert AUDIT_TRAIL_LINK in _body(before)
    assert client.get(AUDIT_TRAIL).status_code == 200

    membership_remove(actor=None, membership=membership)

    for path in (WORKSPACE, AUDIT_TRAIL):
        response = client.get(path)
        assert response.status_code == 404, path
        body = _body(response)
        assert PAGE_NOT_FOUND in body
        assert LOCAL_COORDINATOR not in body
        assert AUDIT_TRAIL_LINK not in body
        assert "Ihre Rollen hier" not in body
        assert f'href="{AUDIT_TRAIL}"' not in body
    assert _logged_in_user_id(client) == str(user.pk)


def test_workspace_of_another_alliance_is_not_found(jena, badfrankenhausen):
    user = person_with_role("local_coordinator", jena)
    client = logged_in_client(user, "badfrankenhausen.localhost")

    response = client.get(WORKSPACE)

    assert response.status_code == 404
    assert PAGE_NOT_FOUND in _body(response)


# ---------------------------------------------------------------- account page and export


def test_account_page_requires_login(jena):
    response = host_client("jena.localhost").get(ACCOUNT)

    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next={ACCOUNT}"


def test_account_page_lists_the_persons_alliances_and_roles(jena, badfrankenhausen):
    user = person_with_role("local_coordinator", jena, user=UserFactory(full_name="Erika Beispiel"))
    person_with_role("board_member", badfrankenhausen, user=user)
    client = logged_in_client(user, "localhost")

    response = client.get(ACCOUNT)

    assert response.status_code == 200
    body = _body(response)
    assert user.email in body
    assert "Erika Beispiel" in body
    assert f"Lokales Bündnis für Familie Jena</a> {EN_DASH} {LOCAL_COORDINATOR}" in body
    assert f"Lokales Bündnis für Familie Bad Frankenhausen</a> {EN_DASH} {BOARD_MEMBER}" in body
    assert NO_ROLE_YET not in body


def test_account_page_without_roles_says_so_and_lists_no_alliance(jena):
    client = logged_in_client(UserFactory(), "localhost")

    body = _body(client.get(ACCOUNT))

    assert NO_ROLE_YET in body
    assert "Lokales Bündnis für Familie Jena</a>" not in body


def test_account_export_downloads_json_with_email_and_memberships_and_is_audited(jena):
    user = person_with_role("local_coordinator", jena, user=UserFactory(full_name="Erika Beispiel"))
    client = logged_in_client(user, "jena.localhost")

    response = client.post(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="buendnisnetz-daten-')
    assert disposition.endswith('.json"')
    data = json.loads(response.content)
    assert data["account"]["email"] == user.email
    assert data["account"]["full_name"] == "Erika Beispiel"
    assert data["memberships"] == [
        {
            "role": "local_coordinator",
            "alliance": "Lokales Bündnis für Familie Jena",
            "since": data["memberships"][0]["since"],
        }
    ]
    assert "password" not in response.content.decode()
    with schema_context("public"):
        entry = AuditEntry.objects.get(action="tenants.account.exported")
    assert entry.actor_id == user.pk
    assert entry.object_id == str(user.pk)
    with schema_context("jena"):
        assert not AuditEntry.objects.filter(action="tenants.account.exported").exists()


def test_account_export_by_get_is_refused(jena):
    client = logged_in_client(UserFactory(), "jena.localhost")

    response = client.get(EXPORT)

    assert response.status_code == 405
    with schema_context("public"):
        assert not AuditEntry.objects.filter(action="tenants.account.exported").exists()


def test_account_export_requires_login(jena):
    response = host_client("jena.localhost").post(EXPORT)

    assert response.status_code == 302
    assert response.url.startswith(f"{LOGIN}?next=")
    with schema_context("public"):
        assert not AuditEntry.objects.filter(action="tenants.account.exported").exists()


# ---------------------------------------------------------------- erasure


def test_erase_with_wrong_password_is_refused_and_changes_nothing(jena):
    user = person_with_role("local_coordinator", jena, user=UserFactory(full_name="Erika Beispiel"))
    email = user.email
    client = logged_in_client(user, "jena.localhost")

    response = client.post(ERASE, {"password": "falsches-passwort", "confirm": "on"})

    assert response.status_code == 400
    assert WRONG_PASSWORD in _body(response)
    user.refresh_from_db()
    assert user.email == email
    assert user.full_name == "Erika Beispiel"
    assert user.is_active
    assert user.check_password(PASSWORD)
    assert Membership.objects.filter(user=user).count() == 1
    assert _logged_in_user_id(client) == str(user.pk)
    with schema_context("public"):
        assert not AuditEntry.objects.filter(action="tenants.account.erased").exists()


def test_erase_without_confirmation_is_refused_and_changes_nothing(jena):
    user = person_with_role("local_coordinator", jena)
    client = logged_in_client(user, "jena.localhost")

    response = client.post(ERASE, {"password": PASSWORD})

    assert response.status_code == 400
    assert FIELD_REQUIRED in _body(response)
    user.refresh_from_db()
    assert user.is_active
    assert user.check_password(PASSWORD)
    assert Membership.objects.filter(user=user).count() == 1


def test_erase_by_get_is_refused(jena):
    user = UserFactory()
    client = logged_in_client(user, "jena.localhost")

    assert client.get(ERASE).status_code == 405
    user.refresh_from_db()
    assert user.is_active


def test_erase_with_password_and_confirmation_anonymises_and_logs_out(jena):
    user = person_with_role("local_coordinator", jena, user=UserFactory(full_name="Erika Beispiel"))
    email = user.email
    with schema_context("jena"):
        own = audit_log(actor=user, action="core.partner.created")
        other = audit_log(actor=UserFactory(full_name="Max Muster"), action="core.partner.created")
    client = logged_in_client(user, "jena.localhost")
    other_session = logged_in_client(user, "localhost")

    response = client.post(ERASE, {"password": PASSWORD, "confirm": "on"}, follow=True)

    assert response.redirect_chain == [(LOGIN, 302)]
    assert ACCOUNT_ERASED in _body(response)
    assert _logged_in_user_id(client) is None
    assert other_session.get(ACCOUNT).status_code == 302  # every session has ended

    user.refresh_from_db()
    assert user.email.endswith("@erased.invalid")
    assert email not in user.email
    assert user.full_name == ""
    assert not user.is_active
    assert not user.has_usable_password()
    assert not Membership.objects.filter(user=user).exists()

    with schema_context("jena"):
        own.refresh_from_db()
        other.refresh_from_db()
        assert own.actor_label == ERASED_LABEL == "Gelöschte Person"
        assert other.actor_label == "Max Muster"
    with schema_context("public"):
        erased = AuditEntry.objects.get(action="tenants.account.erased")
        assert erased.object_id == str(user.pk)
        assert "Erika Beispiel" not in erased.object_repr
        assert email not in erased.object_repr

    assert _login(host_client("jena.localhost"), email).status_code == 200
