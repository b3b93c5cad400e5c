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

The code is split in siblings of this file: ``_pg_base`` (connection, tools, running
them), ``_pg_archives`` (archives and alliances), ``_pg_commands`` (the four commands);
this file is the command line.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

# The siblings are found however this file is loaded (as a script or by file path).
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pg_base import ASIDE_MARKER, EXIT_FAILED, EXIT_USAGE, ToolError
from _pg_commands import backup_alliance, backup_database, restore_alliance, restore_database

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
