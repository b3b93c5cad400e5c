"""The form of an alliance's document (``kernel.library.forms``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import ALLIANCE_AUDIENCE, AllianceDocument
from kernel.library.forms import DocumentFormBase


class AllianceDocumentForm(DocumentFormBase):
    audience = forms.MultipleChoiceField(
        label=_("Also visible to"),
        choices=ALLIANCE_AUDIENCE,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The coordinators always see the alliance's documents. Nobody chosen: "
            "coordinators only."
        ),
    )

    class Meta:
        model = AllianceDocument
        fields = ["title", "description", "tags", "audience"]
