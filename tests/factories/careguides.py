"""Factories for cooperation agreements (care guides: tests.factories.partners)."""

import datetime

from core.models import AgreementRenewal, AgreementStatus, CooperationAgreement
from tests.factories.base import numbered, record_factory


class AgreementFactory(record_factory(CooperationAgreement)):
    """A signed agreement in force since 2025 without a fixed end."""

    organisation = numbered("Netzwerk {n}")
    subject = "Zusammenarbeit für Familien"
    status = AgreementStatus.SIGNED
    signed_on = datetime.date(2025, 1, 15)
    valid_from = datetime.date(2025, 2, 1)
    renewal = AgreementRenewal.NONE
