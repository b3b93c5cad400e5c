"""Factories for admission applications and decisions (use inside a tenant schema)."""

import datetime

import factory

from core.models import Application, ApplicationStatus, Decision, DecisionOutcome, PartnerKind
from tests.factories.board import BoardMeetingFactory


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    organisation_name = factory.Sequence(lambda n: f"Familienfreundliche GmbH {n}")
    kind = PartnerKind.COMPANY
    city = "Jena"
    website = "https://example.org"
    contact_name = factory.Sequence(lambda n: f"Anna Beispiel{n}")
    contact_email = factory.Sequence(lambda n: f"bewerbung{n}@example.org")
    contact_phone = "+49 3641 123456"
    statement = "Flexible Arbeitszeiten und ein Eltern-Kind-Büro."
    received_on = factory.LazyFunction(lambda: datetime.date(2026, 1, 10))
    status = ApplicationStatus.PENDING


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    application = factory.SubFactory(ApplicationFactory)
    meeting = factory.SubFactory(BoardMeetingFactory)
    outcome = DecisionOutcome.DEFER
    votes_yes = 3
    votes_no = 1
    votes_abstain = 0
