"""Forms of the public site: the identity, awards, legal pages, and "Partner werden"."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms.admissions import ApplicationForm
from core.models import Application, Award, SiteIdentity
from kernel.crud.forms import LogoUpload, RecordForm
from kernel.human import HumanCheck


class ColourInput(forms.TextInput):
    """The browser's colour picker (it always sends ``#rrggbb``)."""

    input_type = "color"


class SiteIdentityForm(LogoUpload, RecordForm):
    class Meta:
        model = SiteIdentity
        fields = [
            "primary_colour", "accent_colour", "description", "street", "postcode", "town",
            "contact_name", "contact_email", "contact_phone",
        ]  # fmt: skip
        widgets = {"primary_colour": ColourInput, "accent_colour": ColourInput}
        text_rows = 4
        help_texts = {
            "primary_colour": _(
                "Background of the site's header; the text colour on it is chosen for contrast."
            ),
            "accent_colour": _("Used for stripes and highlights."),
        }


class AwardForm(RecordForm):
    class Meta:
        model = Award
        fields = ["title", "awarded_by", "awarded_on", "link", "note", "is_public"]
        help_texts = {
            "title": _("For example: Bündnis des Monats August 2025."),
            "awarded_by": _("Who gave the award, for example the federal family ministry."),
        }


# ---------------------------------------------------------------- "Partner werden"

# The public application's spam protection (kernel.human).
APPLICATION_CHECK = HumanCheck(
    salt="core.partner-application.started",
    max_age=24 * 3600,
    refused=_("Your application could not be accepted. Please fill in the form yourself."),
)


def form_started_token(now: float | None = None) -> str:
    return APPLICATION_CHECK.token(now)


class PartnerApplicationForm(RecordForm):
    """The public application: the coordinator's fields without the date of receipt,
    with the privacy consent and two traps for scripts (a field people never see and
    the time the form was shown, signed)."""

    privacy_consent = forms.BooleanField(
        label=_("I agree that the alliance processes these details to decide on our admission."),
        error_messages={
            "required": _("Please agree to the processing of your details."),
        },
    )
    # Hidden from people (CSS and aria-hidden); scripts fill in every field.
    homepage_check = forms.CharField(label=_("Please leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Application
        fields = [name for name in ApplicationForm.Meta.fields if name != "received_on"]
        text_rows = 6
        help_texts = {
            **ApplicationForm.Meta.help_texts,
            "statement": _(
                "What does your organisation do for families, and how would you like to take part?"
            ),
        }

    # The same rule as the coordinator's form: a first and a last name.
    clean_contact_name = ApplicationForm.clean_contact_name

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = form_started_token()
        self.fields["homepage_check"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    @property
    def fresh_started(self) -> str:
        return form_started_token()

    def clean(self):
        cleaned = super().clean()
        APPLICATION_CHECK.ensure(
            honeypot=self.data.get(self.add_prefix("homepage_check"), ""),
            started=self.data.get(self.add_prefix("started"), ""),
        )
        return cleaned

    def service_kwargs(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        return {**data, "privacy_consent": self.cleaned_data["privacy_consent"]}
