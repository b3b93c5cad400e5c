"""Settings: German by default, no silent fallbacks, production refuses to guess."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[2]


def test_language_and_time_zone():
    assert settings.LANGUAGE_CODE == "de"
    assert [code for code, _ in settings.LANGUAGES] == ["de", "en"]
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert settings.USE_TZ is True


def test_database_is_postgresql_with_tenant_backend():
    from django.db import connections
    from django_tenants.postgresql_backend.base import DatabaseWrapper

    assert settings.DATABASES["default"]["ENGINE"] == "kernel.database"
    assert isinstance(connections["default"], DatabaseWrapper)


def test_debug_is_off_unless_asked():
    assert settings.DEBUG is False


def _production_check(extra_env: dict) -> subprocess.CompletedProcess:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **extra_env})
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=BASE_DIR, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_production_refuses_to_start_without_database_url():
    result = _production_check({"DJANGO_SECRET_KEY": "x" * 50, "REDIS_URL": "redis://h/0",
                                "BUENDNISNETZ_BASE_DOMAIN": "example.org"})  # fmt: skip
    assert result.returncode != 0
    assert "DATABASE_URL must be set in production" in result.stderr
    assert not (BASE_DIR / ".data" / "never-created").exists()


def test_production_refuses_a_non_postgres_database():
    result = _production_check({
        "DJANGO_SECRET_KEY": "x" * 50, "REDIS_URL": "redis://h/0",
        "BUENDNISNETZ_BASE_DOMAIN": "example.org", "DATABASE_URL": "sqlite:///db.sqlite3",
    })  # fmt: skip
    assert result.returncode != 0
    assert "must point at PostgreSQL" in result.stderr


def test_bad_boolean_is_a_clear_error():
    result = _production_check({"DJANGO_DEBUG": "vielleicht"})
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be true or false" in result.stderr
