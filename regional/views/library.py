"""The state office's document library.

In the state area (/documents/): the state coordinators keep the documents, their
versions and who sees them; the ministry reads those shared with it. On an alliance's
host (/workspace/documents/): the library's list shows the alliance's own documents
(read through ``core.selectors``) together with the state documents shared with the
person's role in this alliance, which open and download here (files from the public
schema's folder). The state layer holds this page because only it may read both: the
alliance's work (``core``) never reads the state layer.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tenants.utils import get_public_schema_name, schema_context

from core.selectors.library import alliance_documents_visible
from kernel.library.views import LibraryPages, list_page
from regional.forms.library import StateDocumentForm
from regional.models import STATE_AUDIENCE
from regional.selectors.library import state_documents_for_alliance, state_documents_in_state_area
from regional.services import library as services
from tenants.permissions import ALLIANCE, EXPORT_PERMISSION, STATE, access_for, requires

VIEW, MANAGE = "state.library.view", "state.library.manage"
ALLIANCE_VIEW, ALLIANCE_MANAGE = "alliance.library.view", "alliance.library.manage"
_ROLE_LABELS = dict(STATE_AUDIENCE)


def public_storage():
    return schema_context(get_public_schema_name())


def _visibility(document) -> list[str]:
    roles = [str(_ROLE_LABELS[role]) for role in document.audience if role in _ROLE_LABELS]
    lines = [_("Roles: %(roles)s") % {"roles": ", ".join(roles) or _("the state office only")}]
    if document.for_all_alliances:
        lines.append(_("All alliances"))
    else:
        names = ", ".join(alliance.name for alliance in document.alliances.all())
        lines.append(_("Alliances: %(names)s") % {"names": names})
    return lines


# ---------------------------------------------------------------- the state area

STATE_PAGES = LibraryPages(
    writes=services.WRITES,
    url="state-library",
    visible=lambda request: state_documents_in_state_area(access_for(request).roles),
    manage_permission=MANAGE,
    form_class=StateDocumentForm,
    list_url="state-library-list",
    visibility=_visibility,
)
STATE_VIEWS = STATE_PAGES.views(view=requires(VIEW), manage=requires(MANAGE))


@requires(VIEW)
def state_library(request):
    access = access_for(request)
    return list_page(
        request,
        kinds=[STATE_PAGES],
        title=_("Documents"),
        create_url="state-library-create" if access.can(MANAGE) else "",
        intro=_("Guides, templates and reports of the state office for the alliances."),
        export_permission=EXPORT_PERMISSION[STATE],
    )


# ---------------------------------------------------------------- an alliance's host


def _state_for_alliance(request):
    access = access_for(request)
    return state_documents_for_alliance(access.alliance_id, access.roles)


SHARED_PAGES = LibraryPages(
    writes=None,
    url="library-state",
    visible=_state_for_alliance,
    source=gettext_lazy("State office"),
    list_url="library-list",
    storage_context=public_storage,
)
SHARED_VIEWS = SHARED_PAGES.views(view=requires(ALLIANCE_VIEW), manage=requires(ALLIANCE_MANAGE))

# The alliance's own documents as the list shows them (their pages: core.views.library).
OWN_DOCUMENTS = LibraryPages(
    writes=None,
    url="library",
    visible=lambda request: alliance_documents_visible(access_for(request).roles),
    source=gettext_lazy("Alliance"),
    list_url="library-list",
)


@requires(ALLIANCE_VIEW)
def alliance_library(request):
    access = access_for(request)
    return list_page(
        request,
        kinds=[OWN_DOCUMENTS, SHARED_PAGES],
        title=_("Documents"),
        create_url="library-create" if access.can(ALLIANCE_MANAGE) else "",
        intro=_("The alliance's documents and those the state office shares with you."),
        export_permission=EXPORT_PERMISSION[ALLIANCE],
    )
