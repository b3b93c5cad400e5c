"""The alliance lists (issue 18): the state area's public start page, the API's alliances,
the state office's figures list and the address book search, filter by state, district,
size and activity from one FilterSet per model, and page; a bad value is a German
message, and a page costs as many queries for 60 alliances as for 5."""

from __future__ import annotations

import datetime

import pytest

from api.views.addressbook import AddressBookViewSet
from api.views.monitoring import MonitoringViewSet
from api.views.state import AllianceViewSet
from regional.filters.alliances import SIZES, AllianceFilter, PublicAllianceFilter
from regional.filters.monitoring import MonitoringFilter
from regional.filters.statistics import ALLIANCE_FILTERS, AllianceSnapshotApiFilter
from regional.views.addressbook import ADDRESS_BOOK
from regional.views.home import HOME_LIST
from regional.views.statistics import FIGURES_LIST
from tenants.models import Alliance, AllianceStatus, State
from tenants.roles import Role
from tests.api.calls import api_client
from tests.conftest import assert_same_queries_for_few_and_many, person_with_role
from tests.pages import assert_page_shows
from tests.regional.test_dashboard import extra_alliances, snapshot

DAY = datetime.date(2026, 6, 15)
API = "/api/v1/alliances/"


def names(response) -> list[str]:
    return [alliance.name for alliance in response.context["objects"]]


@pytest.fixture
def sized(jena, badfrankenhausen):
    """Jena with 12 active partners (an older snapshot said 60), Bad Frankenhausen with 5."""
    snapshot(jena, DAY - datetime.timedelta(days=90), partners_total=60)
    snapshot(jena, DAY, partners_total=12)
    snapshot(badfrankenhausen, DAY, partners_total=5)


@pytest.fixture
def saxon(db) -> Alliance:
    """An alliance of a second state (a row without schema: the lists read none)."""
    alliance = extra_alliances(1, start=900)[0]
    Alliance.objects.filter(pk=alliance.pk).update(
        state=State.objects.get(key="14"),
        name="Lokales Bündnis für Familie Leipzig",
        host_organisation="Familienzentrum Sachsen e. V.",
        status=AllianceStatus.DORMANT,
    )
    return Alliance.objects.get(pk=alliance.pk)


# ---------------------------------------------------------------- one FilterSet per model


def test_the_alliance_lists_offer_parts_of_one_alliance_filterset():
    assert HOME_LIST.filterset is PublicAllianceFilter
    assert AllianceViewSet.filterset_class is PublicAllianceFilter
    schema_view = MonitoringViewSet()
    schema_view.swagger_fake_view = True
    assert schema_view.filterset_class is MonitoringFilter
    for part in (PublicAllianceFilter, MonitoringFilter):
        assert issubclass(part, AllianceFilter)
        for name in ALLIANCE_FILTERS:
            # The declarations are shared, not copied.
            assert part.base_filters[name] is AllianceFilter.base_filters[name]
    assert "reason" not in PublicAllianceFilter.base_filters
    assert AddressBookViewSet.filterset_class is ADDRESS_BOOK.filterset


def test_every_alliance_list_filters_by_the_same_choices():
    others = (FIGURES_LIST.filterset, AllianceSnapshotApiFilter, ADDRESS_BOOK.filterset)
    for filterset in others:
        for name in ALLIANCE_FILTERS:
            mine, theirs = filterset.base_filters[name], AllianceFilter.base_filters[name]
            assert type(mine) is type(theirs)
            assert mine.label == theirs.label
            assert mine.extra.get("choices") == theirs.extra.get("choices")


def test_size_classes_hold_their_numbers():
    assert [SIZES["0-9"].holds(n) for n in (0, 9, 10, None)] == [True, True, False, False]
    assert [SIZES["50-"].holds(n) for n in (49, 50, 500, None)] == [False, True, True, False]
    assert [SIZES["none"].holds(n) for n in (0, None)] == [False, True]


# ---------------------------------------------------------------- the public start page


def test_the_start_page_lists_the_alliances_for_anyone_with_links(public_client, jena):
    response = public_client.get("/")
    filters = [f'name="{name}"' for name in ("q", "state", "district", "size", "status")]
    shown = ["Lokale Bündnisse für Familie in Thüringen", 'href="//jena.localhost/"', *filters]
    # Public: no downloads for anonymous callers.
    assert_page_shows(response, shown, hidden=["format=csv"])
    assert public_client.get("/", {"format": "csv"}).status_code != 200
    assert "Lokales Bündnis für Familie Bad Frankenhausen" in names(response)


def test_the_start_page_pages_fifty_alliances(public_client, jena):
    extra_alliances(60)
    first = public_client.get("/")
    assert len(first.context["objects"]) == 50
    assert first.context["page"].paginator.count == 62
    assert "Seite 1 von 2" in first.content.decode()
    assert len(public_client.get("/", {"page": 2}).context["objects"]) == 12


def test_the_start_page_searches_name_place_and_host(public_client, jena, saxon):
    assert names(public_client.get("/", {"q": "frankenhausen"})) == [
        "Lokales Bündnis für Familie Bad Frankenhausen"
    ]
    # A place: the district's name.
    assert names(public_client.get("/", {"q": "Kyffhäuser"})) == [
        "Lokales Bündnis für Familie Bad Frankenhausen"
    ]
    assert names(public_client.get("/", {"q": "Familienzentrum Sachsen"})) == [saxon.name]


