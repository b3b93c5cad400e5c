"""Settings for production: everything comes from the environment, nothing is embedded."""

from django.core.exceptions import ImproperlyConfigured

from .base import *
from .base import configure_services, env, env_bool, log_format

for _required in ("DJANGO_SECRET_KEY", "DATABASE_URL", "REDIS_URL", "BUENDNISNETZ_BASE_DOMAIN"):
    if not env(_required):
        raise ImproperlyConfigured(f"{_required} must be set in production.")

configure_services(globals(), database_url=env("DATABASE_URL"), redis_url=env("REDIS_URL"))

# ---------------------------------------------------------------- security
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
CSRF_TRUSTED_ORIGINS = [f"https://{BASE_DOMAIN}", f"https://*.{BASE_DOMAIN}"]

# ---------------------------------------------------------------- behind the proxy
# gunicorn hands Django the proxy's address as REMOTE_ADDR. nginx (deploy/nginx) puts the
# client's address into X-Forwarded-For, replacing whatever the client sent. The login
# throttle counts failures per address and client, so it must read the client's address
# there; otherwise every visitor shares nginx' address. Set false only when gunicorn
# is reached without that proxy.
USE_X_FORWARDED_FOR = env_bool("DJANGO_USE_X_FORWARDED_FOR", True)


def client_address(request) -> str | None:
    """The client's address for django-axes: the last X-Forwarded-For entry (the one the
    nearest proxy, nginx, wrote), else REMOTE_ADDR."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "") if USE_X_FORWARDED_FOR else ""
    addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
    return addresses[-1] if addresses else request.META.get("REMOTE_ADDR")


AXES_CLIENT_IP_CALLABLE = client_address

# ---------------------------------------------------------------- logging
# One JSON object per line, with the tenant, for the log collector (deploy/README.md).
LOG_FORMAT = log_format("json")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT

# ---------------------------------------------------------------- migrations
# Parallel processes of `migrate_schemas --executor=multiprocessing` (django-tenants).
TENANT_MULTIPROCESSING_MAX_PROCESSES = int(env("TENANT_MULTIPROCESSING_MAX_PROCESSES", "2"))
