"""Suppressed small numbers cannot be worked out from everything a report publishes.

Each test reads a report back as its reader would (the shown cells only), sets up the
linear system of every published table (each figure by district and Thuringia, the
partners by kind, both periods) and computes every "<3" cell's feasible interval by
linear programming; it fails if any of them is narrower than 1..2. The intervals are
computed here cell by cell (least and greatest value), independently of the audit's own
shortcut, so the test checks the audit as well.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from core.models import PartnerKind
from regional.models import Report, ReportStatus
from regional.services import reports as services
from regional.suppression import (
    HIDDEN,
    NOT_SHOWN,
    OPEN,
    PRIMARY,
    SECONDARY,
    TOTAL,
    marker,
    marker_range,
    people_values,
    report_relations,
    suppress_figures,
    suppression_pattern,
)
from regional.suppression_audit import audit_suppression
from regional.suppression_lp import LinearSystem
from tests.regional.test_reports import (  # noqa: F401 (fixtures)
    figures,
    ready_report,
    report,
    state_coordinator,
)

DEMO_REPORT = Path(__file__).parent / "data" / "demo_report_2025.json"
KINDS = list(PartnerKind.values)
THRESHOLD = 3


# ---------------------------------------------------------------- reading a report back


def read_back(data: dict, threshold: int = THRESHOLD) -> dict[tuple, tuple[int, int]]:
    """Every small count's feasible interval given what the report shows."""
    shown = suppress_figures(data, threshold)
    cells = {TOTAL: shown["totals"]}
    cells.update({("district", d["code"]): d["cells"] for d in shown["districts"]})
    states = {marker(threshold): PRIMARY, HIDDEN: SECONDARY, NOT_SHOWN: OPEN}
    values = people_values(data)
    bounds = {}
    small = []
    for cell, value in values.items():
        scope, key, column = cell
        published = cells[scope][key]["previous" if column else "value"]
        if published in states:
            bounds[cell] = marker_range(states[published], threshold)
        else:
            assert published == value, cell
        if 0 < value < threshold:
            assert cell in bounds, f"{cell} shown as {published}"
            small.append(cell)
        # a change shown beside a hidden count would give it away
        if cell in bounds:
            assert cells[scope][key]["change"] in (HIDDEN, None), cell
    system = LinearSystem(values, report_relations(data, values))
    return {cell: system.interval(cell, bounds) for cell in small}


def pinned(data: dict, threshold: int = THRESHOLD) -> dict[tuple, tuple[int, int]]:
    """The small counts that a reader can narrow below 1..threshold-1."""
    return {
        cell: (low, high)
        for cell, (low, high) in read_back(data, threshold).items()
        if low > 1 or high < threshold - 1
    }


# ---------------------------------------------------------------- building reports


def build(current: dict[str, dict[str, int]], previous: dict | None = None) -> dict:
    """Report data for districts' {figure or kind: count}; the partners, companies and
    Thuringia's totals are added up as the statistics do."""
    extra = ["partners_with_care_guides", "care_guides_total", "families_reached"]
    rows = ["partners_total", "companies"] + [f"partners_by_kind.{k}" for k in KINDS] + extra

    def figures_of(counts: dict[str, int]) -> dict[str, int]:
        values = {f"partners_by_kind.{k}": counts.get(k, 0) for k in KINDS}
        values["partners_total"] = sum(counts.get(k, 0) for k in KINDS)
        values["companies"] = counts.get("company", 0)
        for key in extra:
            values[key] = counts.get(key, 0)
        return values

    districts = []
    totals = {key: [0, None if previous is None else 0] for key in rows}
    for code in current:
        now = figures_of(current[code])
        before = figures_of(previous[code]) if previous is not None else None
        values = {key: [now[key], before[key] if before else None] for key in rows}
        for key in rows:
            totals[key][0] += now[key]
            if before:
                totals[key][1] += before[key]
        districts.append({"code": code, "name": code.title(), "values": values})
    return {"rows": rows, "totals": totals, "districts": districts}


def _district(data: dict, code: str) -> dict:
    return next(d for d in data["districts"] if d["code"] == code)


