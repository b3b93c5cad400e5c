"""Backup and restore of the database and of single alliances with pg_dump/pg_restore.

This is the logic behind ``deploy/bin/backup-database``, ``backup-alliance``,
``restore-database`` and ``restore-alliance`` (thin bash wrappers that run
``python _pgtools.py <command> ...``). Why Python rather than bash: the restore of an
alliance streams pg_restore's output into one psql transaction and must never commit a
half-read archive, the archive's table of contents must be parsed and checked before
anything is changed, and ``DATABASE_URL`` must be taken apart (Django-only query
parameters dropped, the password moved out of the command line into ``PGPASSWORD``).
All of that is plain, testable code here and fragile in a shell.

Only the standard library is used and Django is never imported, so the scripts run on
any host with Python 3 and the PostgreSQL client tools, without the application's
settings or secrets. Only the fallback to the embedded development server (no
``DATABASE_URL``) imports ``devtools.embedded`` from the project.

Exit codes (the same for every command):
    0  done
    1  a PostgreSQL tool failed; a restore was rolled back and changed nothing
    2  wrong usage: unknown option, missing or unreadable file, output file exists
    3  refused by a safety check: unknown alliance, a dump of something else, a target
       database that is not empty, client tools older than the server, no server
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

PROJECT_ROOT = Path(__file__).resolve().parents[2]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_REFUSED = 0, 1, 2, 3

# Schemas that are never an alliance's, whatever a table says.
TEMPLATE_SCHEMA = "_alliance_template"
PROTECTED_SCHEMAS = frozenset({"public", "information_schema", TEMPLATE_SCHEMA})
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
    rows = psql(tools, connection, "SHOW server_version_num")
    server_major = int(rows[0][0]) // 10000
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


# ---------------------------------------------------------------- archives


@dataclass
class ArchiveContents:
    """What ``pg_restore -l`` says about an archive."""

    schemas: set[str]  # schemas the archive creates
    namespaces: set[str]  # schemas its objects live in
    # (description, rest of the line) of entries in no schema, other than SCHEMA entries
    global_entries: list[tuple[str, str]]
    dbname: str
    tables: set[tuple[str, str]]


def read_archive(tools: Tools, connection: Connection, path: Path) -> ArchiveContents:
    result = run([tools.path("pg_restore"), "-l", str(path)], connection)
    if result.returncode != 0:
        reason = last_lines(result.stderr) or f"pg_restore -l exited with {result.returncode}"
        raise ToolError(
            f"{path} is not a readable pg_dump archive (custom format, -Fc); it may be damaged "
            f"or cut short:\n{reason}",
            EXIT_REFUSED,
        )
    schemas, namespaces, global_entries, tables = set(), set(), [], set()
    dbname = ""
    for line in result.stdout.splitlines():
        if line.startswith(";"):
            match = re.match(r";\s+dbname: (.*)$", line)
            if match:
                dbname = match.group(1).strip()
            continue
        match = TOC_LINE.match(line.strip())
        if not match:
            continue
        desc, namespace, rest = match["desc"], match["namespace"], match["rest"]
        if desc == "SCHEMA":
            schemas.add(rest.rsplit(" ", 1)[0])
        elif namespace == "-":
            global_entries.append((desc, rest))
        else:
            namespaces.add(namespace)
            if desc == "TABLE":
                tables.add((namespace, rest.rsplit(" ", 1)[0]))
    return ArchiveContents(schemas, namespaces, global_entries, dbname, tables)


def check_input_file(path: Path) -> Path:
    if not path.exists():
        raise ToolError(f"backup file {path} does not exist.", EXIT_USAGE)
    if not path.is_file():
        raise ToolError(f"{path} is not a file.", EXIT_USAGE)
    if not os.access(path, os.R_OK):
        raise ToolError(f"backup file {path} is not readable.", EXIT_USAGE)
    return path


def prepare_output(output: str | None, default_name: str) -> Path:
    path = Path(output) if output else Path.cwd() / default_name
    if path.exists():
        raise ToolError(f"{path} exists already; choose another --output.", EXIT_USAGE)
    if not path.parent.is_dir():
        raise ToolError(f"directory {path.parent} does not exist.", EXIT_USAGE)
    return path


def dump(
    tools: Tools, connection: Connection, output: Path, lock_wait: int, extra: list[str]
) -> None:
    """pg_dump -Fc into ``output``: written under a temporary name and renamed when
    complete, so that a failed backup never leaves a file that looks like one; readable
    only by its owner, as it holds personal data."""
    partial = output.with_name(output.name + ".partial")
    args = [
        tools.path("pg_dump"),
        "--format=custom",
        f"--lock-wait-timeout={lock_wait * 1000}",
        f"--file={partial}",
        *extra,
        f"--dbname={connection.url}",
    ]
    previous_umask = os.umask(0o077)
    try:
        result = run(args, connection)
    finally:
        os.umask(previous_umask)
    if result.returncode != 0:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        message = f"pg_dump failed; no backup was written:\n{last_lines(result.stderr)}"
        if "out of shared memory" in result.stderr or "max_locks_per_transaction" in result.stderr:
            message += (
                f"\nThe server ran out of lock slots: set max_locks_per_transaction = "
                f"{RECOMMENDED_MAX_LOCKS} in postgresql.conf and restart it."
            )
        elif "lock" in result.stderr.lower():
            message += f"\nA table stayed locked for more than {lock_wait} s (--lock-wait-timeout)."
        raise ToolError(message)
    partial.rename(output)


def describe_size(path: Path) -> str:
    size = path.stat().st_size
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


# ---------------------------------------------------------------- alliances


def resolve_alliance(tools: Tools, connection: Connection, slug: str) -> str:
    """The schema of the alliance with this short name, from ``public.tenants_alliance``."""
    if not SLUG_PATTERN.match(slug):
        raise ToolError(
            f"{slug!r} is not an alliance's short name (lower-case letters, digits and hyphens, "
            "starting with a letter).",
            EXIT_REFUSED,
        )
    if not has_alliance_table(tools, connection):
        raise ToolError(
            f"database {connection.dbname} has no alliances (public.tenants_alliance is "
            "missing; is it migrated?).",
            EXIT_REFUSED,
        )
    rows = psql(
        tools,
        connection,
        "SELECT schema_name FROM public.tenants_alliance WHERE slug = :'slug'",
        slug=slug,
    )
    if not rows:
        known = psql(
            tools, connection, "SELECT slug FROM public.tenants_alliance ORDER BY slug LIMIT 30"
        )
        listed = ", ".join(row[0] for row in known) or "none"
        raise ToolError(
            f"there is no alliance {slug!r} in database {connection.dbname} (known: {listed}).",
            EXIT_REFUSED,
        )
    schema = rows[0][0]
    if schema in PROTECTED_SCHEMAS or schema.startswith(("pg_", "_")) or ASIDE_MARKER in schema:
        raise ToolError(
            f"alliance {slug!r} points at schema {schema!r}, which is never backed up or "
            "restored as an alliance.",
            EXIT_REFUSED,
        )
    return schema


def count_alliances(tools: Tools, connection: Connection) -> int:
    if not has_alliance_table(tools, connection):
        return 0
    return int(psql(tools, connection, "SELECT count(*) FROM public.tenants_alliance")[0][0])


def has_alliance_table(tools: Tools, connection: Connection) -> bool:
    rows = psql(tools, connection, "SELECT to_regclass('public.tenants_alliance') IS NOT NULL")
    return rows[0][0] == "t"


def schema_exists(tools: Tools, connection: Connection, schema: str) -> bool:
    rows = psql(
        tools,
        connection,
        "SELECT count(*) FROM pg_namespace WHERE nspname = :'schema'",
        schema=schema,
    )
    return rows[0][0] != "0"


def aside_name(schema: str, stamp: str) -> str:
    suffix = f"{ASIDE_MARKER}{stamp}"
    # PostgreSQL cuts identifiers at 63 bytes; cut the schema part instead, so the name
    # that is renamed to is the name that is dropped.
    return schema[: 63 - len(suffix)] + suffix


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def missing_migrations(tools: Tools, connection: Connection, schema: str) -> int:
    """Migrations the (current) template schema has and the restored schema lacks."""
    rows = psql(
        tools,
        connection,
        "SELECT to_regclass(format('%I.django_migrations', :'template')) IS NOT NULL",
        template=TEMPLATE_SCHEMA,
    )
    if rows[0][0] != "t":
        return 0
    rows = psql(
        tools,
        connection,
        'SELECT count(*) FROM :"template".django_migrations t WHERE NOT EXISTS '
        '(SELECT 1 FROM :"schema".django_migrations s WHERE s.app = t.app AND s.name = t.name)',
        template=TEMPLATE_SCHEMA,
        schema=schema,
    )
    return int(rows[0][0])


# ---------------------------------------------------------------- commands


def backup_database(args: argparse.Namespace) -> int:
    connection, tools = discover()
    check_versions(tools, connection, ("pg_dump", "pg_restore"))
    output = prepare_output(args.output, f"buendnisnetz-{connection.dbname}-{utc_stamp()}.dump")
    rows = psql(
        tools,
        connection,
        "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p', 'm', 'f') AND n.nspname NOT LIKE 'pg\\_%' "
        "AND n.nspname <> 'information_schema'), current_setting('max_locks_per_transaction')",
    )
    tables, max_locks = int(rows[0][0]), int(rows[0][1])
    if tables > max_locks:
        warn(
            f"pg_dump will lock {tables} tables in one transaction and the server has "
            f"max_locks_per_transaction = {max_locks}. If it fails with 'out of shared "
            f"memory', set it to {RECOMMENDED_MAX_LOCKS} and restart the server."
        )
    dump(tools, connection, output, args.lock_wait_timeout, [])
    contents = read_archive(tools, connection, output)
    info(
        f"backup of database {connection.dbname} written to {output} ({describe_size(output)}, "
        f"{len(contents.tables)} tables in {len(contents.namespaces)} schemas, "
        f"{count_alliances(tools, connection)} alliances)"
    )
    return EXIT_OK


def backup_alliance(args: argparse.Namespace) -> int:
    connection, tools = discover()
    check_versions(tools, connection, ("pg_dump", "pg_restore"))
    schema = resolve_alliance(tools, connection, args.slug)
    if not schema_exists(tools, connection, schema):
        raise ToolError(
            f"alliance {args.slug!r} has no schema {schema!r} in database {connection.dbname}.",
            EXIT_REFUSED,
        )
    output = prepare_output(args.output, f"alliance-{args.slug}-{utc_stamp()}.dump")
    # A quoted pattern matches this one schema only, whatever characters it holds.
    dump(tools, connection, output, args.lock_wait_timeout, [f"--schema={quote_ident(schema)}"])
    contents = read_archive(tools, connection, output)
    if contents.schemas != {schema}:
        output.unlink()
        raise ToolError(f"pg_dump wrote schemas {sorted(contents.schemas)}, not {schema!r}.")
    info(
        f"backup of alliance {args.slug} (schema {schema}) written to {output} "
        f"({describe_size(output)}, {len(contents.tables)} tables)"
    )
    return EXIT_OK


def restore_alliance(args: argparse.Namespace) -> int:
    path = check_input_file(Path(args.file))
    connection, tools = discover()
    check_versions(tools, connection, ("pg_restore", "psql"))
    schema = resolve_alliance(tools, connection, args.slug)
    contents = read_archive(tools, connection, path)
    if contents.schemas != {schema} or contents.namespaces - {schema}:
        found = sorted(contents.schemas | contents.namespaces) or ["none"]
        hint = (
            " It looks like a whole-database backup: use restore-database."
            if len(found) > 1 or "public" in found
            else ""
        )
        raise ToolError(
            f"{path} holds schema(s) {', '.join(found)}, not exactly {schema!r} of alliance "
            f"{args.slug!r}; nothing was changed.{hint}",
            EXIT_REFUSED,
        )
    # Entries in no schema may only belong to the schema itself (its ACL or comment).
    foreign = [
        f"{desc} {rest}"
        for desc, rest in contents.global_entries
        if not rest.startswith(f"SCHEMA {schema} ")
    ]
    if foreign:
        raise ToolError(
            f"{path} holds objects outside schema {schema!r} ({'; '.join(foreign[:3])}); "
            "nothing was changed.",
            EXIT_REFUSED,
        )
    exists = schema_exists(tools, connection, schema)
    aside = aside_name(schema, utc_stamp())
    if exists and schema_exists(tools, connection, aside):
        raise ToolError(f"schema {aside} exists already; try again in a second.", EXIT_REFUSED)
    stream_restore(tools, connection, path, schema, aside if exists else None, args)
    if not exists:
        info(f"alliance {args.slug}: schema {schema} was missing and has been restored")
    elif args.keep_old:
        info(f"alliance {args.slug}: schema {schema} restored; the previous one is kept as {aside}")
    else:
        info(
            f"alliance {args.slug}: schema {schema} restored from {path}; the previous one dropped"
        )
    behind = missing_migrations(tools, connection, schema)
    if behind:
        warn(
            f"the restored schema lacks {behind} migrations of the current release: run "
            f"`python manage.py migrate_schemas --schema={schema}`."
        )
    return EXIT_OK


def stream_restore(
    tools: Tools,
    connection: Connection,
    path: Path,
    schema: str,
    aside: str | None,
    args: argparse.Namespace,
) -> None:
    """Rename the current schema aside, restore the archive and drop (or keep) the old
    schema in ONE transaction: pg_restore writes the archive as SQL, psql runs it
    between our BEGIN and COMMIT. Until the commit everyone else sees the old schema; on
    any error, or when the archive cannot be read to its end, the transaction is rolled
    back and nothing has changed. (``pg_restore --single-transaction -n`` would not do:
    ``-n`` leaves out the archive's CREATE SCHEMA, and the renames would be separate
    transactions that could be left half done.)"""
    lock_timeout = f"SET lock_timeout = '{int(args.lock_wait_timeout)}s';\n"
    prefix = lock_timeout + "BEGIN;\n"
    # Two restores of the same alliance at once would race for the names.
    prefix += f"SELECT pg_advisory_xact_lock(hashtext('buendnisnetz-restore-{schema}'));\n"
    if aside is not None:
        prefix += f"ALTER SCHEMA {quote_ident(schema)} RENAME TO {quote_ident(aside)};\n"
    suffix = "RESET search_path;\n" + lock_timeout
    # Only an alliance schema (it records its migrations) may replace an alliance schema.
    suffix += (
        "DO $$ BEGIN IF to_regclass('" + quote_ident(schema) + ".django_migrations') IS NULL "
        "THEN RAISE EXCEPTION 'the archive holds no alliance schema (no django_migrations)'; "
        "END IF; END $$;\n"
    )
    if aside is not None and not args.keep_old:
        suffix += f"DROP SCHEMA {quote_ident(aside)} CASCADE;\n"
    suffix += "COMMIT;\n"

    restore_args = [tools.path("pg_restore"), "--file=-"]
    if args.no_owner:
        restore_args += ["--no-owner", "--no-privileges"]
    restore_args.append(str(path))
    psql_args = [
        tools.path("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1",
        "--dbname", connection.url, "-f", "-",
    ]  # fmt: skip
    env = connection.env()
    with tempfile.TemporaryFile("w+") as restore_err, tempfile.TemporaryFile("w+") as psql_err:
        consumer = subprocess.Popen(  # noqa: S603
            psql_args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=psql_err, env=env
        )
        producer = subprocess.Popen(  # noqa: S603
            restore_args, stdout=subprocess.PIPE, stderr=restore_err, env=env
        )
        complete = False
        try:
            consumer.stdin.write(prefix.encode())
            shutil.copyfileobj(producer.stdout, consumer.stdin, 1 << 16)
            # Commit only an archive that pg_restore read to its end.
            complete = producer.wait() == 0
            consumer.stdin.write(suffix.encode() if complete else b"ROLLBACK;\n")
            consumer.stdin.close()
        except BrokenPipeError:
            pass  # psql stopped at an error; it reports it below
        finally:
            producer.stdout.close()
            if producer.poll() is None:
                producer.kill()
            producer.wait()
            with contextlib.suppress(BrokenPipeError):
                consumer.stdin.close()
            consumer.wait()
        restore_err.seek(0)
        psql_err.seek(0)
        if not complete:
            raise ToolError(
                f"pg_restore could not read {path}; nothing was changed:\n"
                f"{last_lines(restore_err.read())}"
            )
        if consumer.returncode != 0:
            errors = psql_err.read()
            message = (
                f"the restore of schema {schema} failed and was rolled back; nothing was "
                f"changed:\n{last_lines(errors)}"
            )
            if "lock timeout" in errors:
                message += (
                    f"\nAnother session used the alliance's tables for more than "
                    f"{args.lock_wait_timeout} s: try again, or stop the web and worker "
                    "processes first."
                )
            raise ToolError(message)


def restore_database(args: argparse.Namespace) -> int:
    path = check_input_file(Path(args.file))
    connection, tools = discover()
    admin = admin_connection(tools, connection)
    check_versions(tools, admin, ("pg_restore", "psql"))
    contents = read_archive(tools, connection, path)
    if ("public", "tenants_alliance") not in contents.tables:
        raise ToolError(
            f"{path} is not a backup of the whole database (it has no public.tenants_alliance; "
            f"schemas: {', '.join(sorted(contents.schemas | contents.namespaces)) or 'none'}). "
            "A single alliance's backup is restored with restore-alliance.",
            EXIT_REFUSED,
        )
    target_name = args.target_db or connection.dbname
    target = connection.with_db(target_name)
    exists = (
        psql(
            tools,
            admin,
            "SELECT count(*) FROM pg_database WHERE datname = :'name'",
            name=target_name,
        )[0][0]
        != "0"
    )
    created = False
    if exists:
        occupied = psql(
            tools,
            target,
            "SELECT n.nspname, count(c.oid) FROM pg_namespace n "
            "LEFT JOIN pg_class c ON c.relnamespace = n.oid "
            "WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' "
            "GROUP BY n.nspname HAVING n.nspname <> 'public' OR count(c.oid) > 0 ORDER BY 1",
        )
        if occupied and not args.clean:
            relations = sum(int(row[1]) for row in occupied)
            raise ToolError(
                f"database {target_name} is not empty ({relations} tables, sequences or indexes "
                f"in {len(occupied)} schemas); nothing was changed. Restore into a new "
                "database with --target-db NAME, or pass --clean to replace the objects "
                "of the backup in this one.",
                EXIT_REFUSED,
            )
    else:
        psql(tools, admin, 'CREATE DATABASE :"name"', name=target_name)
        created = True
    restore_args = [
        tools.path("pg_restore"),
        "--single-transaction",
        "--exit-on-error",
        f"--dbname={target.url}",
    ]
    if exists and args.clean:
        restore_args += ["--clean", "--if-exists"]
    if args.no_owner:
        restore_args += ["--no-owner", "--no-privileges"]
    restore_args.append(str(path))
    result = run(restore_args, target)
    if result.returncode != 0:
        outcome = "nothing was changed"
        if created:
            psql(tools, admin, 'DROP DATABASE IF EXISTS :"name"', name=target_name)
            outcome = f"the new database {target_name} was dropped again"
        raise ToolError(
            f"pg_restore into {target_name} failed and was rolled back; {outcome}:\n"
            f"{last_lines(result.stderr)}"
        )
    alliances = psql(tools, target, "SELECT count(*) FROM public.tenants_alliance")[0][0]
    info(f"restored {path} into database {target_name} ({alliances} alliances)")
    if exists and args.clean:
        leftover = psql(
            tools,
            target,
            "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
            "AND nspname NOT IN ('public', 'information_schema') ORDER BY 1",
        )
        extra = sorted({row[0] for row in leftover} - contents.schemas)
        if extra:
            warn(
                "schemas that are not in the backup were left as they were: "
                + ", ".join(extra)
                + " (drop them by hand if they belong to alliances created after the backup)"
            )
    return EXIT_OK


def admin_connection(tools: Tools, connection: Connection) -> Connection:
    """A connection for CREATE/DROP DATABASE: the configured database, else the
    maintenance database (on a fresh server the configured one may not exist yet)."""
    errors = []
    for dbname in (connection.dbname, "postgres", "template1"):
        candidate = connection.with_db(dbname)
        try:
            psql(tools, candidate, "SELECT 1")
        except ToolError as exc:
            errors.append(str(exc))
            continue
        return candidate
    raise ToolError("could not connect to the server:\n" + errors[-1], EXIT_REFUSED)


# ---------------------------------------------------------------- command line

ENVIRONMENT_HELP = """
environment:
  DATABASE_URL  postgres://user:password@host:port/dbname (the application's setting);
                unset on a development machine: the embedded PostgreSQL under .data/
  PG_BIN        directory of pg_dump, pg_restore and psql; otherwise the embedded
                server's tools (without DATABASE_URL) or those on PATH. They must be
                at least the server's major version.

