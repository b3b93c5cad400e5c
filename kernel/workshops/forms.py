"""The forms of a workshop: the bases of the office's forms (settings, topics,
registrations; each room names its models), and the public registration form, with spam
protection that needs no third-party service: a hidden field people leave empty and a
minimum fill time."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kernel.crud.forms import RecordCheckboxes, RecordForm

from .models import SETTINGS
from .rules import ensure_human, form_started_token

# ---------------------------------------------------------------- the office's forms


class WorkshopForm(RecordForm):
    """A workshop's settings; a new workshop also chooses its occasion (the model's
    ``OCCASION_FIELD``) among those not run as one yet."""

    #: The order of the occasions to choose from.
    occasion_order: tuple[str, ...] = ("-date",)

    class Meta:
        widgets = {"privacy_notice": forms.Textarea(attrs={"rows": 4})}

    def __init_subclass__(cls, **kwargs):
        # Before the ModelForm metaclass reads ``Meta``: the occasion, then the settings.
        meta = cls.Meta
        if getattr(meta, "model", None) is not None and "fields" not in vars(meta):
            meta.fields = [meta.model.OCCASION_FIELD, *SETTINGS]
        super().__init_subclass__(**kwargs)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self._meta.model.OCCASION_FIELD
        if self.instance.pk is not None:
            del self.fields[field]  # a workshop stays with its occasion
        else:
            occasions = self.fields[field].queryset.filter(workshop__isnull=True)
            self.fields[field].queryset = occasions.order_by(*self.occasion_order)


class TopicForm(RecordForm):
    class Meta:
        fields = ["title", "host", "moderator", "result"]
        widgets = {"result": forms.Textarea(attrs={"rows": 6})}


class EnteredRegistrationForm(RecordForm):
    """A registration entered by the office; the wishes are the workshop's topics."""

    class Meta:
        fields = ["name", "email", "organisation", "wishes"]
        widgets = {"wishes": forms.CheckboxSelectMultiple}

    def __init__(self, *args, workshop=None, **kwargs):
        super().__init__(*args, **kwargs)
        workshop = workshop or getattr(self.instance, "workshop", None)
        wishes = self.fields["wishes"]
        wishes.queryset = wishes.queryset.filter(workshop=workshop).order_by("title")


# ---------------------------------------------------------------- the public form


class RegistrationForm(forms.Form):
    """Name, e-mail, organisation and topic wishes; ``topics`` are the workshop's."""

    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    wishes = RecordCheckboxes(label=_("Which topics interest you most?"))
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
