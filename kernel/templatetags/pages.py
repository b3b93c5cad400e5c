"""Tags of the page layouts (templates/page.html and the layouts that extend it)."""

from __future__ import annotations

from django import template
from django.template.base import NodeList
from django.template.loader_tags import BlockNode

register = template.Library()


@register.simple_tag(takes_context=True)
def page_title(context) -> str:
    """The page's ``title`` block once more, so that a page names itself once: the
    layouts show it as the heading unless the page declares a ``heading`` of its own.

    Rendered as ``{% block title %}`` itself would be: the most derived override, or
    nothing outside an inheritance chain.
    """
    return BlockNode("title", NodeList()).render(context)
