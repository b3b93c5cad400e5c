"""What the browser journeys share beyond the ``journey`` fixture: the hosts they visit
and small helpers (tests/browser/test_journeys.py and the journey modules it runs)."""

from __future__ import annotations

import io
import shutil
import subprocess

from django.utils import translation

STATE = "localhost"
JENA = "jena.localhost"
BADFRANKENHAUSEN = "badfrankenhausen.localhost"


def expect():
    """Playwright's ``expect`` (imported late: without Playwright the journeys skip)."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect


def german(label) -> str:
    """A catalogue text as the German pages show it."""
    with translation.override("de"):
        return str(label)


def pdf_text(content: bytes) -> str:
    """The text of a PDF as ``pdftotext`` (poppler-utils) reads it, whitespace folded;
    where poppler is not installed (CI installs Chromium only), as pypdf reads it."""
    command = shutil.which("pdftotext")
    if command is None:
        from pypdf import PdfReader

        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    else:
        result = subprocess.run(
            [command, "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=True
        )
        text = result.stdout.decode("utf-8")
    return " ".join(text.split())