# ---------------------------------------------------------------- the issue's attacks


def test_sixteen_municipalities_under_sixteen_small_districts_are_not_each_one():
    # Thuringia shows 16 municipalities and all 16 districts "<3": each would be 1.
    data = build(
        {
            f"d{n:02}": {"municipality": 1, "company": 5 + n, "association": 3 + n % 4}
            for n in range(16)
        }
    )
    assert pinned(data) == {}
    assert audit_suppression(data, THRESHOLD) == []
    shown = suppress_figures(data, THRESHOLD)
    assert shown["totals"]["partners_by_kind.municipality"]["value"] in (HIDDEN, NOT_SHOWN)


def test_eight_chambers_in_eight_small_districts_and_eight_zeros_are_not_each_one():
    data = build(
        {
            f"d{n:02}": {"chamber": 1 if n < 8 else 0, "company": 6 + n, "church": 4}
            for n in range(16)
        }
    )
    assert pinned(data) == {}
    assert audit_suppression(data, THRESHOLD) == []


def test_partners_minus_companies_do_not_pin_five_small_kinds():
    # 19 partners, 14 companies, three kinds at 0, five kinds "<3": 5 left for five.
    small = {"municipality": 1, "social_agency": 1, "science": 1, "association": 1}
    jena = {"company": 14, **small, "employment_agency": 1}
    data = build({"jena": jena, "gotha": {"company": 20, "association": 7, "church": 5}})
    assert _district(data, "jena")["values"]["partners_total"][0] == 19
    assert pinned(data) == {}
    assert audit_suppression(data, THRESHOLD) == []


def test_trained_care_guides_state_total_minus_districts_does_not_pin_x_and_small():
    # Thuringia's care guides minus the published districts leave x + "<3" = 4: with a
    # hidden x of at least 3 both would be exact.
    counts = {"erfurt": 21, "gera": 8, "jena": 30, "suhl": 3, "weimar": 1}
    data = build(
        {
            code: {"company": 10, "partners_with_care_guides": min(n, 5), "care_guides_total": n}
            for code, n in counts.items()
        }
    )
    assert pinned(data) == {}
    assert audit_suppression(data, THRESHOLD) == []
    shown = suppress_figures(data, THRESHOLD)
    row = {d["code"]: d["cells"]["care_guides_total"]["value"] for d in shown["districts"]}
    assert row["weimar"] == marker(THRESHOLD)
    # The rule of old hid the next-smallest cell, Suhl's 3, with it: Thuringia minus the
    # rest then leaves x + "<3" = 4 with x >= 3, so both are exact. The audit sees that.
    data["suppression"] = {
        "threshold": THRESHOLD,
        "cells": [
            ["weimar", "care_guides_total", 0, PRIMARY],
            ["weimar", "partners_with_care_guides", 0, PRIMARY],
            ["suhl", "care_guides_total", 0, SECONDARY],
            ["suhl", "partners_with_care_guides", 0, SECONDARY],
        ],
    }
    found = {(d.scope[1], d.key): (d.low, d.high) for d in audit_suppression(data, THRESHOLD)}
    assert found[("weimar", "care_guides_total")] == (1, 1)


def test_a_small_whole_of_two_small_parts_shows_dot_for_the_parts():
    # Two partners, a company and a municipality: "<3" for each part says "at least 1",
    # so the partners would be at least 2 = exactly 2. Some of them show "." instead
    # ("not shown", any number), which no "x" (at least 3) could do.
    data = build({"kyff": {"company": 1, "municipality": 1}, "jena": {"company": 12, "church": 9}})
    assert pinned(data) == {}
    assert audit_suppression(data, THRESHOLD) == []
    kyff = suppress_figures(data, THRESHOLD)["districts"][0]["cells"]
    keys = ["partners_total", "partners_by_kind.company", "partners_by_kind.municipality"]
    assert NOT_SHOWN in {kyff[key]["value"] for key in keys}


