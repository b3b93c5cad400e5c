"""The second state of the demo: Saxony's coordination office and its first meeting.

Thuringia stays the demo's home state; Saxony shows that one installation serves several
offices apart. Its four alliances are in ``demo.alliances.DEMO_ALLIANCES`` (Leipzig,
Dresden, Zwickau, Görlitz), its office's login and address in ``demo.alliances``. This
module adds what the office itself has done: a planned regional meeting in Dresden to
which its alliances' coordinators are invited. Everything is made inside Saxony's state
scope, as the office's own requests make it, so Thuringia's office never sees it.
``seed_saxony()`` is idempotent.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from demo.alliances import SAXONY, SAXONY_ACCOUNT
from regional.models import MeetingKind, RegionalMeeting
from regional.services import invitations, meetings
from tenants.models import Alliance, User
from tenants.scope import state_scope

MEETING_TITLE = "Regionaltreffen Sachsen"
HOST = "dresden"


def seed_saxony(*, today: datetime.date | None = None) -> int:
    """Saxony's planned regional meeting with its invitations; 1 if made, 0 if it exists."""
    today = today or timezone.localdate()
    office = User.objects.get(email=SAXONY_ACCOUNT[0])
    with state_scope(SAXONY), transaction.atomic():
        if RegionalMeeting.objects.filter(title=MEETING_TITLE).exists():
            return 0
        alliances = list(Alliance.objects.order_by("slug"))
        meeting = meetings.meeting_create(
            actor=office,
            title=MEETING_TITLE,
            kind=MeetingKind.REGIONAL,
            date=today + datetime.timedelta(days=42),
            start_time=datetime.time(10, 0),
            end_time=datetime.time(12, 30),
            place="Dresden, Rathaus",
            host_alliance=next((a for a in alliances if a.slug == HOST), None),
            moderation="Landeskoordination Sachsen",
            description="Erstes Treffen der sächsischen Bündnisse auf der gemeinsamen Plattform.",
        )
        invitations.invitations_add(actor=office, meeting=meeting, alliances=alliances)
    return 1
