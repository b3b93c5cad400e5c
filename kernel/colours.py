"""Colours an alliance chooses for its public site: checked, and paired with a text
colour that is readable on them (WCAG 2.1 contrast, at least 4.5:1)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DARK_TEXT, LIGHT_TEXT = "#1a1a1a", "#ffffff"
MIN_TEXT_CONTRAST = 4.5


def validate_hex_colour(value: str) -> None:
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("Please enter a colour as # followed by six hexadecimal digits, e.g. #1d4f91."),
            code="invalid_colour",
        )


def validate_site_colour(value: str) -> None:
    """A colour the site's areas may have: six hex digits, and dark or light text on it
    reaches the contrast WCAG asks for (4.5:1); medium greys and bright mid-tones do not."""
    validate_hex_colour(value)
    if contrast_ratio(value, text_colour_on(value)) < MIN_TEXT_CONTRAST:
        raise ValidationError(
            _(
                "Text would be hard to read on this colour (neither dark nor white text "
                "reaches a contrast of 4.5:1). Please choose a darker or a lighter colour."
            ),
            code="low_contrast",
        )


def _luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    channels = []
    for start in (1, 3, 5):
        value = int(colour[start : start + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(background: str) -> str:
    """The dark or the light text colour, whichever reads better on ``background``."""
    dark, light = contrast_ratio(background, DARK_TEXT), contrast_ratio(background, LIGHT_TEXT)
    return DARK_TEXT if dark >= light else LIGHT_TEXT
