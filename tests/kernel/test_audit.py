"""The audit trail records each write in the schema it changed."""

import pytest
from django.core.exceptions import ValidationError
from django_tenants.utils import schema_context

from kernel.audit.models import AuditEntry
from kernel.audit.services import audit_log
from tests.factories.tenants import UserFactory


def test_audit_entry_lands_in_the_current_alliance_schema_only(jena, badfrankenhausen):
    person = UserFactory(full_name="Erika Beispiel")
    with schema_context("jena"):
        audit_log(actor=person, action="core.partner.created", target=jena, changes={"a": 1})
        entry = AuditEntry.objects.get(action="core.partner.created")
        assert entry.actor_label == "Erika Beispiel"
        assert entry.object_type == "tenants.alliance"
    with schema_context("badfrankenhausen"):
        assert not AuditEntry.objects.filter(action="core.partner.created").exists()
    with schema_context("public"):
        assert not AuditEntry.objects.filter(action="core.partner.created").exists()


@pytest.mark.parametrize("action", ["", "created", "core.created", "Core.Partner.Created", "a..b"])
def test_malformed_action_code_is_refused(jena, action):
    with schema_context("jena"), pytest.raises(ValidationError):
        audit_log(actor=None, action=action)


def test_system_writes_are_labelled_system(db):
    entry = audit_log(actor=None, action="regional.snapshot.created")
    assert entry.actor_label == "System"
    assert entry.actor_id is None
