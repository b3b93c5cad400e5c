"""Routing by host: state area, alliance schemas, unknown hosts, and the cached lookup."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kernel.cache import SHARED_ALIAS
from tenants import domain_cache
from tenants.models import AllianceStatus, Domain
from tests.conftest import host_client
from tests.pages import assert_page_shows


def test_parent_domain_serves_the_state_area_listing_all_alliances(public_client, jena):
    shown = ["Lokale Bündnisse für Familie in Thüringen", "Lokales Bündnis für Familie Jena",
             "Lokales Bündnis für Familie Bad Frankenhausen", "//jena.localhost/"]  # fmt: skip
    assert_page_shows(public_client.get("/"), shown)


def test_alliance_host_serves_that_alliance_in_its_own_schema(jena_client):
    response = jena_client.get("/")
    assert response.status_code == 200
    assert response.wsgi_request.tenant.schema_name == "jena"
    body = response.content.decode()
    assert "Lokales Bündnis für Familie Jena" in body
    assert "Bad Frankenhausen" not in body


def test_each_alliance_host_gets_its_own_alliance(badfrankenhausen_client):
    response = badfrankenhausen_client.get("/")
    assert response.wsgi_request.tenant.schema_name == "badfrankenhausen"
    assert "Kyffhäuserkreis" in response.content.decode()
    assert "Jena" not in response.content.decode()


def test_host_with_port_is_routed_like_without(jena):
    response = host_client("jena.localhost:8000").get("/")
    assert response.status_code == 200
    assert response.wsgi_request.tenant.schema_name == "jena"


@pytest.mark.parametrize(
    "host",
    [
        "unbekannt.localhost",  # well-formed sub-domain, no alliance
        "jena.localhost.evil.example",  # outside ALLOWED_HOSTS
        "evil.example",
        "jena..localhost",  # malformed
        "JENA.localhost\r\nX-Injected: 1",  # header injection attempt
    ],
)
def test_unknown_host_gets_a_plain_404_with_no_tenant_content(jena, host):
    response = host_client(host).get("/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Nicht gefunden" in body
    assert "Jena" not in body
    assert "Bad Frankenhausen" not in body
    assert "Landeskoordination" not in body
    assert not hasattr(response.wsgi_request, "tenant")


def test_unknown_host_404_also_for_admin_and_other_paths(jena):
    for path in ("/admin/", "/i18n/setlang/", "/static/css/app.css", "/nothing"):
        response = host_client("unbekannt.localhost").get(path)
        assert response.status_code == 404, path


def test_dissolved_alliance_no_longer_answers_on_its_host(jena, jena_client):
    assert jena_client.get("/").status_code == 200
    jena.status = AllianceStatus.DISSOLVED
    jena.save()  # the signal clears this process's host map
    assert jena_client.get("/").status_code == 404


def test_domain_lookup_is_cached_no_query_after_the_first_request(jena_client):
    with CaptureQueriesContext(connection) as first:
        assert jena_client.get("/").status_code == 200
    assert any("tenants_domain" in q["sql"] for q in first.captured_queries)

    with CaptureQueriesContext(connection) as second:
        assert jena_client.get("/").status_code == 200
        assert host_client("jena.localhost").get("/").status_code == 200
    # The page reads its own records, but routing costs nothing any more.
    routing = [q["sql"] for q in second.captured_queries if "tenants_" in q["sql"]]
    assert routing == []
    with CaptureQueriesContext(connection) as login_page:
        assert jena_client.get("/accounts/login/").status_code == 200
    assert login_page.captured_queries == []


def test_unknown_hosts_are_cached_too(jena):
    client = host_client("unbekannt.localhost")
    client.get("/")
    with CaptureQueriesContext(connection) as repeat:
        assert client.get("/").status_code == 404
    assert repeat.captured_queries == []


def test_new_domain_answers_at_once_in_the_process_that_added_it(jena):
    client = host_client("familie-jena.localhost")
    assert client.get("/").status_code == 404
    Domain.objects.create(domain="familie-jena.localhost", tenant=jena, is_primary=False)
    response = client.get("/")
    assert response.status_code == 200
    assert response.wsgi_request.tenant.schema_name == "jena"


def test_request_tenant_is_a_copy_so_requests_cannot_leak_state(jena_client):
    first = jena_client.get("/").wsgi_request.tenant
    first.name = "changed by a request"
    second = jena_client.get("/").wsgi_request.tenant
    assert second.name == "Lokales Bündnis für Familie Jena"


def test_ui_is_german_by_default_whatever_the_browser_asks(jena):
    response = host_client("jena.localhost", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").get("/")
    assert response["Content-Language"] == "de"
    assert "Gründung" in response.content.decode()


def test_english_when_chosen(jena):
    client = host_client("jena.localhost")
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    response = client.get("/")
    assert response["Content-Language"] == "en"
    assert "Founded" in response.content.decode()


def test_a_domain_change_committed_elsewhere_reaches_this_process_at_its_next_request(jena):
    """Another node changed the host: no signal ran here, only the stamp in Redis is new."""
    client = host_client("jena.localhost")
    assert client.get("/").status_code == 200  # cached in this process
    Domain.objects.filter(domain="jena.localhost").update(domain="jena-neu.localhost")
    assert client.get("/").status_code == 200  # no signal here: still the cached map
    domain_cache.STAMP.renew()  # what the other node did once its change was committed

    assert client.get("/").status_code == 404
    assert host_client("jena-neu.localhost").get("/").status_code == 200


def test_a_committed_domain_change_renews_the_stamp_every_node_compares(
    jena, django_capture_on_commit_callbacks
):
    stamp = domain_cache.STAMP
    before = caches[SHARED_ALIAS].get(stamp._key())
    with django_capture_on_commit_callbacks(execute=True):
        Domain.objects.create(domain="familie-jena.localhost", tenant=jena, is_primary=False)
        # Not before the commit: another node would read the old rows again.
        assert caches[SHARED_ALIAS].get(stamp._key()) == before
    assert caches[SHARED_ALIAS].get(stamp._key()) not in (None, before)
