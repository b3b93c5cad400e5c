"""The comparison behind ``make upgrade-check`` (devtools/upgrade_check.py): what counts
as lost when a database made by the previous main is upgraded."""

from __future__ import annotations

from django.db import connection

from devtools.databases import database_url
from devtools.upgrade_check import compare, count_rows


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


def test_database_url_names_another_database_on_the_same_server(settings):
    assert database_url("bn_upgrade").rsplit("/", 1)[-1].split("?")[0] == "bn_upgrade"


def test_rows_are_counted_per_schema_and_table(db):
    counts = count_rows(database_url(connection.settings_dict["NAME"]))
    assert ("public", "tenants_alliance") in counts
    assert all(schema not in {"pg_catalog", "information_schema"} for schema, _ in counts)
