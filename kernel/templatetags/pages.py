"""Tags of the page layouts (templates/page.html and the layouts that extend it) and of
the tables pages write out by hand: their head (``table_head``) and their scrolling box
(``tablewrap``); the declared lists have their own in templates/core/list.html."""

from __future__ import annotations

from django import template
from django.template.base import Node, NodeList
from django.template.loader_tags import BlockNode
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from kernel.text import html_escaped

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
def table_head(*labels, numbers=(), actions: bool = False) -> str:
    """A table's head: one column header per label, then one per label of ``numbers``
    (columns of figures, aligned right) and, with ``actions``, a last one for the rows'
    links, named for screen readers only::

        {% table_head _("Task") _("Due on") actions=True %}
        {% table_head _("Year") numbers=figure_labels %}
    """
    cells = format_html_join("", '<th scope="col">{}</th>', ((label,) for label in labels))
    cells += format_html_join(
        "", '<th scope="col" class="number">{}</th>', ((label,) for label in numbers)
    )
    if actions:
        hidden = gettext("Actions")
        cells += format_html('<th scope="col"><span class="visually-hidden">{}</span></th>', hidden)
    return format_html("<thead><tr>{}</tr></thead>", cells)


# Every hand-written table scrolls in its own box (WCAG 1.4.10 reflow), which a keyboard
# must reach (axe: scrollable-region-focusable): tests/test_table_markup.py.
TABLE_WRAP = '<div class="table-wrap" tabindex="0"><table class="table">{}</table></div>'


class TableWrapNode(Node):
    child_nodelists = ("nodelist", "nodelist_empty")

    def __init__(self, rows, nodelist: NodeList, nodelist_empty: NodeList):
        self.rows = rows
        self.nodelist = nodelist
        self.nodelist_empty = nodelist_empty

    def render(self, context) -> str:
        if self.rows is not None and not self.rows.resolve(context):
            return self.nodelist_empty.render(context)
        return format_html(TABLE_WRAP, self.nodelist.render(context))


@register.tag
def tablewrap(parser, token):
    """A table's head and body inside ``<table class="table">`` in its scrolling box;
    with ``rows``, only while ``rows`` holds any, and otherwise what stands after
    ``{% empty %}`` (or nothing)::

        {% tablewrap meetings %}
          {% table_head _("Meeting") _("Date") %}
          <tbody>{% for meeting in meetings %}…{% endfor %}</tbody>
        {% empty %}<p>{% translate "No meetings yet." %}</p>{% endtablewrap %}
    """
    bits = token.split_contents()
    if len(bits) > 2:
        raise template.TemplateSyntaxError("Use {% tablewrap %} or {% tablewrap rows %}.")
    rows = parser.compile_filter(bits[1]) if len(bits) == 2 else None
    nodelist = parser.parse(("empty", "endtablewrap"))
    nodelist_empty = NodeList()
    if parser.next_token().contents == "empty":
        nodelist_empty = parser.parse(("endtablewrap",))
        parser.delete_first_token()
    return TableWrapNode(rows, nodelist, nodelist_empty)


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


@register.simple_tag
def menu_items(entries) -> SafeString:
    """The area menu's entries, ``(label, url, current)`` each, as list items; the page
    the person is on marked ``aria-current``. Written here rather than as a loop in
    templates/base.html, with the plain escape: the menu is on every page of a logged-in
    person, and its 20-odd entries cost the template loop 0.24 ms a page (each lazy label
    translated at every use), this tag 0.08 ms."""
    return mark_safe(  # noqa: S308 - every value went through html_escaped
        "".join(
            f'<li><a href="{html_escaped(url)}"{CURRENT if current else ""}>'
            f"{html_escaped(label)}</a></li>"
            for label, url, current in entries
        )
    )


CURRENT = ' aria-current="page"'
