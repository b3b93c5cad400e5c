"""Factories for partners, contact persons and measures (records in the current schema)."""

import factory

from core.models import ContactPerson, Measure, Partner, PartnerKind, PartnerStatus


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    name = factory.Sequence(lambda n: f"Maßnahme {n}")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partnerbetrieb {n} GmbH")
    kind = PartnerKind.COMPANY
    status = PartnerStatus.ACTIVE
    city = "Jena"


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    partner = factory.SubFactory(PartnerFactory)
    first_name = factory.Faker("first_name", locale="de_DE")
    last_name = factory.Faker("last_name", locale="de_DE")
    email = factory.Sequence(lambda n: f"kontakt{n}@betrieb.example")
    phone = "+49 3641 123456"


def partner_form(name: str, **fields) -> dict:
    """What the new-partner form sends for an active company ``name`` without care
    guides; ``fields`` change or add to it."""
    return {"name": name, "kind": "company", "size_class": "n/a", "status": "active",
            "care_guides_count": 0, **fields}  # fmt: skip
