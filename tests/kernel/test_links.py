"""A link is shown only to those who may open its page (``kernel.access.may_open``):
list rows, a record page's trail and facts, and hand-written links (``{% link %}``).
Found by the crawl of every page (tests/browser/test_crawl.py): a board member was
offered a project they may not open, a partner contact the partner list, the state
office an award's edit page."""

from __future__ import annotations

import datetime

from django.test import RequestFactory
from django_tenants.utils import schema_context

from core.models import Award, ProjectGrant
from tenants.models import Alliance
from tenants.permissions import may_open
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.factories.partners import PartnerFactory
from tests.factories.projects import ProjectFactory

DAY = datetime.date(2026, 3, 2)


def _page(role, jena, path: str, **membership) -> str:
    client = logged_in_client(person_with_role(role, jena, **membership))
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_a_list_links_its_rows_only_for_those_who_may_open_them(jena):
    with schema_context("jena"):
        award = Award.objects.create(title="Bündnis des Monats", awarded_by="BMFSFJ",
                                     awarded_on=DAY)  # fmt: skip
    edit = f'href="/workspace/site/awards/{award.pk}/edit/"'
    assert edit in _page(Role.LOCAL_COORDINATOR, jena, "/workspace/site/awards/")
    state = logged_in_client(person_with_role(Role.STATE_COORDINATOR))  # reads every alliance
    body = state.get("/workspace/site/awards/").content.decode()
    assert "Bündnis des Monats" in body
    assert edit not in body


def test_a_record_page_offers_the_list_above_it_only_to_those_who_may_open_it(jena):
    with schema_context("jena"):
        partner = PartnerFactory(name="Zeiss")
    path = f"/workspace/partners/{partner.pk}/"
    crumb = 'href="/workspace/partners/"'
    assert crumb in _page(Role.LOCAL_COORDINATOR, jena, path)
    body = _page(Role.PARTNER_CONTACT, jena, path, partner_id=partner.pk)
    assert "Zeiss" in body
    assert crumb not in body


def test_a_fact_links_its_record_only_for_those_who_may_open_it(jena):
    with schema_context("jena"):
        project = ProjectFactory(title="Ferienbetreuung")
        grant = ProjectGrant.objects.create(project=project, amount=500, purpose="Material",
                                            decided_on=DAY)  # fmt: skip
    path = f"/workspace/fundraising/grants/{grant.pk}/"
    link = f'href="/workspace/projects/{project.pk}/"'
    assert link in _page(Role.LOCAL_COORDINATOR, jena, path)
    body = _page(Role.BOARD_MEMBER, jena, path)  # sees the circle, not the projects
    assert "Ferienbetreuung" in body
    assert link not in body


def test_may_open_follows_the_pages_own_permission(jena):
    request = RequestFactory().get("/", HTTP_HOST="jena.localhost")
    request.tenant = Alliance.objects.get(pk=jena.pk)
    request.user = person_with_role(Role.PARTNER_CONTACT, jena, partner_id=7)
    assert may_open(request, "/workspace/partners/7/")  # a record's own page
    assert not may_open(request, "/workspace/partners/")  # not the list of all
    assert not may_open(request, "/workspace/partners/new/")
    assert not may_open(request, "/no/such/page/")
    assert may_open(request, "/accounts/")  # their own account
