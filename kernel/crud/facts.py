"""A record's page head, declared once on its page declaration (``ObjectPages``): its
title, the trail of links above it, its edit and delete buttons and its facts (the
``dl.facts`` list at the top of templates/record.html), so that no detail template
writes them out again as <dt>/<dd> pairs.

A fact is a label and a value: a dotted accessor of the record (as a table column's,
``kernel.crud.tables.accessor``) or a function of it, shown through filters applied in
order as a template's filter chain would (``Fact(_("Due"), "due", short_date, dash)`` is
``{{ task.due|de_date|default:"–" }}``). Numbers, money, dates and times are written in
the platform's one form (``kernel.formats``, the same as the template filters); a value
left as it is is localised and escaped by the template.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.template import defaultfilters
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext

from kernel import formats
from kernel.access import may_open
from kernel.crud.tables import accessor

DASH = "–"

# ---------------------------------------------------------------- filters


def short_date(value: Any) -> str:
    """``|de_date``: ``03.12.2026`` (empty for no date)."""
    return formats.date(value)


def clock(value: Any) -> str:
    """``|de_time``: ``14:30 Uhr`` (empty for no time)."""
    return formats.time(value)


def dash(value: Any) -> Any:
    """``|default:"–"``: a dash for an empty value."""
    return defaultfilters.default(value, DASH)


def dash_if_none(value: Any) -> Any:
    """``|default_if_none:"–"``: a dash for no value (0 stays 0)."""
    return defaultfilters.default_if_none(value, DASH)


def number(value: Any) -> str:
    """``|number``: ``1.467``, ``48.000,00`` (a decimal with its own places)."""
    return formats.number(value)


def money(value: Any) -> str:
    """``|money``: ``48.000,00 €``."""
    return formats.money(value)


def one_place(value: Any) -> str:
    """One decimal place, none for a whole number: ``12,5``, ``12``."""
    if value is None or value == "":
        return ""
    rounded = round(Decimal(str(value)), 1)
    return formats.number(rounded, 0 if rounded == rounded.to_integral_value() else 1)


def strong(value: Any) -> str:
    return format_html("<strong>{}</strong>", value)


def lines(value: Any) -> str:
    """``|linebreaksbr``: the text escaped, its line breaks kept."""
    return defaultfilters.linebreaksbr(value, autoescape=True)


def listed(values: Any) -> str:
    """``|join:", "``."""
    return defaultfilters.join(values, ", ", autoescape=True)


def yes_no(value: Any) -> str:
    return gettext("yes") if value else gettext("no")


def mailto(address: str) -> str:
    """An e-mail address as a link to write to it, a dash for none."""
    return format_html('<a href="mailto:{}">{}</a>', address, address) if address else DASH


@dataclass(frozen=True)
class Linked:
    """A record's name and the address of its page: shown as a link to those who may
    open that page (``RecordHead.context``), as its name to everyone else."""

    url: str
    text: Any

    def __html__(self) -> str:
        return format_html('<a href="{}">{}</a>', self.url, self.text)

    def shown_to(self, opens: Callable[[str], bool]) -> str:
        return self.__html__() if opens(self.url) else conditional_escape(self.text)


def link(url_name: str, text: str = "name", pk: str = "pk") -> Callable[[Any], Any]:
    """A filter: the related record as a link to its page ``url_name`` (with its
    attribute ``pk``), showing its ``text`` (empty: the record itself); a dash for none."""
    text_of, pk_of = accessor(text) if text else str, accessor(pk)

    def shown(record: Any) -> Any:
        if record is None:
            return DASH
        return Linked(reverse(url_name, args=[pk_of(record)]), text_of(record))

    return shown


# ---------------------------------------------------------------- facts and the head


class Fact:
    """One fact of a record's page: ``label``, the value (a dotted accessor or a
    function of the record) and the filters it is shown through. ``optional``: left
    out where the value is empty."""

    def __init__(
        self,
        label: Any,
        value: str | Callable[[Any], Any],
        *filters: Callable[[Any], Any],
        optional: bool = False,
    ):
        self.label = label
        self.value = accessor(value) if isinstance(value, str) else value
        self.filters = filters
        self.optional = optional

    def shown(self, record: Any) -> tuple[Any, Any] | None:
        value = self.value(record)
        if self.optional and not value:
            return None
        for shown in self.filters:
            value = shown(value)
        return self.label, value


@dataclass(frozen=True)
class RecordHead:
    """What a record's page shows above its own content (templates/record.html).

    ``title``: the record's attribute that names it (empty: the record itself);
    ``crumbs``: (label, URL name) of the pages above it; ``edit_url``, ``delete_url``:
    the URL names of its edit and delete pages (empty: none); ``facts``: its facts.
    """

    title: str = ""
    crumbs: tuple[tuple[Any, str], ...] = ()
    edit_url: str = ""
    delete_url: str = ""
    delete_label: Any = ""
    facts: tuple[Fact, ...] = field(default=())

    def context(self, record: Any, request: Any = None) -> dict[str, Any]:
        """The head's part of the page's context; with ``request``, only the links the
        caller may follow (a crumb or a fact they may not open shows as text)."""

        def opens(url: str) -> bool:
            return may_open(request, url)

        def url_of(name: str, *args: Any) -> str:
            url = reverse(name, args=args)
            return url if opens(url) else ""

        facts = [fact.shown(record) for fact in self.facts]
        return {
            "record_title": accessor(self.title)(record) if self.title else record,
            "crumbs": [(label, url_of(url)) for label, url in self.crumbs],
            "edit_url": url_of(self.edit_url, record.pk) if self.edit_url else "",
            "delete_url": url_of(self.delete_url, record.pk) if self.delete_url else "",
            "delete_label": self.delete_label,
            "facts": [
                (label, value.shown_to(opens) if isinstance(value, Linked) else value)
                for label, value in (fact for fact in facts if fact is not None)
            ],
        }
