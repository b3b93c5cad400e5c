"""The state office's page about one alliance: its figures over the years beside the
state's median, the regional meetings it was invited to, the setup it came from and its
contact persons (personal data: the state coordinator only, as ``state.alliances.view``
grants it; the ministry is refused).
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.translation import gettext as _

from core.figures import ALLIANCE_FIGURES
from kernel import geo
from kernel.figures import MONEY
from regional import charts
from regional.selectors import alliances as selectors
from regional.selectors.statistics import SUMMED_FIELDS
from tenants.models import Alliance
from tenants.permissions import requires

# The figures drawn in the chart of the years.
CHART_KEYS = ("partners_total", "companies", "partners_with_care_guides")


def _shown(key: str, value):
    """A figure's value as the tables show it: amounts as whole euros."""
    if ALLIANCE_FIGURES[key].unit == MONEY:
        return floatformat(value, "0g")
    return value


def _comparison(latest, median: selectors.StateMedian) -> list[tuple[str, object, object, str]]:
    """(label, the alliance's latest value, the state's median, above/below/equal)."""
    rows = []
    for key in SUMMED_FIELDS:
        own, middle = getattr(latest, key), median.values[key]
        if float(own) > float(middle):
            position = _("above")
        elif float(own) < float(middle):
            position = _("below")
        else:
            position = _("equal")
        middle_shown = (
            floatformat(middle, "0g")
            if ALLIANCE_FIGURES[key].unit == MONEY
            else (floatformat(middle, "-1"))
        )
        rows.append((str(ALLIANCE_FIGURES[key].label), _shown(key, own), middle_shown, position))
    return rows


def _year_running(day) -> bool:
    """A snapshot of ``day`` holds part of its year only (not taken on 31 December)."""
    return (day.month, day.day) != (12, 31)


@requires("state.alliances.view")
def alliance_page(request, pk: int):
    """One alliance as the state office sees it."""
    try:
        alliance = selectors.alliance_detail(pk)
    except Alliance.DoesNotExist as exc:
        raise Http404 from exc
    years = selectors.yearly_snapshots(alliance)
    latest = years[-1] if years else None
    median = selectors.state_median()
    labels = [str(snapshot.taken_on.year) for snapshot in years]
    context = {
        "alliance": alliance,
        "headers": [str(ALLIANCE_FIGURES[key].label) for key in SUMMED_FIELDS],
        "years": [(s, [_shown(key, getattr(s, key)) for key in SUMMED_FIELDS]) for s in years],
        "latest": latest,
        "median": median,
        "comparison": _comparison(latest, median) if latest is not None else [],
        "chart": charts.line_chart(
            labels,
            [
                charts.Series(str(ALLIANCE_FIGURES[key].label), [getattr(s, key) for s in years])
                for key in CHART_KEYS
            ],
            chart_id="chart-alliance-years",
            width=560,
            running_from=len(years) - 1 if latest and _year_running(latest.taken_on) else None,
            running_label=charts.running_label(latest.taken_on) if latest else "",
            title=_("%(alliance)s over the years") % {"alliance": alliance.name},
            description=_(
                "Lines of the alliance's figures at the end of each year (its last "
                "snapshot of the year): active partners, companies and partners with care "
                "guides. The table below gives the same figures."
            ),
        ),
        "meetings": list(selectors.meetings_of_alliance(alliance)),
        "today": timezone.localdate(),
        "setup": selectors.setup_of_alliance(alliance),
        "contacts": selectors.contact_persons(alliance),
        "public_contact": selectors.public_contact(alliance),
        "district_map": _district_map(alliance),
    }
    return render(request, "regional/alliances/detail.html", context)


def _district_map(alliance: Alliance):
    """The alliance's state with its district highlighted (none for an unknown key)."""
    try:
        district = geo.district(alliance.district)
    except KeyError:
        return None
    names = {"district": district.label, "state": geo.state(district.state).name}
    return charts.highlight_map(
        district.ags,
        chart_id="alliance-district-map",
        title=_("%(district)s in %(state)s") % names,
        description=_(
            "Map of the districts and independent cities of %(state)s; the alliance's "
            "district, %(district)s, is highlighted."
        )
        % names,
    )
