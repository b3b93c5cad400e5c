"""Certification programmes: the seal's migration, scoring, renewal, expiry, self-assessment."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django_tenants.utils import schema_context

from core.figures import ALLIANCE_FIGURES
from core.models import (
    CertificateState,
    CertificationProgramme,
    CriterionGroup,
    SealApplication,
    SealStatus,
)
from core.services import certification as services
from core.services import seal as seal_services
from kernel.figures import Counting
from tests.clock import AT_NOON, TODAY, in_days
from tests.factories.seal import (
    AwardedSealFactory,
    PartnerFactory,
    SealApplicationFactory,
    SealCheckFactory,
    SealCriterionFactory,
)

pytestmark = AT_NOON
# Issue 16's migrations are squashed into two: the seal's step is inside the second.
BEFORE = [("core", "0002_squashed_0005_careguides")]
AFTER = [("core", "0006_squashed_0008_fundraising")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


# ---------------------------------------------------------------- the migration


# Slow: the round trip unapplies and reapplies the second half of issue 16's tables.
@pytest.mark.slow
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


# ---------------------------------------------------------------- expiry


def test_expired_seal_reads_expired_not_awarded(jena):
    with schema_context("jena"):
        expired = AwardedSealFactory(valid_until=in_days(-1))
        valid = AwardedSealFactory(valid_until=TODAY)
        assert expired.state == CertificateState.EXPIRED
        assert str(expired.get_state_display()) == "Abgelaufen"
        assert not expired.is_valid
        assert valid.state == CertificateState.AWARDED
        assert valid.is_valid


# ---------------------------------------------------------------- scoring


def _scored_application(programme, scores, *, weights=None, required=False):
    application = SealApplicationFactory(programme=programme, status=SealStatus.IN_REVIEW)
    for index, score in enumerate(scores):
        criterion = SealCriterionFactory(
            programme=programme,
            is_required=required,
            weight=(weights or [1] * len(scores))[index],
        )
        SealCheckFactory(application=application, criterion=criterion, score=score)
    return application


def test_score_is_weighted_by_criterion_and_group(jena):
    with schema_context("jena"):
        programme = CertificationProgramme.objects.create(name="Vielfalt im Betrieb")
        group = CriterionGroup.objects.create(programme=programme, name="Diversität", weight=2)
        application = _scored_application(programme, [2, 0], weights=[3, 1])
        assert application.score_percent() == 75  # (3*2) of (3*2 + 1*2)
        check = application.checks.get(criterion__weight=1)
        check.criterion.group = group
        check.criterion.save()
        check.score = 1
        check.save()
        # weights 3 and 1*2: (3*2 + 2*1) of (3*2 + 2*2)
        assert application.score_percent() == 80
        assert application.self_percent() is None


def test_award_below_the_pass_threshold_is_refused(jena, coordinator):
    with schema_context("jena"):
        programme = CertificationProgramme.objects.create(name="Vielfalt", pass_threshold=70)
        application = _scored_application(programme, [2, 1, 0])
        with pytest.raises(ValidationError, match="unter dem Mindestergebnis von 70 %"):
            seal_services.seal_award(actor=coordinator, application=application, awarded_on=TODAY)
        application.refresh_from_db()
        assert application.status == SealStatus.IN_REVIEW


def test_award_at_the_threshold_is_valid_for_the_programme_years(jena, coordinator):
    with schema_context("jena"):
        programme = CertificationProgramme.objects.create(
            name="Vielfalt", pass_threshold=50, validity_years=2
        )
        application = _scored_application(programme, [2, 0])
        seal_services.seal_award(
            actor=coordinator, application=application, awarded_on=TODAY, reasoning="Einstimmig"
        )
        application.refresh_from_db()
        assert application.status == SealStatus.AWARDED
        assert application.valid_until == TODAY.replace(year=TODAY.year + 2)
        assert (application.decided_on, application.decision_reasoning) == (TODAY, "Einstimmig")


def test_checklist_scores_set_fulfilled_and_plain_fulfilled_sets_the_full_score(jena, coordinator):
    with schema_context("jena"):
        application = _scored_application(
            CertificationProgramme.objects.create(name="P"), [None, None]
        )
        first, second = application.checks.order_by("pk")
        seal_services.seal_checklist_update(
            actor=coordinator,
            application=application,
            results={first.pk: {"score": 1}, second.pk: {"fulfilled": True}},
        )
        first.refresh_from_db()
        second.refresh_from_db()
        assert (first.score, first.fulfilled) == (1, False)
        assert (second.score, second.fulfilled) == (2, True)


# ---------------------------------------------------------------- renewal


def test_renewal_starts_from_the_old_certificate_with_its_answers(jena, coordinator):
    with schema_context("jena"):
        old = AwardedSealFactory(valid_until=in_days(30))
        kept = SealCriterionFactory(programme=old.programme)
        SealCheckFactory(
            application=old, criterion=kept, self_score=2, self_comment="Gleitzeit", score=2
        )
        retired = SealCriterionFactory(programme=old.programme, is_active=False)
        SealCheckFactory(application=old, criterion=retired, self_score=1)
        new = SealCriterionFactory(programme=old.programme)

        renewal = services.renewal_start(actor=coordinator, application=old)

        assert (renewal.renewal_of, renewal.partner, renewal.programme) == (
            old,
            old.partner,
            old.programme,
        )
        assert renewal.status == SealStatus.SUBMITTED
        assert renewal.submitted_on == TODAY
        answers = {
            c.criterion: (c.self_score, c.self_comment, c.score) for c in renewal.checks.all()
        }
        assert answers == {kept: (2, "Gleitzeit", None), new: (None, "", None)}
        with pytest.raises(ValidationError, match="bereits begonnen"):
            services.renewal_start(actor=coordinator, application=old)


def test_only_an_awarded_certificate_can_be_renewed(jena, coordinator):
    with schema_context("jena"):
        application = SealApplicationFactory()
        with pytest.raises(ValidationError, match="Nur ein verliehenes"):
            services.renewal_start(actor=coordinator, application=application)
        assert SealApplication.objects.count() == 1


# ---------------------------------------------------------------- self-assessment


def test_self_assessment_keeps_the_review_scores(jena, coordinator):
    with schema_context("jena"):
        application = _scored_application(CertificationProgramme.objects.create(name="P"), [1])
        check = application.checks.get()
        services.self_assessment_update(
            actor=coordinator,
            application=application,
            answers={check.pk: {"self_score": "2", "self_comment": " Betriebskita "}},
        )
        check.refresh_from_db()
        assert (check.self_score, check.self_comment, check.score) == (2, "Betriebskita", 1)
        with pytest.raises(ValidationError):
            services.self_assessment_update(
                actor=coordinator, application=application, answers={check.pk: {"self_score": 5}}
            )


# ---------------------------------------------------------------- figures


def test_figures_count_valid_certificates_by_kind_and_each_employer_once(jena, coordinator):
    with schema_context("jena"):
        partner = PartnerFactory()
        diversity = CertificationProgramme.objects.create(name="Vielfalt", kind="diversity")
        AwardedSealFactory(partner=partner, valid_until=in_days(100))
        AwardedSealFactory(partner=partner, valid_until=in_days(-1))  # expired
        AwardedSealFactory(partner=partner, programme=diversity, valid_until=in_days(30))
        counted = ALLIANCE_FIGURES.count(Counting(today=TODAY, year=TODAY.year))
        assert counted["valid_seals"] == 1
        assert counted["certified_employers"] == 1
        assert counted["certificates_by_kind"] == {"family": 1, "diversity": 1, "other": 0}
        # A programme's certificates follow a change of its kind.
        services.programme_update(actor=coordinator, programme=diversity, kind="family")
        counted = ALLIANCE_FIGURES.count(Counting(today=TODAY, year=TODAY.year))
        assert counted["valid_seals"] == 2
