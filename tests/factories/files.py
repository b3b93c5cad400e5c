"""Files the tests upload, and where they are stored."""

import pytest

# The smallest PDF the attachment checks (board and regional meetings) accept.
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def media_root(settings, tmp_path):
    """Stored files go to a temporary MEDIA_ROOT (the conftests of the areas that store
    files import this fixture)."""
    settings.MEDIA_ROOT = tmp_path
    # Setting this (to its own value) makes the tenant-aware storage forget the root it
    # cached; it does not react to MEDIA_ROOT alone.
    settings.MULTITENANT_RELATIVE_MEDIA_ROOT = "%s"
    return tmp_path
