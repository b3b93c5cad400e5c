"""What every backup and restore command stands on: constants and exit codes, the
connection taken from ``DATABASE_URL``, the client tools, running them (``_pgtools.py``)."""

from __future__ import annotations

import datetime
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

PROJECT_ROOT = Path(__file__).resolve().parents[2]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_REFUSED = 0, 1, 2, 3

# Schemas that are never an alliance's, whatever a table says.
TEMPLATE_SCHEMA = "_alliance_template"
PROTECTED_SCHEMAS = frozenset({"public", "information_schema", TEMPLATE_SCHEMA})
# Spare copies of the template (tenants.services.spares): made again by the platform,
# so never backed up (pg_dump's pattern syntax).
SPARE_SCHEMAS_PATTERN = "_alliance_spare_*"
SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9-]{1,38}[a-z0-9]$")
ASIDE_MARKER = "_before_restore_"
# The embedded development server is started with 1024 (devtools/embedded.py); production
# needs the same once there are many alliance schemas (deploy/README.md).
RECOMMENDED_MAX_LOCKS = 1024

# Connection keywords libpq accepts in a URL's query; anything else (a Django or
# dj-database-url option) makes libpq refuse the whole URL, so it is dropped.
LIBPQ_PARAMETERS = frozenset(
    {
        "host", "hostaddr", "port", "dbname", "user", "password", "passfile",
        "require_auth", "channel_binding", "connect_timeout", "client_encoding", "options",
        "application_name", "fallback_application_name", "keepalives", "keepalives_idle",
        "keepalives_interval", "keepalives_count", "tcp_user_timeout", "replication",
        "gssencmode", "sslmode", "sslnegotiation", "requiressl", "sslcompression", "sslcert",
        "sslkey", "sslpassword", "sslcertmode", "sslrootcert", "sslcrl", "sslcrldir", "sslsni",
        "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version", "krbsrvname",
        "gsslib", "gssdelegation", "service", "target_session_attrs", "load_balance_hosts",
    }
)  # fmt: skip
URL_SCHEMES = {"postgres", "postgresql", "pgsql", "postgis"}

# Descriptions of archive entries that consist of more than one word (pg_dump's
# ArchiveEntry descriptions); needed to find an entry's schema in ``pg_restore -l``.
# An unknown multi-word description is misread as a foreign schema, so the archive is
# refused rather than restored on a guess.
MULTI_WORD_DESCRIPTIONS = (
    "MATERIALIZED VIEW DATA", "PUBLICATION TABLES IN SCHEMA", "TEXT SEARCH CONFIGURATION",
    "TEXT SEARCH DICTIONARY", "TEXT SEARCH PARSER", "TEXT SEARCH TEMPLATE",
    "FOREIGN DATA WRAPPER", "SEQUENCE OWNED BY", "MATERIALIZED VIEW", "PUBLICATION TABLE",
    "PROCEDURAL LANGUAGE", "OPERATOR CLASS", "OPERATOR FAMILY", "CHECK CONSTRAINT",
    "FK CONSTRAINT", "DEFAULT ACL", "EVENT TRIGGER", "FOREIGN TABLE", "FOREIGN SERVER",
    "LARGE OBJECT", "BLOB METADATA", "ROW SECURITY", "SEQUENCE SET", "SHELL TYPE",
    "STATISTICS DATA", "TABLE ATTACH", "INDEX ATTACH", "TABLE DATA", "USER MAPPING",
    "ACCESS METHOD", "DATABASE PROPERTIES", "SECURITY LABEL",
)  # fmt: skip
TOC_LINE = re.compile(
    r"^\d+; \d+ \d+ (?P<desc>" + "|".join(map(re.escape, MULTI_WORD_DESCRIPTIONS)) + r"|\S+) "
    r"(?P<namespace>\S+) (?P<rest>.*)$"
)


class ToolError(Exception):
    """Ends a command with a message for the operator and one of the exit codes."""

    def __init__(self, message: str, code: int = EXIT_FAILED):
        super().__init__(message)
        self.code = code


