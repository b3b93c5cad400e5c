"""Ten journeys through the platform in a real browser, as the people who use it.

1. Admission: Jena's coordinator records a company's application (there is no public
   application form: applications arrive by letter or e-mail and are entered), the board
   admits it in the board's own login, the coordinator records the partner's consent to
   be named, and the partner appears on Jena's public page.
2. Regional meeting: the state coordination office schedules a meeting, invites Jena and
   Bad Frankenhausen; Bad Frankenhausen's coordinator answers through the link in the
   invitation e-mail actually sent, Jena's on the alliance's own host, and the office
   sees the replies.
3. Ministry: the ministry opens its dashboard and downloads the released report (PDF).
4. Accounts: a member of the childcare pool's staff resets the password through the
   link in the e-mail and logs in with the new one; the state coordinator switches to
   an alliance's host.
5. Childcare pool: Jena's coordinator registers a carer with her checks, matches a
   request for night care and creates the placement from the matching list.
6. "Partner werden": a company applies through Jena's public site, the coordinator sees
   the application and plans the meeting, the board admits it.
7. First day: the state office puts Greiz on the platform; its new coordinator follows the
   invitation, finds the "Erste Schritte" checklist, creates and imports partners
   (tests/browser/journeys_first_day.py).
8. Audit trail: a change as a German sentence, filtered by person and period, as CSV.
9. Minutes: a board meeting's minutes as PDF, and the page printed (print stylesheet).
10. State office: an alliance's own page, its regional meeting, a reminder to everyone
    who has not replied (8.-10.: tests/browser/journeys_records.py).

Each page is checked by the ``journey`` fixture (tests/browser/conftest.py): axe-core,
requests to other hosts, console errors, a screenshot.
"""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

import pytest
from django.utils import timezone
from django.utils.translation import gettext_lazy

from tests.browser.environment import skip_reason
from tests.browser.journey_helpers import JENA, STATE
from tests.browser.journey_helpers import expect as _expect
from tests.browser.journey_helpers import german as _german

SKIP_REASON = skip_reason()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(SKIP_REASON is not None, reason=f"browser journeys: {SKIP_REASON}"),
]

# ---------------------------------------------------------------- 1. admission


