"""Certification programmes over HTTP: expiry shown everywhere, the API, the partner
contact's self-assessment, renewal and programme pages, the state office's templates."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from core.models import CertificationProgramme, SealApplication
from core.models.certification import default_programme_id
from regional.models import CertificationTemplate, TemplateCriterion, TemplateGroup
from tenants.roles import Role
from tests.api.calls import JSON, api_client, api_token
from tests.clock import AT_NOON, in_days
from tests.conftest import host_client, logged_in_client, person_with_role
from tests.factories.seal import (
    AwardedSealFactory,
    PartnerFactory,
    SealApplicationFactory,
    SealCheckFactory,
    SealCriterionFactory,
)

pytestmark = AT_NOON


# ---------------------------------------------------------------- pages, API, permissions


def test_expired_seal_reads_expired_in_list_export_detail_and_api(jena, client, coordinator):
    with schema_context("jena"):
        expired = AwardedSealFactory(
            partner=PartnerFactory(name="Alte Optik GmbH", public_listing_consent=True),
            valid_until=in_days(-10),
        )
        AwardedSealFactory(
            partner=PartnerFactory(name="Neue Optik GmbH", public_listing_consent=True),
            valid_until=in_days(10),
        )
    listed = client.get("/workspace/seal/", {"status": "expired"})
    assert listed.context["page"].paginator.count == 1
    assert "Alte Optik GmbH" in listed.content.decode()
    assert (
        client.get("/workspace/seal/", {"status": "awarded"}).context["page"].paginator.count == 1
    )
    rows = client.get("/workspace/seal/", {"format": "csv"}).content.decode("utf-8-sig")
    assert "Alte Optik GmbH;" in rows
    states = {line.split(";")[0]: line.split(";")[2] for line in rows.splitlines()[1:]}
    assert states == {"Alte Optik GmbH": "Expired", "Neue Optik GmbH": "Awarded"}
    detail = client.get(f"/workspace/seal/{expired.pk}/").content.decode()
    assert "Expired" in detail
    partner_page = client.get(f"/workspace/partners/{expired.partner_id}/").content.decode()
    assert "Expired" in partner_page
    api = api_client("jena.localhost", api_token(coordinator.email, host="jena.localhost"))
    body = api.get(f"/api/v1/seals/{expired.pk}/").json()
    assert (body["status"], body["state"], body["is_valid"]) == ("awarded", "expired", False)
    assert body["programme_name"] == "Familiensiegel"
    public = host_client("jena.localhost").get("/").content.decode()
    certified = public[public.index("Zertifizierte Arbeitgeber") :]
    assert "Neue Optik GmbH" in certified
    assert "Alte Optik GmbH" not in certified


def test_programme_api_creates_through_the_service_and_refuses_bad_threshold(jena, coordinator):
    api = api_client("jena.localhost", api_token(coordinator.email, host="jena.localhost"))
    created = api.post(
        "/api/v1/certification-programmes/",
        {"name": "Vielfalt im Betrieb", "kind": "diversity", "pass_threshold": 60},
        content_type=JSON,
    )
    assert created.status_code == 201, created.content
    assert created.json()["validity_years"] == 3
    refused = api.post(
        "/api/v1/certification-programmes/",
        {"name": "Zu streng", "pass_threshold": 101},
        content_type=JSON,
    )
    assert refused.status_code == 400
    with schema_context("jena"):
        assert not CertificationProgramme.objects.filter(name="Zu streng").exists()


@pytest.fixture
def open_application(jena):
    with schema_context("jena"):
        own = PartnerFactory(name="Eigene GmbH")
        other = PartnerFactory(name="Fremde GmbH")
        criterion = SealCriterionFactory(text="Betriebskita")
        mine = SealApplicationFactory(partner=own)
        theirs = SealApplicationFactory(partner=other)
        for application in (mine, theirs):
            SealCheckFactory(application=application, criterion=criterion)
    return mine, theirs


def test_partner_contact_fills_in_the_own_self_assessment_only(jena, open_application):
    mine, theirs = open_application
    contact = person_with_role(Role.PARTNER_CONTACT, jena, partner_id=mine.partner_id)
    client = logged_in_client(contact, language="en")
    with schema_context("jena"):
        check, other_check = mine.checks.get(), theirs.checks.get()
    page = client.get(f"/workspace/seal/{mine.pk}/self-assessment/")
    assert page.status_code == 200
    assert "Betriebskita" in page.content.decode()
    response = client.post(
        f"/workspace/seal/{mine.pk}/self-assessment/",
        {f"self_score_{check.pk}": "1", f"self_comment_{check.pk}": "im Aufbau"},
    )
    assert response.status_code == 302
    assert response.url == f"/workspace/partners/{mine.partner_id}/"
    with schema_context("jena"):
        check.refresh_from_db()
        assert (check.self_score, check.self_comment) == (1, "im Aufbau")
    refused = client.post(
        f"/workspace/seal/{theirs.pk}/self-assessment/", {f"self_score_{other_check.pk}": "2"}
    )
    assert refused.status_code == 404
    assert client.get(f"/workspace/seal/{mine.pk}/").status_code == 404  # no review for them
    with schema_context("jena"):
        other_check.refresh_from_db()
        assert other_check.self_score is None


def test_board_member_may_not_self_assess_and_bad_score_changes_nothing(
    jena, open_application, client, board_member
):
    mine, _theirs = open_application
    assert (
        logged_in_client(board_member)
        .get(f"/workspace/seal/{mine.pk}/self-assessment/")
        .status_code
        == 404
    )
    check = mine.checks.get()
    response = client.post(
        f"/workspace/seal/{mine.pk}/self-assessment/", {f"self_score_{check.pk}": "7"}
    )
    assert response.status_code == 400
    with schema_context("jena"):
        check.refresh_from_db()
        assert check.self_score is None


def test_renewal_over_http_links_both_applications(jena, client):
    with schema_context("jena"):
        old = AwardedSealFactory(valid_until=in_days(20))
    assert client.get(f"/workspace/seal/{old.pk}/renew/").status_code == 200
    response = client.post(f"/workspace/seal/{old.pk}/renew/")
    assert response.status_code == 302
    with schema_context("jena"):
        renewal = SealApplication.objects.get(renewal_of=old)
    page = client.get(f"/workspace/seal/{old.pk}/").content.decode()
    assert f"/workspace/seal/{renewal.pk}/" in page
    again = client.post(f"/workspace/seal/{old.pk}/renew/")
    assert again.status_code in (200, 400)
    assert "already been started" in again.content.decode()


def test_programme_pages_create_and_show_groups(jena, client):
    response = client.post(
        "/workspace/seal/programmes/new/",
        {"name": "Vielfalt", "kind": "diversity", "validity_years": 2, "pass_threshold": 60},
    )
    assert response.status_code == 302
    with schema_context("jena"):
        programme = CertificationProgramme.objects.get(name="Vielfalt")
    response = client.post(
        "/workspace/seal/groups/new/",
        {"programme": programme.pk, "name": "Diversitätsindikator", "position": 1, "weight": 2},
    )
    assert response.status_code == 302
    bad = client.post("/workspace/seal/programmes/new/", {"name": "X", "validity_years": 0})
    assert bad.status_code == 400
    page = client.get(f"/workspace/seal/programmes/{programme.pk}/")
    assert page.status_code == 200


# ---------------------------------------------------------------- state templates


@pytest.fixture
def diversity_template(db):
    """The state office's diversity indicator group and a programme template with it."""
    group = TemplateGroup.objects.create(key="diversitaet", name="Diversitätsindikator", weight=2)
    TemplateCriterion.objects.create(
        group=group, text="Aufstiegschancen aller Geschlechter", is_required=True, position=1
    )
    TemplateCriterion.objects.create(
        group=group, text="Akzeptanz unterschiedlicher Familienformen", position=2
    )
    template = CertificationTemplate.objects.create(
        key="vielfalt", name="Vielfalt im Betrieb", kind="diversity", pass_threshold=60
    )
    template.groups.add(group)
    return template


