"""Journey: the coordinator's first day in a new alliance (run by test_journeys.py).

The state coordination office moves the founding of Greiz (a setup of the demo, in its
last stage before "active") to "active" on its board of new alliances: the platform
sets the alliance up (eagerly, in the web server) and invites its first coordinator by
e-mail. The coordinator chooses a password through the link in that e-mail, logs in on
the new host and finds an empty workspace that says what to do first: the "Erste
Schritte" checklist and, while there are no partners, "Partner anlegen" and "Partner
importieren". She creates a partner through the form (a bad submit first: the error
summary), imports two more from a small CSV file and sees the checklist advance.
"""

from __future__ import annotations

import csv
import io
import re

from django.utils.translation import gettext_lazy

from tests.browser.journey_helpers import STATE, expect, german

# The demo's setup in the stage "Erklärung" (demo/state.py, SETUPS).
PLACE = "Greiz"
ALLIANCE = "Lokales Bündnis für Familie Greiz"
COORDINATOR = "greiz@demo.example"
GREIZ = "greiz.localhost"
NEW_PASSWORD = "Familie-und-Beruf-in-Greiz-2026"
PROGRESS = re.compile(r"(\d+) von (\d+) erledigt")


def _settled(page) -> int:
    """How many items of the checklist on ``page`` are settled ("2 von 5 erledigt")."""
    text = page.locator("section.onboarding [role=status]").inner_text()
    match = PROGRESS.search(text)
    assert match, text
    return int(match.group(1))


def _offers_partner_steps(box) -> None:
    """``box`` offers the next steps of an empty partner list (kernel.crud next_steps)."""
    expect()(box.get_by_role("link", name="Partner anlegen")).to_be_visible()
    expect()(box.get_by_role("link", name="Partner importieren")).to_be_visible()


def _partners_csv() -> bytes:
    """A spreadsheet as a coordinator saves it from Excel: German headers and labels,
    semicolons, a byte order mark. One partner agrees to be named in public."""
    from core.models.choices import PartnerKind, SizeClass

    rows = [
        ["Name", "Art", "Größe", "Ort", "Öffentlich"],
        ["Kita Sonnenland Greiz", german(PartnerKind.SOCIAL_AGENCY.label), "", "Greiz", "ja"],
        ["Weberei Elstertal GmbH", german(PartnerKind.COMPANY.label),
         german(SizeClass.SMALL.label), "Greiz", "nein"],
    ]  # fmt: skip
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def _activate_setup(journey) -> str:
    """The office moves the setup to "active" on its board; returns the link of the
    coordinator's invitation e-mail."""
    office = journey.person("state coordinator")
    journey.login(office, STATE, "land@demo.example", next_path="/setups/")
    card = office.locator(".setup-card", has_text=PLACE)
    expect()(card).to_have_count(1)
    journey.check(office, "new-alliances")
    card.locator("select[name=stage]").select_option("active")
    # Provisioning (schema copied from the template) runs in the request: eager Celery.
    with office.expect_navigation(timeout=60_000):
        card.locator("button[type=submit]").click()
    expect()(office.locator("h1")).to_have_text(ALLIANCE)
    expect()(office.locator("main")).to_contain_text(
        german(gettext_lazy("The alliance is on the platform."))
    )
    expect()(office.locator(f"main a[href^='http://{GREIZ}:']")).to_be_visible()
    journey.check(office, "alliance-provisioned")

    [mail] = journey.server.mails(to=COORDINATOR)
    text = journey.server.mail_text(mail)
    match = re.search(r"https?://\S+/accounts/password/reset/\S+/", text)
    assert match, text
    link = match.group(0)
    assert link.startswith(journey.url(GREIZ, "/accounts/password/reset/")), link
    return link


def test_coordinators_first_day_in_a_new_alliance(journey):
    link = _activate_setup(journey)

    # The coordinator chooses her password on the new host and logs in.
    coordinator = journey.person("coordinator greiz")
    coordinator.goto(link)
    expect()(coordinator.locator("input[name=new_password1]")).to_be_visible()
    journey.check(coordinator, "choose-password")
    coordinator.locator("input[name=new_password1]").fill(NEW_PASSWORD)
    coordinator.locator("input[name=new_password2]").fill(NEW_PASSWORD)
    journey.submit(coordinator)
    journey.check(coordinator, "password-chosen")
    journey.login(coordinator, GREIZ, COORDINATOR, password=NEW_PASSWORD)
    assert coordinator.url == journey.url(GREIZ, "/workspace/"), coordinator.url

    # An empty workspace that says what to do first.
    expect()(coordinator.locator("h1")).to_have_text(ALLIANCE)
    expect()(coordinator.locator("#onboarding-heading")).to_have_text("Erste Schritte")
    _offers_partner_steps(coordinator.locator("section.empty-state"))
    # Nothing is done yet: no item ticks itself in an empty workspace.
    assert _settled(coordinator) == 0
    journey.check(coordinator, "workspace-first-steps")

    # The empty partner list offers the same next steps.
    coordinator.locator("nav.workspace-menu a[href='/workspace/partners/']").click()
    steps = coordinator.locator("main .empty-state")
    _offers_partner_steps(steps)
    journey.check(coordinator, "partners-empty")

    # The first partner through the form: a bad submit first.
    steps.get_by_role("link", name="Partner anlegen").click()
    journey.check(coordinator, "partner-form")
    journey.submit_with_errors(coordinator)
    summary = coordinator.locator(".error-summary")
    expect()(summary).to_be_visible()
    expect()(summary.locator("a[href]").first).to_be_visible()  # leads to the field
    expect()(coordinator.locator(".error-summary-title")).to_be_focused()
    journey.check(coordinator, "partner-form-errors")
    coordinator.locator("[name=name]").fill("Stadtverwaltung Greiz")
    coordinator.locator("[name=kind]").select_option("municipality")
    journey.submit(coordinator)
    expect()(coordinator.locator("h1")).to_have_text("Stadtverwaltung Greiz")
    journey.check(coordinator, "partner-created")

    # Two more from a spreadsheet, through the checklist's own link.
    journey.visit(coordinator, GREIZ, "/workspace/", "workspace-one-partner")
    assert _settled(coordinator) == 1  # "Erste Partner"
    expect()(coordinator.locator("section.empty-state")).to_have_count(0)
    coordinator.locator("section.onboarding a[href^='/workspace/import/']").click()
    journey.check(coordinator, "import-upload")
    coordinator.locator("input[name=kind][value=partners]").check()
    coordinator.locator("input[type=file]").set_input_files(
        files=[{"name": "partner.csv", "mimeType": "text/csv", "buffer": _partners_csv()}]
    )
    journey.submit(coordinator)
    expect()(coordinator.locator("main")).to_contain_text("Weberei Elstertal GmbH")
    journey.check(coordinator, "import-preview")
    with coordinator.expect_navigation():
        coordinator.locator("main form button[type=submit].primary").click()
    assert coordinator.url == journey.url(GREIZ, "/workspace/partners/"), coordinator.url
    expect()(coordinator.locator("main table")).to_contain_text("Kita Sonnenland Greiz")
    journey.check(coordinator, "partners-imported")

    # The checklist has moved on: a partner named in public fills the public page too.
    journey.visit(coordinator, GREIZ, "/workspace/", "workspace-checklist-advanced")
    assert _settled(coordinator) == 2
    journey.finish()
