"""What the library tests share (tests/core, tests/regional, tests/api): an uploaded
PDF and the text of a page that must open."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories.files import PDF


def pdf(name: str = "leitfaden.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def page_text(client, path: str, **params) -> str:
    """The page at ``path`` (with ``params`` as its query), which must answer 200."""
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()
