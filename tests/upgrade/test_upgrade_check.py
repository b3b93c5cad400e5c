"""The comparison behind ``make upgrade-check`` (devtools/upgrade_check.py): what counts
as lost when a database made by the previous main is upgraded."""

from __future__ import annotations

import subprocess
import sys

from django.db import connection

from devtools.databases import database_url
from devtools.upgrade_check import WITHOUT_EDITABLE_FINDER, compare, compare_reseed, count_rows


def test_equal_counts_lose_nothing():
    counts = {("public", "tenants_alliance"): 16, ("jena", "core_partner"): 70}
    assert compare(counts, dict(counts)) == ([], [])


def test_a_changed_count_or_a_gone_table_is_a_loss():
    before = {("jena", "core_partner"): 70, ("jena", "core_project"): 9}
    after = {("jena", "core_partner"): 69}
    losses, _notes = compare(before, after)
    assert losses == [
        "jena.core_partner: 70 -> 69 rows",
        "jena.core_project: table gone (9 rows before)",
    ]


def test_djangos_bookkeeping_may_grow_but_not_shrink_and_new_tables_are_noted():
    before = {("public", "django_migrations"): 100, ("jena", "django_content_type"): 40}
    after = {
        ("public", "django_migrations"): 104,
        ("jena", "django_content_type"): 39,
        ("jena", "core_agendaitem"): 0,
    }
    losses, notes = compare(before, after)
    assert losses == ["jena.django_content_type: 40 -> 39 rows"]
    assert notes == [
        "public.django_migrations: 100 -> 104 rows (bookkeeping)",
        "jena.core_agendaitem: new table (0 rows)",
    ]


def test_a_rerun_of_the_demo_may_fill_empty_tables_but_change_no_filled_one():
    before = {
        ("public", "regional_startertemplate"): 0,
        ("public", "tenants_user"): 20,
        ("jena", "core_partner"): 70,
        ("jena", "core_project"): 9,
    }
    after = {
        ("public", "regional_startertemplate"): 9,
        ("public", "tenants_user"): 21,
        ("jena", "core_partner"): 71,
        ("jena", "core_project"): 8,
    }
    losses, notes = compare_reseed(before, after)
    assert losses == [
        "jena.core_partner: 70 -> 71 rows (grew)",
        "jena.core_project: 9 -> 8 rows (lost rows)",
    ]
    assert notes == [
        "public.regional_startertemplate: 0 -> 9 rows (demo of a new capability)",
        "public.tenants_user: 20 -> 21 rows (demo of a new capability)",
    ]


def test_the_old_tree_runs_without_this_trees_import_finder(tmp_path):
    # The editable install maps ``core`` etc. to this checkout; the old tree must not
    # pick up a package of this one that it lacks.
    (tmp_path / "manage.py").write_text(
        "import sys\n"
        "print(any(getattr(f, '__module__', '').startswith('__editable__')"
        " for f in sys.meta_path), sys.argv[1:])\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", WITHOUT_EDITABLE_FINDER, "check", "-v", "0"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert ran.stdout.strip() == "False ['check', '-v', '0']"


def test_database_url_names_another_database_on_the_same_server(settings):
    assert database_url("bn_upgrade").rsplit("/", 1)[-1].split("?")[0] == "bn_upgrade"


def test_rows_are_counted_per_schema_and_table(db):
    counts = count_rows(database_url(connection.settings_dict["NAME"]))
    assert ("public", "tenants_alliance") in counts
    assert all(schema not in {"pg_catalog", "information_schema"} for schema, _ in counts)


def test_a_second_states_demo_may_add_alliances_but_never_remove_one():
    # Saxony's office and its alliances are new to a database made by a one-state commit.
    before = {("public", "tenants_alliance"): 16, ("public", "tenants_domain"): 16}
    grown = {("public", "tenants_alliance"): 20, ("public", "tenants_domain"): 20}
    assert compare_reseed(before, grown)[0] == []
    shrunk = {("public", "tenants_alliance"): 15, ("public", "tenants_domain"): 16}
    assert compare_reseed(before, shrunk)[0] == [
        "public.tenants_alliance: 16 -> 15 rows (lost rows)"
    ]
