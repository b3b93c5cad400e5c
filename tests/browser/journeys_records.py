"""Journeys through the records a coordinator and the state office keep (run by
test_journeys.py):

- the audit trail: Jena's coordinator changes a partner, finds the change in the audit
  trail as a German sentence, filters it by person and period and downloads the CSV;
- printing minutes: the coordinator opens a board meeting with approved minutes, downloads
  them as PDF and prints the page (the print stylesheet hides the navigation);
- the state office: an alliance's own page, one of its regional meetings, and a reminder
  to everyone who has not replied, sent through the outbox.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy, ngettext

from tests.browser.journey_helpers import JENA, STATE, expect, german, pdf_text

COORDINATOR_JENA = "jena@demo.example"
COORDINATOR_JENA_NAME = "Koordination Jena (Demo)"  # demo/alliances.py


# ---------------------------------------------------------------- the audit trail


def _expected_sentence(actor: str, action: str, object_type: str, name: str) -> str:
    """The sentence the audit trail shows for such an entry (kernel.audit.presenter)."""
    from kernel.audit.models import AuditEntry
    from kernel.audit.presenter import sentence

    entry = AuditEntry(actor_label=actor, action=action, object_type=object_type, object_repr=name)
    return german(sentence(entry))


def test_audit_trail_shows_a_change_filtered_and_exported(journey):
    from core.views.workspace import AUDIT_TRAIL

    today = timezone.localdate()
    note = "Neu: Betreuung in den Herbstferien (Browser-Test)."
    coordinator = journey.person("coordinator jena")
    journey.login(coordinator, JENA, COORDINATOR_JENA, next_path="/workspace/partners/")
    journey.check(coordinator, "partners")

    # The coordinator changes a partner's description.
    coordinator.locator("main table tbody a[href*='/workspace/partners/']").first.click()
    name = coordinator.locator("h1").inner_text().strip()
    journey.check(coordinator, "partner")
    coordinator.locator("main .actions a[href$='/edit/']").click()
    journey.check(coordinator, "partner-form")
    coordinator.locator("[name=description]").fill(note)
    journey.submit(coordinator)
    expect()(coordinator.locator("h1")).to_have_text(name)
    journey.check(coordinator, "partner-changed")

    # The audit trail, narrowed to this person and today.
    coordinator.goto(journey.url(JENA, "/workspace/audit/"))
    journey.check(coordinator, "audit-trail")
    filters = coordinator.locator("form.filters")
    filters.locator("[name=person]").select_option(label=COORDINATOR_JENA_NAME)
    filters.locator("[name=date_from]").fill(today.isoformat())
    filters.locator("[name=date_until]").fill(today.isoformat())
    with coordinator.expect_navigation():
        filters.locator("button[type=submit]").click()
    journey.check(coordinator, "audit-trail-filtered")
    sentence = _expected_sentence(
        COORDINATOR_JENA_NAME, "core.partner.updated", "core.partner", name
    )
    rows = coordinator.locator("table.audit-trail tbody tr")
    row = rows.filter(has_text=sentence)
    expect()(row).to_have_count(1)
    expect()(row).to_contain_text(note)  # the change itself, after the arrow
    people = rows.locator("td:nth-child(2)").all_inner_texts()
    assert people, "nothing found"
    assert set(people) == {COORDINATOR_JENA_NAME}, people

    # The CSV export holds what the filtered page shows.
    with coordinator.expect_download() as download_info:
        coordinator.locator("main a[href*='format=csv']").click()
    download = download_info.value
    content = Path(download.path()).read_bytes().decode("utf-8-sig")
    (journey.folder / download.suggested_filename).write_text(content, encoding="utf-8")
    table = list(csv.reader(io.StringIO(content), delimiter=";"))  # as Excel opens it in German
    header, *lines = table
    assert header == [german(column.label) for column in AUDIT_TRAIL.columns], header
    assert lines, content
    assert {line[1] for line in lines} == {COORDINATOR_JENA_NAME}, lines[:3]
    assert any(line[2] == sentence and note in line[3] for line in lines), lines[:3]
    assert all(line[0].startswith(f"{today:%d.%m.%Y}") for line in lines), lines[:3]
    journey.finish()


# ---------------------------------------------------------------- printing minutes


def test_printing_board_minutes_to_pdf(journey):
    from core.models.choices import MinutesStatus

    coordinator = journey.person("coordinator jena")
    journey.login(coordinator, JENA, COORDINATOR_JENA, next_path="/workspace/board/")
    journey.check(coordinator, "board-meetings")
    approved = coordinator.locator("main table tbody tr").filter(
        has_text=german(MinutesStatus.APPROVED.label)
    )
    approved.first.locator("a").first.click()
    journey.check(coordinator, "meeting-with-minutes")
    title = coordinator.locator("h1").inner_text().strip()
    item = coordinator.locator("main .agenda li strong").first.inner_text().strip()
    expect()(coordinator.locator("main .minutes")).to_be_visible()

    # The minutes as PDF: a real PDF with the meeting's title and its agenda.
    with coordinator.expect_download() as download_info:
        coordinator.locator("main a[href$='/minutes.pdf']").first.click()
    download = download_info.value
    content = Path(download.path()).read_bytes()
    assert content.startswith(b"%PDF"), content[:20]
    (journey.folder / download.suggested_filename).write_bytes(content)
    text = pdf_text(content)
    assert title in text, (title, text[:300])
    assert item in text, (item, text[:600])
    assert "Die Koordinierungsstelle berichtet" in text  # the minutes themselves

    # Printed from the browser: the content only, no navigation, header or buttons.
    coordinator.emulate_media(media="print")
    try:
        expect()(coordinator.locator("h1")).to_be_visible()
        expect()(coordinator.locator("main .minutes")).to_be_visible()
        for hidden in (".site-header", "nav", ".breadcrumbs", "main .button", ".agenda small"):
            expect()(coordinator.locator(hidden).first).to_be_hidden()
        coordinator.screenshot(path=str(journey.folder / "print.png"), full_page=True)
    finally:
        coordinator.emulate_media(media="screen")
    journey.finish()


# ---------------------------------------------------------------- the state office


def test_state_office_reminds_an_alliances_non_responders(journey):
    from regional.models import Response

    alliance = "Lokales Bündnis für Familie Bad Frankenhausen"
    meeting = "Regionaltreffen Westthüringen"  # the next one (demo/state.py): half replied
    office = journey.person("state coordinator")
    journey.login(office, STATE, "land@demo.example", next_path="/dashboard/alliances/")
    journey.check(office, "alliances")
    office.locator("main table a", has_text=alliance).first.click()
    expect()(office.locator("h1")).to_have_text(alliance)
    journey.check(office, "alliance-page")
    meetings = office.locator("section[aria-labelledby=meetings-heading]")
    meetings.get_by_role("link", name=meeting).click()
    expect()(office.locator("h1")).to_have_text(meeting)
    journey.check(office, "meeting")

    # Who has not replied yet, as the page lists them.
    pending = german(Response.PENDING.label)
    reply_column = german(gettext_lazy("Reply"))
    reply_header = office.locator("th", has_text=re.compile(rf"^\s*{reply_column}\s*$"))
    replies = office.locator("main table").filter(has=reply_header)
    expect()(replies).to_have_count(1)
    addresses = [
        row.locator("td").nth(1).inner_text().strip()
        for row in replies.locator("tbody tr").all()
        if row.locator("td").nth(3).inner_text().strip() == pending
    ]
    assert addresses, "nobody to remind"
    reminding = german(gettext_lazy("Remind those who have not replied"))
    with office.expect_navigation():
        office.get_by_role("button", name=reminding).click()
    assert office.url.startswith(journey.url(STATE, "/meetings/")), office.url
    with translation.override("de"):
        confirmation = ngettext(
            "%(count)s person who has not replied yet is being reminded.",
            "%(count)s people who have not replied yet are being reminded.",
            len(addresses),
        ) % {"count": len(addresses)}
    expect()(office.locator(".messages").first).to_contain_text(confirmation)
    expect()(office.locator(".messages").first).to_be_in_viewport()
    journey.check(office, "reminded")

    # One reminder per person without a reply, with the personal reply link.
    subject = german(gettext_lazy("Your reply, please: %(title)s on %(date)s")).split("%")[0]
    for address in addresses:
        mails = [m for m in journey.server.mails(to=address) if meeting in str(m["Subject"])]
        assert len(mails) == 1, (address, [str(m["Subject"]) for m in mails])
        # (A long encoded subject is folded after "Subject:"; unfolded, it may begin
        # with the fold's space.)
        assert str(mails[0]["Subject"]).strip().startswith(subject), mails[0]["Subject"]
        assert "/meetings/reply/" in journey.server.mail_text(mails[0])
    journey.finish()
