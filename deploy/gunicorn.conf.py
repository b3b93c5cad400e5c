"""gunicorn's configuration for Bündnisnetz (image default, systemd unit).

    gunicorn --config deploy/gunicorn.conf.py config.wsgi:application

Everything can be changed from the environment (deploy/.env.example documents it):

GUNICORN_BIND                 address to listen on (default 0.0.0.0:8000)
GUNICORN_WORKERS              worker processes (default 2 x CPUs + 1, at most 8)
GUNICORN_THREADS              threads per worker (default 1: sync workers)
GUNICORN_TIMEOUT              seconds before a hanging worker is restarted (default 60)
GUNICORN_MAX_REQUESTS         requests before a worker is replaced (default 1000; 0 = never)
GUNICORN_PRELOAD              true: load the application once in the master, before the
                              workers are forked (default true; see preload_app below)
GUNICORN_FORWARDED_ALLOW_IPS  proxies whose X-Forwarded-* headers are trusted
                              (default 127.0.0.1,::1; compose sets the nginx network)
GUNICORN_ACCESS_LOG           true: one JSON line per request (default false: nginx
                              writes the access log already)
GUNICORN_WORKER_TMP_DIR       where workers keep their heartbeat file (default /dev/shm)
LOG_FORMAT, DJANGO_LOG_LEVEL  as for Django: gunicorn's own lines use the same formatter

Gunicorn's lines carry tenant "-": they are written outside any tenant's request.
"""

from __future__ import annotations

import multiprocessing
import os

# gunicorn puts its working directory (the project) on the path before reading this file.
from config.logging import LOG_FORMATS, logging_config


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "")
    return value if value else default


def _env_bool(name: str, default: bool) -> bool:
    value = _env(name, "true" if default else "false").lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{name} must be true or false, not {value!r}")


def default_workers() -> int:
    # The usual 2n+1, capped: each worker holds a database connection per schema switch
    # and about 150 MB; more than 8 on one host rarely helps a platform of this size.
    return min(2 * multiprocessing.cpu_count() + 1, 8)


# ---------------------------------------------------------------- server

wsgi_app = "config.wsgi:application"
bind = [_env("GUNICORN_BIND", "0.0.0.0:8000")]
workers = int(_env("GUNICORN_WORKERS", str(default_workers())))
threads = int(_env("GUNICORN_THREADS", "1"))
timeout = int(_env("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
max_requests = int(_env("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = max_requests // 10
# The application is loaded once, in the master, and each worker is a fork of it: a
# worker that replaces one (after max_requests, or one that died) serves at once
# instead of importing Django, the apps and the URL confs again (about 2 s of CPU,
# while its siblings carry its share), and the workers share the loaded code's memory
# pages. Nothing connects at import (connections open at a worker's first request), so
# no socket is shared between workers. The price: SIGHUP (systemctl reload) replaces
# the workers but keeps the loaded code; a release restarts the service.
preload_app = _env_bool("GUNICORN_PRELOAD", True)
# The heartbeat file lives in memory: a container's file system may be read-only or
# slow. The systemd unit uses its private /tmp instead.
worker_tmp_dir = _env("GUNICORN_WORKER_TMP_DIR", "/dev/shm")  # noqa: S108
# The proxy (nginx) sets X-Forwarded-Proto; only trust it from there. Django reads the
# header itself (SECURE_PROXY_SSL_HEADER); this makes gunicorn agree on the scheme.
forwarded_allow_ips = _env("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# No runtime control socket (gunicornc): the service manager starts and stops gunicorn,
# and the image's home directory is read-only.
control_socket_disable = True

# ---------------------------------------------------------------- logging

LOG_FORMAT = _env("LOG_FORMAT", "json")
if LOG_FORMAT not in LOG_FORMATS:
    raise ValueError(f"LOG_FORMAT must be json or plain, not {LOG_FORMAT!r}")
ACCESS_LOG = _env_bool("GUNICORN_ACCESS_LOG", False)

loglevel = _env("DJANGO_LOG_LEVEL", "INFO").lower()
errorlog = "-"
# The atoms config.logging.JsonFormatter turns into the "http" field; the message
# itself stays short and readable.
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms'
accesslog = "-" if ACCESS_LOG else None

logconfig_dict = logging_config(
    LOG_FORMAT,
    _env("DJANGO_LOG_LEVEL", "INFO").upper(),
    tenant_filter=False,
    stream="ext://sys.stderr",
    loggers={
        # Both go to the root handler, which Django's LOGGING (same formatter, plus the
        # tenant filter) takes over once a worker has loaded the application.
        "gunicorn.error": {"level": loglevel.upper(), "handlers": [], "propagate": True},
        "gunicorn.access": {
            # Off: nothing at INFO reaches a handler (gunicorn still calls the logger).
            "level": "INFO" if ACCESS_LOG else "WARNING",
            "handlers": [],
            "propagate": ACCESS_LOG,
        },
    },
)
