"""Provisioning a new alliance: from the setup's move to "active" to the coordinator
working on the new host, with schemas copied from the template.

Everything a test provisions (schema, rows, the template's use) happens inside the
test's transaction (Celery runs eagerly in-process on the same connection), so the
rollback removes it; ``no_schema_outlives_the_module`` checks that it really does.
"""

from __future__ import annotations

import re
import time
import uuid

import pytest
from django.core.management import call_command
from django.db import connection
from django_tenants.utils import schema_exists
from psycopg import sql

from kernel.audit.models import AuditEntry
from regional.models import AllianceSetup, ProvisioningStatus, SetupStage, StarterTemplate
from regional.services import provisioning as regional_provisioning
from regional.services.setups import setup_create
from regional.tasks.setups import provision_alliance
from tenants.models import Alliance, Membership, User
from tenants.roles import Role
from tenants.services import provisioning
from tests.conftest import host_client
from tests.factories.tenants import UserFactory, account_with_role

pytestmark = pytest.mark.slow

SLUG_PREFIX = "neu"
PASSWORD = "Familienfreundlich-2026!"


def _schemas_like(prefix: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE %s", [f"{prefix}\\_%"])
        return [row[0] for row in cursor.fetchall()]


@pytest.fixture(scope="module", autouse=True)
def template_schema(django_db_setup, django_db_blocker):
    """The template, migrated once for this module (committed) and dropped afterwards;
    and the proof that no provisioned schema outlives the tests that made it."""
    with django_db_blocker.unblock():
        provisioning.drop_template_schema()
        built = provisioning.ensure_template_schema()  # from nothing: creates and migrates
        assert built
        assert provisioning.template_is_current()
    yield provisioning.TEMPLATE_SCHEMA
    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        leftovers = _schemas_like(SLUG_PREFIX) + _schemas_like("copy") + _schemas_like("migrated")
        for schema in leftovers:  # clean up anyway, then fail loudly
            with connection.cursor() as cursor:
                cursor.execute(f'DROP SCHEMA "{schema}" CASCADE')
        Alliance.objects.filter(slug__startswith=f"{SLUG_PREFIX}-").delete()
        # The template stays for the tests after this module (the session keeps one, so
        # that provisioning in a test need not migrate it first: 4 s each).
        assert provisioning.ensure_template_schema() is False
    assert leftovers == [], f"schemas left behind: {leftovers}"


@pytest.fixture
def state_coordinator(db) -> User:
    return account_with_role(Role.STATE_COORDINATOR, email="land.test@example.org")


def _unique_slug() -> str:
    return f"{SLUG_PREFIX}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def complete_setup(state_coordinator):
    """A setup with everything provisioning needs (unique slug and name per test)."""

    def make(**overrides) -> AllianceSetup:
        slug = overrides.pop("slug") if "slug" in overrides else _unique_slug()
        data = {
            "place": "Apolda",
            "district": "16071",
            "initiators": "Stadt Apolda, Diakonie",
            "mentor": state_coordinator,
            "alliance_name": f"Lokales Bündnis für Familie Apolda {slug}",
            "slug": slug,
            "host_organisation": "Stadtverwaltung Apolda",
            "coordinator_name": "Frieda Anfang",
            "coordinator_email": f"koordination@{slug}.example",
            **overrides,
        }
        setup = setup_create(actor=state_coordinator, **data)
        AllianceSetup.objects.filter(pk=setup.pk).update(stage=SetupStage.DECLARATION)
        setup.refresh_from_db()
        return setup

    return make


def _move_to_active(client, setup, capture):
    with capture(execute=True):
        return client.post(f"/setups/{setup.pk}/move/", {"stage": SetupStage.ACTIVE})


def _link_in(body: str, host: str) -> str:
    match = re.search(rf"http://{re.escape(host)}(/accounts/password/reset/[^/\s]+/[^/\s]+/)", body)
    assert match, body
    return match.group(1)


# ---------------------------------------------------------------- end to end


def test_a_complete_setup_moved_to_active_becomes_a_working_alliance(
    state_client,
    state_coordinator,
    complete_setup,
    eager_celery,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    setup = complete_setup()
    host = f"{setup.slug}.localhost"
    # onboarding: a template of the state office the new workspace starts with
    StarterTemplate.objects.create(kind="working_group", name="AG Familie und Beruf")

    response = _move_to_active(state_client, setup, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == f"/setups/{setup.pk}/"
    setup.refresh_from_db()
    assert setup.stage == SetupStage.ACTIVE
    assert setup.provisioning_status == ProvisioningStatus.DONE
    alliance = setup.alliance
    assert alliance.slug == setup.slug
    assert alliance.domains.get(is_primary=True).domain == host
    assert AuditEntry.objects.filter(
        action="regional.alliancesetup.stage_changed", object_id=str(setup.pk)
    ).exists()
    assert AuditEntry.objects.filter(
        action="regional.alliancesetup.provisioned", object_id=str(setup.pk)
    ).exists()

    # The new host answers with the alliance's public page.
    public_page = host_client(host).get("/")
    assert public_page.status_code == 200
    assert setup.alliance_name in public_page.content.decode()

    # The coordinator is invited with a link to choose a password on the new host.
    assert [message.to for message in mailoutbox] == [[setup.coordinator_email]]
    path = _link_in(mailoutbox[0].body, host)
    coordinator = User.objects.get(email=setup.coordinator_email)
    assert not coordinator.has_usable_password()
    assert Membership.objects.filter(
        user=coordinator, alliance=alliance, role=Role.LOCAL_COORDINATOR
    ).exists()

    browser = host_client(host)
    form_page = browser.get(path)
    assert form_page.status_code == 302  # Django hides the token behind set-password/
    chosen = browser.post(
        form_page["Location"], {"new_password1": PASSWORD, "new_password2": PASSWORD}
    )
    assert chosen.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.check_password(PASSWORD)

    # ... logs in on the new host and opens the workspace.
    login = browser.post(
        "/accounts/login/", {"username": setup.coordinator_email, "password": PASSWORD}
    )
    assert login.status_code == 302
    assert browser.get("/workspace/").status_code == 200
    # onboarding: ... with the templates copied and the first-run checklist
    assert "Erste Schritte" in browser.get("/workspace/").content.decode()
    assert "AG Familie und Beruf" in browser.get("/workspace/working-groups/").content.decode()

    # The alliance is counted in the next statistics snapshot.
    from regional.models import AllianceSnapshot
    from regional.services.statistics import statistics_refresh

    statistics_refresh(actor=state_coordinator)
    assert AllianceSnapshot.objects.filter(alliance=alliance).exists()


def test_the_setup_page_follows_the_progress_and_links_the_new_host(
    state_client, complete_setup, eager_celery, django_capture_on_commit_callbacks
):
    setup = complete_setup()
    AllianceSetup.objects.filter(pk=setup.pk).update(
        stage=SetupStage.ACTIVE,
        provisioning_status=ProvisioningStatus.RUNNING,
        provisioning_step=regional_provisioning.STEP_ALLIANCE,
    )
    running = state_client.get(f"/setups/{setup.pk}/")
    assert running.status_code == 200
    assert '<meta http-equiv="refresh" content="2">' in running.content.decode()
    assert "Creating the alliance, its database schema and web address" in running.content.decode()

    AllianceSetup.objects.filter(pk=setup.pk).update(provisioning_status=ProvisioningStatus.FAILED)
    with django_capture_on_commit_callbacks(execute=True):
        state_client.post(f"/setups/{setup.pk}/retry/")
    done = state_client.get(f"/setups/{setup.pk}/")
    assert 'http-equiv="refresh"' not in done.content.decode()
    assert f"http://{setup.slug}.localhost/" in done.content.decode()


# ---------------------------------------------------------------- failures and retries


def test_a_failure_in_the_middle_leaves_nothing_behind_and_a_retry_succeeds(
    state_client,
    complete_setup,
    eager_celery,
    django_capture_on_commit_callbacks,
    mailoutbox,
    monkeypatch,
):
    setup = complete_setup()
    schema = Alliance.schema_name_for(setup.slug)

    def broken_membership_create(**kwargs):
        assert schema_exists(schema)  # the failure really comes after the schema
        raise RuntimeError("membership service unavailable")

    monkeypatch.setattr(regional_provisioning, "membership_create", broken_membership_create)
    _move_to_active(state_client, setup, django_capture_on_commit_callbacks)

    setup.refresh_from_db()
    assert setup.provisioning_status == ProvisioningStatus.FAILED
    assert "membership service unavailable" in setup.provisioning_error
    assert setup.alliance is None
    assert not Alliance.objects.filter(slug=setup.slug).exists()
    assert not schema_exists(schema)
    assert not User.objects.filter(email=setup.coordinator_email).exists()
    assert mailoutbox == []
    page = state_client.get(f"/setups/{setup.pk}/")
    assert "membership service unavailable" in page.content.decode()
    assert f'action="/setups/{setup.pk}/retry/"' in page.content.decode()

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        retried = state_client.post(f"/setups/{setup.pk}/retry/")
    assert retried.status_code == 302
    setup.refresh_from_db()
    assert setup.provisioning_status == ProvisioningStatus.DONE
    assert setup.provisioning_error == ""
    assert schema_exists(schema)
    assert len(mailoutbox) == 1
    assert AuditEntry.objects.filter(
        action="regional.alliancesetup.provisioning_failed", object_id=str(setup.pk)
    ).exists()
    assert AuditEntry.objects.filter(action="tenants.alliance.discarded").exists()


def test_running_the_task_twice_creates_one_alliance(
    state_client, complete_setup, eager_celery, django_capture_on_commit_callbacks, mailoutbox
):
    setup = complete_setup()
    _move_to_active(state_client, setup, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        assert provision_alliance.run(setup.pk) == "done"

    assert Alliance.objects.filter(slug=setup.slug).count() == 1
    assert Membership.objects.filter(alliance__slug=setup.slug).count() == 1
    assert len(mailoutbox) == 1


def test_an_interrupted_run_is_continued_with_the_alliance_it_made(
    complete_setup, state_coordinator, eager_celery, django_capture_on_commit_callbacks, mailoutbox
):
    """A worker that died after creating the alliance: the next delivery reuses it."""
    setup = complete_setup()
    alliance = provisioning.alliance_create_from_template(
        actor=state_coordinator,
        name=setup.alliance_name,
        slug=setup.slug,
        district=setup.district,
    )
    AllianceSetup.objects.filter(pk=setup.pk).update(
        alliance=alliance,
        stage=SetupStage.ACTIVE,
        provisioning_status=ProvisioningStatus.RUNNING,
        provisioning_step=regional_provisioning.STEP_COORDINATOR,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert provision_alliance.run(setup.pk) == "done"

    setup.refresh_from_db()
    assert setup.alliance_id == alliance.pk
    assert Alliance.objects.filter(slug=setup.slug).count() == 1
    assert len(mailoutbox) == 1


def test_an_incomplete_setup_cannot_be_moved_to_active(
    state_client, complete_setup, eager_celery, django_capture_on_commit_callbacks
):
    setup = complete_setup(slug="", alliance_name="", coordinator_email="")
    entries_before = AuditEntry.objects.count()

    response = _move_to_active(state_client, setup, django_capture_on_commit_callbacks)

    assert response.status_code == 400
    text = response.content.decode()
    assert "cannot become active yet" in text
    for missing in (
        "the name of the alliance",
        "the short name (web address)",
        "the first coordinator&#x27;s e-mail address",
    ):
        assert missing in text
    setup.refresh_from_db()
    assert setup.stage == SetupStage.DECLARATION
    assert setup.provisioning_status == ProvisioningStatus.NONE
    assert AuditEntry.objects.count() == entries_before


def test_a_taken_short_name_is_refused_before_anything_happens(
    state_client, complete_setup, jena, eager_celery, django_capture_on_commit_callbacks
):
    setup = complete_setup()
    AllianceSetup.objects.filter(pk=setup.pk).update(slug="jena")
    setup.refresh_from_db()

    response = _move_to_active(state_client, setup, django_capture_on_commit_callbacks)

    assert response.status_code == 400
    assert "Another alliance already uses this short name." in response.content.decode()
    setup.refresh_from_db()
    assert setup.stage == SetupStage.DECLARATION


def test_data_that_became_invalid_after_queueing_fails_the_run_with_the_reason(
    complete_setup, jena
):
    setup = complete_setup()
    AllianceSetup.objects.filter(pk=setup.pk).update(
        stage=SetupStage.ACTIVE, provisioning_status=ProvisioningStatus.QUEUED, slug="jena"
    )
    with translation_en():
        assert provision_alliance.run(setup.pk) == "failed"
    setup.refresh_from_db()
    assert setup.provisioning_status == ProvisioningStatus.FAILED
    assert "short name" in setup.provisioning_error
    assert Alliance.objects.filter(slug="jena").count() == 1


def translation_en():
    from django.utils import translation

    return translation.override("en")


def test_an_existing_account_gets_the_role_and_a_login_link_not_a_password_link(
    state_client, complete_setup, eager_celery, django_capture_on_commit_callbacks, mailoutbox
):
    existing = UserFactory(email="schon.da@example.org")
    setup = complete_setup(coordinator_email="Schon.Da@example.org")

    _move_to_active(state_client, setup, django_capture_on_commit_callbacks)

    setup.refresh_from_db()
    assert setup.provisioning_status == ProvisioningStatus.DONE
    assert Membership.objects.filter(user=existing, alliance=setup.alliance).exists()
    assert User.objects.filter(email__iexact="schon.da@example.org").count() == 1
    body = mailoutbox[0].body
    assert "/accounts/password/reset/" not in body
    assert f"http://{setup.slug}.localhost/accounts/login/" in body


# ---------------------------------------------------------------- the template


def test_a_copied_schema_equals_a_migrated_one(db):
    started = time.perf_counter()
    provisioning.create_alliance_schema_from_template("copy_check")
    copied_in = time.perf_counter() - started
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute('CREATE SCHEMA "migrated_check"')
    call_command(
        "migrate_schemas", tenant=True, schema_name="migrated_check", interactive=False, verbosity=0
    )
    connection.set_schema_to_public()
    migrated_in = time.perf_counter() - started

    copied = provisioning.schema_signature("copy_check")
    migrated = provisioning.schema_signature("migrated_check")
    assert copied["relations"] == migrated["relations"]  # tables, sequences, indexes
    assert copied == migrated  # and every column, constraint and index definition
    copied_rows = provisioning.metadata_rows("copy_check")
    migrated_rows = provisioning.metadata_rows("migrated_check")
    assert copied_rows["django_content_type"] == migrated_rows["django_content_type"]
    assert [row[:2] for row in copied_rows["django_migrations"]] == [
        row[:2] for row in migrated_rows["django_migrations"]
    ]
    assert provisioning.applied_migrations("copy_check") == provisioning.expected_migrations()
    print(f"\nschema copied in {copied_in:.2f} s, migrated in {migrated_in:.2f} s")


def test_a_current_template_is_left_alone_and_a_missing_one_counts_as_out_of_date(db):
    assert provisioning.ensure_template_schema() is False
    provisioning.drop_template_schema()
    assert not provisioning.template_is_current()


def test_a_template_without_all_migration_records_is_out_of_date(db):
    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("DELETE FROM {}.django_migrations WHERE app = %s").format(
                sql.Identifier(provisioning.TEMPLATE_SCHEMA)
            ),
            ["core"],
        )
    assert not provisioning.template_is_current()


def test_a_copy_that_differs_from_the_template_is_refused(db, monkeypatch):
    original = provisioning._clone_statements

    def without_indexes(source, target):
        return [s for s in original(source, target) if not s.startswith("CREATE INDEX")]

    monkeypatch.setattr(provisioning, "_clone_statements", without_indexes)
    provisioning.forget_clone_plan()  # read the (broken) statements afresh
    with pytest.raises(provisioning.TemplateSchemaError, match="differs from"):
        provisioning.create_alliance_schema_from_template("copy_broken")
    assert not schema_exists("copy_broken")
    # The plan that made the faulty copy is gone: the next copy reads the template again.
    monkeypatch.undo()
    provisioning.create_alliance_schema_from_template("copy_mended")
    assert schema_exists("copy_mended")


def test_the_management_command_reports_an_up_to_date_template(db, capsys):
    call_command("ensure_template_schema")
    assert "up to date" in capsys.readouterr().out


def test_with_real_commits_a_failed_run_removes_its_schema_and_a_retry_succeeds(
    django_db_blocker, eager_celery, mailoutbox, monkeypatch
):
    """As on a worker: every step commits, so removing the alliance after a failure is
    what keeps the database clean (not a rollback). Cleans up everything it made."""
    slug = _unique_slug()
    schema = Alliance.schema_name_for(slug)
    with django_db_blocker.unblock():
        first_entry = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        setup = AllianceSetup.objects.create(
            place="Apolda",
            district="16071",
            alliance_name=f"Bündnis {slug}",
            slug=slug,
            coordinator_email=f"k@{slug}.example",
            stage=SetupStage.ACTIVE,
            provisioning_status=ProvisioningStatus.QUEUED,
        )
        try:

            def broken(**kwargs):
                raise RuntimeError("membership service unavailable")

            monkeypatch.setattr(regional_provisioning, "membership_create", broken)
            assert provision_alliance.run(setup.pk) == "failed"
            assert not schema_exists(schema)
            assert not Alliance.objects.filter(slug=slug).exists()

            monkeypatch.undo()
            AllianceSetup.objects.filter(pk=setup.pk).update(
                provisioning_status=ProvisioningStatus.QUEUED
            )
            assert provision_alliance.run(setup.pk) == "done"
            assert schema_exists(schema)
            assert [m.to for m in mailoutbox] == [[setup.coordinator_email]]
        finally:
            connection.set_schema_to_public()
            for alliance in Alliance.objects.filter(slug=slug):
                alliance.delete(force_drop=True)
            AllianceSetup.objects.filter(pk=setup.pk).delete()
            User.objects.filter(email=setup.coordinator_email).delete()
            AuditEntry.objects.filter(pk__gt=first_entry).delete()