exit codes:
  0 done; 1 a PostgreSQL tool failed (a restore was rolled back, nothing changed);
  2 wrong usage or missing file; 3 refused by a safety check (nothing changed)
"""

COMMANDS = {
    "backup-database": (
        backup_database,
        "Back up the whole database (every alliance and the state layer) with "
        "pg_dump --format=custom.",
    ),
    "backup-alliance": (
        backup_alliance,
        "Back up one alliance: its PostgreSQL schema only (pg_dump --format=custom "
        "--schema). The alliance's row and domains in the public schema are not included.",
    ),
    "restore-database": (
        restore_database,
        "Restore a backup-database file into an empty or new database (by default the one "
        "in DATABASE_URL), in one transaction.",
    ),
    "restore-alliance": (
        restore_alliance,
        "Replace one alliance's schema by a backup-alliance file of that same alliance, in "
        "one transaction: the current schema is renamed aside, the backup restored, the old "
        "schema dropped (or kept with --keep-old). The public schema (alliances, domains, "
        "accounts) and other alliances are not touched.",
    ),
}


def positive_seconds(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of seconds (1 or more)")
    return int(text)


def build_parser(command: str) -> argparse.ArgumentParser:
    handler, description = COMMANDS[command]
    parser = argparse.ArgumentParser(
        prog=command,
        description=textwrap.fill(description, 88),
        epilog=ENVIRONMENT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    if command == "backup-alliance":
        parser.add_argument("slug", help="the alliance's short name (its sub-domain), e.g. jena")
    if command in ("restore-alliance",):
        parser.add_argument("slug", help="the alliance's short name (its sub-domain), e.g. jena")
    if command.startswith("restore"):
        parser.add_argument("file", help="the backup file (pg_dump custom format)")
        parser.add_argument(
            "--no-owner",
            action="store_true",
            help="restore without the backup's owners and privileges (the connecting role "
            "owns everything), e.g. on a server with other roles",
        )
    if command.startswith("backup"):
        parser.add_argument(
            "--output",
            metavar="FILE",
            help="where to write the backup (default: a dated file in the current directory); "
            "must not exist",
        )
    if command == "restore-database":
        parser.add_argument(
            "--target-db",
            metavar="NAME",
            help="database to restore into; created if missing (default: DATABASE_URL's)",
        )
        parser.add_argument(
            "--clean",
            action="store_true",
            help="allow a non-empty target: drop and re-create the backup's objects in it",
        )
    if command == "restore-alliance":
        parser.add_argument(
            "--keep-old",
            action="store_true",
            help=f"keep the replaced schema as <schema>{ASIDE_MARKER}<UTC timestamp>",
        )
    parser.add_argument(
        "--lock-wait-timeout",
        metavar="SECONDS",
        type=positive_seconds,
        default=60,
        help="give up when a table stays locked this long (default: 60)",
    )
    parser.set_defaults(handler=handler)
    return parser


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: _pgtools.py {{{','.join(COMMANDS)}}} [options]", file=sys.stderr)
        return EXIT_USAGE
    command = argv[0]
    args = build_parser(command).parse_args(argv[1:])
    try:
        return args.handler(args)
    except ToolError as exc:
        print(f"{command}: error: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print(f"{command}: interrupted", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
