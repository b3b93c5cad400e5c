"""Small-number suppression of the ministry reports and the figures they are built from."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from regional.models import AllianceSnapshot
from regional.reports import NoFiguresError, Period, build_report_data, row_keys
from regional.suppression import HIDDEN, suppress_figures, suppress_value


def _data(totals: dict, districts: dict[str, dict]) -> dict:
    """Report data with the given rows: {key: [this period, previous period]}."""
    keys = list(totals)
    return {
        "rows": keys,
        "totals": totals,
        "districts": [
            {"code": code, "name": code.title(), "values": values}
            for code, values in districts.items()
        ],
    }


def _jena_only(rows: dict) -> dict:
    """Report data of one district, Jena, whose rows (a copy) are Thuringia's too."""
    return _data(rows, {"jena": {key: list(values) for key, values in rows.items()}})


def _cells(shown: dict, key: str) -> dict[str, object]:
    return {d["code"]: d["cells"][key]["value"] for d in shown["districts"]}


def _suppressed_cells(key: str, total: list, districts: dict[str, list]) -> dict[str, object]:
    """The district cells of ``key`` the ministry sees at threshold 3, given Thuringia's
    ``total`` and each district's [this period, previous period]."""
    data = _data({key: total}, {code: {key: values} for code, values in districts.items()})
    return _cells(suppress_figures(data, 3), key)


# ---------------------------------------------------------------- one value


@pytest.mark.parametrize(
    ("value", "threshold", "expected"),
    [
        (0, 3, 0),
        (1, 3, "<3"),
        (2, 3, "<3"),
        (3, 3, 3),
        (250, 3, 250),
        (4, 5, "<5"),
        (5, 5, 5),
        (None, 3, None),
        (Decimal("2.00"), 3, Decimal("2.00")),  # money is never suppressed
    ],
)
def test_suppress_value_hides_counts_from_one_to_below_the_threshold(value, threshold, expected):
    assert suppress_value(value, threshold) == expected


# ---------------------------------------------------------------- primary and secondary


def test_a_single_small_district_cell_hides_the_next_smallest_one_too():
    data = _data(
        {"partners_total": [19, 20]},
        {
            "jena": {"partners_total": [10, 10]},
            "kyffhaeuserkreis": {"partners_total": [2, 5]},
            "gotha": {"partners_total": [7, 5]},
        },
    )
    shown = suppress_figures(data, 3)
    # Kyffhäuserkreis is small; Gotha (7, the next smallest) is hidden so that
    # 19 - 10 - 7 cannot reveal it; Jena stays; Thuringia's total stays.
    assert _cells(shown, "partners_total") == {
        "jena": 10,
        "kyffhaeuserkreis": "<3",
        "gotha": HIDDEN,
    }
    assert shown["totals"]["partners_total"]["value"] == 19
    # The previous period has no small cell: nothing hidden there.
    previous = {d["code"]: d["cells"]["partners_total"]["previous"] for d in shown["districts"]}
    assert previous == {"jena": 10, "kyffhaeuserkreis": 5, "gotha": 5}
    # A change computed from a hidden value is hidden too.
    kyff = shown["districts"][1]["cells"]["partners_total"]
    assert kyff["change"] == HIDDEN
    assert kyff["change_percent"] == HIDDEN
    assert shown["districts"][0]["cells"]["partners_total"]["change"] == 0


def test_two_small_district_cells_need_no_secondary_suppression():
    cells = _suppressed_cells(
        "valid_seals", [12, 12], {"jena": [1, 4], "gotha": [2, 4], "erfurt": [9, 4]}
    )
    assert cells == {"jena": "<3", "gotha": "<3", "erfurt": 9}


def test_zero_is_shown_and_not_picked_for_secondary_suppression():
    cells = _suppressed_cells(
        "care_guides_total", [12, 0], {"jena": [2, 0], "gotha": [0, 0], "erfurt": [10, 0]}
    )
    assert cells == {"jena": "<3", "gotha": 0, "erfurt": HIDDEN}


def test_counts_of_alliances_projects_events_meetings_and_money_are_never_suppressed():
    keys = ["alliances", "projects_total", "events", "board_meetings_held", "funding_total"]
    values = {"alliances": 1, "projects_total": 2, "events": 1, "board_meetings_held": 2}
    values["funding_total"] = "1.50"
    data = _jena_only({key: [values[key], values[key]] for key in keys})
    shown = suppress_figures(data, 3)
    for key in keys:
        assert shown["totals"][key]["value"] not in ("<3", HIDDEN), key
    assert shown["totals"]["alliances"]["value"] == 1
    assert shown["totals"]["funding_total"]["value"] == Decimal("1.50")


def test_every_count_of_people_or_organisations_is_suppressed():
    keys = [
        "partners_total",
        "companies",
        "partners_with_care_guides",
        "care_guides_total",
        "valid_seals",
        "families_reached",
        "event_participants",
        "partners_by_kind.church",
    ]
    data = _jena_only({key: [2, None] for key in keys})
    shown = suppress_figures(data, 3)
    for key in keys:
        assert shown["totals"][key]["value"] == "<3", key
        assert shown["districts"][0]["cells"][key]["value"] == "<3", key
        assert shown["totals"][key]["change"] is None  # no previous period: nothing to compare


