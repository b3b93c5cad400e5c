"""The state's workshops at regional meetings (``kernel.workshops``): the coordination
office runs them; the invitees register through their invitation's link."""

from __future__ import annotations

from kernel.workshops import pages as workshop_pages
from kernel.workshops.views import WorkshopViews
from regional.documents import state_letterhead
from regional.forms import workshops as forms
from regional.selectors.workshops import invited_workshop, workshop_detail
from regional.services import workshops as services
from tenants.permissions import public

PERMISSION = "state.meetings.manage"


def _invited(token: str):
    workshop, invitation = invited_workshop(token)
    initial = {"name": invitation.name, "email": invitation.email}
    if invitation.alliance_id:
        initial["organisation"] = invitation.alliance.name
    return workshop, initial, {"alliance": invitation.alliance}


def _organiser(request) -> str:
    from django.utils.translation import gettext as _

    return _("State coordination office")


PAGES = WorkshopViews(
    writes=services.WRITES,
    workshop_selector=workshop_detail,
    organiser=_organiser,
    public_workshop=_invited,
    url_prefix="regional-",
    letterhead=lambda request: state_letterhead(),
)


# An invitee's registration (from their invitation's link) and the cancel link's page.
register, cancel = PAGES.public_views(public)


class _Room(workshop_pages.RoomPages):
    room = PAGES
    view_permission = change_permission = PERMISSION


class RegionalWorkshopPages(workshop_pages.WorkshopPages, _Room):
    """No list of their own: a meeting's page leads to its workshop."""

    routes, list_url = ("create", "detail", "edit", "delete"), "regional-meeting-list"
    template_name = "regional/workshops/workshop_detail.html"
    form_class = forms.WorkshopForm


class TablePages(workshop_pages.TopicPages, _Room):
    form_class = forms.TableForm


class RegistrationPages(workshop_pages.RegistrationPages, _Room):
    form_class = forms.RegistrationForm
