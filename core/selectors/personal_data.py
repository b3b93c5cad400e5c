"""Finding a person's data in the alliance's records (GDPR requests)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from core.models import (
    Application,
    BoardMember,
    CareGuide,
    Carer,
    ContactPerson,
    Placement,
    WorkshopRegistration,
)

# kind -> (model, fields holding personal data)
PERSONAL_FIELDS = {
    "contact": (ContactPerson, ("first_name", "last_name", "position", "email", "phone")),
    "board_member": (BoardMember, ("full_name", "email", "phone")),
    "application": (Application, ("contact_name", "contact_email", "contact_phone", "statement")),
    # carers
    "carer": (
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
    ),
    "placement": (
        Placement,
        ("family_name", "family_contact", "children_ages", "notes"),
    ),
    # workshops
    "workshop_registration": (WorkshopRegistration, ("name", "email", "organisation")),
    "care_guide": (CareGuide, ("name", "email", "phone")),  # careguides
}


@dataclass(frozen=True)
class PersonRecord:
    kind: str
    pk: int
    label: str
    context: str
    data: dict[str, str]
    anonymised: bool


def _describe(kind: str, obj) -> tuple[str, str]:
    if kind == "contact":
        return str(obj), obj.partner.name
    if kind == "board_member":
        return obj.full_name, obj.affiliation
    if kind == "carer":  # carers
        return str(obj), str(_("Childcare pool"))
    if kind == "placement":
        return obj.family_name, str(_("Placement in the childcare pool"))
    if kind == "workshop_registration":
        return obj.name, str(obj.workshop)
    if kind == "care_guide":
        return obj.name, obj.partner.name
    return obj.contact_name, obj.organisation_name


def person_records(*, query: str) -> list[PersonRecord]:
    """Records whose name or e-mail contains every word of ``query`` (case-insensitive)."""
    words = query.split()[:5]
    if not words or len(query.strip()) < 3:
        return []
    searches = {
        "contact": ("first_name", "last_name", "email"),
        "board_member": ("full_name", "email"),
        "application": ("contact_name", "contact_email"),
        "carer": ("first_name", "last_name", "email"),  # carers
        "placement": ("family_name", "family_contact"),
        "workshop_registration": ("name", "email"),
        "care_guide": ("name", "email"),  # careguides
    }
    found: list[PersonRecord] = []
    for kind, (model, fields) in PERSONAL_FIELDS.items():
        queryset = model.objects.all()
        if kind in ("contact", "care_guide"):
            queryset = queryset.select_related("partner")
        if kind == "workshop_registration":
            queryset = queryset.select_related("workshop__event")
        for word in words:
            condition = Q()
            for field in searches[kind]:
                condition |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(condition)
        for obj in queryset.order_by("pk"):
            label, context = _describe(kind, obj)
            found.append(
                PersonRecord(
                    kind=kind,
                    pk=obj.pk,
                    label=label,
                    context=context,
                    data={field: getattr(obj, field) for field in fields},
                    anonymised=obj.anonymised_at is not None,
                )
            )
    return found
