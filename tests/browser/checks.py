"""What a page may load: only addresses of the platform on this machine."""

from __future__ import annotations

from urllib.parse import urlsplit

# Inline content the page makes itself; no host is asked.
LOCAL_SCHEMES = ("data", "blob", "about")


def is_local_url(url: str) -> bool:
    """True for the state host and alliance hosts on this machine (localhost,
    *.localhost, 127.0.0.1) and for inline content; anything else is another host."""
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    host = (parts.hostname or "").lower()
    return host in ("localhost", "127.0.0.1") or host.endswith(".localhost")
