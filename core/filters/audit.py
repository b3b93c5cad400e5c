"""Filters of the audit trail: a search over who and what, the person, the object's type,
the period and an action prefix."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from kernel.audit.models import AuditEntry
from kernel.audit.presenter import actor_label, type_label
from kernel.crud.dates import PlausibleDateFilter
from kernel.crud.filters import SEARCH_MAX_LENGTH, SearchFilterSet


def _people() -> list[tuple[str, str]]:
    """Everyone who appears in this schema's trail (the system as "Das System")."""
    labels = AuditEntry.objects.order_by().values_list("actor_label", flat=True).distinct()
    return sorted(
        ((label, actor_label(AuditEntry(actor_label=label))) for label in labels),
        key=lambda choice: choice[1].casefold(),
    )


def _object_types() -> list[tuple[str, str]]:
    """Every type of record this schema's trail names, by its German name."""
    types = (
        AuditEntry.objects.exclude(object_type="")
        .order_by()
        .values_list("object_type", flat=True)
        .distinct()
    )
    return sorted(((t, type_label(t)) for t in types), key=lambda c: c[1].casefold())


class AuditEntryFilter(SearchFilterSet):
    search_fields = ("object_repr", "actor_label")
    person = django_filters.ChoiceFilter(
        label=_("Person"), field_name="actor_label", choices=_people
    )
    object_type = django_filters.ChoiceFilter(label=_("Object type"), choices=_object_types)
    date_from = PlausibleDateFilter(
        label=_("From"), field_name="created_at", lookup_expr="date__gte"
    )
    date_until = PlausibleDateFilter(
        label=_("Until"), field_name="created_at", lookup_expr="date__lte"
    )
    action = django_filters.CharFilter(
        label=_("Action begins with"), lookup_expr="startswith", max_length=SEARCH_MAX_LENGTH
    )

    class Meta:
        model = AuditEntry
