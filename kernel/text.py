"""Which characters stored text may hold: the one definition for input and export.

Control characters (U+0000-U+001F, U+007F-U+009F), lone surrogates and the
non-characters U+FFFE/U+FFFF have no meaning in an alliance's texts. They arrive by
copying from other programs or on purpose, and they break what comes later: XML (an
XLSX export fails with openpyxl's IllegalCharacterError), PostgreSQL (NUL), e-mail
headers and CSV files. So every text is refused at input when it holds one
(``tenants.models.plain_text`` for models, forms, API and import alike), and
exports replace them as a last line of defence for data stored before this check.

Multi-line texts (``TextField``) may hold line breaks and tabs: browsers send a
textarea's line breaks as CR LF. Single-line texts (``CharField``) may hold none.

Also here: ``html_escaped``, text made safe for markup written in Python where it is
drawn often (the charts' shapes, the menu of every page).
"""

from __future__ import annotations

import html
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_ALWAYS_REFUSED = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
_LINE_BREAKS = "\t\n\r\u2028\u2029"

# Personal data in free text: Sentry scrubs it, reports refuse it.
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
# Phone numbers start with "+", "00" or a trunk "0" (German style): +49 3641 123456,
# 03641/123-456, (0361) 55 66 77. Dates (12.03.2026), times and plain counts never do.
PHONE_RE = re.compile(r"(?<![\w.+:])(?:\+\d{2}|\(?0\d{2,5}\)?)[\d \t/\-()]{4,}\d")

MULTILINE_REFUSED = re.compile(f"[{_ALWAYS_REFUSED}]")
SINGLE_LINE_REFUSED = re.compile(f"[{_ALWAYS_REFUSED}{_LINE_BREAKS}]")

CONTROL_CHARACTER = _(
    "The text contains a control character (%(code)s), which is not allowed. Please remove it."
)
NOT_SINGLE_LINE = _("This field must be a single line: line breaks and tabs are not allowed.")


def refused_character(text: str, *, multiline: bool) -> str | None:
    """The first character of ``text`` that it may not hold, or None."""
    pattern = MULTILINE_REFUSED if multiline else SINGLE_LINE_REFUSED
    match = pattern.search(text)
    return match.group() if match else None


def character_code(character: str) -> str:
    return f"U+{ord(character):04X}"


def refused_character_error(character: str) -> ValidationError:
    """The field error for ``character`` (from :func:`refused_character`)."""
    if character in _LINE_BREAKS:
        return ValidationError(NOT_SINGLE_LINE, code="not_single_line")
    return ValidationError(
        CONTROL_CHARACTER, code="control_character", params={"code": character_code(character)}
    )


def check_plain_text(text: str, *, multiline: bool) -> None:
    """Raise the field's ``ValidationError`` if ``text`` holds a refused character."""
    character = refused_character(text, multiline=multiline)
    if character is not None:
        raise refused_character_error(character)


def replace_refused_characters(text: str, replacement: str = "\ufffd") -> str:
    """``text`` with every character refused even in multi-line text replaced (exports)."""
    return MULTILINE_REFUSED.sub(replacement, text)


class PlainTextValidator:
    """Form and serializer field validator: the field's value holds no refused character."""

    def __init__(self, *, multiline: bool):
        self.multiline = multiline

    def __call__(self, value) -> None:
        if isinstance(value, str):
            check_plain_text(value, multiline=self.multiline)

    def __eq__(self, other) -> bool:
        return isinstance(other, PlainTextValidator) and other.multiline == self.multiline


class PlainTextForm:
    """Mixin for plain (non-model) forms: every text field refuses control characters
    as a field error. ModelForms get the same from the model's ``full_clean()``; a plain
    form's values reach a model under other names, so the form checks them itself.
    A textarea is multi-line; passwords are left alone."""

    def full_clean(self):
        from django import forms

        # Here rather than in __init__: some forms add their fields after __init__.
        for field in self.fields.values():
            if not isinstance(field, forms.CharField) or isinstance(
                field.widget, forms.PasswordInput
            ):
                continue
            validator = PlainTextValidator(multiline=isinstance(field.widget, forms.Textarea))
            if validator not in field.validators:
                field.validators.append(validator)
        super().full_clean()


def interpolate_lazy(template, values: dict):
    """``template % values`` done when the text is shown, in the reader's language, not
    when the module is imported (a form field's help text is made at import time)."""
    from django.utils.functional import lazy

    return lazy(lambda: str(template) % values, str)()


def html_escaped(value) -> str:
    """``value`` escaped as ``format_html`` escapes its arguments (what is already safe
    HTML stays), at a fraction of its cost: no lazy-string wrapper around the escaping,
    and a lazily translated label is translated once."""
    if isinstance(value, int | float):
        return str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))
