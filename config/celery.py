"""The Celery app. A task sent while serving alliance X carries X's schema in its
headers and runs in that schema on the worker (tenant-schemas-celery)."""

import os

from celery.signals import setup_logging
from tenant_schemas_celery.app import CeleryApp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = CeleryApp("buendnisnetz")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@setup_logging.connect
def configure_logging(**kwargs) -> None:
    """Worker and beat log through Django's LOGGING (JSON with the tenant in production).

    Connecting this signal stops Celery from replacing the root logger's handlers with
    its own plain format. The level comes from DJANGO_LOG_LEVEL like everywhere else;
    ``celery -l`` does not change it.
    """
    from logging.config import dictConfig

    from django.conf import settings

    dictConfig(settings.LOGGING)
