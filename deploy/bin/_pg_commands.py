"""The four commands: backup and restore of the whole database or of one alliance
(``_pgtools.py``)."""

from __future__ import annotations

import argparse
import contextlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from _pg_archives import (
    aside_name,
    check_input_file,
    count_alliances,
    describe_size,
    dump,
    missing_migrations,
    prepare_output,
    quote_ident,
    read_archive,
    resolve_alliance,
    schema_exists,
)
from _pg_base import (
    EXIT_OK,
    EXIT_REFUSED,
    RECOMMENDED_MAX_LOCKS,
    SPARE_SCHEMAS_PATTERN,
    Connection,
    ToolError,
    Tools,
    check_versions,
    discover,
    info,
    last_lines,
    psql,
    psql_value,
    run,
    utc_stamp,
    warn,
)

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
    # Spares hold no data and are made again after a restore (an hourly refill, the
    # next new alliance, ``ensure_template_schema`` in a release).
    excluded = [f"--exclude-schema={SPARE_SCHEMAS_PATTERN}"]
    dump(tools, connection, output, args.lock_wait_timeout, excluded)
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
    exists_sql = "SELECT count(*) FROM pg_database WHERE datname = :'name'"
    exists = psql_value(tools, admin, exists_sql, name=target_name) != "0"
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
    alliances = psql_value(tools, target, "SELECT count(*) FROM public.tenants_alliance")
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
