"""The monitoring list: alliances that need the state office's attention, why, and a
way to reach their coordinators. A ``kernel.crud.tables`` list (filter, sort, CSV/XLSX);
the reasons come from ``regional.selectors.monitoring``, computed once per request."""

from __future__ import annotations

from urllib.parse import quote

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kernel.crud.tables import EXPORT_FORMATS, Column, ListSpec, list_view
from regional.filters.monitoring import MonitoringFilter, with_flags
from regional.selectors import monitoring as selectors
from tenants.models import Alliance
from tenants.permissions import requires

PERMISSION = "state.alliances.view"


def contact_link(flags: selectors.Flags) -> str:
    """A mailto link to the alliance's coordinators with the subject filled in."""
    if not flags.coordinator_emails:
        return _("No coordinator")
    subject = quote(_("Your alliance: the state coordination office would like to talk"))
    address = ",".join(flags.coordinator_emails)
    return format_html('<a href="mailto:{}?subject={}">{}</a>', address, subject, _("Get in touch"))


def _last_login(flags: selectors.Flags):
    """The coordinators' latest login; "never" if they have none, nothing if there is
    no coordinator."""
    if flags.last_login is None and flags.coordinator_emails:
        return _("never")
    return flags.last_login


def _days(days) -> str:
    return ", ".join(date_format(day, "SHORT_DATE_FORMAT") for day in days)


def _spec(flags: dict[int, selectors.Flags], *, page: bool) -> ListSpec:
    def of(alliance: Alliance) -> selectors.Flags:
        return flags[alliance.pk]

    columns = [
        Column("name", gettext_lazy("Alliance"), "name", order_by=True),
        Column("district", gettext_lazy("District"), "district", order_by=True),
        Column("reasons", gettext_lazy("Reasons"), lambda a: "; ".join(of(a).reason_labels)),
        Column("unchanged_since", gettext_lazy("Figures unchanged since"),
               lambda a: of(a).unchanged_since),
        Column("last_login", gettext_lazy("Last coordinator login"),
               lambda a: _last_login(of(a))),
        Column("missed", gettext_lazy("Missed meetings on"), lambda a: _days(of(a).missed)),
    ]  # fmt: skip
    if page:
        columns.append(Column("contact", gettext_lazy("Contact"), lambda a: contact_link(of(a))))
    else:
        columns.append(
            Column("emails", gettext_lazy("Coordinators' e-mail addresses"),
                   lambda a: of(a).coordinator_emails)
        )  # fmt: skip
    return ListSpec(
        name="monitoring",
        title=gettext_lazy("Alliances needing attention"),
        permission=PERMISSION,
        queryset=lambda: selectors.flagged_alliances(flags),
        filterset=with_flags(flags, MonitoringFilter),
        columns=columns,
        default_order="name",
        detail_url=lambda a: reverse("dashboard-alliance", args=[a.pk]),
        export_permission=PERMISSION,
        page_size=50,
        extra_links=[(gettext_lazy("Alliances"), reverse("dashboard-alliances"), PERMISSION)],
    )


@requires(PERMISSION)
def monitoring(request):
    """Flagged alliances with their reasons; ``?reason=`` and the alliance filters
    (state, district, size, activity) filter, ``?format=`` exports."""
    flags = selectors.monitoring_flags()
    spec = _spec(flags, page=request.GET.get("format") not in EXPORT_FORMATS)
    return list_view(request, spec)
