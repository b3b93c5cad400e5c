"""The SQL path of the figures registry: a source's QuerySet pointed at one schema."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import fields
from decimal import Decimal

import pytest

from core.figures import ALLIANCE_FIGURES, partner_rows, project_rows
from core.models import Project
from kernel.figures import Counting, schema_branch

DAY = datetime.date(2026, 6, 30)


def _literal(value) -> str:
    return f"'{getattr(value, 'value', value)}'"


def test_a_branch_reads_the_schemas_table_as_flat_aggregates_in_json():
    branch = schema_branch(
        partner_rows(Counting(today=DAY, year=2026)),
        schema='"jena"',
        literal=_literal,
        prefix="7::integer, ",
    )
    assert branch.startswith("SELECT 7::integer, json_build_object('kind', ")
    assert ' FROM "jena"."core_partner" AS "core_partner" ' in branch
    assert branch.endswith('GROUP BY "core_partner"."kind"')  # not "GROUP BY 1"
    assert "FROM (" not in branch  # no subquery for the planner
    assert "%s" not in branch
    assert "'active'" in branch


def test_a_grouped_expression_is_grouped_by_itself():
    branch = schema_branch(
        project_rows(Counting(today=DAY, year=2026, as_of=True)), schema='"s"', literal=_literal
    )
    case = branch.split("'status_key', ")[1].split(", 'n'")[0]
    assert case.startswith("CASE WHEN")
    assert branch.endswith(f'GROUP BY "core_project"."topic", {case}')


def test_a_query_with_a_join_is_refused():
    joined = Project.objects.values("lead_partner__name")
    with pytest.raises(ValueError, match="no joins"):
        schema_branch(joined, schema='"s"', literal=_literal)


def test_a_record_has_a_field_per_figure_and_computes_its_shares():
    sums = ALLIANCE_FIGURES.record(
        "Sums", module=__name__, before=[("alliances", int, 0)], summed=True, breakdown=Counter
    )
    names = [f.name for f in fields(sums)]
    assert names == [
        "alliances",
        *ALLIANCE_FIGURES.keys(summed=True),
        *ALLIANCE_FIGURES.breakdown_keys(),
    ]
    empty = sums()
    assert empty.funding_total == Decimal("0")
    assert empty.care_guides_share == 0.0
    assert sums(partners_total=8, partners_with_care_guides=3).care_guides_share == 0.375
    stored = ALLIANCE_FIGURES.record("Stored", module=__name__)
    assert [f.name for f in fields(stored)] == [
        *ALLIANCE_FIGURES.keys(),
        *ALLIANCE_FIGURES.breakdown_keys(),
    ]
    assert stored().care_guides_share == 0.0
