"""Every kind of list that can be imported, by its code."""

from __future__ import annotations

from core.imports.columns import ImportKind
from core.imports.partners import PARTNERS
from core.imports.projects import PROJECTS

KINDS: dict[str, ImportKind] = {kind.code: kind for kind in (PARTNERS, PROJECTS)}
