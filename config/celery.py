"""The Celery app. A task sent while serving alliance X carries X's schema in its
headers and runs in that schema on the worker (tenant-schemas-celery)."""

import os

from tenant_schemas_celery.app import CeleryApp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = CeleryApp("buendnisnetz")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
