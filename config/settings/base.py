"""Settings that hold everywhere; local, test and production only differ from these.

Every value read from the environment is listed in the README's configuration table.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

from config.logging import LOG_FORMATS, logging_config
from config.settings.environment import database_config, env, env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent


# ---------------------------------------------------------------- core

SECRET_KEY = env("DJANGO_SECRET_KEY")
# Former keys, comma-separated: sessions, password-reset links and signed values made
# with them stay valid while a new DJANGO_SECRET_KEY is rolled out (deploy/README.md).
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS", [])
DEBUG = env_bool("DJANGO_DEBUG", False)

# The parent domain: the state area is served on it, alliance <slug> on <slug>.<domain>.
BASE_DOMAIN = env("BUENDNISNETZ_BASE_DOMAIN", "localhost")
# Where links in e-mails sent without a request (reminders) point to.
BUENDNISNETZ_SITE_URL = env("BUENDNISNETZ_SITE_URL", f"https://{BASE_DOMAIN}")
# Further host names that serve the state area (for example "www.<domain>").
PUBLIC_HOSTS = [BASE_DOMAIN, *env_list("BUENDNISNETZ_PUBLIC_HOSTS", [])]
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", [BASE_DOMAIN, f".{BASE_DOMAIN}"])

# ---------------------------------------------------------------- applications

SHARED_APPS = [
    "django_tenants",
    "tenants",
    "kernel.audit",
    "kernel.mail",
    "regional",
    "federal",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_celery_beat",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "api",
    "axes",
    "csp",
    "django_filters",
]

TENANT_APPS = [
    # contenttypes must exist in every schema (django-tenants' documentation).
    "django.contrib.contenttypes",
    "kernel.audit",
    "core",
]

INSTALLED_APPS = list(SHARED_APPS) + [app for app in TENANT_APPS if app not in SHARED_APPS]

TENANT_MODEL = "tenants.Alliance"
# The module that decides access for the kernel's generic lists, pages and record
# writes (kernel/access.py): the kernel itself knows no roles.
KERNEL_ACCESS = "tenants.permissions"
TENANT_DOMAIN_MODEL = "tenants.Domain"
AUTH_USER_MODEL = "tenants.User"
PUBLIC_SCHEMA_URLCONF = "config.urls_public"
ROOT_URLCONF = "config.urls_tenant"
# How long a web process trusts its in-memory host -> alliance map (seconds).
TENANT_DOMAIN_CACHE_SECONDS = int(env("BUENDNISNETZ_DOMAIN_CACHE_SECONDS", "60"))
# ``SET search_path`` once per schema switch, not before every query. Safe from
# django-tenants 4.0.0 on (pyproject.toml): it forgets the path it set whenever the
# database may have dropped it (rollback, savepoint rollback, close) and on every switch
# (set_tenant, schema_context); before, a failed savepoint left the connection on the
# wrong schema (django-tenants issue #1262). tests/test_isolation.py holds it to that.
TENANT_LIMIT_SET_CALLS = True
# Makes `migrate_schemas --executor=pending` available: only the schemas that lack a
# migration are migrated (tenants/migration_executor.py; a no-op release over 320
# alliances takes seconds instead of minutes, docs/benchmarks.md).
GET_EXECUTOR_FUNCTION = "tenants.migration_executor.get_executor"

DATABASE_ROUTERS = ["django_tenants.routers.TenantSyncRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Web addresses typed without a scheme are taken as https:// (Django 6's default).
FORMS_URLFIELD_ASSUME_HTTPS = True

MIDDLEWARE = [
    # Every log line written while serving a request names it (id, path, user).
    "config.logging.RequestLogContextMiddleware",
    # Probes answer on every host, before any tenant is looked up.
    "kernel.health.HealthCheckMiddleware",
    # Errors under /api/ in the API's JSON shape, including the tenant lookup's (413,
    # 429 lock-out, 503 database or broker down): before the tenant middleware.
    "api.middleware.ApiErrorMiddleware",
    # A NUL character in the query string is a 400 before any view hands it to
    # PostgreSQL (which cannot store it in text).
    "config.request_guard.NulQueryGuardMiddleware",
    "tenants.middleware.AllianceMiddleware",
    # No request inherits another's state scope (tenants.scope); access_for sets it.
    "tenants.scope.StateScopeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns lock-outs into the cool-off page.
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tenants.context_processors.area",
                "tenants.context_processors.navigation",
                "tenants.navigation.menu",
                "kernel.legal.context.legal_links",  # publicsite
            ],
            # The tags of the page layouts (templates/page.html); kernel is no app.
            "libraries": {"pages": "kernel.templatetags.pages"},
            # The number, money, date and time filters (kernel.formats) in every template.
            "builtins": ["kernel.templatetags.formats", "kernel.templatetags.platform"],
        },
    },
]

# Every form field of every area: help text escaped, no bare "---------" choice.
FORM_RENDERER = "core.forms.rendering.FormRenderer"

WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

# ---------------------------------------------------------------- accounts and sessions

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "tenants.auth.EmailBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "account"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link is valid for one day

# One login for the state area and every alliance sub-domain. Browsers refuse a cookie
# for a single-label domain such as "localhost": there the cookie stays per host and the
# alliance switcher carries the login over (tenants/handoff.py).
SESSION_COOKIE_DOMAIN = env(
    "DJANGO_SESSION_COOKIE_DOMAIN", f".{BASE_DOMAIN}" if "." in BASE_DOMAIN else None
)
CSRF_COOKIE_DOMAIN = SESSION_COOKIE_DOMAIN
SESSION_COOKIE_NAME = "buendnisnetz_session"
SESSION_COOKIE_AGE = int(env("DJANGO_SESSION_COOKIE_AGE", str(60 * 60 * 12)))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Brute-force protection: after 5 failures for one address from one client, a
# 15-minute cool-off; never a permanent lock that needs an administrator.
AXES_FAILURE_LIMIT = int(env("BUENDNISNETZ_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("BUENDNISNETZ_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The login form calls the address "username"; count every spelling of it as one.
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "tenants.auth.login_name"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "tenants.views.accounts.locked_out"
AXES_VERBOSE = False
# Password reset e-mails: per address (against mail bombing a person) and per client
# (against probing many addresses); counted per hour across every host.
PASSWORD_RESET_RATE_PER_ADDRESS = env("BUENDNISNETZ_PASSWORD_RESET_RATE_PER_ADDRESS", "3/hour")
PASSWORD_RESET_RATE_PER_CLIENT = env("BUENDNISNETZ_PASSWORD_RESET_RATE_PER_CLIENT", "10/hour")
# Polls of the personal calendar feeds of regional meetings per client (known or not).
CALENDAR_FEED_RATE_PER_CLIENT = env("BUENDNISNETZ_CALENDAR_FEED_RATE_PER_CLIENT", "120/hour")

# ---------------------------------------------------------------- security headers
# Everything the pages load comes from the page's own host (GDPR, no CDN).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # The Django admin sets a few inline style attributes.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# ---------------------------------------------------------------- database, cache, broker
# DATABASE_URL and REDIS_URL are resolved by local/test (embedded defaults) or
# production (required); they call configure_services() with the result.


def configure_services(namespace: dict, database_url: str, redis_url: str) -> None:
    """Derive everything that depends on the database and Redis URLs."""
    namespace["DATABASE_URL"] = database_url
    namespace["REDIS_URL"] = redis_url
    namespace["DATABASES"] = {"default": database_config(database_url)}
    namespace["CELERY_BROKER_URL"] = redis_url
    namespace["CELERY_RESULT_BACKEND"] = redis_url
    namespace["CACHES"] = {
        "default": {
            # Redis down: reads miss and writes are skipped, pages still render.
            "BACKEND": "kernel.cache.DegradingRedisCache",
            "LOCATION": redis_url,
            # Every key carries the schema: one alliance never reads another's entries.
            "KEY_FUNCTION": "django_tenants.cache.make_key",
            "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
            "KEY_PREFIX": "bn",
            "TIMEOUT": 300,
        },
        # Stamps every process compares with the one it saw last (kernel.cache.SharedStamp):
        # keys without the schema; Redis down reads as "no stamp".
        "shared": {
            "BACKEND": "kernel.cache.DegradingRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "bn-shared",
        },
        # Rate-limit counters (tenants.throttling): failures raise, so the counting
        # moves to the database instead of silently allowing everything; keys without
        # the schema, so a person's count is the same on every host.
        "throttle": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "bn-rate",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }


# ---------------------------------------------------------------- Celery

CELERY_TIMEZONE = "Europe/Berlin"
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXTENDED = True
CELERY_RESULT_EXPIRES = 60 * 60 * 24 * 7
CELERY_TASK_TRACK_STARTED = True
CELERY_TASK_DEFAULT_QUEUE = "buendnisnetz"
# A task that was received but not finished goes back to the queue when a worker dies.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# With Redis as broker a message that a worker took but did not acknowledge (the worker
# was killed) goes back to the queue only after the visibility timeout. It must exceed
# the longest task (a statistics refresh, a report, provisioning), or Redis hands a task
# that is still running to a second worker. An hour by default.
BROKER_VISIBILITY_TIMEOUT = int(env("BUENDNISNETZ_BROKER_VISIBILITY_TIMEOUT", "3600"))
# Workers look for such messages every tenth of the timeout (at most every 100 s).
_restore_interval = max(1, min(10, BROKER_VISIBILITY_TIMEOUT // 10))
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": BROKER_VISIBILITY_TIMEOUT,
    "unacked_restore_interval": _restore_interval,
    "unacked_restore_throttle": max(
        1, min(10, BROKER_VISIBILITY_TIMEOUT // (10 * _restore_interval))
    ),
    # A request that queues work must not hang on a broker that does not answer.
    "socket_connect_timeout": 2,
}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 2
# Sending a task whose result is kept first subscribes to the result in Redis; with Redis
# down that retried 20 times a second apart, holding the request. Give up within a second.
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
    "retry_policy": {
        "max_retries": 2,
        "interval_start": 0,
        "interval_step": 0.5,
        "interval_max": 0.5,
    },
}
# Publishing retries once, quickly: a request that queues work while the broker is down
# answers at once (kernel/broker.py) and leaves its data to be retried later.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
# Keep the tenant for a schema cached in the worker for a minute.
CELERY_TASK_TENANT_CACHE_SECONDS = 60
# The periodic tasks live in the database (django_celery_beat, editable in /admin/). Every
# node may run a beat: the one holding a lock in Redis sends, the others stand by and take
# over within BEAT_LEADER_SECONDS (config/beat.py). Each sent task's last run time is
# stored at once, so that a new leader does not send it again.
CELERY_BEAT_SCHEDULER = "config.beat:LeaderDatabaseScheduler"
CELERY_BEAT_SYNC_EVERY = 1
BEAT_LEADER_SECONDS = int(env("BUENDNISNETZ_BEAT_LEADER_SECONDS", "30"))
# Task modules outside an app's tasks.py.
CELERY_IMPORTS = ["core.retention", "core.tasks_carers"]
# Periodic work; beat copies these into its database schedule at start.
CELERY_BEAT_SCHEDULE = {
    name: {"task": task, "schedule": schedule}
    for name, task, schedule in [
        ("statistics-nightly", "regional.refresh_statistics_nightly", crontab(hour=2, minute=30)),
        ("retention-nightly", "core.apply_retention_everywhere", crontab(hour=3, minute=30)),
        ("seal-expiry-reminders", "core.send_seal_expiry_reminders", crontab(hour=6, minute=0)),
        # hourly; each reminder is claimed once
        ("regional-meeting-reminders", "regional.send_meeting_reminders", crontab(minute=5)),
        ("import-files-purge", "core.purge_import_files_everywhere", crontab(hour=4, minute=15)),
        # hourly; after each new alliance too (tenants.services.spares)
        ("spare-schemas-refill", "tenants.refill_spare_schemas", crontab(minute=20)),
        # carers
        ("carer-check-reminders", "core.send_carer_check_reminders", crontab(hour=6, minute=10)),
        # E-mails queued while the broker was down (and due retries) go out within a minute.
        ("outbox-dispatch", "mail.dispatch_outbox", crontab()),  # every minute
        # workshops
        (
            "regional-workshop-retention",
            "regional.purge_workshop_registrations",
            crontab(hour=3, minute=45),
        ),
        # careguides
        (
            "agreement-expiry-reminders",
            "core.send_agreement_expiry_reminders",
            crontab(hour=6, minute=10),
        ),
    ]
}

# ---------------------------------------------------------------- GDPR
# Months after which personal data of rejected applications and of partners who left
# is anonymised by the nightly retention run.
BUENDNISNETZ_RETENTION_MONTHS = int(env("BUENDNISNETZ_RETENTION_MONTHS", "24"))
# The state whose coordination office this installation serves first (its official
# key, "16" for Thuringia): new alliances lie in it unless another is chosen.
BUENDNISNETZ_HOME_STATE = env("BUENDNISNETZ_HOME_STATE", "16")
# The state coordination office as installations configured it before the office
# became a record (tenants.State): only the migration tenants/0005_states reads it, as
# the home state's initial office data; the office's page changes it from then on.
BUENDNISNETZ_STATE_OFFICE = {
    "host_organisation": env("BUENDNISNETZ_STATE_OFFICE_HOST", ""),
    "address_lines": [
        line.strip()
        for line in env("BUENDNISNETZ_STATE_OFFICE_ADDRESS", "").split(";")
        if line.strip()
    ],
    "contact_name": env("BUENDNISNETZ_STATE_OFFICE_CONTACT", ""),
    "email": env("BUENDNISNETZ_STATE_OFFICE_EMAIL", ""),
    "phone": env("BUENDNISNETZ_STATE_OFFICE_PHONE", ""),
}
# The platform's name on pages, e-mails and files: an installation for one state, or for
# all of Germany's alliances ("Bündnisnetz").
BUENDNISNETZ_PLATFORM_NAME = env("BUENDNISNETZ_PLATFORM_NAME", "Bündnisnetz Thüringen")
# Ministry-facing figures below this many people or organisations are shown as "<N".
BUENDNISNETZ_SUPPRESSION_THRESHOLD = int(env("BUENDNISNETZ_SUPPRESSION_THRESHOLD", "3"))
# Spare alliance schemas kept ready (tenants.services.spares): a new alliance's schema is
# then a rename instead of a copy of the template. 0 switches them off.
BUENDNISNETZ_SPARE_SCHEMAS = int(env("BUENDNISNETZ_SPARE_SCHEMAS", "2"))
# Seconds the statistics refresh's counting threads keep their database connections
# after a refresh (warm catalogue and prepared plans: the next refresh costs a fraction;
# each kept connection holds memory on the database server, docs/benchmarks.md).
BUENDNISNETZ_STATISTICS_KEEP_SECONDS = float(env("BUENDNISNETZ_STATISTICS_KEEP_SECONDS", "600"))

# ---------------------------------------------------------------- i18n

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
# Project-wide assets live in config/ so the top level stays as documented.
LOCALE_PATHS = [BASE_DIR / "config" / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Berlin"
USE_TZ = True

# ---------------------------------------------------------------- static and media

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "config" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / ".data" / "media")))
# Uploads go to MEDIA_ROOT/<schema>/...: each alliance's files in its own folder, served
# only through the permission-checked view core.views.media (never by the web server).
MULTITENANT_RELATIVE_MEDIA_ROOT = "%s"
STORAGES = {
    "default": {"BACKEND": "django_tenants.files.storage.TenantFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# collectstatic (the image build, the release step) writes each file once, under its
# hashed name: every page asks for that name ({% static %}), so the unhashed copy was
# never served and doubled the compressing and the image's static files (33 -> 15 MB).
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
# Source maps (the API documentation's bundles, 7 MB) are read by a browser's developer
# tools only: served as they are, not compressed at every build.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")

# ---------------------------------------------------------------- e-mail

DEFAULT_FROM_EMAIL = env(
    "DJANGO_DEFAULT_FROM_EMAIL", f"{BUENDNISNETZ_PLATFORM_NAME} <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
# Where django.core.mail.backends.filebased.EmailBackend writes (one file per message).
EMAIL_FILE_PATH = env("DJANGO_EMAIL_FILE_PATH", str(BASE_DIR / ".data" / "mail"))

# ---------------------------------------------------------------- REST framework

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an anonymous caller then gets 401 with "WWW-Authenticate: Token".
        "api.authentication.CachedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # The one permission layer (tenants.permissions) decides, as for the HTML views.
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.AreaPermission"],
    "DEFAULT_FILTER_BACKENDS": [
        "api.filtering.FilterBackend",
        "api.ordering.StableOrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "api.views.base.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.exceptions.handle",
    "DEFAULT_THROTTLE_CLASSES": [
        # Counted in Redis, or in the database while Redis is down (tenants.throttling).
        "tenants.throttling.AnonRateThrottle",
        "tenants.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("BUENDNISNETZ_API_ANON_RATE", "120/minute"),
        "user": env("BUENDNISNETZ_API_USER_RATE", "1200/minute"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": f"{BUENDNISNETZ_PLATFORM_NAME} API",
    "DESCRIPTION": f"REST API of {BUENDNISNETZ_PLATFORM_NAME}, the platform of the local "
    "alliances for families.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # The error answers (one JSON shape) on every operation, as api.exceptions sends them.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.document_errors",
    ],
    # Several models have a "kind"; give each set of choices its own schema name.
    "ENUM_NAME_OVERRIDES": {
        "PartnerKindEnum": "core.models.partners.PartnerKind",
        "EventKindEnum": "core.models.projects.EventKind",
        "FundingKindEnum": "core.models.funding.FundingKind",
        "MeetingKindEnum": "regional.models.meetings.MeetingKind",
        "PeriodKindEnum": "regional.models.reports.PeriodKind",
        "ChecklistStatusEnum": "core.models.onboarding.ChecklistStatus",
        "MailingStatusEnum": "regional.models.mailings.MailingStatus",
        "AddressBookGroupEnum": "regional.selectors.addressbook.Group",
        # federal
        "ProgrammeStatusEnum": "federal.models.programmes.ProgrammeStatus",
        "FederalProgrammeKindEnum": "federal.models.programmes.ProgrammeKind",
    },
}

# ---------------------------------------------------------------- logging

LOG_LEVEL = env("DJANGO_LOG_LEVEL", "INFO")


def log_format(default: str) -> str:
    """LOG_FORMAT: "json" (one object per line, production's default) or "plain"."""
    value = env("LOG_FORMAT", default)
    if value not in LOG_FORMATS:
        raise ImproperlyConfigured(f"LOG_FORMAT must be json or plain, not {value!r}")
    return value


LOG_FORMAT = log_format("plain")
# Web, worker and beat log through this one configuration (config/celery.py keeps
# Celery from installing its own handlers); gunicorn's own lines use the same
# formatter (deploy/gunicorn.conf.py).
LOGGING = logging_config(
    LOG_FORMAT,
    LOG_LEVEL,
    loggers={
        "django.db.backends": {"level": "INFO"},
        # pgserver narrates every start and exit at INFO.
        "pgserver": {"level": "WARNING"},
    },
)

# ---------------------------------------------------------------- Sentry

SENTRY_DSN = env("SENTRY_DSN")
SENTRY_ENVIRONMENT = env("SENTRY_ENVIRONMENT", "development")
SENTRY_RELEASE = env("SENTRY_RELEASE")
SENTRY_TRACES_SAMPLE_RATE = float(env("SENTRY_TRACES_SAMPLE_RATE", "0") or 0)

if SENTRY_DSN:
    from config.sentry import init_sentry

    init_sentry(
        SENTRY_DSN,
        environment=SENTRY_ENVIRONMENT,
        release=SENTRY_RELEASE,
        traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE,
    )

# ---------------------------------------------------------------- certification

# Where an alliance's workspace reads the state office's certification templates
# (public schema): one alliance's work (core) never imports the state layer (regional);
# the wiring names the module (``published_templates()``, ``template_groups()``).
CERTIFICATION_TEMPLATES = "regional.selectors.certification"
