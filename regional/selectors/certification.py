"""Reads of the state office's certification templates (public schema).

An alliance's workspace reads the published ones through
``settings.CERTIFICATION_TEMPLATES`` (this module's path): one alliance's work never
imports the state layer (import-linter), the wiring names the provider.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Count, Prefetch, QuerySet

from kernel.collation import by_name
from regional.models import CertificationTemplate, TemplateCriterion, TemplateGroup
from tenants.scope import current_state_key


def template_list() -> QuerySet[CertificationTemplate]:
    return CertificationTemplate.objects.annotate(group_count=Count("groups"))


def _groups_with_criteria() -> Prefetch:
    return Prefetch("groups", queryset=TemplateGroup.objects.prefetch_related("criteria"))


def template_detail(pk: int) -> CertificationTemplate:
    return template_list().prefetch_related(_groups_with_criteria()).get(pk=pk)


def group_list() -> QuerySet[TemplateGroup]:
    return TemplateGroup.objects.annotate(criterion_count=Count("criteria"))


def group_detail(pk: int) -> TemplateGroup:
    return (
        group_list()
        .prefetch_related(
            Prefetch("criteria", queryset=TemplateCriterion.objects.order_by("position", "text"))
        )
        .get(pk=pk)
    )


# ---------------------------------------------------------------- for the alliances


def _alliance_state() -> str | None:
    # Asked inside an alliance's schema: its own state's office offers the templates.
    return getattr(connection.tenant, "state_id", None) or current_state_key()


def published_templates() -> QuerySet[CertificationTemplate]:
    """The templates the alliance's state office offers, with their groups and criteria."""
    published = CertificationTemplate.everywhere.in_state(_alliance_state())
    return published.filter(is_published=True).prefetch_related(_groups_with_criteria())


def template_groups() -> QuerySet[TemplateGroup]:
    """Every template group of its state's office an alliance may include in a programme."""
    groups = TemplateGroup.everywhere.in_state(_alliance_state())
    return groups.prefetch_related("criteria").order_by(by_name())
