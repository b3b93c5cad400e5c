"""The base of every record's form: its date and time fields get the browser's pickers."""

from __future__ import annotations

from django import forms
from django.db import models

from kernel.crud.dates import DateInput


class TimeInput(forms.TimeInput):
    """A browser time picker (hours and minutes)."""

    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


def _formfield(db_field: models.Field, **kwargs) -> forms.Field | None:
    if "widget" not in kwargs:
        if isinstance(db_field, models.TimeField):
            kwargs["widget"] = TimeInput
        elif isinstance(db_field, models.DateField) and not isinstance(
            db_field, models.DateTimeField
        ):
            kwargs["widget"] = DateInput
    return db_field.formfield(**kwargs)


class RecordForm(forms.ModelForm):
    """A ModelForm whose model date and time fields use :class:`DateInput` and
    :class:`TimeInput`, unless its ``Meta.widgets`` gives them another widget."""

    def __init_subclass__(cls, **kwargs):
        # Runs before the ModelForm metaclass reads ``Meta`` and builds the fields.
        super().__init_subclass__(**kwargs)
        meta = getattr(cls, "Meta", None)
        if meta is not None and not hasattr(meta, "formfield_callback"):
            meta.formfield_callback = staticmethod(_formfield)
