"""Factories for admission applications and decisions (use inside a tenant schema)."""

import datetime

import factory

from core.models import Application, ApplicationStatus, Decision, DecisionOutcome, PartnerKind
from tests.factories.base import numbered, record_factory
from tests.factories.board import BoardMeetingFactory


class ApplicationFactory(record_factory(Application)):
    organisation_name = numbered("Familienfreundliche GmbH {n}")
    kind = PartnerKind.COMPANY
    city = "Jena"
    website = "https://example.org"
    contact_name = numbered("Anna Beispiel{n}")
    contact_email = numbered("bewerbung{n}@example.org")
    contact_phone = "+49 3641 123456"
    statement = "Flexible Arbeitszeiten und ein Eltern-Kind-Büro."
    received_on = factory.LazyFunction(lambda: datetime.date(2026, 1, 10))
    status = ApplicationStatus.PENDING


class DecisionFactory(record_factory(Decision)):
    application = factory.SubFactory(ApplicationFactory)
    meeting = factory.SubFactory(BoardMeetingFactory)
    outcome = DecisionOutcome.DEFER
    votes_yes = 3
    votes_no = 1
    votes_abstain = 0
