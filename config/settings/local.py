"""Settings for a developer's machine and `make demo`.

DATABASE_URL and REDIS_URL default to the embedded servers (devtools/embedded.py).
"""

from devtools import embedded

from .base import *
from .base import INSTALLED_APPS, configure_services, env, env_bool

# A development key is fine here and only here: production requires its own.
SECRET_KEY = env("DJANGO_SECRET_KEY", "local-development-key-not-for-production")

configure_services(
    globals(),
    database_url=env("DATABASE_URL") or embedded.postgres_url(),
    redis_url=env("REDIS_URL") or embedded.redis_url(),
)

# The demo data's ``seed_demo`` command (tooling: never installed in production).
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]

# Serve static files straight from the source folders: no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# Only the browser journeys (tests/browser) set this: their web server runs alone, without
# a worker, so its tasks (e-mails, report files) run inside the request. Off by default.
CELERY_TASK_ALWAYS_EAGER = env_bool("BUENDNISNETZ_CELERY_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = CELERY_TASK_ALWAYS_EAGER

# The demo serves on port 8000 (make demo).
BUENDNISNETZ_SITE_URL = env("BUENDNISNETZ_SITE_URL", "http://localhost:8000")

# The demo's state office, as the state area's default legal texts name it (an example
# address; an installation sets its own, see deploy/.env.example).
if not BUENDNISNETZ_STATE_OFFICE["address_lines"]:  # from .base
    BUENDNISNETZ_STATE_OFFICE = {
        **BUENDNISNETZ_STATE_OFFICE,
        "host_organisation": "Demo-Träger der Landeskoordinierung e. V.",
        "address_lines": ["Musterstraße 1", "99084 Erfurt"],
        "email": BUENDNISNETZ_STATE_OFFICE["email"] or "land@demo.example",
    }