def test_admission_from_application_to_public_page(journey):
    expect = _expect()
    company = "Glaswerk Saaletal GmbH (Browser-Test)"
    today = timezone.localdate()
    meeting_title = "Kuratoriumssitzung (Browser-Test)"

    # The coordinator plans the board meeting in which the board will decide.
    coordinator = journey.person("coordinator jena")
    journey.login(coordinator, JENA, "jena@demo.example", next_path="/workspace/")
    journey.check(coordinator, "coordinator-workspace")
    _plan_board_meeting(
        journey, coordinator, (meeting_title, today), "Rathaus Jena, Ratssaal", "board"
    )
    meeting_url = coordinator.url

    # A company's application arrives by e-mail; the coordinator records it.
    journey.visit(coordinator, JENA, "/workspace/applications/new/", "application-form")
    coordinator.locator("[name=organisation_name]").fill(company)
    coordinator.locator("[name=kind]").select_option("company")
    coordinator.locator("[name=size_class]").select_option("medium")
    coordinator.locator("[name=city]").fill("Jena")
    coordinator.locator("[name=contact_name]").fill("Maria Beispiel")
    coordinator.locator("[name=contact_email]").fill("maria.beispiel@glaswerk-saaletal.example")
    coordinator.locator("[name=statement]").fill(
        "Wir bieten Gleitzeit, Homeoffice und einen Eltern-Kind-Raum an."
    )
    journey.submit(coordinator)
    expect(coordinator.locator("h1")).to_have_text(company)
    journey.check(coordinator, "application-recorded")
    application_url = coordinator.url
    assert re.search(r"/workspace/applications/\d+/$", application_url), application_url

    # The board member logs in with their own account and admits the company.
    board = journey.person("board member jena")
    journey.login(board, JENA, "kuratorium.jena@demo.example", next_path="/workspace/applications/")
    journey.check(board, "board-applications")
    board.locator("form.filters [name=q]").fill("Glaswerk Saaletal")
    with board.expect_navigation():
        board.locator("form.filters button[type=submit]").click()
    journey.check(board, "board-applications-found")
    # Seven of the eight board members are present: quorate, and the votes add up.
    _admit(journey, board, company, (meeting_title, today), "board", present=7, yes=6, abstain=1)
    assert board.url == application_url

    # The applicant was told by e-mail (Celery ran in the web process; file backend).
    assert journey.server.mails(to="maria.beispiel@glaswerk-saaletal.example")

    # The coordinator writes the minutes and downloads them as PDF from the meeting page.
    from pypdf import PdfReader

    coordinator.goto(meeting_url)
    coordinator.locator("main a[href$='/minutes/']").first.click()
    journey.check(coordinator, "board-minutes-form")
    coordinator.locator("[name=minutes]").fill("TOP 1: Das Glaswerk Saaletal wird aufgenommen.")
    journey.submit(coordinator)
    journey.check(coordinator, "board-minutes-written")
    link = coordinator.locator("main a[href$='/minutes.pdf']")
    with coordinator.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.startswith("protokoll-"), download.suggested_filename
    # The answer as the browser gets it (its host rules resolve the alliance's host).
    status, content_type, first_bytes = coordinator.evaluate(
        """async (url) => {
            const response = await fetch(url);
            const bytes = new Uint8Array(await response.arrayBuffer());
            return [response.status, response.headers.get("content-type"),
                    String.fromCharCode(...bytes.slice(0, 4))];
        }""",
        link.get_attribute("href"),
    )
    assert (status, content_type, first_bytes) == (200, "application/pdf", "%PDF")
    text = PdfReader(io.BytesIO(Path(download.path()).read_bytes())).pages[0].extract_text()
    assert "Das Glaswerk Saaletal wird aufgenommen." in " ".join(text.split())

    # Not public yet: the partner has not agreed to be named.
    visitor = journey.person("visitor")
    journey.visit(visitor, JENA, "/", "public-page-before")
    expect(visitor.locator("main")).not_to_contain_text(company)

    # The coordinator records the partner's consent to be named publicly.
    coordinator.goto(application_url)
    journey.check(coordinator, "coordinator-application-admitted")
    coordinator.locator("dl.facts a[href*='/workspace/partners/']").click()
    expect(coordinator.locator("h1")).to_contain_text(company)
    journey.check(coordinator, "partner")
    coordinator.locator("main .actions a[href$='/edit/']").click()
    journey.check(coordinator, "partner-form")
    coordinator.locator("[name=public_listing_consent]").check()
    journey.submit(coordinator)
    journey.check(coordinator, "partner-consent-saved")

    # And now the public page names the new partner.
    visitor.goto(journey.url(JENA, "/"))
    expect(visitor.locator(".partner-list")).to_contain_text(company)
    journey.check(visitor, "public-page-after")
    journey.finish()


def _plan_board_meeting(journey, coordinator, meeting: tuple, location: str, steps: str) -> None:
    """Jena's coordinator plans the board ``meeting`` (title, day) at 17:00 (journeys 1 and
    6); ``steps`` names the pages checked on the way (``<steps>-meeting-...``)."""
    expect = _expect()
    title, day = meeting
    journey.visit(coordinator, JENA, "/workspace/board/meetings/new/", f"{steps}-meeting-form")
    coordinator.locator("[name=title]").fill(title)
    coordinator.locator("[name=date]").fill(day.isoformat())
    coordinator.locator("[name=start_time]").fill("17:00")
    coordinator.locator("[name=location]").fill(location)
    journey.submit(coordinator)
    expect(coordinator.locator("h1")).to_contain_text(title)
    journey.check(coordinator, f"{steps}-meeting-planned")


