"""One administration site serves every host; each model shows only where its table is.

Shared models (alliances, accounts) live in the public schema and are administered on
the state host; workspace models live in each alliance's schema and are administered on
that alliance's host.
"""

from __future__ import annotations

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList


class PlausibleChangeList(ChangeList):
    """Django computes the upper bound of a ``date_hierarchy`` drill-down without a check:
    ``?created_at__year=9999`` raises ValueError (year 10000) and ``...&__month=12``
    OverflowError, a 500. Such a date is a bad lookup like any other: the admin then
    shows the list with its "?e=1" notice."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (ValueError, OverflowError) as error:
            raise IncorrectLookupParameters(error) from error


def _on_state_host(request) -> bool:
    return getattr(getattr(request, "tenant", None), "is_public", True)


class AreaAdminMixin:
    admin_area = "state"  # or "alliance"

    def get_changelist(self, request, **kwargs):
        return PlausibleChangeList

    def _in_area(self, request) -> bool:
        return _on_state_host(request) == (self.admin_area == "state")

    def has_module_permission(self, request):
        return self._in_area(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._in_area(request) and super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args):
        return self._in_area(request) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return self._in_area(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._in_area(request) and super().has_delete_permission(request, obj)
