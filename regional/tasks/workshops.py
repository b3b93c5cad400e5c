"""The nightly retention of the state's workshop registrations (Celery beat)."""

from __future__ import annotations

import logging

from celery import shared_task
from django_tenants.utils import get_public_schema_name, schema_context

__all__ = ["purge_workshop_registrations"]

logger = logging.getLogger(__name__)


@shared_task(name="regional.purge_workshop_registrations", acks_late=True)
def purge_workshop_registrations() -> int:
    """Delete the registrations of regional workshops past the retention; idempotent."""
    from kernel.workshops.rules import retention_start
    from regional.services.workshops import WRITES

    with schema_context(get_public_schema_name()):
        purged = WRITES.purge(before=retention_start())
    if purged:
        logger.info("retention of the state's workshop registrations: %s", purged)
    return purged
