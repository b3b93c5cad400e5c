"""The "Bündnis des Monats" where alliances and visitors see it.

A template tag rather than a context processor: only the three pages that show the
award (the state area's start page, an alliance's public page and its workspace) ask
for it, with one query each, instead of every request of the platform; and the
alliance's own room (``core``) never imports the federal office in Python, its
templates only ``{% load federal_awards %}``.
"""

from __future__ import annotations

from django import template

from federal.selectors.awards import awards_of, current_award

register = template.Library()


@register.inclusion_tag("federal/_award.html")
def alliance_of_the_month(alliance=None):
    """With ``alliance``: the newest published award it received (nothing if none);
    without: the current alliance of the month."""
    if alliance is None:
        return {"award": current_award(), "show_state": True}
    if getattr(alliance, "pk", None) is None:
        return {"award": None}
    found = awards_of(alliance)
    # On the alliance's own pages its state goes without saying.
    return {"award": found[0] if found else None, "show_state": False}
