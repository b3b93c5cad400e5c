"""Settings for production: everything comes from the environment, nothing is embedded."""

from django.core.exceptions import ImproperlyConfigured

from .base import *
from .base import configure_services, env, env_bool

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