def _admit(
    journey,
    board,
    company: str,
    meeting: tuple,
    steps: str,
    *,
    present: int,
    yes: int,
    abstain: int,
) -> None:
    """From the applications list, the board member opens ``company``'s application and
    admits it in the board ``meeting`` (title, day) with these votes and none against;
    the decided application then links to the new partner. ``steps`` names the pages
    checked on the way (``<steps>-application`` ...)."""
    expect = _expect()
    title, day = meeting
    board.get_by_role("link", name=company).click()
    expect(board.locator("h1")).to_have_text(company)
    journey.check(board, f"{steps}-application")
    board.locator("a[href$='/decide/']").click()
    journey.check(board, f"{steps}-decision-form")
    board.locator("[name=meeting]").select_option(label=f"{title} ({day:%d.%m.%Y})")
    board.locator("input[name=outcome][value=admit]").check()
    board.locator("[name=members_present]").fill(str(present))
    board.locator("[name=votes_yes]").fill(str(yes))
    board.locator("[name=votes_no]").fill("0")
    board.locator("[name=votes_abstain]").fill(str(abstain))
    journey.submit(board)
    expect(board.locator("dl.facts a[href*='/workspace/partners/']")).to_have_text(company)
    journey.check(board, f"{steps}-admitted")


# ---------------------------------------------------------------- 2. regional meeting


def test_regional_meeting_invitations_and_replies(journey):
    from regional.models import Response

    expect = _expect()
    title = "Regionaltreffen Nord (Browser-Test)"
    day = timezone.localdate() + datetime.timedelta(days=21)

    office = journey.person("state coordinator")
    journey.login(office, STATE, "land@demo.example", next_path="/meetings/")
    journey.check(office, "meetings")
    journey.visit(office, STATE, "/meetings/new/", "meeting-form")
    office.locator("[name=title]").fill(title)
    office.locator("[name=kind]").select_option("regional")
    office.locator("[name=date]").fill(day.isoformat())
    office.locator("[name=start_time]").fill("10:00")
    office.locator("[name=end_time]").fill("15:00")
    office.locator("[name=place]").fill("Rathaus Sondershausen, Großer Saal")
    office.locator("[name=description]").fill("Austausch der Bündnisse im Norden Thüringens.")
    journey.submit(office)
    expect(office.locator("h1")).to_have_text(title)
    journey.check(office, "meeting-scheduled")
    meeting_url = office.url

    office.locator("main .actions a[href$='/invitations/']").click()
    journey.check(office, "invitations")
    office.get_by_label("Lokales Bündnis für Familie Jena", exact=True).check()
    office.get_by_label("Lokales Bündnis für Familie Bad Frankenhausen", exact=True).check()
    journey.submit(office)
    expect(office.locator("main table")).to_contain_text("jena@demo.example")
    expect(office.locator("main table")).to_contain_text("badfrankenhausen@demo.example")
    journey.check(office, "invitation-list")
    office.locator("main a[href$='/invitations/send/']").first.click()
    journey.check(office, "send-invitations")
    journey.submit(office)
    journey.check(office, "invitations-sent")
    # The invitation e-mails went out (eager Celery, outbox, file backend).
    assert _invitation_link(journey, "jena@demo.example", title)
    link = _invitation_link(journey, "badfrankenhausen@demo.example", title)
    # On the configured site address with its port, not a bare host.
    assert link.startswith(journey.url(STATE, "/meetings/reply/")), link

    # Bad Frankenhausen's coordinator answers through the link in the e-mail, in a
    # browser that is not logged in (the reply page is reached by its token alone).
    invitee = journey.person("invitee bad frankenhausen")
    invitee.goto(link)
    expect(invitee.locator("h1")).to_have_text(title)
    journey.check(invitee, "reply-from-email")
    invitee.locator(f"input[name=response][value={Response.DECLINED.value}]").check()
    journey.submit(invitee)
    # Chromium sent the form with the page's real Origin: no 403 CSRF failure.
    assert invitee.url == link, invitee.url
    expect(invitee.locator("main strong").first).to_have_text(_german(Response.DECLINED.label))
    expect(invitee.locator("[role=status], .messages").first).to_contain_text(
        _german(gettext_lazy("Thank you, your reply has been saved."))
    )
    journey.check(invitee, "reply-from-email-saved")

    # Jena's coordinator answers on the alliance's own host.
    for who, host, email, response in (
        ("coordinator jena", JENA, "jena@demo.example", Response.ATTENDING),
    ):
        short = host.split(".")[0]
        page = journey.person(who)
        journey.login(page, host, email, next_path="/workspace/regional/")
        journey.check(page, f"{short}-invited-meetings")
        page.get_by_role("link", name=title).click()
        expect(page.locator("h1")).to_have_text(title)
        journey.check(page, f"{short}-invited-meeting")
        page.locator(f"input[name=response][value={response.value}]").check()
        journey.submit(page)
        expect(page.locator("main strong").first).to_have_text(_german(response.label))
        journey.check(page, f"{short}-replied")

    # The office sees both replies.
    office.goto(meeting_url)
    journey.check(office, "replies")
    rows = office.locator("main table").last.locator("tbody tr")
    jena_row = rows.filter(has_text="jena@demo.example").filter(has_not_text="badfrankenhausen")
    expect(jena_row).to_contain_text(_german(Response.ATTENDING.label))
    expect(rows.filter(has_text="badfrankenhausen@demo.example")).to_contain_text(
        _german(Response.DECLINED.label)
    )
    journey.finish()


