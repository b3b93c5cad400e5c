"""The federal service office's cross-alliance programmes (/bund/programmes/): the list,
a programme's page with its participants, milestones and documents, and the forms.

The federal office runs them; a state coordination office reads those its own state's
alliances take part in: ``federal.selectors.programmes.programme_list``, which the list,
a programme's page, its documents and the API all read, is narrowed by the request's
state scope (``tenants.scope``), so another programme is "not found".
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from federal.filters import ProgrammeFilter
from federal.forms import MilestoneForm, ParticipationForm, ProgrammeDocumentForm, ProgrammeForm
from federal.models import Milestone, Participation, Programme, ProgrammeDocument
from federal.selectors.programmes import programme_detail, programme_list, visible_programmes
from federal.services import programmes as services
from kernel.crud.facts import Fact, dash, lines, short_date
from kernel.crud.pages import ObjectPages
from kernel.crud.tables import Column
from kernel.library.views import LibraryPages, list_page
from tenants.permissions import access_for, requires

VIEW, MANAGE = "federal.programmes.view", "federal.programmes.manage"


def _documents(programme: Programme) -> list[ProgrammeDocument]:
    return list(programme.documents.order_by("-updated_at", "pk"))


class ProgrammePages(ObjectPages):
    model, prefix, name = Programme, "programmes", "programme"
    view_permission, change_permission = VIEW, MANAGE
    queryset, filterset, default_order = programme_list, ProgrammeFilter, "name"
    export_permission = VIEW
    table = [
        Column("name", order_by=True, link=True),
        Column("kind", order_by=True),
        Column("status", order_by=True),
        Column("starts_on", order_by=True),
        Column("ends_on", order_by=True),
        Column("participants", _("Participating alliances"), "participant_count", order_by=True),
        Column("open", _("Open milestones"), "open_milestone_count", order_by=True),
        Column("description", export_only=True),
    ]
    selector, template_name = programme_detail, "federal/programme_detail.html"
    heading = "name"
    facts = [
        Fact(_("Kind"), "kind"),
        Fact(_("Status"), "status"),
        Fact(_("Starts on"), "starts_on", short_date),
        Fact(_("Ends on"), "ends_on", short_date, dash),
        Fact(_("Description"), "description", lines, optional=True),
    ]
    detail_context = {
        "participations": lambda p: list(p.participations.all()),
        "milestones": lambda p: list(p.milestones.all()),
        "documents": _documents,
    }
    form_class, service_module = ProgrammeForm, services
    create_title = _("New programme")
    delete_question = _(
        "Delete the programme “%(name)s” with its participants, milestones and documents for good?"
    )
    deleted_message = _("The programme has been deleted.")


class _OnProgramme(ObjectPages):
    """A programme's participants and milestones, changed on its page."""

    parent_arg, parent_url, change_permission = "programme", "programme-detail", MANAGE
    routes = ("create", "edit", "delete")


class ParticipationPages(_OnProgramme):
    model, prefix, name = Participation, "programmes/<int:pk>/participants", "participation"
    routes, pk_kwarg, stem = ("create", "edit", "delete"), "participation_pk", "Participation"
    form_class, service_module = ParticipationForm, services
    create_title = _("New participating alliance in %(name)s")
    edit_title = _("Change the participation")
    delete_title = _("Remove participating alliance")
    delete_question = _("Remove %(alliance)s from the programme?")
    deleted_message = _("The alliance no longer takes part in the programme.")
    delete_button = _("Remove")


class MilestonePages(_OnProgramme):
    model, prefix, name = Milestone, "programmes/<int:pk>/milestones", "milestone"
    pk_kwarg, stem = "milestone_pk", "Milestone"
    form_class, service_module = MilestoneForm, services
    create_title = _("New milestone for %(name)s")
    delete_question = _("Delete the milestone “%(title)s”?")
    deleted_message = _("The milestone has been deleted.")


# ---------------------------------------------------------------- shared documents


def _visible_documents(request):
    access_for(request)  # activates the state office's scope before the list is read
    return ProgrammeDocument.objects.filter(programme__in=visible_programmes().values("pk"))


def _document_programme(document) -> list[str]:
    return [str(document.programme)]


DOCUMENT_PAGES = LibraryPages(
    writes=services.DOCUMENT_WRITES,
    url="programme-document",
    visible=_visible_documents,
    manage_permission=MANAGE,
    form_class=ProgrammeDocumentForm,
    list_url="programme-document-list",
    visibility=_document_programme,
)
DOCUMENT_VIEWS = DOCUMENT_PAGES.views(view=requires(VIEW), manage=requires(MANAGE))


@requires(VIEW)
def programme_documents(request):
    """The documents of every programme the caller sees."""
    from django.utils.translation import gettext

    return list_page(
        request,
        kinds=[DOCUMENT_PAGES],
        title=gettext("Programme documents"),
        create_url="programme-document-create" if access_for(request).can(MANAGE) else "",
        intro=gettext("Guides, minutes and templates shared with the programmes' alliances."),
    )
