"""The walks' test client (tests/clients.py): the same answers, no recorded templates."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.factories.partners import PartnerFactory


@pytest.mark.django_db
def test_the_walk_client_answers_alike_without_recording_and_leaves_recording_on(jena):
    with schema_context("jena"):
        PartnerFactory.create_batch(2)
    user = person_with_role(Role.LOCAL_COORDINATOR, jena)
    walker = logged_in_client(user, walk=True)
    recorder = logged_in_client(user)

    walked = walker.get("/workspace/partners/")
    recorded = recorder.get("/workspace/partners/")

    assert walked.status_code == recorded.status_code == 200
    assert walked.templates == []
    assert walked.context is None
    assert "core/list.html" in [t.name for t in recorded.templates]
    assert recorded.context["page"] is not None
    # The same page (the header row and two partners), bar per-request values (tokens).
    assert walked.content.count(b"<tr") == recorded.content.count(b"<tr") == 3


def test_a_request_that_fails_leaves_the_recording_on(monkeypatch):
    from django.template.base import Template
    from django.test import Client

    from tests.clients import WalkClient

    instrumented = Template._render

    def fail(self, **request):
        assert Template._render is not instrumented  # the walk's plain rendering
        raise LookupError("the handler failed")

    monkeypatch.setattr(Client, "request", fail)
    with pytest.raises(LookupError):
        WalkClient().get("/")
    assert Template._render is instrumented
