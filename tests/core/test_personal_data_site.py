"""GDPR for the public site's contact person and the signatories of cooperation
agreements: found, exported and anonymised like every other person's data."""

from __future__ import annotations

import json

from django_tenants.utils import schema_context

from core.models import CooperationAgreement, SiteIdentity
from core.selectors.personal_data import person_records
from core.services.agreements import agreement_update
from core.services.personal_data import record_anonymise
from core.services.publicsite import site_identity_save
from kernel.audit.models import AuditEntry
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.factories.careguides import AgreementFactory

BASE = "/workspace/personal-data/"


def _site_contact(actor) -> SiteIdentity:
    return site_identity_save(
        actor=actor,
        contact_name="Clara Sonnenschein",
        contact_email="clara@buendnis.example",
        contact_phone="03641 778899",
    )


def _signed(actor) -> CooperationAgreement:
    agreement = AgreementFactory(organisation="Innenstadtinitiative Jena")
    return agreement_update(
        actor=actor,
        agreement=agreement,
        signed_by_alliance="Clara Sonnenschein",
        signed_by_other="Bruno Innenstadt",
    )


def test_search_finds_the_site_contact_and_the_signatories(coordinator, coordinator_client):
    with schema_context("jena"):
        _site_contact(coordinator)
        agreement = _signed(coordinator)
    response = coordinator_client.get(BASE, {"q": "Sonnenschein"})
    assert response.status_code == 200
    found = {(r.kind, r.pk): r for r in response.context["records"]}
    assert set(found) == {("site_contact", 1), ("agreement_signatory", agreement.pk)}
    page = response.content.decode()
    assert "Ansprechperson der öffentlichen Seite" in page
    assert "Unterzeichner/in einer Vereinbarung" in page
    signatory = found[("agreement_signatory", agreement.pk)]
    assert signatory.label == "Clara Sonnenschein, Bruno Innenstadt"
    assert "Innenstadtinitiative Jena" in signatory.context
    assert not signatory.anonymised
    # The other party's signatory is found by its own name.
    with schema_context("jena"):
        assert [r.kind for r in person_records(query="bruno")] == ["agreement_signatory"]


def test_export_holds_the_contact_details_and_the_signatories(coordinator, coordinator_client):
    with schema_context("jena"):
        _site_contact(coordinator)
        _signed(coordinator)
    response = coordinator_client.post(BASE + "export/", {"q": "Sonnenschein"})
    data = {r["kind"]: r["data"] for r in json.loads(response.content)["records"]}
    assert data["site_contact"] == {
        "contact_name": "Clara Sonnenschein",
        "contact_email": "clara@buendnis.example",
        "contact_phone": "03641 778899",
    }
    assert data["agreement_signatory"] == {
        "signed_by_alliance": "Clara Sonnenschein",
        "signed_by_other": "Bruno Innenstadt",
    }


def test_anonymising_the_site_contact_leaves_the_public_page_without_one(
    coordinator, coordinator_client, jena_client
):
    with schema_context("jena"):
        _site_contact(coordinator)
    assert "Clara Sonnenschein" in jena_client.get("/").content.decode()
    response = coordinator_client.post(BASE + "site_contact/1/anonymise/", {"q": "Clara"})
    assert response.status_code == 302
    with schema_context("jena"):
        identity = SiteIdentity.objects.get()
        assert (identity.contact_name, identity.contact_email, identity.contact_phone) == (
            "",
            "",
            "",
        )
        assert person_records(query="Sonnenschein") == []
        trail = json.dumps(list(AuditEntry.objects.values("object_repr", "changes")))
        for secret in ("Sonnenschein", "clara@buendnis.example", "778899"):
            assert secret not in trail
    page = jena_client.get("/").content.decode()
    assert "Clara Sonnenschein" not in page
    assert "Anonymisiert" not in page


def test_anonymising_the_signatories_keeps_the_agreement(coordinator):
    with schema_context("jena"):
        agreement = _signed(coordinator)
        record_anonymise(actor=coordinator, kind="agreement_signatory", pk=agreement.pk)
        record_anonymise(actor=coordinator, kind="agreement_signatory", pk=agreement.pk)
        agreement.refresh_from_db()
        assert (agreement.signed_by_alliance, agreement.signed_by_other) == ("", "")
        assert agreement.subject == "Zusammenarbeit für Familien"
        assert agreement.status == "signed"
        assert AuditEntry.objects.filter(action="core.personal_data.anonymised").count() == 1
        trail = json.dumps(list(AuditEntry.objects.values("object_repr", "changes")))
        assert "Bruno" not in trail
        assert "Innenstadtinitiative Jena" in str(agreement)


def test_records_of_another_alliance_are_not_found(coordinator_client, badfrankenhausen):
    with schema_context("badfrankenhausen"):
        site_identity_save(actor=None, contact_name="Clara Sonnenschein")
        agreement = _signed(None)
    assert coordinator_client.get(BASE, {"q": "Sonnenschein"}).context["records"] == []
    with schema_context("jena"):
        same_pk_in_jena = CooperationAgreement.objects.filter(pk=agreement.pk).exists()
    if not same_pk_in_jena:  # Jena's host never reaches Bad Frankenhausen's record
        url = BASE + f"agreement_signatory/{agreement.pk}/anonymise/"
        assert coordinator_client.post(url).status_code == 404
    with schema_context("badfrankenhausen"):
        agreement.refresh_from_db()
        assert agreement.signed_by_other == "Bruno Innenstadt"


def test_a_board_member_cannot_anonymise_a_signatory(jena, coordinator):
    with schema_context("jena"):
        agreement = _signed(coordinator)
    client = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena))
    response = client.post(BASE + f"agreement_signatory/{agreement.pk}/anonymise/")
    assert response.status_code == 404
    with schema_context("jena"):
        agreement.refresh_from_db()
        assert agreement.signed_by_other == "Bruno Innenstadt"
