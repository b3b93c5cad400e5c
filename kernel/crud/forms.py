"""The base of every record's form: its date and time fields get the browser's pickers,
its long texts a text area; ``Meta`` may name the records a choice offers and the lowest
number the browser takes."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.crud.dates import DateInput
from kernel.uploads import IMAGE_MAX_BYTES

# The rows of a text area unless the form's ``Meta.text_rows`` says otherwise.
TEXT_ROWS = 3


class TimeInput(forms.TimeInput):
    """A browser time picker (hours and minutes)."""

    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


def checkbox_choices(label, choices=(), **kwargs) -> forms.MultipleChoiceField:
    """Any number of ``choices`` (a list the model keeps as JSON), ticked as checkboxes,
    none required. With ``coerce`` each ticked value is converted (a record's ``int`` id
    when the form sets the choices when it is built)."""
    typed = "coerce" in kwargs
    field_class = forms.TypedMultipleChoiceField if typed else forms.MultipleChoiceField
    return field_class(
        label=label, choices=choices, required=False, widget=forms.CheckboxSelectMultiple, **kwargs
    )


class RecordCheckboxes(forms.ModelMultipleChoiceField):
    """Records ticked in a list of checkboxes, none required. The form sets the queryset
    when it is built, so a record added since start-up is offered too."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, label, help_text="", **kwargs):
        super().__init__(queryset=None, label=label, required=False, help_text=help_text, **kwargs)


class RecordFields:
    """The form field of each model field (a ModelForm's ``formfield_callback``): a date
    or time gets its picker, a long text a text area of ``rows`` (a number for all, or
    per field name, the others :data:`TEXT_ROWS`); ``Meta.widgets`` still wins."""

    def __init__(self, rows: int | dict[str, int]):
        self.rows = rows

    def widget(self, db_field: models.Field) -> forms.Widget | type[forms.Widget] | None:
        if isinstance(db_field, models.TimeField):
            return TimeInput
        if isinstance(db_field, models.DateField) and not isinstance(
            db_field, models.DateTimeField
        ):
            return DateInput
        if isinstance(db_field, models.TextField) and not db_field.choices:
            rows = self.rows
            if isinstance(rows, dict):
                rows = rows.get(db_field.name, TEXT_ROWS)
            return forms.Textarea(attrs={"rows": rows})
        return None

    def __call__(self, db_field: models.Field, **kwargs) -> forms.Field | None:
        if "widget" not in kwargs and (widget := self.widget(db_field)) is not None:
            kwargs["widget"] = widget
        return db_field.formfield(**kwargs)


class RecordForm(forms.ModelForm):
    """A ModelForm whose model fields get the widgets of :class:`RecordFields`, with the
    rows of ``Meta.text_rows``, unless its ``Meta.widgets`` gives them another widget.

    ``Meta.querysets``: field -> the records it offers (a QuerySet, or a function that
    builds one for each form); ``Meta.minimums``: field -> the lowest number the browser
    takes (money: no negative amounts).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, records in getattr(self.Meta, "querysets", {}).items():
            self.fields[name].queryset = records() if callable(records) else records
        for name, lowest in getattr(self.Meta, "minimums", {}).items():
            self.fields[name].widget.attrs["min"] = lowest

    def __init_subclass__(cls, **kwargs):
        # Runs before the ModelForm metaclass reads ``Meta`` and builds the fields.
        super().__init_subclass__(**kwargs)
        meta = getattr(cls, "Meta", None)
        if meta is None:
            return
        callback = getattr(meta, "formfield_callback", None)
        if callback is None or isinstance(callback, RecordFields):
            meta.formfield_callback = RecordFields(getattr(meta, "text_rows", TEXT_ROWS))


class LogoUpload:
    """For a RecordForm of a model with a ``logo`` file field (an alliance's public site,
    a state's office): an upload field and, once there is a logo, a box to remove it.
    The service checks the picture (``kernel.uploads.image_change``); the form refuses an
    oversized file before it is read."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["logo_upload"] = forms.FileField(
            label=_("Logo"),
            required=False,
            help_text=_("PNG or JPEG, at most 1 MB."),
            widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
        )
        if self.instance.logo:
            self.fields["remove_logo"] = forms.BooleanField(
                label=_("Remove the current logo"), required=False
            )

    def clean_logo_upload(self):
        logo = self.cleaned_data.get("logo_upload")
        if logo and logo.size > IMAGE_MAX_BYTES:
            raise forms.ValidationError(
                _("The image is larger than 1 MB. Please upload a smaller one.")
            )
        return logo

    def service_kwargs(self) -> dict:
        """The service's keywords: the model fields of ``Meta.fields``, ``logo`` (a new
        upload or None) and ``remove_logo``."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        return {
            **data,
            "logo": self.cleaned_data.get("logo_upload") or None,
            "remove_logo": bool(self.cleaned_data.get("remove_logo")),
        }