def _invitation_link(journey, address: str, title: str) -> str:
    """The reply link in the invitation e-mail sent to ``address`` for ``title``."""
    mails = [m for m in journey.server.mails(to=address) if title in str(m["Subject"])]
    assert len(mails) == 1, [str(m["Subject"]) for m in journey.server.mails(to=address)]
    text = journey.server.mail_text(mails[0])
    match = re.search(r"https?://\S+/meetings/reply/[^/\s]+/", text)
    assert match, text
    return match.group(0)


# ---------------------------------------------------------------- 3. ministry


def test_ministry_downloads_the_released_report(journey):
    from pypdf import PdfReader

    from kernel.pdf import latin1

    expect = _expect()
    ministry = journey.person("ministry")
    journey.login(ministry, STATE, "ministerium@demo.example", next_path="/dashboard/")
    assert ministry.url.endswith("/dashboard/"), ministry.url
    expect(ministry.locator("main svg").first).to_be_visible()
    journey.check(ministry, "dashboard")

    ministry.locator("main a[href='/reports/']").click()
    journey.check(ministry, "released-reports")
    ministry.locator("main table a[href^='/reports/']").first.click()
    assert re.search(r"/reports/\d+/$", ministry.url), ministry.url
    journey.check(ministry, "report")
    title = ministry.locator("h1").inner_text().strip()

    with ministry.expect_download() as download_info:
        ministry.locator("main a[href$='/files/pdf/']").click()
    download = download_info.value
    content = Path(download.path()).read_bytes()
    assert content.startswith(b"%PDF"), content[:20]
    reader = PdfReader(io.BytesIO(content))
    assert reader.metadata.title == latin1(title)
    assert len(reader.pages) > 1
    text = reader.pages[0].extract_text()
    assert latin1(title).split()[0] in text
    (journey.folder / download.suggested_filename).write_bytes(content)
    journey.finish()


# ---------------------------------------------------------------- 4. accounts


