"""Tags of the page layouts (templates/page.html and the layouts that extend it) and of
the tables pages write out by hand (the declared lists have their own head in
templates/core/list.html)."""

from __future__ import annotations

from django import template
from django.template.base import NodeList
from django.template.loader_tags import BlockNode
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag(takes_context=True)
def page_title(context) -> str:
    """The page's ``title`` block once more, so that a page names itself once: the
    layouts show it as the heading unless the page declares a ``heading`` of its own.

    Rendered as ``{% block title %}`` itself would be: the most derived override, or
    nothing outside an inheritance chain.
    """
    return BlockNode("title", NodeList()).render(context)


@register.simple_tag
def table_head(*labels, actions: bool = False) -> str:
    """A table's head: one column header per label and, with ``actions``, a last one
    for the rows' links, named for screen readers only::

        {% table_head _("Task") _("Due on") actions=True %}
    """
    cells = format_html_join("", '<th scope="col">{}</th>', ((label,) for label in labels))
    if actions:
        hidden = gettext("Actions")
        cells += format_html('<th scope="col"><span class="visually-hidden">{}</span></th>', hidden)
    return format_html("<thead><tr>{}</tr></thead>", cells)


@register.simple_tag(takes_context=True)
def link(context, url_name: str, *args, text=""):
    """``<a href>`` to the page ``url_name`` (with ``args``) showing ``text``, for those
    who may open that page; just the text for everyone else (no link that refuses)."""
    from django.urls import reverse

    from kernel.access import may_open

    url = reverse(url_name, args=args)
    if may_open(context.get("request"), url):
        return format_html('<a href="{}">{}</a>', url, text)
    return format_html("{}", text)
