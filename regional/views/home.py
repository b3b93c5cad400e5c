"""The state area's start page: the alliances and where to find them, a public list
(nothing personal) that searches, filters by state, district, size and activity, and
pages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kernel.crud.tables import PUBLIC, Column, ListSpec, list_view
from regional.filters.alliances import PublicAllianceFilter
from tenants.permissions import public
from tenants.selectors import alliance_list

HOME_LIST = ListSpec(
    name="alliances",
    title=_("Alliances"),
    permission=PUBLIC,
    queryset=alliance_list,
    filterset=PublicAllianceFilter,
    columns=[
        Column("name", _("Alliance"), order_by=True),
        Column("district", _("District"), order_by=True),
        Column("status", _("Status"), order_by=True),
        Column(
            "founded",
            _("Founded"),
            lambda a: a.founded_on and a.founded_on.year,
            "founded_on",
            digits=True,
        ),
    ],
    default_order="name",
    page_size=50,
    export_permission="state.alliances.view",
    plural=_("alliances"),
    template="regional/home.html",
)


@public
def home(request):
    """The state area's start page: the alliances of the state and where to find them."""
    return list_view(request, HOME_LIST)