def test_password_reset_through_the_emailed_link_and_switching_hosts(journey):
    expect = _expect()
    # Not the board member's login: the "Partner werden" journey logs in with it and the
    # demo password afterwards (both run against one server database).
    address = "pool@demo.example"
    new_password = "Ein-neues-Passwort-fuer-den-Browser-2026"

    # A member of Jena's childcare pool asks for a new password on Jena's host.
    member = journey.person("pool staff resetting the password")
    journey.visit(member, JENA, "/accounts/password/reset/", "password-reset")
    member.locator("input[name=email]").fill(address)
    journey.submit(member)
    assert member.url == journey.url(JENA, "/accounts/password/reset/sent/"), member.url
    journey.check(member, "password-reset-sent")

    # The link in the e-mail actually sent: Jena's host with the site's port.
    [mail] = journey.server.mails(to=address)
    match = re.search(r"https?://\S+/accounts/password/reset/\S+/", journey.server.mail_text(mail))
    assert match, journey.server.mail_text(mail)
    link = match.group(0)
    assert link.startswith(journey.url(JENA, "/accounts/password/reset/")), link

    member.goto(link)
    expect(member.locator("input[name=new_password1]")).to_be_visible()
    journey.check(member, "password-choose")
    member.locator("input[name=new_password1]").fill(new_password)
    member.locator("input[name=new_password2]").fill(new_password)
    journey.submit(member)
    assert member.url == journey.url(JENA, "/accounts/password/reset/done/"), member.url
    journey.check(member, "password-saved")

    # The new password works; without a page to return to, the login lands on the
    # alliance's workspace (not on "Mein Konto").
    journey.login(member, JENA, address, password=new_password, step="login-new-password")
    assert member.url == journey.url(JENA, "/workspace/"), member.url
    journey.check(member, "workspace-after-login")

    # The state coordinator switches to Jena through the header's switcher: the
    # hand-off is bound to this browser (a cookie on Jena's host) and logs in there.
    office = journey.person("state coordinator switching")
    journey.login(office, STATE, "land@demo.example")
    assert office.url == journey.url(STATE, "/dashboard/"), office.url
    journey.check(office, "dashboard-after-login")
    office.locator("details.switcher summary").click()
    with office.expect_navigation():
        office.locator("details.switcher a[href*='to=jena.localhost']").click()
    assert office.url == journey.url(JENA, "/workspace/"), office.url
    expect(office.locator("main")).to_be_visible()
    journey.check(office, "switched-to-jena")
    journey.finish()


# ---------------------------------------------------------------- 5. childcare pool (carers)


def test_childcare_pool_register_match_and_place(journey):
    """Jena's coordinator registers a carer with her checks, matches a family's request
    for night care to her and makes the placement from the matching list."""
    expect = _expect()
    today = timezone.localdate()
    coordinator = journey.person("coordinator jena")
    journey.login(coordinator, JENA, "jena@demo.example", next_path="/workspace/carers/new/")
    journey.check(coordinator, "carer-form")
    coordinator.locator("[name=first_name]").fill("Paula")
    coordinator.locator("[name=last_name]").fill("Browsertest")
    coordinator.locator("[name=email]").fill("paula.browsertest@mail.example")
    coordinator.locator("[name=phone]").fill("0151 2345678")
    coordinator.locator("[name=status]").select_option("vetted")
    for slot in ("evenings", "nights"):
        coordinator.locator(f"input[name=availability][value={slot}]").check()
    coordinator.locator("[name=languages]").fill("Deutsch, Spanisch")
    for name, days in (("police_clearance_on", 40), ("first_aid_on", 30), ("training_on", 20)):
        coordinator.locator(f"[name={name}]").fill((today - datetime.timedelta(days)).isoformat())
    journey.submit(coordinator)
    expect(coordinator.locator("h1")).to_have_text("Paula Browsertest")
    journey.check(coordinator, "carer-registered")

    journey.visit(coordinator, JENA, "/workspace/carers/match/", "carer-match-form")
    coordinator.locator("[name=kind]").select_option("night")
    start = today + datetime.timedelta(days=3)
    coordinator.locator("[name=start_date]").fill(start.isoformat())
    coordinator.locator("input[name=slots][value=nights]").check()
    coordinator.locator("[name=language_wish]").fill("Spanisch")
    journey.submit(coordinator, form="main form.filters")
    row = coordinator.locator("tr", has_text="Paula Browsertest")
    expect(row).to_have_count(1)
    journey.check(coordinator, "carer-matched")
    with coordinator.expect_navigation():
        row.get_by_role("link", name=_german(gettext_lazy("Create placement"))).click()
    journey.check(coordinator, "placement-form")
    expect(coordinator.locator("[name=start_date]")).to_have_value(start.isoformat())
    coordinator.locator("[name=family_name]").fill("Familie B.")
    coordinator.locator("[name=children_count]").fill("2")
    coordinator.locator("[name=children_ages]").fill("2, 5")
    coordinator.locator("[name=hours_per_month]").fill("16")
    journey.submit(coordinator)
    expect(coordinator.locator("h1")).to_have_text("Familie B.")
    expect(coordinator.locator("dl.facts")).to_contain_text("Paula Browsertest")
    journey.check(coordinator, "placement-created")


