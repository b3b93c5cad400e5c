"""Reading the PDFs the application writes, as the meeting and letter tests check them."""

from __future__ import annotations

import io

from pypdf import PdfReader


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page of the PDF ``data``; lines are joined, so a sentence the
    layout wraps reads as one."""
    assert data.startswith(b"%PDF")
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def pdf_text(data: bytes) -> str:
    """The text of every page of the PDF ``data`` as one line."""
    return " ".join(pdf_pages(data))


def assert_reads(text: str, *phrases: str) -> None:
    """Every one of ``phrases`` is in ``text``; a failure names the ones missing."""
    missing = [phrase for phrase in phrases if phrase not in text]
    assert not missing, missing