def info(message: str) -> None:
    print(message, flush=True)


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr, flush=True)


def utc_stamp() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%S")


# ---------------------------------------------------------------- connection


@dataclass(frozen=True)
class Connection:
    """Where to connect: a libpq URL without the password (which goes to PGPASSWORD, so
    that it never shows in the process list)."""

    scheme: str
    netloc: str
    dbname: str
    query: str
    password: str | None

    @property
    def url(self) -> str:
        return urlunsplit((self.scheme, self.netloc, "/" + quote(self.dbname), self.query, ""))

    def with_db(self, dbname: str) -> Connection:
        return replace(self, dbname=dbname)

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        if self.password is not None:
            env["PGPASSWORD"] = self.password
        env.setdefault("PGAPPNAME", "buendnisnetz-backup")
        return env


def parse_database_url(raw: str) -> Connection:
    """A ``DATABASE_URL`` as Django reads it, turned into what libpq accepts."""
    parts = urlsplit(raw.strip())
    if parts.scheme not in URL_SCHEMES:
        raise ToolError(
            f"DATABASE_URL must be a PostgreSQL URL (postgres://...), not {parts.scheme}://...",
            EXIT_REFUSED,
        )
    netloc, password = parts.netloc, None
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        if ":" in userinfo:
            user, raw_password = userinfo.split(":", 1)
            password = unquote(raw_password)
            netloc = f"{user}@{host}" if user else host
    dbname = unquote(parts.path.lstrip("/"))
    if not dbname:
        raise ToolError("DATABASE_URL names no database (postgres://host/NAME).", EXIT_REFUSED)
    kept, dropped = [], []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        (kept if key in LIBPQ_PARAMETERS else dropped).append((key, value))
    if dropped:
        warn(
            "ignoring query parameters that are not libpq's: "
            + ", ".join(sorted({key for key, _ in dropped}))
        )
    return Connection("postgresql", netloc, dbname, urlencode(kept), password)


# ---------------------------------------------------------------- client tools


@dataclass(frozen=True)
class Tools:
    """The PostgreSQL client programs and where they were found."""

    bin_dir: Path | None  # None: from PATH
    origin: str

    def path(self, name: str) -> str:
        if self.bin_dir is not None:
            candidate = self.bin_dir / name
            if not (candidate.is_file() and os.access(candidate, os.X_OK)):
                raise ToolError(
                    f"{name} not found in {self.bin_dir} ({self.origin}).", EXIT_REFUSED
                )
            return str(candidate)
        found = shutil.which(name)
        if found is None:
            raise ToolError(
                f"{name} not found on PATH. Install the PostgreSQL client tools (the server's "
                "major version or newer) or set PG_BIN to their directory.",
                EXIT_REFUSED,
            )
        return found


def embedded_bin_dir() -> Path | None:
    """The client tools that ship in the ``pgserver`` wheel (development machines)."""
    spec = importlib.util.find_spec("pgserver")
    if spec is None or spec.origin is None:
        return None
    bin_dir = Path(spec.origin).parent / "pginstall" / "bin"
    return bin_dir if bin_dir.is_dir() else None


def embedded_database_url() -> str:
    sys.path.insert(0, str(PROJECT_ROOT))
    try:
        from devtools import embedded
    except ImportError as exc:
        raise ToolError(
            "DATABASE_URL is not set and the embedded development PostgreSQL is not available "
            f"({exc}). Set DATABASE_URL=postgres://user@host:port/dbname.",
            EXIT_REFUSED,
        ) from exc
    try:
        return embedded.postgres_url()
    except embedded.EmbeddedServiceError as exc:
        raise ToolError(str(exc), EXIT_REFUSED) from exc


