"""The alliance's own document library: its guides, templates and reports, each shown
to the roles the coordinator chose. They extend the platform's one library base
(``kernel.library.models``); the files lie in the alliance's own folder."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.library.models import DocumentBase, VersionBase, audience_field, numbered_once
from kernel.models import part_of
from tenants.models.base import TimeStampedModel
from tenants.roles import Role

__all__ = ["ALLIANCE_AUDIENCE", "AllianceDocument", "AllianceDocumentVersion"]

#: Who an alliance's document can be shown to besides its coordinators.
ALLIANCE_AUDIENCE = [(role.value, role.label) for role in (Role.BOARD_MEMBER, Role.PARTNER_CONTACT)]


class AllianceDocument(DocumentBase, TimeStampedModel):
    """A document of the alliance. Its coordinators (and the state office) see every
    one; board members and partner contacts those shared with their role."""

    audience = audience_field(
        ALLIANCE_AUDIENCE,
        _(
            "The coordinators always see the alliance's documents. Nobody chosen: "
            "coordinators only."
        ),
    )

    class Meta(DocumentBase.Meta):
        verbose_name, verbose_name_plural = _("document"), _("documents")
        indexes = [models.Index(fields=["-updated_at"], name="alliancedoc_updated")]


class AllianceDocumentVersion(VersionBase):
    """One uploaded file of an alliance's document."""

    document = part_of(AllianceDocument, _("document"), related_name="versions")

    class Meta(VersionBase.Meta):
        constraints = [numbered_once("alliancedoc_version_once")]
