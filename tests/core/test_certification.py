"""Certification programmes: the seal's migration, scoring, renewal, expiry, self-assessment."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django_tenants.utils import schema_context

from core.models import (
    CertificateState,
    CertificationProgramme,
    CriterionGroup,
    SealApplication,
    SealStatus,
)
from core.services import certification as services
from core.services import seal as seal_services
from tests.factories.seal import (
    AwardedSealFactory,
    PartnerFactory,
    SealApplicationFactory,
    SealCheckFactory,
    SealCriterionFactory,
)

from tests.clock import AT_NOON, TODAY, in_days

pytestmark = AT_NOON
BEFORE = [("core", "0001_squashed_0002_plausible_dates_and_decisions")]
AFTER = [("core", "0002_certification")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


# ---------------------------------------------------------------- the migration


def test_migration_makes_the_seal_a_programme_and_back_without_losing_rows(jena):
    with schema_context("jena"):
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        old = _migrate(BEFORE)
        Criterion = old.get_model("core", "SealCriterion")
        Application = old.get_model("core", "SealApplication")
        Check = old.get_model("core", "SealCheck")
        Partner = old.get_model("core", "Partner")
        partner = Partner.objects.create(name="Analytik Jena", kind="company", joined_on=TODAY)
        criterion = Criterion.objects.create(text="Flexible Arbeitszeit", position=1)
        other = Criterion.objects.create(text="Ferienbetreuung", position=2, is_required=False)
        seal = Application.objects.create(
            partner=partner,
            submitted_on=datetime.date(2020, 1, 5),
            status="awarded",
            awarded_on=datetime.date(2020, 3, 1),
            valid_until=datetime.date(2023, 3, 1),
            review_notes="Vor Ort geprüft",
        )
        Check.objects.create(application=seal, criterion=criterion, fulfilled=True, note="ja")
        Check.objects.create(application=seal, criterion=other, fulfilled=False)

        new = _migrate(AFTER)
        Programme = new.get_model("core", "CertificationProgramme")
        programme = Programme.objects.get(is_default=True)
        assert programme.name == "Familiensiegel"
        migrated = new.get_model("core", "SealApplication").objects.get(pk=seal.pk)
        assert migrated.programme_id == programme.pk
        assert (migrated.status, migrated.valid_until) == ("awarded", datetime.date(2023, 3, 1))
        assert migrated.review_notes == "Vor Ort geprüft"
        criteria = new.get_model("core", "SealCriterion").objects.all()
        assert {c.programme_id for c in criteria} == {programme.pk}
        checks = new.get_model("core", "SealCheck").objects.order_by("criterion__position")
        assert [(c.fulfilled, c.score, c.note) for c in checks] == [(True, 2, "ja"), (False, 0, "")]

        back = _migrate(BEFORE)
        assert back.get_model("core", "SealApplication").objects.filter(pk=seal.pk).exists()
        assert back.get_model("core", "SealCriterion").objects.count() == 2
        assert sorted(
            back.get_model("core", "SealCheck").objects.values_list("fulfilled", "note")
        ) == [
            (False, ""),
            (True, "ja"),
        ]
        _migrate(AFTER)
