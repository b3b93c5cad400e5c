"""The alliance's work (projects, working groups, events, funding, family seal, holiday
programme and family guide): who sees it and who changes it, once for every page
declaration of the area."""

from __future__ import annotations

from kernel.crud.pages import ObjectPages

VIEW = "alliance.work.view"
CHANGE = "alliance.work.change"


class WorkPages(ObjectPages):
    """A model's pages in the work area: seen with ``VIEW``, changed with ``CHANGE``."""

    view_permission, change_permission = VIEW, CHANGE
