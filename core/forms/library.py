"""The form of an alliance's document (``kernel.library.forms``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.models import ALLIANCE_AUDIENCE, AllianceDocument
from kernel.library.forms import DocumentFormBase, audience_field


class AllianceDocumentForm(DocumentFormBase):
    audience = audience_field(
        label=_("Also visible to"),
        choices=ALLIANCE_AUDIENCE,
        help_text=_(
            "The coordinators always see the alliance's documents. Nobody chosen: "
            "coordinators only."
        ),
    )

    class Meta:
        model = AllianceDocument
        fields = ["title", "description", "tags", "audience"]
