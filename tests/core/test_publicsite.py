"""The public site: "Partner werden", identity (logo, colours), awards and legal pages."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tenants.utils import schema_context
from PIL import Image

from core.forms.publicsite import form_started_token
from core.models import Application, ApplicationStatus, Award, SiteIdentity
from core.services.publicsite import award_create, site_identity_save
from kernel.audit.models import AuditEntry
from kernel.colours import text_colour_on
from kernel.human import MIN_FILL_SECONDS
from kernel.legal.markdown import render_markdown
from kernel.mail.models import OutboxEmail
from regional.models import StateLegalPage
from tenants.roles import Role
from tests.conftest import host_client, logged_in_client, person_with_role
from tests.samples_state import home_office

APPLY = "/partner-werden/"


def _started(seconds_ago: int = 60) -> str:
    import time

    return form_started_token(time.time() - seconds_ago)


def _application(**overrides) -> dict:
    data = {
        "organisation_name": "Optik Sonnenschein GmbH",
        "kind": "company",
        "size_class": "small",
        "city": "Jena",
        "website": "",
        "contact_name": "Clara Sonnenschein",
        "contact_email": "clara@optik-sonnenschein.example",
        "contact_phone": "",
        "statement": "Flexible Arbeitszeiten für Eltern und Pflegende.",
        "privacy_consent": "on",
        "homepage_check": "",
        "started": _started(),
    }
    data.update(overrides)
    return data


def _png(size=(40, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#1d4f91").save(buffer, format="PNG")
    return buffer.getvalue()


def _applications(jena) -> list[Application]:
    with schema_context(jena.schema_name):
        return list(Application.objects.filter(organisation_name__startswith="Optik"))


# ---------------------------------------------------------------- "Partner werden"


def test_public_application_reaches_the_board_and_the_applicant_gets_a_confirmation(
    jena, jena_client, board_member
):
    outbox_before = OutboxEmail.objects.count()
    response = jena_client.post(APPLY, _application(), HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 302
    assert response["Location"] == "/partner-werden/danke/"
    [application] = _applications(jena)
    assert application.status == ApplicationStatus.PENDING
    assert application.received_on == timezone.localdate()
    with schema_context(jena.schema_name):
        assert AuditEntry.objects.filter(
            action="core.application.created", actor_id__isnull=True
        ).exists()
    mail = OutboxEmail.objects.order_by("-pk").first()
    assert OutboxEmail.objects.count() == outbox_before + 1
    assert mail.to == ["clara@optik-sonnenschein.example"]
    assert "Jena" in mail.body
    assert "Optik Sonnenschein GmbH" in mail.body
    assert "Kuratorium" in mail.body  # German
    board = logged_in_client(board_member)
    assert "Optik Sonnenschein GmbH" in board.get("/workspace/applications/").content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"homepage_check": "http://spam.example"}, "Bitte füllen Sie das Formular selbst aus"),
        ({"started": None}, "Das ging sehr schnell"),
        ({"started": "forged"}, "Das Formular ist abgelaufen"),
        ({"privacy_consent": ""}, "Bitte stimmen Sie der Verarbeitung"),
        ({"contact_email": "kein-mail"}, "gültige E-Mail"),
        ({"organisation_name": ""}, "Dieses Feld ist zwingend erforderlich"),
    ],
    ids=["honeypot", "too-fast", "forged-time", "no-consent", "bad-email", "no-name"],
)
def test_public_application_bad_input_is_refused_in_german_and_nothing_is_saved(
    jena, jena_client, overrides, message
):
    if overrides.get("started", "") is None:
        overrides = {"started": _started(seconds_ago=MIN_FILL_SECONDS - 2)}
    outbox_before = OutboxEmail.objects.count()
    response = jena_client.post(APPLY, _application(**overrides), HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _applications(jena) == []
    assert OutboxEmail.objects.count() == outbox_before


def test_public_application_is_rate_limited_per_client(jena, jena_client, monkeypatch):
    monkeypatch.setattr("core.views.publicsite.APPLICATION_RATE", "1/hour")
    assert jena_client.post(APPLY, _application()).status_code == 302
    response = jena_client.post(APPLY, _application(organisation_name="Optik Zwei"))
    assert response.status_code == 429
    assert len(_applications(jena)) == 1


def test_apply_page_links_the_privacy_policy_and_hides_the_trap(jena_client):
    page = jena_client.get(APPLY, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert 'href="/datenschutz/"' in page
    assert 'class="honeypot" aria-hidden="true"' in page


# ---------------------------------------------------------------- identity


def test_logo_upload_accepts_png_and_serves_it_publicly(
    jena, coordinator_client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    response = coordinator_client.post(
        "/workspace/site/identity/",
        {
            "primary_colour": "#7a1f5c",
            "accent_colour": "#f2c14e",
            "town": "Jena",
            "logo_upload": SimpleUploadedFile("logo.png", _png(), "image/png"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    logo = host_client("jena.localhost").get("/site/logo/")
    assert logo.status_code == 200
    assert logo["Content-Type"] == "image/png"
    theme = host_client("jena.localhost").get("/site/theme.css").content.decode()
    assert "--site-primary:#7a1f5c" in theme
    assert "--site-on-primary:#ffffff" in theme
    home = host_client("jena.localhost").get("/").content.decode()
    assert 'src="/site/logo/"' in home


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>", "PNG- und JPEG"),
        ("logo.png", b"MZ\x90\x00 not a picture", "PNG- und JPEG"),
        ("logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (1024 * 1024 + 1), "größer als 1 MB"),
    ],
    ids=["svg", "renamed", "too-large"],
)
def test_logo_upload_refuses_other_files_in_german_and_saves_nothing(
    jena, coordinator_client, settings, tmp_path, name, content, message
):
    settings.MEDIA_ROOT = tmp_path
    response = coordinator_client.post(
        "/workspace/site/identity/",
        {
            "primary_colour": "#1d4f91",
            "accent_colour": "#f2c14e",
            "logo_upload": SimpleUploadedFile(name, content),
        },
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    with schema_context(jena.schema_name):
        assert not SiteIdentity.objects.exists()


@pytest.mark.parametrize(
    ("colour", "message"),
    [
        ("blue", "sechs hexadezimalen"),
        ("#12345", "sechs hexadezimalen"),
        ("#777777", "schwer zu lesen"),
    ],
)
def test_colours_must_be_hex_and_readable(jena, coordinator_client, colour, message):
    response = coordinator_client.post(
        "/workspace/site/identity/", {"primary_colour": colour, "accent_colour": "#f2c14e"}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    with schema_context(jena.schema_name):
        assert not SiteIdentity.objects.exists()


def test_text_colour_is_chosen_for_contrast():
    assert text_colour_on("#ffe066") == "#1a1a1a"
    assert text_colour_on("#1d4f91") == "#ffffff"


def test_only_the_coordinator_edits_the_identity(jena, board_member):
    assert logged_in_client(board_member).get("/workspace/site/identity/").status_code == 404
    anonymous = host_client("jena.localhost").get("/workspace/site/identity/")
    assert anonymous.status_code == 302
    assert "/accounts/login/" in anonymous["Location"]


# ---------------------------------------------------------------- legal pages


@pytest.mark.parametrize("path", ["/impressum/", "/datenschutz/", "/barrierefreiheit/"])
def test_legal_pages_have_a_default_text_from_the_alliances_details(jena, jena_client, path):
    with schema_context(jena.schema_name):
        site_identity_save(actor=None, street="Löbdergraben 14", postcode="07743", town="Jena")
    page = jena_client.get(path, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert jena.name in page
    assert "07743 Jena" in page
    assert 'href="/impressum/"' in page  # the footer links every legal page


def test_accessibility_statement_default_names_the_bitv_sections(jena_client):
    page = jena_client.get("/barrierefreiheit/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    for heading in (
        "Stand der Vereinbarkeit",
        "Nicht barrierefreie Inhalte",
        "Erstellung dieser Erklärung",
        "Feedback und Kontakt",
        "Durchsetzungsverfahren",
    ):
        assert heading in page


def test_coordinator_writes_a_legal_page_safely_and_empty_brings_back_the_default(
    jena, coordinator_client, jena_client
):
    text = "# Impressum\n\n**Bündnis** <script>alert(1)</script> [Web](https://example.org)"
    response = coordinator_client.post("/workspace/site/legal/impressum/", {"text": text})
    assert response.status_code == 302
    page = jena_client.get("/impressum/").content.decode()
    assert "<strong>Bündnis</strong>" in page
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    assert '<a href="https://example.org" rel="noopener">Web</a>' in page
    coordinator_client.post("/workspace/site/legal/impressum/", {"text": ""})
    assert "§ 5" in jena_client.get("/impressum/", HTTP_ACCEPT_LANGUAGE="de").content.decode()


def test_unknown_legal_page_is_not_found(coordinator_client, jena_client):
    assert jena_client.get("/agb/").status_code == 404
    assert coordinator_client.get("/workspace/site/legal/agb/").status_code == 404


def test_state_legal_pages_default_and_edited_by_the_state_coordinator(db, public_client):
    assert (
        "Landeskoordinierungsstelle"
        in public_client.get("/impressum/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
        or public_client.get("/impressum/").status_code == 200
    )
    state = logged_in_client(person_with_role(Role.STATE_COORDINATOR), "localhost")
    response = state.post("/legal/datenschutz/", {"text": "Datenschutz der Landesstelle"})
    assert response.status_code == 302
    assert StateLegalPage.objects.get(kind="datenschutz").text == "Datenschutz der Landesstelle"
    assert "Datenschutz der Landesstelle" in public_client.get("/datenschutz/").content.decode()
    ministry = logged_in_client(person_with_role(Role.MINISTRY), "localhost")
    assert ministry.get("/legal/datenschutz/").status_code == 404


def test_markdown_escapes_html_and_allows_only_safe_links():
    html = render_markdown('[x](javascript:alert(1)) <b>b</b> [y](https://a.example/"q)')
    assert "javascript:" not in html.replace("[x](javascript:alert(1))", "")
    assert "<b>" not in html
    assert 'href="https://a.example/&quot;q"' in html


# ---------------------------------------------------------------- awards


def test_awards_show_on_the_own_public_page_only_and_to_the_state(
    jena, badfrankenhausen, coordinator_client
):
    response = coordinator_client.post(
        "/workspace/site/awards/new/",
        {
            "title": "Bündnis des Monats August 2025",
            "awarded_by": "Bundesfamilienministerium",
            "awarded_on": "2025-08-01",
            "link": "",
            "note": "Interne Notiz",
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    with schema_context(badfrankenhausen.schema_name):
        award_create(
            actor=None,
            title="Bündnis des Monats Juni 2017",
            awarded_by="Servicebüro Lokale Bündnisse",
            awarded_on=datetime.date(2017, 6, 1),
            is_public=False,
        )
    jena_page = host_client("jena.localhost").get("/").content.decode()
    assert "Bündnis des Monats August 2025" in jena_page
    assert "Interne Notiz" not in jena_page
    other = host_client("badfrankenhausen.localhost").get("/").content.decode()
    assert "August 2025" not in other
    assert "Juni 2017" not in other
    state = logged_in_client(person_with_role(Role.STATE_COORDINATOR), "localhost")
    overview = state.get("/dashboard/awards/").content.decode()
    assert "Bündnis des Monats August 2025" in overview
    assert "Juni 2017" in overview
    ministry = logged_in_client(person_with_role(Role.MINISTRY), "localhost")
    assert ministry.get("/dashboard/awards/").status_code == 404


def test_award_date_must_be_plausible(jena):
    with schema_context(jena.schema_name), pytest.raises(ValidationError):
        award_create(
            actor=None, title="Preis", awarded_by="Stadt", awarded_on=datetime.date(1850, 1, 1)
        )
    with schema_context(jena.schema_name):
        assert not Award.objects.exists()


# ---------------------------------------------------------------- API


def test_api_awards_and_legal_pages_for_the_coordinator_only(jena, coordinator, board_member):
    from tests.api.calls import JSON, api_client, api_token, create_then_change

    api = api_client("jena.localhost", api_token(coordinator.email))
    create_then_change(
        api,
        "/api/v1/awards/",
        {"title": "Bündnis des Monats", "awarded_by": "BMFSFJ", "awarded_on": "2025-08-01"},
        {"is_public": False},
    )
    pages = api.get("/api/v1/legal-pages/").json()["results"]
    assert [page["kind"] for page in pages] == ["impressum", "datenschutz", "barrierefreiheit"]
    assert all(page["is_default"] for page in pages)
    changed = api.put("/api/v1/legal-pages/impressum/", {"text": "Eigenes"}, content_type=JSON)
    assert changed.status_code == 200
    assert changed.json()["is_default"] is False
    board = api_client("jena.localhost", api_token(board_member.email))
    assert board.get("/api/v1/awards/").status_code == 404
    assert (
        board.put("/api/v1/legal-pages/impressum/", {"text": "x"}, content_type=JSON).status_code
        == 404
    )


def test_site_settings_page_offers_edits_to_the_coordinator_only(jena, coordinator_client):
    page = coordinator_client.get("/workspace/site/").content.decode()
    assert 'href="/workspace/site/identity/"' in page
    assert 'href="/workspace/site/legal/barrierefreiheit/"' in page
    state = logged_in_client(person_with_role(Role.STATE_COORDINATOR), "jena.localhost")
    seen = state.get("/workspace/site/").content.decode()
    assert "Standardtext" in seen
    assert 'href="/workspace/site/identity/"' not in seen


def test_api_identity_reads_defaults_and_refuses_bad_colours(jena, coordinator):
    from tests.api.calls import JSON, api_client, api_token

    api = api_client("jena.localhost", api_token(coordinator.email))
    [identity] = api.get("/api/v1/site-identity/").json()["results"]
    assert identity["primary_colour"] == "#1d4f91"
    assert api.get("/api/v1/site-identity/1/").status_code == 404
    bad = api.patch(
        "/api/v1/site-identity/current/", {"primary_colour": "#777777"}, content_type=JSON
    )
    assert bad.status_code == 400
    good = api.patch("/api/v1/site-identity/current/", {"town": "Jena"}, content_type=JSON)
    assert good.status_code == 200
    with schema_context(jena.schema_name):
        assert SiteIdentity.objects.get().town == "Jena"


@pytest.mark.parametrize("path", ["/impressum/", "/datenschutz/", "/barrierefreiheit/"])
def test_state_default_legal_texts_name_the_office_of_the_state(db, public_client, path):
    """The state area's default texts name the home state's office (``tenants.State``):
    its host organisation, address and e-mail."""
    home_office()
    page = public_client.get(path, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Landeskoordination Thüringen" in page
    assert "Anger 7" in page
    assert "99084 Erfurt" in page
    assert "land@example.org" in page


def test_accessibility_statement_names_the_thuringian_law_and_enforcement_body(jena_client):
    page = jena_client.get("/barrierefreiheit/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "(ThürBarrWebG)" in page
    assert "(ThürBITVO)" in page
    assert "Landesdurchsetzungsstelle für digitale Barrierefreiheit" in page
    assert "ThürBarrG)" not in page  # no law of that name
