"""The address book of the alliances' people (state office only): a ``kernel.crud.tables``
list with filters, sorting, pages and CSV/XLSX exports; its rows come from
``regional.selectors.addressbook``."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy

from kernel.crud.tables import Column, ListSpec, list_view
from regional.filters.addressbook import AddressBookFilter
from regional.selectors.addressbook import address_rows
from tenants.permissions import requires

PERMISSION = "state.addressbook.view"


def address_book_spec() -> ListSpec:
    return ListSpec(
        name="addressbook",
        title=gettext_lazy("Address book"),
        permission=PERMISSION,
        queryset=address_rows,
        filterset=AddressBookFilter,
        columns=[
            Column("name", gettext_lazy("Name"), order_by=True),
            Column("email", gettext_lazy("E-mail address"), order_by=True),
            Column("phone", gettext_lazy("Phone"), order_by=True),
            Column("groups", gettext_lazy("Role"), "role_labels", order_by="role_labels"),
            Column("alliance", gettext_lazy("Alliance"), "alliance_name", order_by=True),
            Column("district", gettext_lazy("District"), "district_label", order_by=True),
        ],
        default_order="alliance_name",
        export_permission=PERMISSION,
        page_size=50,
        plural=gettext_lazy("address book entries"),
        extra_links=[
            (gettext_lazy("Mailings"), reverse("state-mailing-list"), "state.mailings.send")
        ],
    )


@requires(PERMISSION)
def address_book(request):
    """Everyone the platform knows in the alliances: ``?alliance=``, ``?district=``,
    ``?group=`` filter, ``?q=`` searches, ``?format=`` exports."""
    return list_view(request, address_book_spec())
