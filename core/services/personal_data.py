"""GDPR in the alliance's records: export a person's data, anonymise it, retention.

Anonymising keeps the record (a partner keeps its contact slot, the board its history,
the statistics their counts) but removes what identifies the person, also from the
audit trail, which records field names only for these writes.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.models import (
    Application,
    ApplicationStatus,
    CareGuide,
    Carer,
    CarerStatus,
    ContactPerson,
    Partner,
    PartnerStatus,
    Placement,
    PlacementStatus,
)
from core.selectors.personal_data import (
    NAME_FIELDS,
    PERSONAL_KINDS,
    PersonalKind,
    person_records,
)
from core.services.fundraising_privacy import expired_supporters, refuse_while_kept
from kernel.audit.models import AuditEntry
from kernel.audit.services import audit_log

ANONYMISED = "Anonymisiert"
REMOVED = "[entfernt]"


def personal_data_export(*, actor, query: str) -> dict[str, Any]:
    records = person_records(query=query)
    audit_log(
        actor=actor,
        action="core.personal_data.exported",
        changes={"records": len(records)},  # never the query: it is personal data itself
    )
    return {
        "exported_at": timezone.now().isoformat(),
        "records": [
            {"kind": r.kind, "id": r.pk, "context": r.context, "data": r.data} for r in records
        ],
    }


def _blank_values(kind: PersonalKind) -> dict[str, str]:
    values = {}
    for name in kind.fields:
        if name in kind.replaced:
            values[name] = kind.replaced[name]
        elif name in NAME_FIELDS:
            values[name] = ANONYMISED
        elif name == "first_name":
            values[name] = ""
        elif name == "statement":
            values[name] = REMOVED
        elif kind.model._meta.get_field(name).blank:
            values[name] = ""
        else:
            values[name] = REMOVED
    return values


def _scrub_audit_trail(obj, names: list[str]) -> None:
    """Earlier entries about this record recorded its values; keep only field names."""
    entries = AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
    for entry in entries:
        entry.changes = dict.fromkeys(entry.changes, REMOVED)
        entry.object_repr = ANONYMISED
        entry.save(update_fields=["changes", "object_repr"])
    for name in names:
        if len(name) >= 3:
            for entry in AuditEntry.objects.filter(object_repr__icontains=name):
                entry.object_repr = ANONYMISED
                entry.save(update_fields=["object_repr"])


@transaction.atomic
def record_anonymise(*, actor, kind: str, pk: int, reason: str = "request") -> None:
    """Remove the personal data of one record (any kind of ``PERSONAL_KINDS``)."""
    personal = PERSONAL_KINDS[kind]
    obj = personal.model.objects.select_for_update().get(pk=pk)
    if personal.is_anonymised(obj):
        return
    if kind == "supporter":  # fundraising: tax law keeps money records ten years
        refuse_while_kept(obj, timezone.localdate())
    # What identified the person, to be scrubbed from the audit trail's descriptions.
    names = [str(getattr(obj, name)) for name in personal.search if getattr(obj, name)]
    names.append(personal.describe(obj)[0])
    for name, value in _blank_values(personal).items():
        setattr(obj, name, value)
    if kind == "workshop_registration":
        from core.services.workshops import registration_erase_details

        registration_erase_details(obj)
    if personal.keeps_date:
        obj.anonymised_at = timezone.now()
    obj.save()
    _scrub_audit_trail(obj, list(dict.fromkeys(names)))
    audit_log(
        actor=actor,
        action="core.personal_data.anonymised",
        target=obj,
        changes={"fields": list(personal.fields), "reason": reason},
    )


def retention_cutoff(today: datetime.date | None = None) -> datetime.datetime:
    months = int(getattr(settings, "BUENDNISNETZ_RETENTION_MONTHS", 24))
    today = today or timezone.localdate()
    year, month = divmod(today.month - 1 - months, 12)
    day = min(today.day, 28)
    cutoff = datetime.date(today.year + year, month + 1, day)
    return timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time.min))


def apply_retention(*, today: datetime.date | None = None) -> dict[str, int]:
    """Anonymise what the retention period allows no longer to keep, in this schema.

    Rejected or withdrawn applications (counted from their last change), the contact
    persons and care guides of partners who left (counted from the leaving date) and
    care guides no longer active (from their last change). Safe to run again.
    """
    cutoff = retention_cutoff(today)
    done = {"applications": 0, "contacts": 0, "care_guides": 0}
    stale_applications = Application.objects.filter(
        status__in=[ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN],
        updated_at__lt=cutoff,
        anonymised_at__isnull=True,
    ).values_list("pk", flat=True)
    for pk in list(stale_applications):
        record_anonymise(actor=None, kind="application", pk=pk, reason="retention")
        done["applications"] += 1
    left_partners = Partner.objects.filter(
        status=PartnerStatus.LEFT, left_on__lt=cutoff.date()
    ).values_list("pk", flat=True)
    contacts = ContactPerson.objects.filter(
        partner__in=list(left_partners), anonymised_at__isnull=True
    ).values_list("pk", flat=True)
    for pk in list(contacts):
        record_anonymise(actor=None, kind="contact", pk=pk, reason="retention")
        done["contacts"] += 1
    # fundraising: former members and donors once the ten years of tax law have ended
    done["supporters"] = 0
    for pk in expired_supporters(timezone.localdate() if today is None else today, cutoff.date()):
        record_anonymise(actor=None, kind="supporter", pk=pk, reason="retention")
        done["supporters"] += 1
    # careguides
    guides = CareGuide.objects.filter(
        Q(partner__in=list(left_partners)) | Q(is_active=False, updated_at__lt=cutoff),
        anonymised_at__isnull=True,
    ).values_list("pk", flat=True)
    for pk in list(guides):
        record_anonymise(actor=None, kind="care_guide", pk=pk, reason="retention")
        done["care_guides"] += 1
    done.update(_childcare_retention(cutoff))  # carers
    # workshops
    from core.services.workshops import registrations_purge
    from kernel.workshops.rules import retention_start

    done["workshop_registrations"] = registrations_purge(before=retention_start(today))
    return done


# carers
def _childcare_retention(cutoff: datetime.datetime) -> dict[str, int]:
    """Families of placements that ended before the cutoff, and carers who left before
    it (counted from their last change) and have no placement that is not ended yet."""
    done = {"placements": 0, "carers": 0}
    ended = Placement.objects.filter(
        status=PlacementStatus.ENDED, end_date__lt=cutoff.date(), anonymised_at__isnull=True
    ).values_list("pk", flat=True)
    for pk in list(ended):
        record_anonymise(actor=None, kind="placement", pk=pk, reason="retention")
        done["placements"] += 1
    left = (
        Carer.objects.filter(
            status=CarerStatus.LEFT, updated_at__lt=cutoff, anonymised_at__isnull=True
        )
        .exclude(placements__status__in=[PlacementStatus.PLANNED, PlacementStatus.RUNNING])
        .values_list("pk", flat=True)
    )
    for pk in list(left):
        record_anonymise(actor=None, kind="carer", pk=pk, reason="retention")
        done["carers"] += 1
    return done
