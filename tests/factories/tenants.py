"""Factories for the public schema: alliances (through the service) and accounts."""

import factory

from kernel import geo
from tenants.models import Alliance, User
from tenants.selectors import home_state
from tenants.services.alliances import alliance_create
from tests.factories.base import numbered, record_factory


class AllianceFactory(factory.Factory):
    """Builds alliances through ``alliance_create`` so schema, domain and audit come along.

    Each one costs a migrated schema: tests share the session's alliances and create
    their own only when the behaviour is about creating one.
    """

    class Meta:
        model = Alliance

    name = numbered("Lokales Bündnis für Familie Testort {n}")
    slug = numbered("testort{n}")
    state = factory.LazyFunction(home_state)  # the installation's, Thuringia
    # The state's first district by key (Erfurt in Thuringia).
    district = factory.LazyAttribute(lambda o: geo.districts(o.state.key)[0].ags)
    host_organisation = "Stadtverwaltung"
    founded_on = None
    status = "active"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return alliance_create(actor=None, **kwargs)


class UserFactory(record_factory(User, django_get_or_create=("email",))):
    email = numbered("person{n}@example.org")
    full_name = factory.Faker("name", locale="de_DE")
    password = factory.django.Password("demo-passwort")


def account_with_role(role: str, alliance=None, **account) -> User:
    """A new account made of ``account`` (e.g. ``email``, ``full_name``) holding ``role``
    in ``alliance`` (None for the state roles)."""
    from tests.conftest import person_with_role  # tests.conftest imports this module

    return person_with_role(role, alliance, user=UserFactory(**account))
