"""The platform's number, money, date and time forms as template filters (built into
every template, see ``TEMPLATES`` in the settings); the forms are ``kernel.formats``::

    {{ figures.partners_total|number }}        1.467
    {{ totals.funding_total|money:0 }}         196.770 €
    {{ entry.amount|money }}                   48.000,00 €
    {{ meeting.date|de_date }}                 03.12.2026
    {{ meeting.start_time|de_time }}           14:30 Uhr
    {{ start|de_time_range:end }}              14:30–16:00 Uhr
    {{ entry.created_at|de_datetime }}         03.12.2026, 14:30 Uhr

Years, ids and the values of form fields and links are written as they are
(``{{ year|stringformat:"d" }}``, ``{{ partner.pk }}``), never through these filters.
"""

from __future__ import annotations

from django import template

from kernel import formats

register = template.Library()


@register.filter
def number(value, places=None):
    return formats.number(value, None if places in (None, "") else int(places))


@register.filter
def money(value, places=2):
    return formats.money(value, int(places))


@register.filter
def percent(value, places=None):
    return formats.percent(value, None if places in (None, "") else int(places))


@register.filter
def de_date(value):
    return formats.date(value)


@register.filter
def de_clock(value):
    return formats.clock(value)


@register.filter
def de_time(value):
    return formats.time(value)


@register.filter
def de_time_range(start, end):
    return formats.time_range(start, end)


@register.filter
def de_datetime(value):
    return formats.datetime_text(value)
