"""The model-level check that stored text holds no control characters.

Every write service calls ``full_clean()`` before saving, and ModelForms call it too,
so this one check refuses such text from forms, the API and imports alike; ModelForms
and the API show it on the field it concerns. The rules are in ``kernel.text``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from kernel.crud.checks import PythonDecidedChecks
from kernel.text import refused_character, refused_character_error


def plain_text_errors(instance: models.Model, exclude=None) -> dict[str, ValidationError]:
    """Field name -> error for each text field of ``instance`` holding a refused character.

    ``TextField`` values may hold line breaks and tabs, ``CharField`` values (e-mail
    addresses, web addresses, ... included) may not.
    """
    errors: dict[str, ValidationError] = {}
    for field in instance._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        if exclude and field.name in exclude:
            continue
        value = getattr(instance, field.attname, None)
        if not isinstance(value, str):
            continue
        character = refused_character(value, multiline=isinstance(field, models.TextField))
        if character is not None:
            errors[field.name] = refused_character_error(character)
    return errors


class PlainTextModel(PythonDecidedChecks, models.Model):
    """Refuses control characters in every text field on ``full_clean()``, which decides
    the simple check constraints without asking the database (``kernel.crud.checks``)."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        errors: dict = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name, error in plain_text_errors(self, exclude=exclude).items():
            # A field that already failed (too long, required) keeps its first message.
            errors.setdefault(name, [error])
        if errors:
            raise ValidationError(errors)
