"""Factories for the family seal (use inside ``schema_context(<alliance>)``)."""

import datetime

import factory

from core.models import SealApplication, SealCheck, SealCriterion, SealStatus
from tests.factories.base import numbered, record_factory
from tests.factories.partners import PartnerFactory


class SealCriterionFactory(record_factory(SealCriterion)):
    text = numbered("Kriterium {n}: flexible Arbeitszeiten")
    position = factory.Sequence(lambda n: n)
    is_required = True
    is_active = True


class SealApplicationFactory(record_factory(SealApplication)):
    partner = factory.SubFactory(PartnerFactory)
    submitted_on = datetime.date(2026, 1, 10)
    status = SealStatus.SUBMITTED


class AwardedSealFactory(SealApplicationFactory):
    status = SealStatus.AWARDED
    submitted_on = datetime.date(2023, 3, 1)
    awarded_on = datetime.date(2023, 6, 1)
    valid_until = datetime.date(2026, 6, 1)


class SealCheckFactory(record_factory(SealCheck)):
    application = factory.SubFactory(SealApplicationFactory)
    criterion = factory.SubFactory(SealCriterionFactory)
    fulfilled = False
