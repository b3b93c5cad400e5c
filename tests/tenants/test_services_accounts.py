"""Services behind the account page and roles: export, erasure, memberships."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django_tenants.utils import schema_context

from kernel.audit.models import AuditEntry
from kernel.audit.services import audit_log
from tenants.models import Membership
from tenants.services.accounts import ERASED_LABEL, account_erase, account_export
from tenants.services.memberships import membership_create, membership_remove
from tests.factories.tenants import UserFactory

SCHEMAS = ("public", "jena", "badfrankenhausen")

ROLE_SCOPE_MESSAGE = (
    "Landesrollen gelten für ein Land ohne Bündnis, Bündnisrollen in einem Bündnis, die Rolle"
    " der Bundesservicestelle ohne beides."
)
DUPLICATE_ALLIANCE_ROLE = "Diese Person hat diese Rolle hier bereits."
DUPLICATE_STATE_ROLE = "Diese Person hat diese Rolle bereits."


def _entry(schema: str, object_repr: str, action: str = "core.partner.updated") -> AuditEntry:
    with schema_context(schema):
        return AuditEntry.objects.create(action=action, object_repr=object_repr)


def _reload(schema: str, entry: AuditEntry) -> AuditEntry:
    with schema_context(schema):
        return AuditEntry.objects.get(pk=entry.pk)


def _entries(schema: str, **filters) -> list[AuditEntry]:
    with schema_context(schema):
        return list(AuditEntry.objects.filter(**filters))


# ---------------------------------------------------------------- export


def test_account_export_includes_activity_from_every_alliance_schema(jena, badfrankenhausen):
    user = UserFactory(full_name="Erika Beispiel")
    other = UserFactory(full_name="Max Muster")
    membership_create(actor=user, user=other, role="board_member", alliance=jena)
    with schema_context("jena"):
        audit_log(actor=user, action="core.partner.created", target=jena)
        audit_log(actor=other, action="core.partner.deleted")
    with schema_context("badfrankenhausen"):
        audit_log(actor=user, action="core.board.meeting_planned")

    data = account_export(actor=user, user=user)

    activity = {(item["area"], item["action"]) for item in data["activity"]}
    assert activity == {
        ("public", "tenants.membership.created"),
        ("jena", "core.partner.created"),
        ("badfrankenhausen", "core.board.meeting_planned"),
    }
    jena_item = next(item for item in data["activity"] if item["area"] == "jena")
    assert jena_item["object"] == "Lokales Bündnis für Familie Jena"
    assert jena_item["time"]
    json.dumps(data)  # ready for the download


def test_account_export_contains_account_and_own_memberships_only(jena, badfrankenhausen):
    user = UserFactory(email="erika.beispiel@example.org", full_name="Erika Beispiel")
    membership_create(actor=None, user=user, role="local_coordinator", alliance=jena)
    membership_create(actor=None, user=user, role="ministry")
    membership_create(
        actor=None, user=UserFactory(), role="board_member", alliance=badfrankenhausen
    )

    data = account_export(actor=user, user=user)

    assert data["account"]["email"] == "erika.beispiel@example.org"
    assert data["account"]["full_name"] == "Erika Beispiel"
    assert data["account"]["is_active"] is True
    assert data["account"]["last_login"] is None
    assert sorted((m["role"], m["alliance"]) for m in data["memberships"]) == [
        ("local_coordinator", "Lokales Bündnis für Familie Jena"),
        ("ministry", None),
    ]
    assert "password" not in json.dumps(data)


def test_account_export_is_audited_in_the_public_schema_with_the_actor(jena):
    user = UserFactory()
    staff = UserFactory(is_staff=True)

    account_export(actor=staff, user=user)

    [entry] = _entries("public", action="tenants.account.exported")
    assert entry.actor_id == staff.pk
    assert entry.object_type == "tenants.user"
    assert entry.object_id == str(user.pk)
    assert _entries("jena", action="tenants.account.exported") == []


# ---------------------------------------------------------------- erasure


def test_account_erase_replaces_name_and_email_in_object_repr_in_every_schema(
    jena, badfrankenhausen
):
    user = UserFactory(email="erika.beispiel@example.org", full_name="Erika Beispiel")
    membership_create(actor=None, user=user, role="local_coordinator", alliance=jena)
    in_jena = _entry("jena", "Kontakt: Erika Beispiel")
    in_badfrankenhausen = _entry(
        "badfrankenhausen", "Einladung an erika.beispiel@example.org verschickt"
    )
    others = _entry("jena", "Kontakt: Max Muster <max@example.org>")

    account_erase(actor=None, user=user)

    assert _reload("jena", in_jena).object_repr == f"Kontakt: {ERASED_LABEL}"
    assert (
        _reload("badfrankenhausen", in_badfrankenhausen).object_repr
        == f"Einladung an {ERASED_LABEL} verschickt"
    )
    assert _reload("jena", others).object_repr == "Kontakt: Max Muster <max@example.org>"
    [created] = _entries("public", action="tenants.membership.created")
    assert created.object_repr.startswith(f"{ERASED_LABEL} · ")
    for schema in SCHEMAS:
        for entry in _entries(schema):
            assert "Erika Beispiel" not in entry.object_repr, (schema, entry.object_repr)
            assert "erika.beispiel@example.org" not in entry.object_repr.lower()


def test_account_erase_relabels_the_actor_in_every_schema(jena, badfrankenhausen):
    user = UserFactory(full_name="Erika Beispiel")
    other = UserFactory(full_name="Max Muster")
    mine = {}
    for schema in SCHEMAS:
        with schema_context(schema):
            mine[schema] = audit_log(actor=user, action="core.partner.created")
    with schema_context("jena"):
        theirs = audit_log(actor=other, action="core.partner.created")

    account_erase(actor=None, user=user)

    for schema, entry in mine.items():
        reloaded = _reload(schema, entry)
        assert reloaded.actor_label == "Gelöschte Person"
        assert reloaded.actor_id == user.pk  # the trail stays complete
    assert _reload("jena", theirs).actor_label == "Max Muster"


def test_account_erase_anonymises_the_account_and_removes_its_roles(jena):
    user = UserFactory(full_name="Erika Beispiel", is_staff=True, is_superuser=True)
    membership_create(actor=None, user=user, role="local_coordinator", alliance=jena)
    membership_create(actor=None, user=user, role="state_coordinator")

    account_erase(actor=None, user=user)

    user.refresh_from_db()
    assert user.email.endswith("@erased.invalid")
    assert user.full_name == ""
    assert not user.is_active
    assert not user.is_staff
    assert not user.is_superuser
    assert not user.has_usable_password()
    assert not Membership.objects.filter(user=user).exists()


@pytest.mark.parametrize(("by_self", "requested_by"), [(True, "self"), (False, "staff")])
def test_account_erase_is_audited_without_naming_the_person(jena, by_self, requested_by):
    user = UserFactory(full_name="Erika Beispiel")
    email = user.email
    staff = UserFactory(is_staff=True)

    account_erase(actor=user if by_self else staff, user=user)

    [entry] = _entries("public", action="tenants.account.erased")
    assert entry.object_id == str(user.pk)
    assert entry.changes == {"requested_by": requested_by}
    assert entry.actor_id == (None if by_self else staff.pk)
    assert "Erika Beispiel" not in entry.object_repr
    assert email not in entry.object_repr


def test_account_erase_replaces_the_email_whatever_its_case_in_object_repr(jena):
    """E-mail addresses are case-insensitive (login accepts any case); so is erasure."""
    user = UserFactory(email="erika.beispiel@example.org", full_name="")
    entry = _entry("jena", "Kontakt: Erika.Beispiel@Example.org")

    account_erase(actor=None, user=user)

    assert _reload("jena", entry).object_repr == f"Kontakt: {ERASED_LABEL}"


def test_account_erase_of_a_short_name_in_a_full_length_object_repr_succeeds(jena):
    """The label is longer than a short name; the repr must still fit its 200 characters."""
    user = UserFactory(full_name="Jo Li")
    long_repr = ("Jo Li · " + "Projekt Familienfreundliche Kommune " * 10)[:200]
    entry = _entry("jena", long_repr)

    account_erase(actor=None, user=user)

    reloaded = _reload("jena", entry)
    assert "Jo Li" not in reloaded.object_repr
    assert reloaded.object_repr.startswith(ERASED_LABEL)
    assert len(reloaded.object_repr) <= 200
    user.refresh_from_db()
    assert not user.is_active


def test_account_erase_leaves_other_peoples_longer_names_intact(jena):
    """Erasing "Anna Schmidt" must not rewrite "Anna Schmidtke", another person."""
    user = UserFactory(full_name="Anna Schmidt")
    entry = _entry("jena", "Kontakt: Anna Schmidtke")

    account_erase(actor=None, user=user)

    assert _reload("jena", entry).object_repr == "Kontakt: Anna Schmidtke"


# ---------------------------------------------------------------- memberships


def _messages(excinfo) -> list[str]:
    with translation.override("de"):
        return [str(message) for message in excinfo.value.messages]


@pytest.mark.parametrize("role", ["state_coordinator", "ministry"])
def test_membership_create_refuses_a_state_role_with_an_alliance(jena, role):
    user = UserFactory()

    with pytest.raises(ValidationError) as excinfo:
        membership_create(actor=None, user=user, role=role, alliance=jena)

    assert ROLE_SCOPE_MESSAGE in _messages(excinfo)
    assert not Membership.objects.filter(user=user).exists()
    assert _entries("public", action="tenants.membership.created") == []


@pytest.mark.parametrize("role", ["local_coordinator", "board_member", "partner_contact"])
def test_membership_create_refuses_an_alliance_role_without_an_alliance(db, role):
    user = UserFactory()

    with pytest.raises(ValidationError) as excinfo:
        membership_create(actor=None, user=user, role=role)

    assert ROLE_SCOPE_MESSAGE in _messages(excinfo)
    assert not Membership.objects.filter(user=user).exists()
    assert _entries("public", action="tenants.membership.created") == []


def test_membership_create_refuses_an_unknown_role(jena):
    user = UserFactory()

    with pytest.raises(ValidationError):
        membership_create(actor=None, user=user, role="superhero", alliance=jena)

    assert not Membership.objects.filter(user=user).exists()


def test_membership_create_refuses_a_duplicate_alliance_role(jena):
    user = UserFactory()
    membership_create(actor=None, user=user, role="local_coordinator", alliance=jena)

    with pytest.raises(ValidationError) as excinfo:
        membership_create(actor=None, user=user, role="local_coordinator", alliance=jena)

    assert DUPLICATE_ALLIANCE_ROLE in _messages(excinfo)
    assert Membership.objects.filter(user=user).count() == 1
    assert len(_entries("public", action="tenants.membership.created")) == 1


def test_membership_create_refuses_a_duplicate_state_role(db):
    user = UserFactory()
    membership_create(actor=None, user=user, role="state_coordinator")

    with pytest.raises(ValidationError) as excinfo:
        membership_create(actor=None, user=user, role="state_coordinator")

    assert DUPLICATE_STATE_ROLE in _messages(excinfo)
    assert Membership.objects.filter(user=user).count() == 1


def test_membership_create_allows_the_same_role_in_another_alliance(jena, badfrankenhausen):
    user = UserFactory()
    membership_create(actor=None, user=user, role="board_member", alliance=jena)

    membership_create(actor=None, user=user, role="board_member", alliance=badfrankenhausen)

    assert Membership.objects.filter(user=user, role="board_member").count() == 2


def test_membership_create_refuses_a_partner_for_other_roles(jena):
    user = UserFactory()

    with pytest.raises(ValidationError):
        membership_create(actor=None, user=user, role="board_member", alliance=jena, partner_id=7)

    assert not Membership.objects.filter(user=user).exists()


def test_membership_create_is_audited(jena):
    actor = UserFactory(full_name="Max Muster")
    user = UserFactory()

    membership = membership_create(actor=actor, user=user, role="local_coordinator", alliance=jena)

    [entry] = _entries("public", action="tenants.membership.created")
    assert entry.actor_id == actor.pk
    assert entry.actor_label == "Max Muster"
    assert entry.object_type == "tenants.membership"
    assert entry.object_id == str(membership.pk)
    assert entry.changes == {"user": user.pk, "role": "local_coordinator", "alliance": jena.pk}
    assert _entries("jena", action="tenants.membership.created") == []


def test_membership_remove_deletes_and_is_audited(jena):
    user = UserFactory()
    membership = membership_create(actor=None, user=user, role="board_member", alliance=jena)
    pk = membership.pk

    membership_remove(actor=None, membership=membership)

    assert not Membership.objects.filter(pk=pk).exists()
    [entry] = _entries("public", action="tenants.membership.removed")
    assert entry.object_id == str(pk)
    assert entry.changes == {"user": user.pk, "role": "board_member"}
