"""The form a coordinator writes a legal page in (both areas)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kernel.legal.models import LEGAL_TEXT_MAX_LENGTH


class LegalPageForm(forms.Form):
    text = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=LEGAL_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text=_(
            "Plain text. A line starting with # is a heading, one starting with - a list "
            "item; **bold** and [text](https://…) links work. Leave it empty to show the "
            "default text again."
        ),
    )
