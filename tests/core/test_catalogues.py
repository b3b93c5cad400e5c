"""The catalogues (measures, seal criteria, meeting templates) are lists like the others:
searchable, filterable, sortable, paginated, exportable, constant in queries."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from core.models import Measure, MeetingTemplate, SealCriterion
from core.models.certification import default_programme_id
from tenants.roles import Role
from tests.conftest import (
    assert_same_queries_for_few_and_many,
    csv_rows,
    logged_in_client,
    person_with_role,
)

CATALOGUES = [
    ("/workspace/partners/measures/", Measure, lambda i: {"name": f"Maßnahme {i:03d}"}),
    ("/workspace/seal/criteria/", SealCriterion, lambda i: {"text": f"Kriterium {i:03d}",
        "programme_id": default_programme_id(),
                                                            "position": i}),
    ("/workspace/board/templates/", MeetingTemplate, lambda i: {"name": f"Vorlage {i:03d}",
                                                                "agenda": "Begrüßung\nBericht"}),
]  # fmt: skip


def _make(model, build, start, count):
    def create():
        with schema_context("jena"):
            model.objects.bulk_create([model(**build(i)) for i in range(start, start + count)])

    return create


@pytest.mark.parametrize(("path", "model", "build"), CATALOGUES)
def test_catalogue_search_and_csv_export(coordinator_client, path, model, build):
    _make(model, build, 0, 30)()
    page = coordinator_client.get(path)
    assert page.status_code == 200
    assert page.context["page"].paginator.count == 30
    assert len(page.context["rows"]) == 25
    found = coordinator_client.get(path, {"q": "007"})
    assert found.context["page"].paginator.count == 1
    rows = csv_rows(coordinator_client.get(path, {"format": "csv"}))
    assert len(rows) == 31


@pytest.mark.parametrize(("path", "model", "build"), CATALOGUES)
def test_catalogue_costs_the_same_queries_for_5_and_200_rows(
    coordinator_client, path, model, build
):
    assert_same_queries_for_few_and_many(
        coordinator_client, path, _make(model, build, 0, 5), _make(model, build, 5, 195)
    )


def test_meeting_template_detail_offers_the_quarterly_series(coordinator_client):
    with schema_context("jena"):
        template = MeetingTemplate.objects.create(name="Kuratorium", agenda="Begrüßung\nAnträge")
    body = coordinator_client.get(f"/workspace/board/templates/{template.pk}/").content.decode()
    assert f"/workspace/board/templates/{template.pk}/series/" in body
    assert "<li>Anträge</li>" in body


def test_board_members_read_templates_but_cannot_plan_or_change_them(jena):
    client = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena))
    with schema_context("jena"):
        template = MeetingTemplate.objects.create(name="Kuratorium")
    assert client.get("/workspace/board/templates/").status_code == 200
    body = client.get(f"/workspace/board/templates/{template.pk}/").content.decode()
    assert "/series/" not in body
    assert client.get(f"/workspace/board/templates/{template.pk}/series/").status_code == 404
    assert client.get("/workspace/partners/measures/").status_code == 404
    assert client.get("/workspace/seal/criteria/").status_code == 404
