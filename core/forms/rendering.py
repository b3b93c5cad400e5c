"""How every form field of the platform is rendered (``FORM_RENDERER`` in the settings).

Django's renderer, with one ``BoundField`` for all forms (workspace, state area,
accounts, admin), so that what every field shows is decided once:

- Help text is text. Django's own field templates print it with ``|safe``; here it is
  escaped first, so "Name <E-Mail-Adresse>" is shown rather than swallowed as a tag.
  A help text built with ``format_html``/``mark_safe`` keeps its markup.
- Django's bare "---------" empty choice is never shown. A required radio group has no
  empty choice (there is nothing to choose "nothing" for); an optional field says
  "Not specified"; a required select keeps its empty first entry as "Please choose".
  Filters say "All" instead (``kernel.crud.filters``), before this is reached.
- A required field's input says so to assistive technology as well (``required`` and
  ``aria-required``; the forms are ``novalidate``, the server decides). A radio group
  says it on its fieldset (templates/core/_field.html), not on each choice.
- Each field names the element the error summary at the top of a form links to
  (``error_anchor``: the input, a group's first choice, a compound field's first part).
"""

from __future__ import annotations

from pathlib import Path

import django.forms.renderers
from django import forms
from django.db.models.fields import BLANK_CHOICE_DASH
from django.forms.renderers import DjangoTemplates
from django.utils.functional import cached_property
from django.utils.html import conditional_escape
from django.utils.translation import gettext_lazy as _

DASHES = BLANK_CHOICE_DASH[0][1]
EMPTY_VALUES = ("", None)


def _is_radio(field: forms.Field) -> bool:
    return isinstance(field.widget, forms.RadioSelect)


def _empty_label(field: forms.Field):
    """What the empty choice of ``field`` says, or None if it has no empty choice."""
    if field.required and _is_radio(field):
        return None
    return _("Please choose") if field.required else _("Not specified")


def tidy_empty_choice(field: forms.Field) -> None:
    """Replace the "---------" choice of ``field`` (one form's own copy) in place."""
    if hasattr(field, "empty_label"):
        # ModelChoiceField and django-filter's choice fields yield the empty choice
        # from ``empty_label`` each time their choices are read.
        if field.empty_label == DASHES:
            field.empty_label = _empty_label(field)
            # A copied field's widget may still iterate over the original's choices.
            field.widget.choices = field.choices
        return
    if not isinstance(field, forms.ChoiceField) or isinstance(field, forms.MultipleChoiceField):
        return
    choices = list(field.choices)
    if not any(value in EMPTY_VALUES and label == DASHES for value, label in choices):
        return
    label = _empty_label(field)
    kept = []
    for value, text in choices:
        if value in EMPTY_VALUES and text == DASHES:
            if label is None:
                continue
            text = label
        kept.append((value, text))
    field.choices = kept  # also the widget's


class BoundField(forms.BoundField):
    """A form field as every template of the platform sees it (see the module docstring)."""

    def __init__(self, form, field, name):
        tidy_empty_choice(field)
        super().__init__(form, field, name)
        self.help_text = conditional_escape(field.help_text) if field.help_text else ""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        # A radio button cannot be "required" in ARIA; its group can.
        if attrs.get("required") and not isinstance(widget or self.field.widget, forms.RadioSelect):
            attrs["aria-required"] = "true"
        return attrs

    @property
    def error_anchor(self) -> str:
        """The id of the element the error summary links to: where typing starts."""
        if self.id_for_label:
            return self.id_for_label
        if not self.auto_id:
            return ""
        if isinstance(self.field.widget, forms.MultiWidget):
            return f"{self.auto_id}_0"
        for subwidget in self.subwidgets:
            if subwidget.data["attrs"].get("id"):
                return subwidget.data["attrs"]["id"]
        return self.auto_id


# Django's widget templates, with the select, input and radio/checkbox ones replaced by
# copies that write their option and attribute templates in (same markup): a filter's
# choice list rendered one include per option, several templates for each.
OWN_TEMPLATES = Path(__file__).resolve().parent / "templates"


class FormRenderer(DjangoTemplates):
    bound_field_class = BoundField

    @cached_property
    def engine(self):
        return self.backend(
            {
                "APP_DIRS": True,
                "DIRS": [OWN_TEMPLATES, Path(django.forms.renderers.__file__).parent / "templates"],
                "NAME": "djangoforms",
                "OPTIONS": {},
            }
        )
