"""Upgrade a database made by an older commit (with the demo data) and prove nothing is lost.

    make upgrade-check                                  # from 1cb4d21, database bn_upgrade
    python -m devtools.upgrade_check --commit 1cb4d21 --database bn_upgrade [--keep]

Steps, on the server ``DATABASE_URL`` names (else the embedded PostgreSQL), in a
database of its own that is created afresh and dropped at the end unless ``--keep``:

1. the old commit is unpacked (``git archive``) into a temporary folder and, with this
   same virtualenv, builds the database there: ``migrate_schemas``,
   ``ensure_template_schema``, ``seed_demo`` (16 alliances, two years of activity);
2. every table of every schema is counted;
3. this tree runs what a release runs (``migrate_schemas``, ``ensure_template_schema``,
   as ``deploy/release`` does);
4. every table is counted again: each table of before must still exist with the same
   number of rows. Django's own bookkeeping (``django_migrations``,
   ``django_content_type``, ``auth_permission``) may only grow: new migrations and
   models add rows there. Tables that are new are listed;
5. this tree's ``seed_demo`` runs once more: no table may lose rows and no table that
   held rows may change (the demo data of the old commit is recognised as complete);
   it may fill tables that were empty, the demo of capabilities the old commit did not
   have (the state's starter and certification templates, the strategy meeting's world
   café, a new role's login with its audit entries);
6. with ``--same-demo``: this tree also builds a fresh database (``<name>_fresh``) with
   its own ``seed_demo``; every table must hold as many rows as in the upgraded one
   (the demo content is the same; Django's bookkeeping is not compared).

Exit status 0 when nothing was lost. Takes a few minutes (most of it the old demo data).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from devtools.databases import connect, create_database, database_url, drop_database
from devtools.snapshot import unpack

BASE_DIR = Path(__file__).resolve().parent.parent
SETTINGS = "config.settings.local"
# Tables Django fills from the code itself: new migrations and models add rows.
MAY_GROW = frozenset({"django_migrations", "django_content_type", "auth_permission"})
SYSTEM_SCHEMAS = ("pg_catalog", "information_schema", "pg_toast")

Counts = dict[tuple[str, str], int]


def log(message: str) -> None:
    print(message, flush=True)


# ---------------------------------------------------------------- the database


def count_rows(url: str) -> Counts:
    """Rows of every ordinary table of every schema, keyed by (schema, table)."""
    from psycopg import sql

    counts: Counts = {}
    with connect(url) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_type = 'BASE TABLE' AND table_schema <> ALL(%s) "
            "AND table_schema NOT LIKE 'pg_temp%%' ORDER BY 1, 2",
            [list(SYSTEM_SCHEMAS)],
        )
        for schema, table in cursor.fetchall():
            cursor.execute(
                sql.SQL("SELECT count(*) FROM {}.{}").format(
                    sql.Identifier(schema), sql.Identifier(table)
                )
            )
            counts[(schema, table)] = cursor.fetchone()[0]
    return counts


# ---------------------------------------------------------------- comparing


def compare(before: Counts, after: Counts) -> tuple[list[str], list[str]]:
    """(losses, notes): a lost table or a changed count is a loss; growth of Django's
    bookkeeping and new tables are notes."""
    losses, notes = [], []
    for key, rows in sorted(before.items()):
        where = ".".join(key)
        if key not in after:
            losses.append(f"{where}: table gone ({rows} rows before)")
        elif after[key] != rows:
            if key[1] in MAY_GROW and after[key] > rows:
                notes.append(f"{where}: {rows} -> {after[key]} rows (bookkeeping)")
            else:
                losses.append(f"{where}: {rows} -> {after[key]} rows")
    for key in sorted(after.keys() - before.keys()):
        notes.append(f"{'.'.join(key)}: new table ({after[key]} rows)")
    return losses, notes


# A rerun of seed_demo may add the demo logins of new roles and the audit entries of
# what it adds, and a second state's demo (Saxony's office with its four alliances,
# their hosts, its regional meeting and the meeting's invitations) where the old
# commit knew one state only. These tables may grow, never shrink.
RESEED_MAY_GROW = {
    "audit_auditentry",
    "tenants_user",
    "tenants_membership",
    "tenants_alliance",
    "tenants_domain",
    "regional_regionalmeeting",
    "regional_invitation",
}


def compare_reseed(before: Counts, after: Counts) -> tuple[list[str], list[str]]:
    """(losses, notes) of this tree's ``seed_demo`` on upgraded demo data: no table may
    lose rows and no table with rows may change (the old demo is complete as it is);
    it may fill tables that were empty (the demo of capabilities the old commit did not
    have, such as the state's templates) and add logins and audit entries."""
    losses, notes = [], []
    for key, rows in sorted(before.items()):
        where, now = ".".join(key), after.get(key, 0)
        if now == rows:
            continue
        if now > rows and (rows == 0 or key[1] in RESEED_MAY_GROW):
            notes.append(f"{where}: {rows} -> {now} rows (demo of a new capability)")
        else:
            change = "grew" if now > rows else "lost rows"
            losses.append(f"{where}: {rows} -> {now} rows ({change})")
    return losses, notes


# ---------------------------------------------------------------- running


# Runs ``manage.py`` in the current folder with the packages of that tree only. The
# virtualenv's editable install of this tree adds an import finder that maps ``core``,
# ``kernel``, ... to this checkout; a package the old tree lacks (``core.templatetags``)
# would otherwise be found there and mix the two trees.
WITHOUT_EDITABLE_FINDER = (
    "import runpy, sys; "
    "editable = lambda f: getattr(f, '__module__', '').startswith('__editable__'); "
    "sys.meta_path[:] = [f for f in sys.meta_path if not editable(f)]; "
    "sys.path_hooks[:] = [h for h in sys.path_hooks if not editable(h)]; "
    "sys.path_importer_cache.clear(); "
    "sys.argv = ['manage.py', *sys.argv[1:]]; "
    "runpy.run_path('manage.py', run_name='__main__')"
)


def manage(tree: Path, *arguments: str, url: str, media: Path) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        # One media folder for both trees: the demo's files stay where its rows point.
        "DJANGO_MEDIA_ROOT": str(media),
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "PYTHONPATH": str(tree),
        # Tasks the seed sends (e-mails, report files) run inside the process: no worker.
        "BUENDNISNETZ_CELERY_EAGER": "1",
    }
    started = time.perf_counter()
    log(f"  {tree.name}: manage.py {' '.join(arguments)}")
    command = [sys.executable, "-c", WITHOUT_EDITABLE_FINDER, *arguments]
    subprocess.run(command, cwd=tree, env=env, check=True)  # noqa: S603 - our own manage.py
    log(f"    ({time.perf_counter() - started:.0f} s)")