def test_the_previous_period_is_protected_as_well():
    rng = random.Random(7)  # noqa: S311 (test data)
    current = {
        f"d{n}": {"company": rng.randint(3, 30), "church": rng.randint(0, 2)} for n in range(6)
    }
    previous = {
        f"d{n}": {"company": rng.randint(3, 30), "church": rng.randint(0, 2)} for n in range(6)
    }
    data = build(current, previous)
    assert any(cell[2] == 1 for cell in read_back(data))  # small cells last year too
    assert pinned(data) == {}


# ---------------------------------------------------------------- the demo and random tables


@pytest.mark.slow
def test_the_demo_report_pins_down_no_small_number_and_is_suppressed_in_seconds():
    data = json.loads(DEMO_REPORT.read_text())
    started = time.perf_counter()
    pattern = suppression_pattern(data, THRESHOLD)
    chosen = time.perf_counter() - started
    data["suppression"] = pattern
    started = time.perf_counter()
    assert audit_suppression(data, THRESHOLD) == []
    audited = time.perf_counter() - started
    intervals = read_back(data)
    assert len(intervals) == 213  # every small count of the demo, both periods
    assert {cell: i for cell, i in intervals.items() if i[0] > 1 or i[1] < 2} == {}
    print(f"demo report: suppression {chosen:.2f} s, audit {audited:.2f} s")
    # about a second each on an idle machine; generous for a loaded CI
    assert chosen < 60
    assert audited < 60


def _random_report(rng: random.Random) -> dict:
    """A report of random shape: 1 to 12 districts, some kinds, many small numbers and
    zeros, sometimes a previous period."""
    kinds = rng.sample(KINDS, rng.randint(2, len(KINDS)))

    def counts() -> dict[str, int]:
        values = {}
        for kind in kinds:
            values[kind] = rng.choice([0, 0, 1, 1, 2, 3, 4, rng.randint(5, 40)])
        partners = sum(values.values())
        with_guides = rng.randint(0, partners)
        values["partners_with_care_guides"] = with_guides
        values["care_guides_total"] = with_guides + rng.choice([0, 1, 2, rng.randint(3, 20)])
        values["families_reached"] = rng.choice([0, 1, 2, rng.randint(3, 300)])
        return values

    codes = [f"d{n:02}" for n in range(rng.randint(1, 12))]
    current = {code: counts() for code in codes}
    previous = {code: counts() for code in codes} if rng.random() < 0.5 else None
    return build(current, previous)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(30))
def test_random_reports_pin_down_no_small_number(seed):
    data = _random_report(random.Random(seed))  # noqa: S311
    assert audit_suppression(data, THRESHOLD) == []
    assert pinned(data) == {}


@pytest.mark.slow
def test_a_higher_threshold_keeps_every_value_below_it_possible():
    data = _random_report(random.Random(99))  # noqa: S311
    assert audit_suppression(data, 5) == []
    assert pinned(data, 5) == {}


# ---------------------------------------------------------------- the audit itself


def test_the_audit_finds_what_the_old_rule_gave_away():
    # The rule of old: a second cell only when exactly one cell of a line is hidden.
    data = build({f"d{n:02}": {"municipality": 1, "company": 9} for n in range(4)})
    leaky = {
        "threshold": THRESHOLD,
        "cells": [
            [code, f"partners_by_kind.{kind}", 0, PRIMARY]
            for code in [f"d{n:02}" for n in range(4)]
            for kind in ("municipality",)
        ],
    }
    data["suppression"] = leaky
    disclosures = audit_suppression(data, THRESHOLD)
    assert {(d.scope, d.key, d.low, d.high) for d in disclosures} == {
        (("district", f"d{n:02}"), "partners_by_kind.municipality", 1, 1) for n in range(4)
    }


def test_the_audit_reports_a_small_number_shown_as_it_is():
    data = build({"jena": {"company": 2, "church": 9}, "gotha": {"company": 4, "church": 8}})
    data["suppression"] = {"threshold": THRESHOLD, "cells": []}
    keys = {d.key for d in audit_suppression(data, THRESHOLD)}
    assert {"partners_by_kind.company", "companies"} <= keys


# ---------------------------------------------------------------- generating and releasing


