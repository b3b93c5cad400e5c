"""Filters of the audit trail: a search over who and what, and an action prefix."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from kernel.audit.models import AuditEntry
from kernel.crud.filters import SEARCH_MAX_LENGTH, SearchFilterSet


class AuditEntryFilter(SearchFilterSet):
    search_fields = ("object_repr", "actor_label")
    action = django_filters.CharFilter(
        label=_("Action begins with"), lookup_expr="startswith", max_length=SEARCH_MAX_LENGTH
    )

    class Meta:
        model = AuditEntry