def release_steps(tree: Path, url: str, media: Path) -> None:
    manage(tree, "migrate_schemas", "--noinput", "-v", "0", url=url, media=media)
    manage(tree, "ensure_template_schema", "-v", "0", url=url, media=media)


def same_demo(name: str, upgraded: Counts, media: Path) -> list[str]:
    """Step 6: this tree's own demo database against the upgraded one, table by table."""
    fresh = f"{name}_fresh"
    url = database_url(fresh)
    create_database(fresh, fresh=True)
    try:
        log(f"6. This tree's own demo data in {fresh}:")
        release_steps(BASE_DIR, url, media)
        manage(BASE_DIR, "seed_demo", url=url, media=media)
        counts = count_rows(url)
    finally:
        drop_database(fresh)
    return [
        f"{'.'.join(key)}: {upgraded.get(key)} rows upgraded, {counts.get(key)} fresh"
        for key in sorted(upgraded.keys() | counts.keys())
        if key[1] not in MAY_GROW and upgraded.get(key) != counts.get(key)
    ]


def run(commit: str, name: str, *, reseed: bool, demo: bool = False) -> int:
    url = database_url(name)
    create_database(name, fresh=True)
    log(f"Database {name} created.")
    with tempfile.TemporaryDirectory(prefix="bn-upgrade-") as folder:
        media = Path(folder) / "media"
        old = Path(folder) / f"tree-{commit}"
        old.mkdir()
        unpack(commit, old)
        log(f"1. The database as commit {commit} makes it, with the demo data:")
        release_steps(old, url, media)
        manage(old, "seed_demo", url=url, media=media)
        before = count_rows(url)
        log(f"2. {len(before)} tables, {sum(before.values())} rows counted.")
        log("3. Upgrading with this tree:")
        release_steps(BASE_DIR, url, media)
        after = count_rows(url)
        losses, notes = compare(before, after)
        log(f"4. {len(after)} tables, {sum(after.values())} rows after the upgrade.")
        for note in notes:
            log(f"   note: {note}")
        if reseed and not losses:
            log("5. This tree's seed_demo on the upgraded data:")
            manage(BASE_DIR, "seed_demo", url=url, media=media)
            again, added = compare_reseed(after, count_rows(url))
            losses += [f"after seed_demo: {line}" for line in again]
            for note in added:
                log(f"   note: {note}")
        if demo and not losses:
            losses += same_demo(name, after, Path(folder) / "media-fresh")
    for loss in losses:
        log(f"   LOST: {loss}")
    log("Nothing lost." if not losses else f"{len(losses)} differences.")
    return 1 if losses else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m devtools.upgrade_check",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--commit", default="1cb4d21", help="The older commit (1cb4d21).")
    parser.add_argument("--database", default="bn_upgrade", help="Scratch database name.")
    parser.add_argument("--keep", action="store_true", help="Keep the database afterwards.")
    parser.add_argument("--no-reseed", action="store_true", help="Skip step 5.")
    parser.add_argument("--same-demo", action="store_true", help="Add step 6.")
    options = parser.parse_args(argv)
    try:
        return run(
            options.commit,
            options.database,
            reseed=not options.no_reseed,
            demo=options.same_demo,
        )
    finally:
        if not options.keep:
            drop_database(options.database)
            log(f"Database {options.database} dropped (--keep keeps it).")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
