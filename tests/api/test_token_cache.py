"""The API token's user, kept by each process (api.authentication): a request reads
only the token's stamp, and every change takes effect at the very next request."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed

from api import authentication
from api.authentication import CachedTokenAuthentication
from tenants.models import Membership, User
from tenants.roles import Role
from tests.api.calls import api_client, api_token
from tests.conftest import person_with_role

LIST = "/api/v1/partners/"


@pytest.fixture(autouse=True)
def _no_kept_users():
    authentication.clear()
    yield
    authentication.clear()


@pytest.fixture
def coordinator(jena) -> User:
    return person_with_role(Role.LOCAL_COORDINATOR, jena)


@pytest.fixture
def client_and_key(coordinator):
    key = api_token(coordinator.email)
    client = api_client("jena.localhost", key)
    assert client.get(LIST).status_code == 200  # the user is kept from here on
    return client, key


def token_reads(client) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST).status_code == 200
    return [q["sql"] for q in queries.captured_queries if "authtoken_token" in q["sql"]]


def test_a_kept_token_costs_one_narrow_read(client_and_key):
    client, _key = client_and_key
    (read,) = token_reads(client)
    assert '"tenants_user"."password"' not in read


def test_a_revoked_token_is_refused_at_the_very_next_request(client_and_key):
    client, _key = client_and_key
    assert client.delete("/api/v1/auth/token/").status_code == 204
    refused = client.get(LIST)
    assert refused.status_code == 401
    assert refused.json()["detail"] == "Ungültiges Token"


def test_a_replaced_token_is_refused_and_the_new_one_accepted(coordinator, client_and_key):
    client, key = client_and_key
    Token.objects.filter(key=key).delete()
    new_key = Token.objects.create(user=coordinator).key
    assert client.get(LIST).status_code == 401
    assert api_client("jena.localhost", new_key).get(LIST).status_code == 200


def test_a_deactivated_user_is_refused_at_the_very_next_request(coordinator, client_and_key):
    client, _key = client_and_key
    coordinator.is_active = False
    coordinator.save()
    assert client.get(LIST).status_code == 401
    # Even when the row is changed without ``save``: the request reads ``is_active``.
    coordinator.is_active = True
    coordinator.save()
    assert client.get(LIST).status_code == 200
    User.objects.filter(pk=coordinator.pk).update(is_active=False)
    assert client.get(LIST).status_code == 401


def test_a_changed_password_or_role_takes_effect_at_the_next_request(coordinator, client_and_key):
    client, key = client_and_key
    coordinator.set_password("ein-neues-passwort")
    coordinator.save()
    user, _token = CachedTokenAuthentication().authenticate_credentials(key)
    assert user.check_password("ein-neues-passwort")
    Membership.objects.filter(user=coordinator).delete()
    assert client.get(LIST).status_code == 404  # no role in this alliance any more


def test_a_rolled_back_change_leaves_nothing_stale(coordinator, client_and_key):
    client, key = client_and_key
    with transaction.atomic():
        coordinator.full_name = "Nur im Zurückgerollten"
        coordinator.save()
        user, _token = CachedTokenAuthentication().authenticate_credentials(key)
        assert user.full_name == "Nur im Zurückgerollten"  # kept, with the new stamp
        coordinator.is_active = False
        coordinator.save()
        assert client.get(LIST).status_code == 401
        transaction.set_rollback(True)
    user, _token = CachedTokenAuthentication().authenticate_credentials(key)
    assert user.full_name != "Nur im Zurückgerollten"
    assert client.get(LIST).status_code == 200


def test_each_request_gets_its_own_copy_of_the_kept_user(client_and_key):
    _client, key = client_and_key
    first, _token = CachedTokenAuthentication().authenticate_credentials(key)
    first.full_name = "Nur in dieser Anfrage"
    second, token = CachedTokenAuthentication().authenticate_credentials(key)
    assert second is not first
    assert second.full_name != "Nur in dieser Anfrage"
    assert token.key == key
    assert token.user is second


def test_an_unknown_token_is_refused_as_before(db):
    with pytest.raises(AuthenticationFailed):
        CachedTokenAuthentication().authenticate_credentials("0" * 40)
