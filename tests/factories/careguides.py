"""Factories for cooperation agreements (care guides: tests.factories.partners)."""

import datetime

import factory

from core.models import AgreementRenewal, AgreementStatus, CooperationAgreement


class AgreementFactory(factory.django.DjangoModelFactory):
    """A signed agreement in force since 2025 without a fixed end."""

    class Meta:
        model = CooperationAgreement

    organisation = factory.Sequence(lambda n: f"Netzwerk {n}")
    subject = "Zusammenarbeit für Familien"
    status = AgreementStatus.SIGNED
    signed_on = datetime.date(2025, 1, 15)
    valid_from = datetime.date(2025, 2, 1)
    renewal = AgreementRenewal.NONE
