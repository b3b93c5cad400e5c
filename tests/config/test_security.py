"""Security headers on every page, and a production configuration Django's deploy
check has nothing to say about."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import host_client

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("host", ["localhost", "jena.localhost"])
def test_pages_carry_a_content_security_policy_and_security_headers(jena, host):
    response = host_client(host).get("/accounts/login/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "http" not in policy  # no other host is ever allowed
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.slow
def test_production_settings_pass_djangos_deploy_check():
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", ""),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "q8Zr3kV0pL2xN7mB4cT9wY6hJ1sD5fG8aE3uI0oP2lK7jH4gF6dS9zX1cV3bN5mQ",
        "DATABASE_URL": "postgres://app:secret@db.invalid:5432/buendnisnetz",
        "REDIS_URL": "redis://redis.invalid:6379/0",
        "BUENDNISNETZ_BASE_DOMAIN": "buendnisnetz.example",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.slow
def test_production_cookies_are_secure_and_shared_across_alliance_subdomains():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_DOMAIN, "
        "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_SSL_REDIRECT)"
    )
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "x" * 60,
        "DATABASE_URL": "postgres://app@db.invalid/buendnisnetz",
        "REDIS_URL": "redis://redis.invalid:6379/0",
        "BUENDNISNETZ_BASE_DOMAIN": "buendnisnetz.example",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True", "True", ".buendnisnetz.example", "31536000", "True", "True",
    ]  # fmt: skip