def _ready(request):
    """The generated report of tests/regional/test_reports.py and its author."""
    return request.getfixturevalue("ready_report"), request.getfixturevalue("state_coordinator")


@pytest.mark.slow
def test_generating_stores_the_suppression_the_files_show(request):
    generated, _author = _ready(request)
    stored = generated.data["suppression"]
    assert stored["threshold"] == generated.suppression_threshold
    assert audit_suppression(generated.data, generated.suppression_threshold) == []


@pytest.mark.slow
def test_release_is_refused_when_the_published_figures_give_a_small_number_away(request):
    generated, author = _ready(request)
    data = dict(generated.data)
    # What the files of old showed: only the "<3" cells hidden.
    data["suppression"] = {
        "threshold": 3,
        "cells": [
            [None if scope == TOTAL else scope[1], key, column, PRIMARY]
            for (scope, key, column), value in people_values(data).items()
            if 0 < value < 3
        ],
    }
    generated.data = data
    generated.save(update_fields=["data"])
    with pytest.raises(ValidationError) as refused:
        services.report_release(actor=author, report=generated)
    assert "could be worked out" in str(refused.value) or "errechnen" in str(refused.value)
    generated.refresh_from_db()
    assert generated.status == ReportStatus.READY


@pytest.mark.slow
def test_release_is_refused_for_a_report_generated_before_the_check(request):
    generated, author = _ready(request)
    data = dict(generated.data)
    data.pop("suppression")
    generated.data = data
    generated.save(update_fields=["data"])
    with pytest.raises(ValidationError) as refused:
        services.report_release(actor=author, report=generated)
    assert "generate it again" in str(refused.value) or "neu" in str(refused.value)


@pytest.mark.slow
def test_a_generated_report_is_released(request):
    generated, author = _ready(request)
    released = services.report_release(actor=author, report=generated)
    assert released.status == ReportStatus.RELEASED


@pytest.mark.slow
def test_the_demo_seed_releases_a_report_whose_small_numbers_hold(prepared_demo):
    """The demo's own path (``demo.state.seed_report``, run by ``seed_demo``) over the 16
    demo alliances: the report of the prepared demo database (tests/conftest.py)."""
    from demo.state import REPORT_TITLE

    released = Report.objects.get(title__startswith=REPORT_TITLE)
    assert released.status == ReportStatus.RELEASED
    assert released.data["suppression"]["threshold"] == released.suppression_threshold
    assert audit_suppression(released.data, released.suppression_threshold) == []
    assert pinned(released.data, released.suppression_threshold) == {}


def test_a_period_is_hidden_alike_as_this_period_and_as_the_previous_one():
    """Last year's figures appear twice (last year's report, this year's comparison):
    with two different patterns over the same numbers, each would give away what the
    other hides. The pattern of a period depends on that period's figures only."""
    rng = random.Random(11)  # noqa: S311 (test data)

    def counts() -> dict[str, int]:
        return {k: rng.choice([0, 1, 2, 3, rng.randint(4, 30)]) for k in KINDS[:6]}

    codes = [f"d{n:02}" for n in range(8)]
    older, last, this = ({code: counts() for code in codes} for _period in range(3))

    def hidden(data: dict, column: int) -> set:
        pattern = suppression_pattern(data, THRESHOLD)["cells"]
        return {(code, key, state) for code, key, col, state in pattern if col == column}

    assert hidden(build(last, older), 0) == hidden(build(this, last), 1)


@pytest.mark.slow
def test_the_release_page_refuses_a_leaky_report_in_german(request):
    from tests.conftest import logged_in_client

    generated, author = _ready(request)
    data = dict(generated.data)
    data["suppression"] = {"threshold": 3, "cells": []}  # every small number shown
    generated.data = data
    generated.save(update_fields=["data"])
    client = logged_in_client(author, "localhost")
    response = client.post(f"/reports/{generated.pk}/release/")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Die kleinen Zahlen dieses Berichts sind nicht geschützt" in body
    assert "Der Bericht kann nicht freigegeben werden." in body
    generated.refresh_from_db()
    assert generated.status == ReportStatus.READY
