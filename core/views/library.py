"""The alliance's own documents on its host (/workspace/documents/<pk>/...): a
document with its versions, new documents and versions, changes, deletion, downloads.
The list of the library (the alliance's documents and the state office's shared with
the person) is the state layer's page on this host (``regional.views.library``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.forms.library import AllianceDocumentForm
from core.models import ALLIANCE_AUDIENCE
from core.selectors.library import alliance_documents_visible
from core.services import library as services
from kernel.library.views import LibraryPages
from tenants.permissions import access_for, requires

VIEW, MANAGE = "alliance.library.view", "alliance.library.manage"
_ROLE_LABELS = dict(ALLIANCE_AUDIENCE)


def visible(request):
    return alliance_documents_visible(access_for(request).roles)


def _visibility(document) -> list[str]:
    shown = [str(_ROLE_LABELS[role]) for role in document.audience if role in _ROLE_LABELS]
    return [str(_("Coordinators")), *shown]


PAGES = LibraryPages(
    writes=services.WRITES,
    url="library",
    visible=visible,
    manage_permission=MANAGE,
    form_class=AllianceDocumentForm,
    source=_("Alliance"),
    list_url="library-list",
    visibility=_visibility,
)
VIEWS = PAGES.views(view=requires(VIEW), manage=requires(MANAGE))