def discover() -> tuple[Connection, Tools]:
    """The connection (DATABASE_URL, else the embedded server) and the client tools
    (PG_BIN, else those of the embedded server when it is used, else PATH)."""
    raw_url = os.environ.get("DATABASE_URL", "").strip()
    embedded_bin = None
    if not raw_url:
        raw_url = embedded_database_url()
        embedded_bin = embedded_bin_dir()
        info("DATABASE_URL is not set: using the embedded PostgreSQL under .data/postgres")
    connection = parse_database_url(raw_url)
    pg_bin = os.environ.get("PG_BIN", "").strip()
    if pg_bin:
        if not Path(pg_bin).is_dir():
            raise ToolError(f"PG_BIN={pg_bin} is not a directory.", EXIT_REFUSED)
        return connection, Tools(Path(pg_bin), "PG_BIN")
    if embedded_bin is not None:
        return connection, Tools(embedded_bin, "the embedded server's tools")
    return connection, Tools(None, "PATH")


def run(args: list[str], connection: Connection, **kwargs) -> subprocess.CompletedProcess:
    """Run a client tool with the connection's environment, capturing its output."""
    kwargs.setdefault("capture_output", True)
    try:
        return subprocess.run(  # noqa: S603 (fixed programs, arguments as a list)
            args, env=connection.env(), text=True, check=False, **kwargs
        )
    except OSError as exc:
        raise ToolError(f"could not run {args[0]}: {exc}", EXIT_REFUSED) from exc


def last_lines(text: str, count: int = 12) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return "\n".join(lines[-count:])


def psql(tools: Tools, connection: Connection, sql: str, **variables: str) -> list[list[str]]:
    """Run ``sql`` (with ``:'name'``/``:"name"`` psql variables) and return the rows."""
    args = [tools.path("psql"), "-X", "-q", "-A", "-t", "-F", "\x1f", "-v", "ON_ERROR_STOP=1"]
    for name, value in variables.items():
        args += ["-v", f"{name}={value}"]
    # The SQL goes through stdin: psql interpolates variables only in script input.
    args += ["--dbname", connection.url, "-f", "-"]
    result = run(args, connection, input=sql)
    if result.returncode != 0:
        raise ToolError(
            f"psql could not run a query on database {connection.dbname}:\n"
            f"{last_lines(result.stderr)}",
            EXIT_FAILED if result.returncode == 3 else EXIT_REFUSED,
        )
    return [line.split("\x1f") for line in result.stdout.splitlines() if line]


def psql_value(tools: Tools, connection: Connection, sql: str, **variables: str) -> str:
    """The one value of a one-row, one-column query (``psql`` for the rest)."""
    return psql(tools, connection, sql, **variables)[0][0]


def client_major(tools: Tools, name: str, connection: Connection) -> int:
    result = run([tools.path(name), "--version"], connection)
    match = re.search(r"\(PostgreSQL\)\s+(\d+)", result.stdout) or re.search(
        r"(\d+)(?:\.\d+)*", result.stdout
    )
    if result.returncode != 0 or match is None:
        raise ToolError(
            f"{tools.path(name)} --version gave no version: {result.stdout}{result.stderr}",
            EXIT_REFUSED,
        )
    return int(match.group(1))


def check_versions(tools: Tools, connection: Connection, names: tuple[str, ...]) -> int:
    """Refuse client tools older than the server: an older pg_dump cannot dump a newer
    server, and an older pg_restore cannot read a newer pg_dump's archives."""
    server_major = int(psql_value(tools, connection, "SHOW server_version_num")) // 10000
    for name in names:
        major = client_major(tools, name, connection)
        if major < server_major:
            hint = "Set PG_BIN to the bin directory of PostgreSQL client tools "
            hint += f"version {server_major} or newer."
            embedded = embedded_bin_dir()
            if embedded is not None and tools.bin_dir != embedded:
                other = client_major(Tools(embedded, "pgserver"), name, connection)
                if other >= server_major:
                    hint += f" The project's virtualenv has version {other} in {embedded}."
            raise ToolError(
                f"{name} is version {major} ({tools.path(name)}, from {tools.origin}), older than "
                f"the server (PostgreSQL {server_major}). {hint}",
                EXIT_REFUSED,
            )
    return server_major
