"""The state office's document library: guides, templates and reports it shares with
the alliances (by role and alliance) and the ministry. They extend the platform's one
library base (``kernel.library.models``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.library.models import DocumentBase, VersionBase, audience_field, numbered_once
from kernel.models import part_of
from tenants.models.base import TimeStampedModel
from tenants.roles import Role
from tenants.scope import StateScoped, state_owner

__all__ = ["STATE_AUDIENCE", "StateDocument", "StateDocumentVersion"]

#: Who a state document can be shown to besides the state office itself.
STATE_AUDIENCE = [
    (role.value, role.label)
    for role in (Role.LOCAL_COORDINATOR, Role.BOARD_MEMBER, Role.PARTNER_CONTACT, Role.MINISTRY)
]


class StateDocument(StateScoped, DocumentBase, TimeStampedModel):
    """A document of the state office. The state coordinators see every one; the
    alliances' people see those shared with their role in their alliance (all
    alliances, or the chosen ones), the ministry those shared with it."""

    state = state_owner()

    audience = audience_field(
        STATE_AUDIENCE,
        _("The state office always sees its documents. Nobody chosen: only the state office."),
    )
    for_all_alliances = models.BooleanField(_("for all alliances"), default=True)
    alliances = models.ManyToManyField(
        "tenants.Alliance",
        verbose_name=_("chosen alliances"),
        related_name="state_documents",
        blank=True,
        help_text=_("Only when the document is not for all alliances."),
    )

    class Meta(DocumentBase.Meta):
        verbose_name, verbose_name_plural = _("state document"), _("state documents")
        indexes = [models.Index(fields=["-updated_at"], name="statedoc_updated")]


class StateDocumentVersion(StateScoped, VersionBase):
    """One uploaded file of a state document (stored in the public schema's folder)."""

    _state_path = "document__state"

    document = part_of(StateDocument, _("document"), related_name="versions")

    class Meta(VersionBase.Meta):
        constraints = [numbered_once("statedoc_version_once")]
