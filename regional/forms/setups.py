"""Forms of the new-alliance pipeline."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kernel.crud.forms import RecordForm
from regional.models import AllianceSetup, SetupStage, SetupTask
from regional.selectors.setups import mentor_choices
from regional.services.provisioning import (
    clean_setup_alliance_name,
    clean_setup_district,
    clean_setup_email,
    clean_setup_slug,
)
from tenants import districts


class MentorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name or obj.email


class AllianceSetupForm(RecordForm):
    class Meta:
        model = AllianceSetup
        fields = [
            "place", "district", "initiators", "mentor", "notes", "alliance_name", "slug",
            "host_organisation", "coordinator_name", "coordinator_email",
        ]  # fmt: skip
        field_classes = {"mentor": MentorChoiceField}
        text_rows = {"notes": 4}
        help_texts = {
            "slug": _(
                "Becomes the web address (e.g. “erfurt” for erfurt.…): 3 to 40 lower-case "
                "letters, digits or hyphens, starting with a letter. Needed to become active."
            ),
            "mentor": _("A person of the state coordination office who accompanies the setup."),
            "coordinator_email": _(
                "Receives the invitation to the platform when the setup becomes active."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = mentor_choices()
        # The home state's districts; the model's check names a wrong key in German.
        self.fields["district"].widget = forms.Select(
            choices=[("", _("Please choose")), *districts.choices()]
        )
        if self.instance.alliance_id:
            # The alliance answers on this address already.
            self.fields["slug"].disabled = True

    # The checks are the API's too (regional.services.provisioning).
    def clean_slug(self):
        return clean_setup_slug(self.cleaned_data.get("slug"), setup=self.instance)

    def clean_alliance_name(self):
        return clean_setup_alliance_name(
            self.cleaned_data.get("alliance_name"), setup=self.instance
        )

    def clean_district(self):
        return clean_setup_district(self.cleaned_data.get("district"))

    def clean_coordinator_email(self):
        return clean_setup_email(self.cleaned_data.get("coordinator_email"))


class SetupTaskForm(RecordForm):
    class Meta:
        model = SetupTask
        fields = ["title", "due_on", "done_on", "note"]


class SetupMoveForm(forms.Form):
    stage = forms.ChoiceField(label=_("Move to stage"), choices=SetupStage.choices)
