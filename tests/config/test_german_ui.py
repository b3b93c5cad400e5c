"""The German UI speaks German: no English msgid of our catalogue, no program code
("core.partner.updated") and no bare "---------" choice on any page, for any role.

The pages are not listed by hand: every GET route of both URL confs is discovered
(``tests.isolation.discover``), one page per URL pattern, its ids pointing at one record
of every workspace model (``seed_sentinel_records``). Each role reads every page on its
host in German (no language cookie); whatever the page answers (the page itself, "no
access", "not found"), its visible text is checked.
"""

from __future__ import annotations

import re

import pytest
from django_tenants.utils import schema_context

from core.models import Partner
from kernel.audit.services import audit_log
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.isolation import discover, seed_sentinel_records
from tests.samples_state import STATE_KEY, seed_state_records
from tests.translations import (
    EnglishFinder,
    catalogue,
    dotted_codes,
    german_problems,
    visible_text,
)

# Pages that end the session, hand it on elsewhere or are no pages of ours (the admin
# site is Django's own, the API answers JSON).
SKIPPED = re.compile(r"^/(admin/|api/|accounts/(logout|hop|enter|erase)/|i18n/)")


def _paths(urlconf: str, record_id: int) -> list[str]:
    samples = {
        "int": str(record_id),
        "pk": str(record_id),
        "path": "x.txt",
        "str": "x",
        "slug": "x",
        "uuid": "00000000-0000-0000-0000-000000000000",
        "uidb64": "MQ",
        "state_key": STATE_KEY,
        "token": "german-ui-token",
    }
    return sorted(
        {
            route.path
            for route in discover(urlconf, samples)
            if route.path and not SKIPPED.match(route.path)
        }
    )


def _problems(client, host: str, paths: list[str], finder: EnglishFinder) -> tuple[list, int]:
    problems: list[str] = []
    read = 0
    for path in paths:
        response = client.get(path, HTTP_HOST=host)
        if response.streaming or "html" not in response.get("Content-Type", ""):
            continue
        read += 1
        problems += german_problems(response.content.decode(errors="replace"), host + path, finder)
    return problems, read


@pytest.fixture(scope="module")
def finder() -> EnglishFinder:
    return EnglishFinder(catalogue())


# Every page a logged-in person reads is checked the same way (``german_problems``) where
# the permission matrix already asks every route as every role
# (tests/tenants/test_permissions_matrix.py): one walk, not two. Here: what a visitor
# without login reads (the public pages, the login page, the refusals).
ALLIANCE_READERS = {"anonymous": None}
STATE_READERS = {"anonymous": None}


@pytest.mark.slow
@pytest.mark.django_db
@pytest.mark.parametrize("reader", ALLIANCE_READERS)
def test_every_alliance_page_is_german(jena, finder, reader):
    with schema_context("jena"):
        record_id = seed_sentinel_records("Probe")["id"]
        # A change in the audit trail: its code must show on no page (the trail and the
        # workspace's recent changes tell it as a sentence).
        audit_log(
            actor=None, action="core.partner.updated", target=Partner.objects.get(pk=record_id)
        )
    role = ALLIANCE_READERS[reader]
    user = (
        None
        if role is None
        else person_with_role(
            role, jena, **({"partner_id": record_id} if role == Role.PARTNER_CONTACT else {})
        )
    )
    client = logged_in_client(user, walk=True)
    client.raise_request_exception = False
    problems, read = _problems(
        client, "jena.localhost", _paths("config.urls_tenant", record_id), finder
    )
    assert read > 100, "the discovery found too few pages"
    assert problems == [], "\n".join(problems)


@pytest.mark.slow
@pytest.mark.django_db
@pytest.mark.parametrize("reader", STATE_READERS)
def test_every_state_page_is_german(jena, finder, reader):
    role = STATE_READERS[reader]
    user = None if role is None else person_with_role(role)
    record_id = seed_state_records(jena, invitation={"token": "german-ui-token"}, requested_by=user)
    client = logged_in_client(user, "localhost", walk=True)
    client.raise_request_exception = False
    problems, read = _problems(client, "localhost", _paths("config.urls_public", record_id), finder)
    assert read > 40, "the discovery found too few pages"
    assert problems == [], "\n".join(problems)


def test_the_finder_finds_english_and_codes_but_not_german(finder):
    page = (
        "<h1>Partner</h1><p>Import a list</p><code>core.partner.updated</code>"
        '<input placeholder="Check file"><script>var a = "Download CSV template";</script>'
        '<td lang="en">Also accepted</td>'
        "<p>Geändert: core.partner.updated, an info@example.org, www.buendnisnetz.de</p>"
    )
    text = visible_text(page)
    assert finder.find(text) == ["Check file", "Import a list"]
    assert dotted_codes(text) == ["core.partner.updated"]  # in prose
    assert dotted_codes(visible_text("<p><code>core.partner.updated</code></p>")) == []
    assert dotted_codes(visible_text("<code>core.partner.updated</code>", code=True))
    german = visible_text("<p>Bündnisse</p><p>Landeskoordination Thüringen</p>")
    assert finder.find(german) == []
    assert dotted_codes(german) == []


@pytest.mark.django_db
def test_the_same_page_in_english_is_found_out(jena, finder):
    client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena), language="en")
    problems, read = _problems(
        client, "jena.localhost", ["/workspace/", "/workspace/partners/"], finder
    )
    assert read == 2
    assert len(problems) > 5


def test_every_msgid_has_a_german_translation():
    entries = catalogue()
    assert len(entries) > 1000
    missing = [
        f"line {entry.line}: {entry.msgid!r}"
        for entry in entries
        if entry.fuzzy
        or not entry.translations
        or not all(text.strip() for text in entry.translations)
        or (entry.plural is not None and len(entry.translations) < 2)
    ]
    assert missing == [], "\n".join(missing)


# django-tenants' own fields (TenantMixin, DomainMixin): no page or form shows them.
FOREIGN_FIELDS = {"tenants.Alliance.schema_name", "tenants.Domain.*"}


def test_every_field_of_our_models_is_named_through_gettext():
    """A field without a translated verbose name shows its English attribute name ("period
    kind") wherever a form, filter or table labels it."""
    from django.apps import apps
    from django.utils.functional import Promise

    untranslated = []
    for model in apps.get_models():
        if model.__module__.split(".")[0] not in {"kernel", "tenants", "core", "regional"}:
            continue
        label = model._meta.label
        names = [model._meta.verbose_name, model._meta.verbose_name_plural]
        if not all(isinstance(name, Promise) for name in names):
            untranslated.append(label)
        for field in model._meta.get_fields():
            if field.auto_created or not hasattr(field, "verbose_name"):
                continue
            if {f"{label}.{field.name}", f"{label}.*"} & FOREIGN_FIELDS:
                continue
            if not isinstance(field.verbose_name, Promise):
                untranslated.append(f"{label}.{field.name}")
    assert untranslated == []
