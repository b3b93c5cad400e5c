"""Archives (their table of contents, input and output files, ``pg_dump``) and the
alliances they hold (``_pgtools.py``)."""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from _pg_base import (
    ASIDE_MARKER,
    EXIT_REFUSED,
    EXIT_USAGE,
    PROTECTED_SCHEMAS,
    RECOMMENDED_MAX_LOCKS,
    SLUG_PATTERN,
    TEMPLATE_SCHEMA,
    TOC_LINE,
    Connection,
    ToolError,
    Tools,
    last_lines,
    psql,
    psql_value,
    run,
)

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
    return int(psql_value(tools, connection, "SELECT count(*) FROM public.tenants_alliance"))


def has_alliance_table(tools: Tools, connection: Connection) -> bool:
    sql = "SELECT to_regclass('public.tenants_alliance') IS NOT NULL"
    return psql_value(tools, connection, sql) == "t"


def schema_exists(tools: Tools, connection: Connection, schema: str) -> bool:
    sql = "SELECT count(*) FROM pg_namespace WHERE nspname = :'schema'"
    return psql_value(tools, connection, sql, schema=schema) != "0"


def aside_name(schema: str, stamp: str) -> str:
    suffix = f"{ASIDE_MARKER}{stamp}"
    # PostgreSQL cuts identifiers at 63 bytes; cut the schema part instead, so the name
    # that is renamed to is the name that is dropped.
    return schema[: 63 - len(suffix)] + suffix


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def missing_migrations(tools: Tools, connection: Connection, schema: str) -> int:
    """Migrations the (current) template schema has and the restored schema lacks."""
    has_table = "SELECT to_regclass(format('%I.django_migrations', :'template')) IS NOT NULL"
    if psql_value(tools, connection, has_table, template=TEMPLATE_SCHEMA) != "t":
        return 0
    missing = (
        'SELECT count(*) FROM :"template".django_migrations t WHERE NOT EXISTS '
        '(SELECT 1 FROM :"schema".django_migrations s WHERE s.app = t.app AND s.name = t.name)'
    )
    return int(psql_value(tools, connection, missing, template=TEMPLATE_SCHEMA, schema=schema))
