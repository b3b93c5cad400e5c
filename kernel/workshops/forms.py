"""The public registration form of a workshop, with spam protection that needs no
third-party service: a hidden field people leave empty and a minimum fill time."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .rules import ensure_human, form_started_token


class RegistrationForm(forms.Form):
    """Name, e-mail, organisation and topic wishes; ``topics`` are the workshop's."""

    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    wishes = forms.ModelMultipleChoiceField(
        label=_("Which topics interest you most?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    privacy = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that my details are used for this workshop."
        ),
    )
    # Left empty by people (it is hidden); robots fill in every field they find.
    website = forms.CharField(
        label=_("Please leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, topics=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wishes"].queryset = topics
        if topics is None or not topics.exists():
            del self.fields["wishes"]
        if not self.is_bound:
            self.initial["started"] = form_started_token()

    def clean(self):
        cleaned = super().clean()
        try:
            ensure_human(
                honeypot=self.data.get("website", ""), started=self.data.get("started", "")
            )
        except ValidationError as error:
            # A new start token, so the person's next try counts from now.
            self.data = self.data.copy()
            self.data["started"] = form_started_token()
            raise error
        return cleaned
