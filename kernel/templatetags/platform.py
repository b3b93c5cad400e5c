"""The platform's name in every template, e-mails included (a builtin: no ``{% load %}``).

One installation may serve one state ("Bündnisnetz Thüringen", the default) or all of
Germany's alliances; ``BUENDNISNETZ_PLATFORM_NAME`` says which. A proper name: the same
in every language.
"""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def platform_name() -> str:
    return settings.BUENDNISNETZ_PLATFORM_NAME
