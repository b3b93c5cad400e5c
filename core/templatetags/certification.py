"""``{% certified_employers %}``: the public page's list of employers whose certificate is
valid today (an expired one is never shown), only those that agreed to be named."""

from __future__ import annotations

from django import template

from core.selectors.certification import public_certificates

register = template.Library()


@register.inclusion_tag("core/certification/public_certificates.html")
def certified_employers():
    return {"certificates": list(public_certificates())}