# ---------------------------------------------------------------- 6. "Partner werden"


def test_partner_application_from_the_public_page_to_the_board_decision(journey):
    expect = _expect()
    company = "Kinderleicht Kita-Service GmbH (Browser-Test)"
    address = "lena.kurz@kinderleicht.example"
    today = timezone.localdate()
    meeting_title = "Kuratorium: Online-Bewerbungen (Browser-Test)"

    # A company finds the alliance's public page and applies online.
    visitor = journey.person("applicant")
    journey.visit(visitor, JENA, "/", "site-start")
    visitor.locator(".site-nav a[href='/partner-werden/']").click()
    journey.check(visitor, "site-apply-form")
    visitor.locator("[name=organisation_name]").fill(company)
    visitor.locator("[name=kind]").select_option("company")
    visitor.locator("[name=size_class]").select_option("small")
    visitor.locator("[name=city]").fill("Jena")
    visitor.locator("[name=contact_name]").fill("Lena Kurz")
    visitor.locator("[name=contact_email]").fill(address)
    visitor.locator("[name=statement]").fill("Betreuung in Randzeiten für Schichtdienste.")
    visitor.locator("[name=privacy_consent]").check()
    # A person takes a moment; the form refuses what is sent within seconds of showing it.
    visitor.wait_for_timeout(3100)
    journey.submit(visitor)
    assert visitor.url.endswith("/partner-werden/danke/"), visitor.url
    journey.check(visitor, "site-apply-sent")
    assert journey.server.mails(to=address)

    # The coordinator sees the application and plans the board's meeting.
    coordinator = journey.person("coordinator jena")
    journey.login(coordinator, JENA, "jena@demo.example", next_path="/workspace/")
    expect(coordinator.locator("main")).to_contain_text(company)
    journey.check(coordinator, "site-coordinator-workspace")
    _plan_board_meeting(journey, coordinator, (meeting_title, today), "Rathaus Jena", "site")

    # The board decides in the existing workflow.
    board = journey.person("board member jena")
    journey.login(board, JENA, "kuratorium.jena@demo.example", next_path="/workspace/applications/")
    journey.check(board, "site-board-applications")
    _admit(
        journey, board, company, (meeting_title, today), "site-board", present=6, yes=6, abstain=0
    )
    assert len(journey.server.mails(to=address)) == 2  # received, then admitted
    journey.finish()


# ---------------------------------------------------------------- 7.-10. issue 17
# These journeys live in modules of their own, so that each file stays short, but run
# here, on this module's one server and browser: pytest collects the test functions
# imported into a module.

from tests.browser.journeys_first_day import (  # noqa: E402, F401
    test_coordinators_first_day_in_a_new_alliance,
)
from tests.browser.journeys_records import (  # noqa: E402, F401
    test_audit_trail_shows_a_change_filtered_and_exported,
    test_printing_board_minutes_to_pdf,
    test_state_office_reminds_an_alliances_non_responders,
)
