"""Pages reached through a secret link from an e-mail (a token in the address).

Meeting replies, password resets (which also serve as account invitations) and the
alliance switcher's hand-off all open a page whose address is a credential. Such a page
must neither be indexed, cached by a shared cache, nor leak its address to other sites
in a ``Referer`` header, and it must still work in a real browser.

The referrer policy is ``same-origin``, chosen on purpose over ``no-referrer``: with
``no-referrer`` Chromium sends ``Origin: null`` with the page's own form POST, and
Django's CSRF check (rightly) refuses that, so the invitee could not answer (issue 14).
``same-origin`` sends no ``Referer`` at all to other hosts (the token stays on the
platform) while the browser's same-origin POST carries the real ``Origin`` and passes
the ordinary CSRF check with its cookie. The forms keep their CSRF protection.
"""

from __future__ import annotations

import functools

TOKEN_PAGE_HEADERS = {
    "X-Robots-Tag": "noindex, nofollow",
    "Cache-Control": "private, no-store",
    # See the module docstring: never "no-referrer" (it breaks the form's POST).
    "Referrer-Policy": "same-origin",
}


def token_headers(response):
    """Set the token page headers on ``response`` (for class-based views)."""
    for name, value in TOKEN_PAGE_HEADERS.items():
        response[name] = value
    return response


def token_page(view):
    """Decorate a view whose address carries a secret token from an e-mail."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        return token_headers(view(request, *args, **kwargs))

    return wrapped
