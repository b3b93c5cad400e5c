"""The address book of the alliances' people (state office only): a ``kernel.crud.tables``
list with filters, sorting, pages and CSV/XLSX exports; its rows come from
``regional.selectors.addressbook``."""

from __future__ import annotations

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy

from kernel.crud.tables import Column, ListSpec
from kernel.crud.views import ObjectListView
from regional.filters.addressbook import AddressBookFilter
from regional.selectors.addressbook import address_rows

PERMISSION = "state.addressbook.view"

ADDRESS_BOOK = ListSpec(
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
        (gettext_lazy("Mailings"), reverse_lazy("state-mailing-list"), "state.mailings.send")
    ],
)


class AddressBookView(ObjectListView):
    """Everyone the platform knows in the alliances: ``?alliance=``, ``?district=``,
    ``?group=`` filter, ``?q=`` searches, ``?format=`` exports."""

    required_permission, spec = PERMISSION, ADDRESS_BOOK
