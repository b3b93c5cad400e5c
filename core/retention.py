"""The nightly retention run over every alliance (Celery beat)."""

from __future__ import annotations

import logging

from celery import shared_task
from django_tenants.utils import schema_context

logger = logging.getLogger(__name__)


@shared_task(name="core.apply_retention_everywhere", acks_late=True)
def apply_retention_everywhere() -> dict[str, dict[str, int]]:
    """Anonymise expired personal data in each alliance's schema; safe to run twice."""
    from core.services.personal_data import apply_retention
    from tenants.models import Alliance

    results = {}
    for schema in Alliance.objects.values_list("schema_name", flat=True):
        with schema_context(schema):
            results[schema] = apply_retention()
        if any(results[schema].values()):
            logger.info("retention in %s: %s", schema, results[schema])
    return results


@shared_task(name="core.purge_import_files_everywhere", acks_late=True)
def purge_import_files_everywhere() -> dict[str, int]:
    """Delete import uploads that were never confirmed or cancelled (older than a day)."""
    from core.services.imports import import_files_purge
    from tenants.models import Alliance

    results = {}
    for schema in Alliance.objects.values_list("schema_name", flat=True):
        with schema_context(schema):
            results[schema] = import_files_purge()
    return results
