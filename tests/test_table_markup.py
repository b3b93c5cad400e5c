"""Every table scrolls inside its own container (WCAG 1.4.10 reflow): a wide table must
not push the whole page sideways on a phone. The tables of the lists (``core/list.html``)
and every hand-written one sit in ``<div class="table-wrap" tabindex="0">`` (written out,
or by ``{% tablewrap %}``): a box that scrolls must be reachable by keyboard (axe:
scrollable-region-focusable)."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
# Included only inside a table-wrap of the including page.
WRAPPED_BY_INCLUDER = {"regional/reports/_change_table.html"}
_WRAPPED = re.compile(r'<div class="table-wrap"[^>]*\btabindex="0"[^>]*>\s*$')


def test_every_table_in_the_templates_sits_in_a_scrolling_container():
    bare = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        if name in WRAPPED_BY_INCLUDER:
            continue
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<table\b", text):
            if not _WRAPPED.search(text[max(0, match.start() - 300) : match.start()]):
                bare.append(f"{name}:{text.count(chr(10), 0, match.start()) + 1}")
    assert bare == [], 'tables without <div class="table-wrap" tabindex="0">:\n' + "\n".join(bare)


def test_the_partner_page_wraps_its_contacts_table(jena, coordinator_client):
    from django_tenants.utils import schema_context

    from tests.factories.partners import ContactPersonFactory, PartnerFactory

    with schema_context("jena"):
        partner = PartnerFactory()
        ContactPersonFactory(
            partner=partner, email="sehr.lange.adresse@beispiel-organisation.example"
        )
    page = coordinator_client.get(f"/workspace/partners/{partner.pk}/").content.decode()
    assert '<div class="table-wrap" tabindex="0"><table class="table">' in page
