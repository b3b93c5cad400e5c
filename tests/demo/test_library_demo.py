"""The demo's document libraries: the state office's documents (one only for Jena) and
Jena's own, real PDFs with versions; seeding again creates nothing."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from core.models import AllianceDocument
from demo.library import (
    ALLIANCE_DOCUMENTS,
    STATE_DOCUMENTS,
    seed_alliance_library,
    seed_state_library,
)
from regional.models import StateDocument
from tests.factories.files import media_root  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_demo_libraries_are_seeded_once(jena, media_root):  # noqa: F811
    assert seed_state_library(actor=None) == len(STATE_DOCUMENTS)
    assert seed_alliance_library() == len(ALLIANCE_DOCUMENTS)
    assert seed_state_library(actor=None) == 0
    assert seed_alliance_library() == 0
    guide = StateDocument.objects.get(title__startswith="Leitfaden")
    assert guide.versions.count() == 2
    assert guide.versions.get(number=2).file.read().startswith(b"%PDF-")
    only_jena = StateDocument.objects.get(title__startswith="Vorlage Fördermittel")
    assert list(only_jena.alliances.all()) == [jena]
    with schema_context("jena"):
        assert AllianceDocument.objects.count() == len(ALLIANCE_DOCUMENTS)
