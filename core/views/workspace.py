from django.core.paginator import Paginator
from django.shortcuts import render

from core.audit.selectors import audit_entry_list
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
    if access.can("alliance.board.view"):
        context["next_meeting"] = selectors.next_board_meeting()
    if access.can("alliance.applications.view"):
        context["pending_applications"] = list(selectors.pending_applications()[:10])
    if access.can("alliance.work.view"):
        context["expiring_seals"] = list(selectors.seals_expiring())
    if access.can("alliance.audit.view"):
        context["recent_changes"] = list(selectors.recent_changes())
    if access.partner_ids:
        from core.models import Partner

        context["own_partners"] = list(Partner.objects.filter(pk__in=access.partner_ids))
    return render(request, "core/workspace.html", context)


@requires("alliance.audit.view")
def audit_trail(request):
    """Every recorded write in this alliance, newest first."""
    entries = audit_entry_list(
        action_prefix=request.GET.get("action", "").strip(),
        search=request.GET.get("q", "").strip(),
    )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_trail.html", {"page": page, "query": request.GET})


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
    from django.core.exceptions import SuspiciousFileOperation
    from django.core.files.storage import default_storage
    from django.http import FileResponse, Http404

    permission = next((p for prefix, p in MEDIA_AREAS.items() if path.startswith(prefix)), None)
    if permission is None or not access_for(request).can(permission):
        raise Http404
    try:
        if not default_storage.exists(path):
            raise Http404
        handle = default_storage.open(path, "rb")
    except (SuspiciousFileOperation, ValueError) as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=path.rsplit("/", 1)[-1])