def test_the_start_page_filters_by_state_district_and_activity(public_client, jena, saxon):
    assert names(public_client.get("/", {"state": "14"})) == [saxon.name]
    assert saxon.name not in names(public_client.get("/", {"state": "16"}))
    assert names(public_client.get("/", {"district": "jena"})) == [jena.name]
    assert names(public_client.get("/", {"status": "dormant"})) == [saxon.name]
    assert saxon.name not in names(public_client.get("/", {"status": "active"}))


def test_the_start_page_filters_by_the_newest_snapshots_size(public_client, sized, jena):
    assert names(public_client.get("/", {"size": "10-24"})) == [jena.name]
    assert names(public_client.get("/", {"size": "0-9"})) == [
        "Lokales Bündnis für Familie Bad Frankenhausen"
    ]
    assert names(public_client.get("/", {"size": "50-"})) == []
    assert jena.name not in names(public_client.get("/", {"size": "none"}))


def test_no_match_offers_to_reset_the_filters(public_client, jena):
    html = public_client.get("/", {"q": "Atlantis"}).content.decode()
    assert "Filter zurücksetzen" in html


@pytest.mark.parametrize(
    "params", [{"state": "99"}, {"state": "x" * 300}, {"size": "riesig"}, {"status": "dissolved"}]
)
def test_a_bad_filter_value_is_a_german_message_not_an_error(public_client, jena, params):
    response = public_client.get("/", params)
    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen" in response.content.decode()
    assert jena.name in names(response)  # the list stays unfiltered


def few():
    # Rows on both counts, so the filtered list is never empty (an empty page reads less).
    for alliance in extra_alliances(3):
        snapshot(alliance, DAY, partners_total=15)


def many():
    for alliance in extra_alliances(55, start=3):
        snapshot(alliance, DAY, partners_total=15)


FILTERED = {"q": "Bündnis", "state": "16", "size": "10-24", "status": "active"}


@pytest.mark.parametrize("params", [None, FILTERED, {"sort": "-founded", "page": "2"}])
def test_the_start_page_costs_the_same_queries_for_5_and_60_alliances(public_client, jena, params):
    assert_same_queries_for_few_and_many(public_client, "/", few, many, params)


def test_the_api_list_costs_the_same_queries_for_5_and_60_alliances(jena):
    assert_same_queries_for_few_and_many(api_client("localhost"), API, few, many, FILTERED)


# ---------------------------------------------------------------- the API


def test_the_api_filters_with_the_same_parameters(jena, sized, saxon):
    client = api_client("localhost")
    slugs = lambda params: [a["slug"] for a in client.get(API, params).json()["results"]]  # noqa: E731
    assert slugs({"state": "14"}) == [saxon.slug]
    assert slugs({"size": "10-24"}) == ["jena"]
    assert slugs({"status": "dormant", "q": "Leipzig"}) == [saxon.slug]
    assert slugs({"district": "kyffhaeuserkreis"}) == ["badfrankenhausen"]


def test_the_api_pages_and_refuses_bad_values_in_german(jena):
    extra_alliances(60)
    client = api_client("localhost")
    body = client.get(API).json()
    assert (body["count"], len(body["results"])) == (62, 50)
    for params in ({"state": "99"}, {"size": "riesig"}, {"status": "dissolved"}):
        answer = client.get(API, params, HTTP_ACCEPT_LANGUAGE="de")
        assert answer.status_code == 400
        assert "gültige" in answer.content.decode()


# ---------------------------------------------------------------- the state office's lists


def test_the_figures_list_filters_by_size_and_activity_in_the_own_state(
    state_client, sized, saxon, jena
):
    # Thuringia's office: Saxony's alliance is never listed, whatever the filter says.
    snapshot(saxon, DAY, partners_total=30)
    page = "/dashboard/alliances/"
    rows = lambda params: [v[0] for _u, v in state_client.get(page, params).context["rows"]]  # noqa: E731
    assert saxon.name not in rows({})
    refused = state_client.get(page, {"state": "14"})  # not a state it can choose
    assert list(refused.context["filterset"].errors) == ["state"]
    assert saxon.name not in refused.content.decode()
    assert rows({"size": "25-49"}) == []
    assert rows({"size": "10-24"}) == [jena.name]
    assert rows({"status": "dormant"}) == []
    response = state_client.get(page, {"size": "riesig"})
    assert response.status_code == 200
    assert list(response.context["filterset"].errors) == ["size"]


def test_the_address_book_filters_by_state_size_and_activity(state_client, sized, jena):
    person_with_role(Role.LOCAL_COORDINATOR, jena)
    alliances = lambda params: {  # noqa: E731
        contact.alliance_name
        for contact in state_client.get("/address-book/", params).context["objects"]
    }
    assert alliances({"size": "10-24"}) == {jena.name}
    refused = state_client.get("/address-book/", {"state": "14"})
    assert list(refused.context["filterset"].errors) == ["state"]
    assert jena.name in alliances({"state": "16", "status": "active"})
    assert alliances({"status": "dormant"}) == set()


def test_the_monitoring_list_filters_by_state_and_reason(state_client, jena, saxon):
    page = "/dashboard/monitoring/"
    everyone = {a.pk for a in state_client.get(page).context["objects"]}
    assert saxon.pk not in everyone  # Thuringia's office: its own state's alliances only
    refused = state_client.get(page, {"state": "14"})
    assert list(refused.context["filterset"].errors) == ["state"]
    assert saxon.pk not in {a.pk for a in refused.context["objects"]}
    response = state_client.get(page, {"state": "99", "reason": "no_login"})
    assert response.status_code == 200
    assert list(response.context["filterset"].errors) == ["state"]
