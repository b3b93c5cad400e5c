"""The form of a state document (``kernel.library.forms``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kernel.library.forms import DocumentFormBase, audience_field
from regional.forms.fields import AllianceCheckboxes
from regional.models import STATE_AUDIENCE, StateDocument
from tenants.selectors import alliance_list


class StateDocumentForm(DocumentFormBase):
    audience = audience_field(
        label=_("Visible to"),
        choices=STATE_AUDIENCE,
        help_text=_(
            "The state office always sees its documents. Nobody chosen: only the state office."
        ),
    )
    alliances = AllianceCheckboxes(
        label=_("Chosen alliances"),
        help_text=_("Only when the document is not for all alliances."),
    )

    class Meta:
        model = StateDocument
        fields = ["title", "description", "tags", "audience", "for_all_alliances", "alliances"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alliances"].queryset = alliance_list()
        if self.instance.pk:
            self.initial["alliances"] = list(self.instance.alliances.all())
