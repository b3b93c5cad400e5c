"""A person's own data: export (GDPR Art. 15/20) and erasure (Art. 17)."""

from __future__ import annotations

import re
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import schema_context

from kernel.audit.models import AuditEntry
from kernel.audit.services import audit_log
from tenants.models import Alliance, User

ERASED_LABEL = "Gelöschte Person"


def _schemas() -> list[str]:
    return ["public", *Alliance.objects.values_list("schema_name", flat=True)]


def account_export(*, actor, user: User) -> dict[str, Any]:
    """Everything the platform holds about ``user`` as account holder, as JSON-ready data."""
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "is_active": user.is_active,
        },
        "memberships": [
            {
                "role": m.role,
                "alliance": m.alliance.name if m.alliance_id else None,
                "since": m.created_at.isoformat(),
            }
            for m in user.memberships.select_related("alliance")
        ],
        "activity": [],
    }
    for schema in _schemas():
        with schema_context(schema):
            for entry in AuditEntry.objects.filter(actor_id=user.pk).order_by("created_at"):
                data["activity"].append(
                    {
                        "area": schema,
                        "time": entry.created_at.isoformat(),
                        "action": entry.action,
                        "object": entry.object_repr,
                    }
                )
    with schema_context("public"):
        audit_log(actor=actor, action="tenants.account.exported", target=user)
    return data


@transaction.atomic
def account_erase(*, actor, user: User) -> None:
    """Anonymise the account for good and remove its roles.

    The audit trail keeps its entries (an alliance's history stays complete) but no
    longer names the person. Statistics are untouched: they never counted accounts.
    """
    names = sorted(
        {value for value in (user.email, user.full_name) if value}, key=len, reverse=True
    )
    # Whole words only, any case, longest first: "Anna Schmidtke" survives erasing
    # "Anna Schmidt", and "Erika.Beispiel@Example.org" does not survive its lower-case twin.
    pattern = re.compile(
        "|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in names), re.IGNORECASE
    )
    limit = AuditEntry._meta.get_field("object_repr").max_length
    for schema in _schemas():
        with schema_context(schema):
            AuditEntry.objects.filter(actor_id=user.pk).update(actor_label=ERASED_LABEL)
            candidates = AuditEntry.objects.none()
            for name in names:
                candidates = candidates | AuditEntry.objects.filter(object_repr__icontains=name)
            for entry in candidates.distinct():
                cleaned = pattern.sub(ERASED_LABEL, entry.object_repr)[:limit]
                if cleaned != entry.object_repr:
                    entry.object_repr = cleaned
                    entry.save(update_fields=["object_repr"])
    with schema_context("public"):
        user.memberships.all().delete()
        user.email = f"geloescht-{user.pk}-{secrets.token_hex(4)}@erased.invalid"
        user.full_name = ""
        user.is_active = False
        user.is_staff = False
        user.is_superuser = False
        user.set_unusable_password()  # also ends every session (auth hash changes)
        user.save()
        audit_log(
            actor=None if actor is not None and actor.pk == user.pk else actor,
            action="tenants.account.erased",
            target=user,
            changes={
                "requested_by": "self" if actor is not None and actor.pk == user.pk else "staff"
            },
        )
