from operator import attrgetter

from django.shortcuts import render
from django.utils.translation import gettext_lazy

from core.filters.audit import AuditEntryFilter
from kernel.audit.presenter import Description, describe_entries
from kernel.audit.selectors import audit_entry_list
from kernel.crud.tables import Column, ListSpec, list_view
from tenants.permissions import access_for, requires


@requires("alliance.workspace.view")
def workspace(request):
    """The start page of the alliance's workspace: key figures and what needs doing."""
    from core.selectors import home as selectors
    from core.selectors.figures import alliance_figures

    access = access_for(request)
    context = {"alliance": request.tenant, "access": access}
    if access.can("alliance.partners.view"):
        context["figures"] = alliance_figures()
        from core.selectors.onboarding import has_partners

        if not has_partners():  # a new alliance starts with its partners
            from core.views.partners import PartnerPages
            from kernel.crud.tables import next_steps

            context["partner_steps"] = next_steps(request, PartnerPages.spec)
    if access.can("alliance.board.view"):
        context["next_meeting"] = selectors.next_board_meeting()
    if access.can("alliance.applications.view"):
        context["pending_applications"] = list(selectors.pending_applications()[:10])
    if access.can("alliance.work.view"):
        context["expiring_seals"] = list(selectors.seals_expiring())
    if access.can("alliance.audit.view"):
        context["recent_changes"] = describe_entries(selectors.recent_changes(), with_changes=False)
    # onboarding: a new alliance's first-run checklist, until every item is settled
    if access.can("alliance.onboarding.manage"):
        from core.selectors.onboarding import checklist_progress, checklist_started

        progress = checklist_progress() if checklist_started() else None
        if progress is not None and not progress.complete:
            context["onboarding"] = progress
    if access.can("alliance.childcare.view"):  # carers
        from django.utils import timezone

        context["expiring_checks"] = selectors.carer_checks_expiring()
        context["today"] = timezone.localdate()
    # careguides
    if access.can("alliance.care_guides.view"):
        context["refreshers_due"] = list(selectors.care_guide_refreshers_due()[:10])
    if access.can("alliance.agreements.view"):
        context["expiring_agreements"] = list(selectors.agreements_expiring())
    if access.partner_ids:
        from core.models import Partner

        context["own_partners"] = list(Partner.objects.filter(pk__in=access.partner_ids))
    return render(request, "core/workspace.html", context)


AUDIT_TRAIL = ListSpec(
    name="audit-trail",
    title=gettext_lazy("Audit trail"),
    permission="alliance.audit.view",
    queryset=audit_entry_list,
    filterset=AuditEntryFilter,
    present=describe_entries,
    default_order="-created_at",
    page_size=50,
    template="core/audit_trail.html",
    columns=[
        Column("time", gettext_lazy("Time"), lambda d: d.entry.created_at, "created_at"),
        Column("person", gettext_lazy("Person"), attrgetter("actor"), "actor_label"),
        Column("sentence", gettext_lazy("What happened"), attrgetter("sentence")),
        Column("changes", gettext_lazy("Changes"), Description.changes_text),
    ],
)


@requires("alliance.audit.view")
def audit_trail(request):
    """Every recorded write in this alliance, newest first, as sentences: filtered by
    person, object type, period and search; CSV/XLSX export with ``?format=``."""
    # The query string reaches the database only through the FilterSet's form: a bad
    # value (a NUL character, say) is a message at its field, not an error page.
    return list_view(request, AUDIT_TRAIL)


# Which uploaded files may be fetched through /media/, and by whom. Anything else
# (import staging files, for instance) is never served.
MEDIA_AREAS = {"board/": "alliance.board.view"}


# The route's key in the permission matrix is the one area served today; a new area
# with another permission needs its own route, so the matrix stays exact.
@requires("alliance.board.view")
def media(request, path: str):
    """An uploaded file of this alliance, to those whose role covers its area.

    Files live under MEDIA_ROOT/<schema>/ (TenantFileSystemStorage), so a path can only
    ever reach this alliance's own folder; anything else is 404.
    """
    from django.core.files.storage import default_storage
    from django.http import Http404

    from kernel.uploads import stored_file_response

    permission = next((p for prefix, p in MEDIA_AREAS.items() if path.startswith(prefix)), None)
    if permission is None or not access_for(request).can(permission):
        raise Http404
    return stored_file_response(default_storage, path)
