"""Spare alliance schemas: copies of the template made ahead of need, so that a new
alliance's schema is a rename (a millisecond) rather than a copy (120-200 ms with 650
alliances in the catalogue: PostgreSQL creating some 230 tables, keys and indexes).

- ``spares_refill()`` keeps ``BUENDNISNETZ_SPARE_SCHEMAS`` spares, each a checked copy
  of the template as it is, and drops those of an older template (a deploy migrated the
  template, and ``migrate_schemas`` only migrates alliances). It runs as the Celery task
  ``tenants.refill_spare_schemas`` after each claim and every hour (beat), and in
  ``manage.py ensure_template_schema`` after a deploy's migrations.
- ``spare_claim(schema_name)`` renames a current spare to a new alliance's schema in the
  caller's transaction (``tenants.services.alliances.alliance_create``); without one the
  caller copies the template as before. A rolled-back claim leaves the spare as it was.

A spare is named ``_alliance_spare_<hex>`` (a leading underscore, like the template's:
never an alliance's schema) and holds no data; its migration records, copied from the
template, tell which state of the template it copies.
"""

from __future__ import annotations

import uuid
import zlib

from django.conf import settings
from django.db import connection, transaction
from psycopg import sql

from kernel.broker import publish
from tenants.schemas import fetch, migration_stamp
from tenants.services.provisioning import ClonePlan, clone_plan, copy_template_to

SPARE_PREFIX = "_alliance_spare_"
REFILL_TASK = "tenants.refill_spare_schemas"
# Advisory locks: one per spare while a transaction claims it, one for a refill.
_SPARE_LOCKS = 0x424E5350  # "BNSP"
_REFILL_LOCK = 0x424E5352  # "BNSR"


def spare_schemas() -> list[str]:
    """The spare schemas there are, oldest name first (pg_namespace's name index)."""
    pattern = SPARE_PREFIX.replace("_", "\\_") + "%"
    rows = fetch("SELECT nspname FROM pg_namespace WHERE nspname LIKE %s ORDER BY 1", [pattern])
    return [name for (name,) in rows]


def _current(spare: str, plan: ClonePlan) -> bool:
    return migration_stamp(spare) == plan.stamp[1]


def _lock_key(spare: str) -> int:
    return zlib.crc32(spare.encode()) - 2**31  # a stable int4 per name


def _lock(spare: str) -> bool:
    """Hold ``spare`` for the running transaction (False if another one holds it)."""
    key = _lock_key(spare)
    return fetch("SELECT pg_try_advisory_xact_lock(%s, %s)", [_SPARE_LOCKS, key])[0][0]


def spare_claim(schema_name: str) -> bool:
    """Make a current spare the schema ``schema_name`` (in the caller's transaction,
    which must be open); False when spares are off or none is ready. Asks for a refill
    once the transaction commits, either way."""
    if settings.BUENDNISNETZ_SPARE_SCHEMAS < 1:
        return False
    if not connection.in_atomic_block:
        raise RuntimeError("A spare is claimed inside the transaction that uses it.")
    connection.set_schema_to_public()
    plan = clone_plan()
    transaction.on_commit(request_refill)
    for spare in spare_schemas():
        # Held until the transaction ends; a spare another transaction renamed
        # meanwhile has no migration records under its old name any more.
        if _lock(spare) and _current(spare, plan):
            with connection.cursor() as cursor:
                cursor.execute(
                    sql.SQL("ALTER SCHEMA {} RENAME TO {}").format(
                        sql.Identifier(spare), sql.Identifier(schema_name)
                    )
                )
            return True
    return False


def request_refill() -> None:
    """Queue a refill (if the broker is down, ``publish`` logs it and beat's hourly run
    makes up for it)."""
    publish(REFILL_TASK)


def spares_refill(*, count: int | None = None) -> dict[str, int]:
    """Keep ``count`` (default ``BUENDNISNETZ_SPARE_SCHEMAS``) current spares: drop
    spares of an older template and those beyond ``count``, copy the template for the
    rest. One refill at a time (another one running makes this one return at once).
    Returns how many were made, dropped and are there now."""
    wanted = settings.BUENDNISNETZ_SPARE_SCHEMAS if count is None else count
    connection.set_schema_to_public()
    made = dropped = 0
    if not fetch("SELECT pg_try_advisory_lock(%s)", [_REFILL_LOCK])[0][0]:
        return {"made": 0, "dropped": 0, "spares": len(spare_schemas())}
    try:
        plan = clone_plan()
        kept = []
        for spare in spare_schemas():
            with transaction.atomic():
                if not _lock(spare):  # being claimed right now
                    continue
                if _current(spare, plan) and len(kept) < wanted:
                    kept.append(spare)
                    continue
                with connection.cursor() as cursor:
                    cursor.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(spare)))
                dropped += 1
        for _number in range(wanted - len(kept)):
            copy_template_to(f"{SPARE_PREFIX}{uuid.uuid4().hex[:12]}", plan)
            made += 1
    finally:
        fetch("SELECT pg_advisory_unlock(%s)", [_REFILL_LOCK])
    return {"made": made, "dropped": dropped, "spares": len(spare_schemas())}
