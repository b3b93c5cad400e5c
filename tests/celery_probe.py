"""A task only the integration tests send: it reports the schema it ran in and what it
could read there, and writes an audit entry in that schema."""

from celery import shared_task
from django.db import connection

from kernel.audit.models import AuditEntry
from kernel.audit.services import audit_log

SEED_ACTION = "tests.celery.seeded"
PROBE_ACTION = "tests.celery.probed"


@shared_task(name="tests.probe_schema")
def probe_schema(marker: str) -> dict:
    seen = sorted(
        AuditEntry.objects.filter(action=SEED_ACTION).values_list("changes__marker", flat=True)
    )
    audit_log(actor=None, action=PROBE_ACTION, changes={"marker": marker})
    return {"schema": connection.schema_name, "seen": seen}
