"""The base of every workspace FilterSet."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

import django_filters
from django import forms
from django.db.models import Q
from django.forms.widgets import NullBooleanSelect
from django.utils.translation import gettext_lazy as _
from django_filters.conf import settings as filter_settings

EMPTY_CHOICE_LABEL = filter_settings.EMPTY_CHOICE_LABEL

# Longer search input is refused with a message rather than sent to the database.
SEARCH_MAX_LENGTH = 200


class SearchFilterSet(django_filters.FilterSet):
    """Adds ``q``: a case-insensitive search over ``search_fields`` (every word must match).

    Every value of the query string reaches the database only through the FilterSet's
    form, so a bad value (a NUL character, which PostgreSQL cannot store in text; a date
    that does not exist; a number out of range) becomes a German message at its field,
    never an error page (kernel/crud/tables.py shows the list unfiltered with the messages).
    """

    search_fields: tuple[str, ...] = ()
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=SEARCH_MAX_LENGTH)

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

    @classmethod
    def get_fields(cls):
        """Without ``Meta.fields`` the FilterSet offers its declared filters, in their
        order (``q`` first), and generates none from the model's fields. With it, the
        filters in its order: a model field's choices not declared are generated, labelled
        with the field's verbose name."""
        if cls._meta.fields is None and cls._meta.exclude is None:
            return OrderedDict()
        return super().get_fields()

    def search(self, queryset, name, value):
        for term in value.split()[:5]:
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": term})
            queryset = queryset.filter(condition)
        return queryset


def limited_to(filterset: type, names: tuple[str, ...], **attrs) -> type:
    """``filterset`` with only the filters ``names`` (in that order): one declaration per
    model, of which a page or an endpoint offers the part that fits it."""
    subset = type(filterset.__name__, (filterset,), attrs)
    subset.base_filters = {name: filterset.base_filters[name] for name in names}
    return subset


class ConditionFilter(django_filters.BooleanFilter):
    """A yes/no filter: yes, the rows where ``condition()`` holds; no, the rows where
    ``otherwise()`` holds (without it: all others); not set, every row. Both are built
    at each request, so they may depend on today's date."""

    def __init__(
        self,
        *,
        condition: Callable[[], Q],
        otherwise: Callable[[], Q] | None = None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.condition, self.otherwise = condition, otherwise

    def filter(self, qs, value):
        if value is None:
            return qs
        if value:
            return qs.filter(self.condition())
        return qs.filter(self.otherwise()) if self.otherwise else qs.exclude(self.condition())


class YearFilter(django_filters.NumberFilter):
    """The year of the date field ``field_name`` (or as ``method`` filters by a year); a
    year outside ``min_value`` .. ``max_value`` is refused with a message, not searched for."""

    def __init__(self, field_name=None, *, label=None, min_value=1990, **kwargs):
        label = label or _("Year")
        if "method" not in kwargs:
            kwargs["lookup_expr"] = "year"
        super().__init__(
            field_name=field_name, label=label, min_value=min_value, max_value=2100, **kwargs
        )


class SearchForm(forms.Form):
    """A lone search box outside a FilterSet, under the same rules as ``q`` (Django's
    CharField already refuses NUL characters)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=SEARCH_MAX_LENGTH)

    def query(self) -> str:
        """The search text, or "" when the input was refused (the form shows why)."""
        return self.cleaned_data["q"] if self.is_valid() else ""
