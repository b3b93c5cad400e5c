"""Settings for the test suite: real PostgreSQL and Redis, never SQLite or eager Celery."""

from devtools import embedded

from .base import *
from .base import INSTALLED_APPS, configure_services, env

SECRET_KEY = "test-key-not-for-production"  # noqa: S105

configure_services(
    globals(),
    database_url=env("DATABASE_URL") or embedded.postgres_url(),
    redis_url=env("REDIS_URL") or embedded.redis_url(),
)

# The demo data's ``seed_demo`` command (tooling: never installed in production).
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]

# Tests talk to hosts under the default parent domain.
BASE_DOMAIN = "localhost"
PUBLIC_HOSTS = ["localhost"]
ALLOWED_HOSTS = ["localhost", ".localhost", "testserver"]
# Links in e-mails (tenants.links): the test client's scheme and port.
BUENDNISNETZ_SITE_URL = "http://localhost"

# The test suite's tasks go to their own queue, so a running demo worker never takes them.
CELERY_TASK_DEFAULT_QUEUE = "buendnisnetz-test"
# Probe tasks that only the integration tests send.
CELERY_IMPORTS = [*CELERY_IMPORTS, "tests.celery_probe"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
# The statistics' counting threads close their connections when a refresh ends: a kept
# connection would hold the test database open past its teardown (regional.statistics).
BUENDNISNETZ_STATISTICS_KEEP_SECONDS = 0
# New alliances are copied from the template, as without spares; tests/tenants/test_spares
# switch spares on.
BUENDNISNETZ_SPARE_SCHEMAS = 0
# pytest itself always uses locmem (Django's test set-up); worker and web server processes
# that integration tests start may be given the file backend (DJANGO_EMAIL_BACKEND).
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TENANT_DOMAIN_CACHE_SECONDS = 60
LOGGING["root"]["level"] = "WARNING"
# Two suites on one server (say, two checkouts) each need their own test database.
DATABASES["default"]["TEST"] = {"NAME": env("BUENDNISNETZ_TEST_DATABASE", "test_buendnisnetz")}

# Throttling is tested on purpose where it matters; elsewhere it would only slow tests.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
