"""Finding a person's data in the alliance's records (GDPR requests)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from core.models import Application, BoardMember, ContactPerson, Supporter

# kind -> (model, fields holding personal data)
PERSONAL_FIELDS = {
    "contact": (ContactPerson, ("first_name", "last_name", "position", "email", "phone")),
    "board_member": (BoardMember, ("full_name", "email", "phone")),
    "application": (Application, ("contact_name", "contact_email", "contact_phone", "statement")),
    # fundraising
    "supporter": (Supporter, ("name", "street", "postcode", "city", "email", "notes")),
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
    if kind == "supporter":  # fundraising
        return obj.name, f"{obj.postcode} {obj.city}".strip()
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
        "supporter": ("name", "email"),  # fundraising
    }
    found: list[PersonRecord] = []
    for kind, (model, fields) in PERSONAL_FIELDS.items():
        queryset = model.objects.all()
        if kind == "contact":
            queryset = queryset.select_related("partner")
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