def test_a_single_small_kind_of_partner_hides_another_kind_not_the_headline_figure():
    data = _jena_only(
        {
            "partners_total": [20, 20],
            "companies": [4, 4],
            "partners_by_kind.company": [4, 4],
            "partners_by_kind.church": [1, 4],
            "partners_by_kind.association": [15, 12],
        }
    )
    shown = suppress_figures(data, 3)
    totals = shown["totals"]
    assert totals["partners_by_kind.church"]["value"] == "<3"
    # 20 - 15 - 4 would give the church's 1: another kind is hidden too. Hiding the
    # companies (4) would hide Thuringia's headline figure "companies" with it (the same
    # number), so the associations are hidden, a part of the breakdown only.
    assert totals["partners_by_kind.association"]["value"] == HIDDEN
    assert totals["partners_by_kind.company"]["value"] == 4
    assert totals["companies"]["value"] == 4
    assert totals["partners_by_kind.association"]["previous"] == 12


def test_a_share_of_a_hidden_count_is_hidden():
    data = _jena_only(
        {"partners_total": [10, 10], "partners_with_care_guides": [2, 5],
         "care_guides_share": [0.2, 0.5]}
    )  # fmt: skip
    shown = suppress_figures(data, 3)
    share = shown["totals"]["care_guides_share"]
    assert share["value"] == HIDDEN  # 0.2 x 10 would reveal the 2
    assert share["previous"] == 0.5
    assert share["change"] == HIDDEN


def test_a_threshold_of_one_suppresses_nothing():
    data = _jena_only({"partners_total": [1, 2]})
    shown = suppress_figures(data, 1)
    assert shown["totals"]["partners_total"] == {
        "value": 1,
        "previous": 2,
        "change": -1,
        "change_percent": -50.0,
    }


# ---------------------------------------------------------------- building the figures


def _snapshot(alliance, day: datetime.date, **values) -> AllianceSnapshot:
    return AllianceSnapshot.objects.create(alliance=alliance, taken_on=day, year=day.year, **values)


def test_report_data_takes_the_latest_snapshots_of_the_period_and_of_the_previous_one(
    jena, badfrankenhausen
):
    _snapshot(jena, datetime.date(2025, 12, 1), partners_total=99)  # not the latest
    _snapshot(jena, datetime.date(2025, 12, 20), partners_total=30, companies=10,
              partners_with_care_guides=6, funding_total=Decimal("1000.50"),
              funding_by_kind={"grant": "1000.50"}, partners_by_kind={"company": 10, "other": 20},
              projects_by_topic={"care": 2}, projects_total=2)  # fmt: skip
    _snapshot(badfrankenhausen, datetime.date(2025, 12, 20), partners_total=2, companies=1,
              partners_by_kind={"company": 1, "church": 1})  # fmt: skip
    _snapshot(jena, datetime.date(2026, 1, 5), partners_total=500)  # after the period
    _snapshot(jena, datetime.date(2024, 11, 30), partners_total=24, companies=8,
              partners_with_care_guides=3, funding_total=Decimal("800"))  # fmt: skip

    data = build_report_data(Period("year", 2025, None))

    assert data["snapshot_date"] == "2025-12-20"
    assert data["previous_snapshot_date"] == "2024-11-30"
    assert data["totals"]["alliances"] == [2, 1]
    assert data["totals"]["partners_total"] == [32, 24]
    assert data["totals"]["companies"] == [11, 8]
    assert data["totals"]["care_guides_share"] == [round(6 / 32, 4), 0.125]
    assert data["totals"]["funding_total"] == ["1000.50", "800.00"]
    assert data["totals"]["funding_by_kind.grant"] == ["1000.50", "0.00"]
    assert data["totals"]["partners_by_kind.church"] == [1, 0]
    assert data["totals"]["projects_by_topic.care"] == [2, 0]
    districts = {d["code"]: d for d in data["districts"]}
    assert set(districts) == {"16053", "16065"}  # Jena, Kyffhäuserkreis
    assert districts["16065"]["name"] == "Kyffhäuserkreis"
    assert districts["16065"]["values"]["partners_total"] == [2, 0]
    assert districts["16053"]["values"]["alliances"] == [1, 1]
    assert data["rows"] == row_keys(
        {
            "partners_by_kind": [
                "company", "municipality", "social_agency", "science", "association",
                "chamber", "employment_agency", "church", "other",
            ],
            "projects_by_status": ["planned", "running", "finished"],
            "projects_by_topic": [
                "childcare", "care", "working_world", "generations", "information",
                "holidays", "other",
            ],
            "funding_by_kind": ["donation", "membership_fee", "grant", "other"],
            "certificates_by_kind": ["family", "diversity", "other"],
        }
    )  # fmt: skip
    shown = suppress_figures(data, 3)
    assert shown["totals"]["partners_total"]["change"] == 8
    assert shown["totals"]["partners_total"]["change_percent"] == 33.3
    assert shown["totals"]["funding_total"]["change"] == Decimal("200.50")


def test_quarterly_reports_compare_with_the_previous_quarter(jena):
    _snapshot(jena, datetime.date(2025, 12, 31), partners_total=10)
    _snapshot(jena, datetime.date(2026, 3, 31), partners_total=12)
    data = build_report_data(Period("quarter", 2026, 1))
    assert data["period"]["label"] == "Q1 2026"
    assert data["previous_period"]["label"] == "Q4 2025"
    assert data["totals"]["partners_total"] == [12, 10]
    assert Period("quarter", 2026, 2).end == datetime.date(2026, 6, 30)
    assert Period("quarter", 2026, 4).end == datetime.date(2026, 12, 31)


def test_without_a_snapshot_in_the_period_there_is_nothing_to_report(jena):
    _snapshot(jena, datetime.date(2024, 12, 31), partners_total=10)
    with pytest.raises(NoFiguresError):
        build_report_data(Period("year", 2025, None))
