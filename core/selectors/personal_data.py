"""Finding a person's data in the alliance's records (GDPR requests).

Each kind of record that holds personal data is declared once in ``PERSONAL_KINDS``:
its model, the fields that are personal data (those of them that identify the person are
searched, and scrubbed from the audit trail when it is anonymised), what the result list
shows, and the values that replace the personal data (``core.services.personal_data``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import (
    Application,
    BoardMember,
    CareGuide,
    Carer,
    ContactPerson,
    CooperationAgreement,
    Placement,
    SiteIdentity,
    Supporter,
    WorkshopRegistration,
)

#: Fields that hold a person's name: anonymised, they read "Anonymisiert".
NAME_FIELDS = ("last_name", "full_name", "contact_name", "family_name", "name")
#: Fields that identify a person: searched, and scrubbed from the audit trail.
IDENTIFYING = (
    *NAME_FIELDS,
    "first_name",
    "family_contact",
    "signed_by_alliance",
    "signed_by_other",
    "email",
    "contact_email",
)


@dataclass(frozen=True)
class PersonalKind:
    """A kind of record holding personal data. ``describe(obj)`` gives the name and the
    context the result list shows; ``replaced`` the values that anonymise particular
    fields (the others: see ``core.services.personal_data``)."""

    label: Any  # lazy text: what the result list calls the record
    model: type[models.Model]
    fields: tuple[str, ...]  # the personal data (exported, anonymised)
    describe: Callable[[Any], tuple[str, str]]
    related: tuple[str, ...] = ()  # select_related for ``describe``
    replaced: Mapping[str, str] = field(default_factory=dict)

    @property
    def search(self) -> tuple[str, ...]:
        """The fields a search looks in: the person's names and e-mail addresses."""
        return tuple(name for name in self.fields if name in IDENTIFYING)

    @property
    def keeps_date(self) -> bool:
        """Whether the record notes when it was anonymised (``anonymised_at``)."""
        return any(f.name == "anonymised_at" for f in self.model._meta.get_fields())

    def is_anonymised(self, obj) -> bool:
        """Anonymised at a noted time or, for records that note none (the site's contact
        person, an agreement's signatories), without any personal data left."""
        if self.keeps_date:
            return obj.anonymised_at is not None
        return not any(getattr(obj, name) for name in self.fields)


PERSONAL_KINDS: dict[str, PersonalKind] = {
    "contact": PersonalKind(
        gettext_lazy("Contact person"),
        ContactPerson,
        ("first_name", "last_name", "position", "email", "phone"),
        lambda obj: (str(obj), obj.partner.name),
        related=("partner",),
    ),
    "board_member": PersonalKind(
        gettext_lazy("Board member"),
        BoardMember,
        ("full_name", "email", "phone"),
        lambda obj: (obj.full_name, obj.affiliation),
    ),
    "application": PersonalKind(
        gettext_lazy("Application"),
        Application,
        ("contact_name", "contact_email", "contact_phone", "statement"),
        lambda obj: (obj.contact_name, obj.organisation_name),
        replaced={"contact_email": "anonymisiert@invalid.invalid"},
    ),
    # carers
    "carer": PersonalKind(
        gettext_lazy("Carer"),
        Carer,
        (
            "first_name",
            "last_name",
            "email",
            "phone",
            "address",
            "languages",
            "qualifications",
            "notes",
        ),
        lambda obj: (str(obj), str(_("Childcare pool"))),
    ),
    "placement": PersonalKind(
        gettext_lazy("Family of a placement"),
        Placement,
        ("family_name", "family_contact", "children_ages", "notes"),
        lambda obj: (obj.family_name, str(_("Placement in the childcare pool"))),
    ),
    # workshops
    "workshop_registration": PersonalKind(
        gettext_lazy("Workshop registration"),
        WorkshopRegistration,
        ("name", "email", "organisation"),
        lambda obj: (obj.name, str(obj.workshop)),
        related=("workshop__event",),
    ),
    # careguides
    "care_guide": PersonalKind(
        gettext_lazy("Care guide"),
        CareGuide,
        ("name", "email", "phone"),
        lambda obj: (obj.name, obj.partner.name),
        related=("partner",),
    ),
    # fundraising
    "supporter": PersonalKind(
        gettext_lazy("Member or donor"),
        Supporter,
        ("name", "street", "postcode", "city", "email", "notes"),
        lambda obj: (obj.name, f"{obj.postcode} {obj.city}".strip()),
    ),
    # publicsite: anonymised, the public page shows no contact person at all
    "site_contact": PersonalKind(
        gettext_lazy("Contact person of the public site"),
        SiteIdentity,
        ("contact_name", "contact_email", "contact_phone"),
        lambda obj: (obj.contact_name, str(_("Public site"))),
        replaced={"contact_name": ""},
    ),
    # agreements
    "agreement_signatory": PersonalKind(
        gettext_lazy("Signatory of an agreement"),
        CooperationAgreement,
        ("signed_by_alliance", "signed_by_other"),
        lambda obj: (
            ", ".join(name for name in (obj.signed_by_alliance, obj.signed_by_other) if name),
            str(obj),
        ),
        related=("partner",),
    ),
}

# kind -> (model, fields holding personal data)
PERSONAL_FIELDS = {code: (kind.model, kind.fields) for code, kind in PERSONAL_KINDS.items()}


@dataclass(frozen=True)
class PersonRecord:
    kind: str
    pk: int
    label: str
    context: str
    data: dict[str, str]
    anonymised: bool

    @property
    def kind_label(self) -> str:
        return str(PERSONAL_KINDS[self.kind].label)


def person_records(*, query: str) -> list[PersonRecord]:
    """Records whose name or e-mail contains every word of ``query`` (case-insensitive)."""
    words = query.split()[:5]
    if not words or len(query.strip()) < 3:
        return []
    found: list[PersonRecord] = []
    for code, kind in PERSONAL_KINDS.items():
        queryset = kind.model.objects.all()
        if kind.related:
            queryset = queryset.select_related(*kind.related)
        for word in words:
            condition = Q()
            for name in kind.search:
                condition |= Q(**{f"{name}__icontains": word})
            queryset = queryset.filter(condition)
        for obj in queryset.order_by("pk"):
            label, context = kind.describe(obj)
            found.append(
                PersonRecord(
                    kind=code,
                    pk=obj.pk,
                    label=label,
                    context=context,
                    data={name: getattr(obj, name) for name in kind.fields},
                    anonymised=kind.is_anonymised(obj),
                )
            )
    return found