def test_state_coordinator_writes_templates_and_others_get_404(db, jena):
    state = logged_in_client(person_with_role(Role.STATE_COORDINATOR), host="localhost")
    response = state.post(
        "/certification/groups/new/",
        {"key": "vereinbarkeit", "name": "Vereinbarkeit", "weight": 1},
    )
    assert response.status_code == 302
    group = TemplateGroup.objects.get(key="vereinbarkeit")
    response = state.post(
        f"/certification/groups/{group.pk}/criteria/new/",
        {"text": "Flexible Arbeitszeit", "weight": 2, "position": 1},
    )
    assert response.status_code == 302
    assert group.criteria.get().weight == 2
    bad = state.post("/certification/new/", {"key": "x y", "name": ""})
    assert bad.status_code == 400
    ministry = logged_in_client(person_with_role(Role.MINISTRY), host="localhost")
    assert ministry.get("/certification/").status_code == 404


def test_alliance_adopts_a_template_with_its_groups_and_criteria(jena, client, diversity_template):
    page = client.get("/workspace/seal/programmes/templates/")
    assert page.status_code == 200
    assert "Vielfalt im Betrieb" in page.content.decode()
    response = client.post(
        "/workspace/seal/programmes/templates/",
        {"adopt-template": diversity_template.pk},
    )
    assert response.status_code == 302
    with schema_context("jena"):
        programme = CertificationProgramme.objects.get(name="Vielfalt im Betrieb")
        assert (programme.kind, programme.pass_threshold, programme.template_key) == (
            "diversity",
            60,
            "vielfalt",
        )
        group = programme.criterion_groups.get()
        assert (group.name, group.weight) == ("Diversitätsindikator", 2)
        assert list(programme.criteria.order_by("position").values_list("text", "is_required")) == [
            ("Aufstiegschancen aller Geschlechter", True),
            ("Akzeptanz unterschiedlicher Familienformen", False),
        ]
    again = client.post(
        "/workspace/seal/programmes/templates/", {"adopt-template": diversity_template.pk}
    )
    assert again.status_code == 400
    assert "exists already" in again.content.decode()


def test_diversity_indicator_is_included_in_the_familiensiegel(jena, client, diversity_template):
    with schema_context("jena"):
        familiensiegel = CertificationProgramme.objects.get(pk=default_programme_id())
    group = diversity_template.groups.get()
    response = client.post(
        "/workspace/seal/programmes/templates/",
        {"include-group": group.pk, "include-programme": familiensiegel.pk},
    )
    assert response.status_code == 302, response.content
    with schema_context("jena"):
        assert familiensiegel.criterion_groups.get().template_key == "diversitaet"
        assert familiensiegel.criteria.filter(group__isnull=False).count() == 2


def test_menu_marks_only_the_entry_the_page_belongs_to(jena, client, coordinator):
    """The programmes live below /workspace/seal/: their pages mark "Certification
    programmes" as the current entry, not also "Family seal"."""
    programmes = client.get("/workspace/seal/programmes/")
    current = [label for label, _url, now in programmes.context["area_menu"] if now]
    assert current == ["Zertifizierungsprogramme"]
    assert programmes.content.decode().count('aria-current="page"') == 1
    seals = client.get("/workspace/seal/")
    assert [label for label, _url, now in seals.context["area_menu"] if now] == ["Familiensiegel"]
