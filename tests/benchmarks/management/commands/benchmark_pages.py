"""Server time of the HTML pages people use most, beside the state dashboard (measured
with the statistics): the coordinator's partner list, a board meeting's page in the
alliance's workspace and a regional meeting's page on the state host.

Each page is asked in this process through the test client (no network, no browser),
as the person who uses it, once to warm the caches and then ``requests`` times; the
result gives the median, the spread and the page's number of queries. That the number
of queries stays the same however many rows a page shows is asserted by the tests
(tests/core/test_partners.py, tests/core/test_board.py, tests/regional/test_meetings.py),
not here.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.test import Client
from django.utils import timezone
from django_tenants.utils import schema_context

from core.models import BoardMeeting, Partner
from core.services import board
from regional.models import RegionalMeeting
from regional.services.invitations import invitations_add
from regional.services.meetings import agenda_item_create, meeting_create
from tenants.models import User
from tests.benchmarks.common import Measurement, format_seconds, median_ms
from tests.benchmarks.management.commands.benchmark_api import api_alliance_and_token
from tests.benchmarks.management.commands.benchmark_statistics import (
    _state_coordinator,
    timed_gets,
)

MEETING_TITLE = "Benchmark-Regionaltreffen"
AGENDA_ITEMS = 8
INVITED = 40  # about one state's alliances


def _regional_meeting() -> RegionalMeeting:
    """The benchmark's regional meeting with its agenda and 40 invitations (made once)."""
    meeting = RegionalMeeting.objects.filter(title=MEETING_TITLE).first()
    if meeting is not None:
        return meeting
    meeting = meeting_create(
        actor=None, title=MEETING_TITLE, kind="regional",
        date=timezone.localdate() + datetime.timedelta(days=20),
        start_time=datetime.time(10), end_time=datetime.time(15), place="Erfurt",
    )  # fmt: skip
    for number in range(AGENDA_ITEMS):
        agenda_item_create(
            actor=None, meeting=meeting, title=f"Punkt {number + 1}", duration_minutes=30
        )
    people = [(f"Koordination {n:02d}", f"bench-invite-{n:02d}@example.org")
              for n in range(INVITED)]  # fmt: skip
    invitations_add(actor=None, meeting=meeting, people=people)
    return meeting


def _board_meeting() -> BoardMeeting:
    """The alliance's latest board meeting, given an agenda of ``AGENDA_ITEMS`` once."""
    meeting = BoardMeeting.objects.order_by("-date").first()
    for number in range(meeting.agenda_items.count(), AGENDA_ITEMS):
        # A past meeting's agenda is locked: a change gives its reason.
        board.agenda_item_create(actor=None, meeting=meeting, title=f"Punkt {number + 1}",
                                 reason="Tagesordnung für den Benchmark")  # fmt: skip
    return meeting


def _row(name: str, size: str, samples: list[float], queries: int) -> Measurement:
    median = median_ms(samples) / 1000
    spread = f"{format_seconds(min(samples))}–{format_seconds(max(samples))}"
    return Measurement(
        name, size,
        f"{format_seconds(median)} ({len(samples)} requests, {spread}); {queries} queries",
        "", None,
    )  # fmt: skip


def measure(requests: int, log=print) -> list[Measurement]:
    alliance, _token = api_alliance_and_token()
    coordinator = User.objects.get(memberships__alliance=alliance)
    with schema_context(alliance.schema_name):
        partners = Partner.objects.count()
        meeting = _board_meeting()
    client = Client(HTTP_HOST=f"{alliance.slug}.{settings.BASE_DOMAIN}")
    client.force_login(coordinator)
    rows = []
    samples, queries = timed_gets(client, "/workspace/partners/", requests)
    rows.append(_row("coordinator's partner list `GET /workspace/partners/`, first page",
                     f"1 alliance, {partners} partners", samples, queries))  # fmt: skip
    log(f"  partner list: {rows[-1].result}")
    samples, queries = timed_gets(client, f"/workspace/board/meetings/{meeting.pk}/", requests)
    rows.append(_row("board meeting page `GET /workspace/board/meetings/<id>/`",
                     f"1 alliance, {AGENDA_ITEMS} agenda items", samples, queries))  # fmt: skip
    log(f"  board meeting: {rows[-1].result}")
    regional = _regional_meeting()
    office = Client(HTTP_HOST="localhost")
    office.force_login(_state_coordinator())
    samples, queries = timed_gets(office, f"/meetings/{regional.pk}/", requests)
    size = f"{AGENDA_ITEMS} agenda items, {INVITED} invitations"
    rows.append(_row("regional meeting page `GET /meetings/<id>/` (state office)",
                     size, samples, queries))  # fmt: skip
    log(f"  regional meeting: {rows[-1].result}")
    return rows
