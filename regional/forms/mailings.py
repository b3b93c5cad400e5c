"""Forms of the state office's mailings: the draft, the confirmation of its recipients,
and the unsubscribe button behind the link in a mailing."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kernel.crud.forms import checkbox_choices
from regional.forms.fields import AllianceCheckboxes
from regional.selectors.addressbook import Group
from tenants import districts
from tenants.models import Alliance, AllianceStatus


class MailingForm(forms.Form):
    subject = forms.CharField(label=_("E-mail subject"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Plain text. Every e-mail ends with a link to unsubscribe from mailings."),
    )
    groups = forms.MultipleChoiceField(
        label=_("Groups"), choices=Group.choices, widget=forms.CheckboxSelectMultiple
    )
    districts = checkbox_choices(
        _("Only in these districts"),
        districts.choices,
        help_text=_("None chosen: all districts."),
    )
    alliances = AllianceCheckboxes(
        label=_("Only these alliances"),
        help_text=_("None chosen: all alliances."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alliances"].queryset = Alliance.objects.exclude(
            status=AllianceStatus.DISSOLVED
        ).order_by("name", "pk")


class ConfirmSendForm(forms.Form):
    """The sender confirms the list of recipients they were shown (its fingerprint)."""

    confirm = forms.BooleanField(
        label=_("I have checked the recipients: send the mailing to them now.")
    )
    fingerprint = forms.CharField(widget=forms.HiddenInput, max_length=64)
