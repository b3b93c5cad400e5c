"""The state area's start page: the alliances and where to find them, a public list
(nothing personal) that searches, filters by state, district, size and activity, and
pages."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kernel.crud.tables import PUBLIC, Column, ListSpec, list_view
from regional import charts
from regional.filters.alliances import PublicAllianceFilter
from tenants.permissions import public
from tenants.selectors import alliance_list, current_state


def _district_map(_queryset) -> charts.AllianceMap:
    """The home state's map of active alliances, each district linking to this list of
    its alliances (the whole state's, whatever the list is filtered by)."""
    url = reverse("state-home")
    return charts.alliance_map(
        chart_id="home-map",
        title=gettext("Active alliances per district"),
        link=lambda district: f"{url}?{urlencode({'district': district.ags})}",
    )


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
    # The state the page speaks of: a state office's own, else the installation's home
    # state (an installation for another state names that one).
    extra_context={"district_map": _district_map, "state": lambda _queryset: current_state()},
)


@public
def home(request):
    """The state area's start page: the alliances of the state and where to find them."""
    return list_view(request, HOME_LIST)
