"""Reads of certification programmes: programmes, criterion groups, certificates of a partner."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.module_loading import import_string

from core.models import (
    CertificationProgramme,
    CriterionGroup,
    ProgrammeKind,
    SealApplication,
    SealStatus,
)
from kernel.collation import by_name

# The kinds of programme, for the state office's templates (regional reads core only here).
__all__ = [
    "ProgrammeKind",
    "active_programmes",
    "group_list",
    "partner_certificates",
    "programme_detail",
    "programme_list",
    "public_certificates",
    "state_template_groups",
    "state_templates",
]


def programme_list() -> QuerySet[CertificationProgramme]:
    """Programmes with their number of criteria and of valid certificates today."""
    today = timezone.localdate()
    return CertificationProgramme.objects.annotate(
        criterion_count=Count("criteria", filter=Q(criteria__is_active=True), distinct=True),
        valid_count=Count(
            "applications",
            filter=Q(applications__status=SealStatus.AWARDED, applications__valid_until__gte=today),
            distinct=True,
        ),
    )


def programme_detail(pk: int) -> CertificationProgramme:
    return programme_list().prefetch_related("criterion_groups", "criteria__group").get(pk=pk)


def group_list() -> QuerySet[CriterionGroup]:
    return CriterionGroup.objects.select_related("programme").annotate(
        criterion_count=Count("criteria")
    )


def active_programmes() -> QuerySet[CertificationProgramme]:
    return CertificationProgramme.objects.filter(is_active=True).order_by("-is_default", by_name())


def partner_certificates(partner_id: int) -> QuerySet[SealApplication]:
    """A partner's applications and certificates of every programme, newest first."""
    return (
        SealApplication.objects.filter(partner_id=partner_id)
        .select_related("programme")
        .order_by("-submitted_on", "-pk")
    )


# ---------------------------------------------------------------- the state office's templates


def state_templates() -> QuerySet:
    """The programme templates the state office offers (``settings.CERTIFICATION_TEMPLATES``)."""
    return import_string(f"{settings.CERTIFICATION_TEMPLATES}.published_templates")()


def state_template_groups() -> QuerySet:
    """The state office's criterion groups an alliance may include (diversity indicator)."""
    return import_string(f"{settings.CERTIFICATION_TEMPLATES}.template_groups")()


def public_certificates() -> QuerySet[SealApplication]:
    """Certificates valid today of active partners that agreed to be named publicly: the
    partner's name, the programme and the validity only."""
    return (
        SealApplication.objects.filter(
            status=SealStatus.AWARDED,
            valid_until__gte=timezone.localdate(),
            awarded_on__lte=timezone.localdate(),
            partner__status="active",
            partner__public_listing_consent=True,
        )
        .select_related("partner", "programme")
        .only("valid_until", "partner__name", "programme__name")
        .order_by(by_name("programme__name"), by_name("partner__name"), "pk")
    )
