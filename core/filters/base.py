"""The base of every workspace FilterSet."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.forms.widgets import NullBooleanSelect
from django.utils.translation import gettext_lazy as _
from django_filters.conf import settings as filter_settings

EMPTY_CHOICE_LABEL = filter_settings.EMPTY_CHOICE_LABEL


class SearchFilterSet(django_filters.FilterSet):
    """Adds ``q``: a case-insensitive search over ``search_fields`` (every word must match)."""

    search_fields: tuple[str, ...] = ()
    q = django_filters.CharFilter(label=_("Search"), method="search")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A yes/no filter that is not set shows everything: say "all", not "unknown".
        for field in self.form.fields.values():
            if isinstance(field.widget, NullBooleanSelect):
                field.widget.choices = [
                    ("unknown", _("All")),
                    ("true", _("Yes")),
                    ("false", _("No")),
                ]
            # A choice filter that is not set shows everything too: "All", not "---------".
            elif getattr(field, "empty_label", None) == EMPTY_CHOICE_LABEL:
                field.empty_label = _("All")
                # The widget's copy of the choices still reads the filter's own field.
                field.widget.choices = field.choices

    def search(self, queryset, name, value):
        for term in value.split()[:5]:
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": term})
            queryset = queryset.filter(condition)
        return queryset
