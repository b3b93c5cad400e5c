"""The state area's page "Land und Landesstelle": the home state's office, its logo,
alliance count and staff for the state roles; the coordinator edits the office through
``state_office_update`` (audit entry); letterhead and legal texts read the row."""

from __future__ import annotations

import io

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from kernel.audit.models import AuditEntry
from regional.documents import state_letterhead
from regional.selectors.legal import state_publisher
from tenants.models import State
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.factories.tenants import UserFactory
from tests.samples_state import home_office

PAGE, EDIT = "/state/", "/state/edit/"
OFFICE = {
    "office_name": "",
    "host_organisation": "Träger der Landeskoordinierung e. V.",
    "address": "Anger 7\r\n99084 Erfurt",
    "contact_name": "Frau Beispiel",
    "email": "land@example.org",
    "phone": "0361 123456",
    "website": "https://land.example.org",
    "ministry": "Ministerium für Familie",
}


def _thuringia() -> State:
    return State.objects.get(key="16")


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "#1d4f91").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def coordinator_client(db):
    person = UserFactory(email="lks@example.org", full_name="Lea Land")
    return logged_in_client(person_with_role(Role.STATE_COORDINATOR, user=person), "localhost")


@pytest.fixture
def media(settings, tmp_path):
    # django-tenants caches the media root: forget it before and after.
    settings.MEDIA_ROOT = tmp_path
    storages["default"].__dict__.pop("relative_media_root", None)
    yield tmp_path
    storages["default"].__dict__.pop("relative_media_root", None)


# ---------------------------------------------------------------- the page


def test_the_coordinator_sees_the_office_its_alliances_and_staff(jena, coordinator_client):
    person_with_role(Role.MINISTRY, user=UserFactory(full_name="Max Ministerium"))
    State.objects.filter(key="16").update(host_organisation="Träger e. V.", address="Anger 7")
    page = coordinator_client.get(PAGE).content.decode()
    assert "<h1>Land und Landesstelle</h1>" in page
    assert "Landeskoordination Thüringen" in page
    assert "Träger e. V." in page
    assert "Anger 7" in page
    assert "2 Bündnisse" in page  # the session's two alliances
    assert "Lea Land" in page  # the staff: the coordinator and the ministry
    assert "Max Ministerium" in page
    assert f'href="{EDIT}"' in page
    assert f'href="{PAGE}"' in page  # in the state area's menu


def test_the_ministry_reads_the_page_but_cannot_edit(db):
    client = logged_in_client(person_with_role(Role.MINISTRY), "localhost")
    page = client.get(PAGE)
    assert page.status_code == 200
    assert f'href="{EDIT}"' not in page.content.decode()
    assert client.get(EDIT).status_code == 404
    assert client.post(EDIT, OFFICE).status_code == 404
    assert _thuringia().host_organisation == ""


def test_an_alliance_coordinator_and_anonymous_visitors_are_refused(jena):
    local = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena), "localhost")
    assert local.get(PAGE).status_code == 404
    assert local.get(EDIT).status_code == 404
    anonymous = logged_in_client(None, "localhost")
    assert anonymous.get(PAGE)["Location"].startswith("/accounts/login/")
    assert anonymous.post(EDIT, OFFICE)["Location"].startswith("/accounts/login/")
    assert _thuringia().email == ""


# ---------------------------------------------------------------- editing


def test_the_coordinator_edits_the_office_with_an_audit_entry(jena, coordinator_client):
    response = coordinator_client.post(EDIT, OFFICE)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == PAGE
    office = _thuringia()
    assert office.address_lines == ["Anger 7", "99084 Erfurt"]
    assert (office.email, office.website) == ("land@example.org", "https://land.example.org")
    assert (office.key, office.name) == ("16", "Thüringen")
    entry = AuditEntry.objects.get(action="tenants.state.updated")
    assert entry.changes["email"] == ["", "land@example.org"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "keine-adresse", "gültige E-Mail Adresse"),
        ("website", "nicht eine adresse", "gültige URL"),
        ("host_organisation", "x" * 201, "höchstens 200 Zeichen"),
    ],
)
def test_bad_input_is_refused_in_german_and_nothing_changes(
    jena, coordinator_client, field, value, message
):
    response = coordinator_client.post(EDIT, {**OFFICE, field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _thuringia().host_organisation == ""
    assert not AuditEntry.objects.filter(action="tenants.state.updated").exists()


def test_a_png_logo_is_stored_and_shown(jena, coordinator_client, media):
    upload = SimpleUploadedFile("wappen.png", _png(), "image/png")
    response = coordinator_client.post(EDIT, {**OFFICE, "logo_upload": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert _thuringia().logo.name.startswith("states/16/logo-")
    logo = coordinator_client.get("/state/16/logo/")
    assert logo.status_code == 200
    assert logo["Content-Type"] == "image/png"
    assert 'src="/state/16/logo/"' in coordinator_client.get(PAGE).content.decode()
    assert state_letterhead().logo == _png()
    assert logged_in_client(None, "localhost").get("/state/16/logo/").status_code == 302


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("wappen.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"),
        ("wappen.png", b"MZ\x90\x00 not a picture"),
    ],
    ids=["svg", "renamed"],
)
def test_a_logo_that_is_no_raster_image_is_refused(jena, coordinator_client, media, name, content):
    upload = SimpleUploadedFile(name, content)
    response = coordinator_client.post(EDIT, {**OFFICE, "logo_upload": upload})
    assert response.status_code == 400
    assert "PNG- und JPEG" in response.content.decode()
    assert not _thuringia().logo
    assert _thuringia().email == ""


# ---------------------------------------------------------------- the row's readers


def test_letterhead_and_legal_texts_read_the_office_row(db, public_client):
    home_office(
        office_name="Landeskoordinierungsstelle Thüringen", host_organisation="Träger e. V."
    )
    head = state_letterhead()
    assert head.name == "Landeskoordinierungsstelle Thüringen"
    assert head.address_lines == (
        "Träger e. V.",
        "Anger 7",
        "99084 Erfurt",
        "land@example.org · 0361 123456",
    )
    publisher = state_publisher()
    assert (publisher.name, publisher.address_lines) == (
        "Landeskoordinierungsstelle Thüringen",
        ["Anger 7", "99084 Erfurt"],
    )
    imprint = public_client.get("/impressum/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Landeskoordinierungsstelle Thüringen" in imprint
    assert "99084 Erfurt" in imprint


def test_without_a_name_of_its_own_the_office_is_called_after_the_state(db):
    with translation.override("de"):
        assert state_letterhead().name == "Landeskoordination Thüringen"
        assert state_publisher().name == "Landeskoordination Thüringen"
