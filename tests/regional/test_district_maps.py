"""The maps of the districts on the pages (issue 18): the state dashboard's and the public
list's, shaded by active alliances, each district a link to its filtered list; the
alliance page's with its district highlighted; nothing fetched from elsewhere."""

from __future__ import annotations

import re
from html import unescape

from kernel import geo
from regional.models import AllianceSnapshot
from tenants.districts import THURINGIA
from tenants.models import Alliance, AllianceStatus
from tests.conftest import assert_same_queries_for_few_and_many
from tests.regional.test_dashboard import (
    DAY,
    assert_same_queries_for_more_snapshots,
    extra_alliances,
    snapshot,
)

THURINGIAS = {row.ags for row in geo.districts(THURINGIA)}


def _links(svg: str) -> dict[str, str]:
    """Each district's key -> the address its link points to."""
    found = re.findall(r'<a href="([^"]+)" aria-label="[^"]+"><g><title>[^<]*</title>'
                       r'<path [^>]*data-ags="(\d{5})"', svg)  # fmt: skip
    return {ags: unescape(href) for href, ags in found}


def _classes(svg: str) -> dict[str, int]:
    found = re.findall(r'class="district value-class-(\d)" data-ags="(\d{5})"', svg)
    return {ags: int(index) for index, ags in found}


def _linked_map(client, path: str):
    """The page at ``path``, its map and the map's links: one for each district."""
    response = client.get(path)
    assert response.status_code == 200
    svg = str(response.context["district_map"].svg)
    links = _links(svg)
    assert set(links) == THURINGIAS
    return response, svg, links


def test_the_dashboard_map_shows_every_district_linking_to_its_alliances(
    jena, badfrankenhausen, state_client
):
    snapshot(jena, DAY)
    snapshot(badfrankenhausen, DAY)
    response, svg, links = _linked_map(state_client, "/dashboard/")
    assert links["16053"] == "/dashboard/alliances/?date=2026-06-15&district=16053"
    # Shaded by active alliances: Jena's and the Kyffhäuserkreis' one each, Erfurt none.
    classes = _classes(svg)
    assert (classes["16053"], classes["16065"], classes["16051"]) == (1, 1, 0)
    assert 'aria-label="Jena: 1 alliance"' in svg
    body = response.content.decode()
    assert 'id="chart-map-title">Active alliances per district</title>' in body
    assert "Jena</a>: 1 active alliance" in body  # the list beside the map
    # The link leads to Jena's figures only.
    listed = state_client.get(links["16053"])
    assert [values[0] for _url, values in listed.context["rows"]] == [jena.name]


def test_a_dormant_alliance_does_not_shade_its_district(jena, state_client):
    jena.status = AllianceStatus.DORMANT
    jena.save()
    snapshot(jena, DAY)
    svg = str(state_client.get("/dashboard/").context["district_map"].svg)
    assert _classes(svg)["16053"] == 0


def test_the_ministry_sees_the_map_without_links(jena, ministry_client):
    snapshot(jena, DAY)
    response = ministry_client.get("/dashboard/")
    assert response.status_code == 200
    svg = str(response.context["district_map"].svg)
    assert set(_classes(svg)) == THURINGIAS
    assert "<a " not in svg


def test_the_dashboard_with_its_map_costs_the_same_queries_for_more_alliances(
    jena, badfrankenhausen, state_client
):
    assert_same_queries_for_more_snapshots(state_client, "/dashboard/", (jena, badfrankenhausen), 6)
    assert AllianceSnapshot.objects.count() == 8


def test_the_public_list_shows_the_map_linking_to_itself_filtered(
    jena, badfrankenhausen, public_client
):
    response, svg, links = _linked_map(public_client, "/")
    assert links["16065"] == "/?district=16065"
    filtered = public_client.get(links["16065"])
    assert [a.slug for a in filtered.context["objects"]] == ["badfrankenhausen"]
    body = response.content.decode()
    assert "<script" not in svg
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    # A map of links is a group: the parts of an image are not read out.
    assert re.search(r'<svg [^>]*role="group" aria-labelledby="home-map-title', body)


def test_the_public_list_map_costs_one_query_whatever_the_alliances(db, public_client):
    before = Alliance.objects.count()

    def many():
        extra_alliances(6)

    assert_same_queries_for_few_and_many(public_client, "/", lambda: None, many)
    assert Alliance.objects.count() == before + 6


def test_the_alliance_page_names_and_highlights_its_district(jena, state_client):
    response = state_client.get(f"/dashboard/alliances/{jena.pk}/")
    assert response.status_code == 200
    svg = str(response.context["district_map"])
    classes = _classes(svg)
    assert set(classes) == THURINGIAS
    assert [ags for ags, index in classes.items() if index == 1] == ["16053"]
    assert "Jena in Thüringen" in svg
    assert "District: Jena" in response.content.decode()
