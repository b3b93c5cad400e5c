"""The API lists build their FilterSet (and its form) only when the request names a
filter (api.filtering): without one the rows are those the FilterSet would give."""

from __future__ import annotations

from django_tenants.utils import schema_context

from core.filters.partners import PartnerFilter
from tenants.roles import Role
from tests.api.calls import api_client, api_token
from tests.conftest import person_with_role
from tests.factories.partners import PartnerFactory

LIST = "/api/v1/partners/"


def test_a_list_without_filter_parameters_builds_no_filterset(jena, monkeypatch):
    with schema_context("jena"):
        PartnerFactory.create_batch(3)
        PartnerFactory(name="Zeiss", city="Jena-Nord")
    client = api_client(
        "jena.localhost", api_token(person_with_role(Role.LOCAL_COORDINATOR, jena).email)
    )
    built = []
    original = PartnerFilter.__init__

    def counting(self, *args, **kwargs):
        built.append(kwargs.get("data"))
        original(self, *args, **kwargs)

    monkeypatch.setattr(PartnerFilter, "__init__", counting)

    plain = client.get(LIST, {"page_size": 2, "ordering": "-name", "page": 1})
    assert plain.status_code == 200
    assert built == []
    # The same rows as through a FilterSet that filters nothing (an empty search).
    through_filterset = client.get(LIST, {"page_size": 2, "ordering": "-name", "page": 1, "q": ""})
    assert len(built) == 1
    assert through_filterset.json()["results"] == plain.json()["results"]
    assert through_filterset.json()["count"] == plain.json()["count"]
    # A filter is applied as before, and a bad value refused as before.
    found = client.get(LIST, {"q": "Zeiss"}).json()
    assert [row["name"] for row in found["results"]] == ["Zeiss"]
    assert client.get(LIST, {"status": "nonsense"}).status_code == 400
