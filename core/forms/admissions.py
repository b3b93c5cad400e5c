"""Forms of admission applications and decisions."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Application, Decision
from core.models.admissions import quorum_rule_text
from core.selectors.board import decision_meetings
from kernel.crud.forms import RecordForm


class ApplicationForm(RecordForm):
    class Meta:
        model = Application
        fields = [
            "organisation_name", "kind", "size_class", "city", "website", "contact_name",
            "contact_email", "contact_phone", "statement", "received_on",
        ]  # fmt: skip
        text_rows = 8
        help_texts = {"contact_name": _("First and last name.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields["received_on"].initial = timezone.localdate()

    def clean_contact_name(self) -> str:
        name = " ".join(self.cleaned_data["contact_name"].split())
        if len(name.split()) < 2:
            raise forms.ValidationError(_("Please enter the contact person's first and last name."))
        return name

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on and received_on > timezone.localdate():
            raise forms.ValidationError(_("The date of receipt cannot be in the future."))
        return received_on


class DecisionForm(RecordForm):
    """The board's vote; the service (``Decision.clean``) checks dates, attendance and
    the quorum, which the help texts state."""

    class Meta:
        model = Decision
        fields = [
            "meeting", "outcome", "members_present", "votes_yes", "votes_no", "votes_abstain",
            "note",
        ]  # fmt: skip
        widgets = {"outcome": forms.RadioSelect}
        # The quorum rule stands once above the form (decision_form.html), not again here.
        help_texts = {
            "meeting": _(
                "Only meetings that have taken place (not before the application was received)."
            ),
            "members_present": _(
                "Board members who took part in the meeting, abstentions included."
            ),
            "votes_abstain": _("Members present who neither voted for nor against."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        # A decision is recorded after the meeting: only meetings up to today are offered.
        meetings = decision_meetings().filter(date__lte=today)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].empty_label = None
        latest = meetings.first()
        if latest is not None and not self.is_bound:
            self.fields["meeting"].initial = latest.pk
        for name in ("members_present", "votes_yes", "votes_no", "votes_abstain"):
            self.fields[name].min_value = 0
            self.fields[name].widget.attrs["min"] = 0
        self.fields["members_present"].required = True

    @property
    def quorum_rule(self) -> str:
        return quorum_rule_text()
