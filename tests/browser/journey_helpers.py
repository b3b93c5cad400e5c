"""What the browser journeys share beyond the ``journey`` fixture: the hosts they visit
and small helpers (tests/browser/test_journeys.py and the journey modules it runs)."""

from __future__ import annotations

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
    """The text of a PDF as ``pdftotext`` (poppler) reads it, whitespace folded."""
    command = shutil.which("pdftotext")
    assert command, "pdftotext (poppler-utils) is needed to read the PDF"
    result = subprocess.run(
        [command, "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=True
    )
    return " ".join(result.stdout.decode("utf-8").split())
