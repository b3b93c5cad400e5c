"""The benchmark tooling (``make bench``) stays runnable: its synthetic alliance data and
its size table. The benchmarks themselves run only by ``python -m tests.benchmarks``."""

from __future__ import annotations

from django_tenants.utils import tenant_context

from core.models import Partner, Project, SealApplication
from tests.benchmarks.__main__ import FULL, QUICK, parse
from tests.benchmarks.alliance_data import PARTNERS, PROJECTS, SEALS, seed_alliance_data


def test_quick_and_full_runs_know_the_same_sizes():
    assert FULL.keys() == QUICK.keys()
    assert parse(["--quick"]).sizes == [4, 12]
    assert parse([]).migrate_alliances == 650  # issue 18: releases over 650 alliances


def test_synthetic_alliance_data_fills_an_alliance(jena):
    with tenant_context(jena):
        seed_alliance_data()
        assert Partner.objects.count() == PARTNERS
        assert Project.objects.count() == PROJECTS
        assert SealApplication.objects.filter(status="awarded").count() == SEALS


def test_the_api_anchor_writes_the_same_rows_as_the_partner_api(jena):
    """The anchor (tests.benchmarks.anchor) is a fair comparison only while it returns
    what GET /api/v1/partners/ returns: the same fields with the same values."""
    from rest_framework.test import APIRequestFactory

    from api.serializers.partners import PartnerSerializer
    from core.selectors.partners import partner_list
    from tests.benchmarks.anchor import PlainPartnerList

    with tenant_context(jena):
        seed_alliance_data()
        request = APIRequestFactory().get("/api/v1/partners/")
        plain = PlainPartnerList.as_view()(request).data["results"]
        ours = PartnerSerializer(partner_list().order_by("pk")[: len(plain)], many=True).data
        assert len(plain) == 50
        assert [dict(row) for row in plain] == [dict(row) for row in ours]


def test_the_benchmark_alliances_spread_over_the_16_states(db):
    from kernel import geo
    from tests.benchmarks.common import bench_place

    places = [bench_place(number) for number in range(1, 651)]
    per_state = {}
    for state, district in places:
        assert geo.district(district).state == state.key  # a district of its own state
        per_state[state.key] = per_state.get(state.key, 0) + 1
    assert len(per_state) == 16
    assert min(per_state.values()) >= 40
