"""Factories for partners, contact persons and measures (records in the current schema)."""

import factory

from core.models import CareGuide, ContactPerson, Measure, Partner, PartnerKind, PartnerStatus
from tests.factories.base import numbered, record_factory


class MeasureFactory(record_factory(Measure)):
    name = numbered("Maßnahme {n}")


class PartnerFactory(record_factory(Partner, skip_postgeneration_save=True)):
    name = numbered("Partnerbetrieb {n} GmbH")
    kind = PartnerKind.COMPANY
    status = PartnerStatus.ACTIVE
    city = "Jena"

    @factory.post_generation
    def care_guides(obj, create, extracted, **kwargs):
        """``care_guides_count=n`` gives the partner n guide records (the number is
        counted from them)."""
        if create and obj.care_guides_count:
            CareGuide.objects.bulk_create(
                CareGuide(partner=obj, name=f"Pflegelotse {number}")
                for number in range(1, obj.care_guides_count + 1)
            )


class ContactPersonFactory(record_factory(ContactPerson)):
    partner = factory.SubFactory(PartnerFactory)
    first_name = factory.Faker("first_name", locale="de_DE")
    last_name = factory.Faker("last_name", locale="de_DE")
    email = numbered("kontakt{n}@betrieb.example")
    phone = "+49 3641 123456"


def partner_form(name: str, **fields) -> dict:
    """What the new-partner form sends for an active company ``name``; ``fields`` change
    or add to it."""
    return {"name": name, "kind": "company", "size_class": "n/a", "status": "active",
            **fields}  # fmt: skip


class CareGuideFactory(record_factory(CareGuide)):
    """A care guide (the partner's count is kept by the services: use them, or recount)."""

    partner = factory.SubFactory(PartnerFactory)
    name = factory.Faker("name", locale="de_DE")
