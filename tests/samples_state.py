"""Sample records of the state area (public schema), all with one id.

The page walks (permission matrix, German UI, form markup) discover every route and
fill each ``<int:...>`` with the same id, so every state-layer model with a page gets one
record under that id here. ``seed_state_records`` makes the records every walk needs;
``seed_every_state_record`` adds one of each remaining state-area model for the walk
that asks every route, detail routes included, as every role.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from federal import models as federal
from regional import models as regional
from tenants.models import State
from tenants.roles import Role

RECORD_ID = 990001
# A state's official key in a route (``<state_key>``): Thuringia, the home state.
STATE_KEY = "16"
# Its logo as seed_every_state_record names it (the walk stores a file there).
STATE_LOGO_FILE = f"states/{STATE_KEY}/logo-sample.png"


def home_office(**values: str) -> None:
    """Give the home state's office a host organisation, an address in Erfurt, an
    e-mail address and a phone number (``values`` change or add fields)."""
    office = {
        "host_organisation": "Träger der Landeskoordinierung e. V.",
        "address": "Anger 7\n99084 Erfurt",
        "email": "land@example.org",
        "phone": "0361 123456",
        **values,
    }
    State.objects.filter(key=STATE_KEY).update(**office)


# The statistics run's day; also a meeting day that has passed.
TAKEN_ON = datetime.date(2026, 1, 15)


def seed_state_records(
    alliance,
    *,
    meeting_on: datetime.date | None = None,
    invitation: dict[str, Any] | None = None,
    requested_by=None,
    released: bool = False,
    setup_slug: str = "",
) -> int:
    """A meeting (with an agenda item and ``alliance``'s invitation), an alliance setup
    with a task, a report and a statistics run, each with id ``RECORD_ID``.

    The meeting lies 60 days ahead unless ``meeting_on`` says otherwise, so the reply
    forms are shown; ``invitation`` overrides the invitation's fields (its token, the
    invited user); a ``released`` report is the one alliances and the ministry read.
    """
    meeting = regional.RegionalMeeting.objects.create(
        pk=RECORD_ID,
        title="Regionaltreffen Mitte",
        date=meeting_on or timezone.localdate() + datetime.timedelta(days=60),
        start_time=datetime.time(10),
        end_time=datetime.time(15),
        place="Rathaus Erfurt",
    )
    regional.AgendaItem.objects.create(pk=RECORD_ID, meeting=meeting, position=1, title="Begrüßung")
    regional.Invitation.objects.create(
        **{
            "pk": RECORD_ID,
            "meeting": meeting,
            "alliance": alliance,
            "name": "Koordination Jena",
            "email": "koordination@jena.example",
            **(invitation or {}),
        }
    )
    setup = regional.AllianceSetup.objects.create(
        pk=RECORD_ID, place="Sömmerda", district="16068", slug=setup_slug
    )
    regional.SetupTask.objects.create(pk=RECORD_ID, setup=setup, title="Auftaktgespräch")
    release = (
        {
            "status": regional.ReportStatus.RELEASED,
            "snapshot_date": TAKEN_ON,
            "released_at": timezone.now(),
        }
        if released
        else {}
    )
    regional.Report.objects.create(pk=RECORD_ID, title="Bericht 2025", year=2025, **release)
    regional.StatisticsRun.objects.create(
        pk=RECORD_ID, taken_on=TAKEN_ON, requested_by=requested_by
    )
    return RECORD_ID


def seed_every_state_record(alliance, *, title: str, library_file: str) -> int:
    """``seed_state_records`` (a past meeting, a released report) plus one record of
    every other state-area model with a detail route: snapshot, workshop with table and
    registration, certification template parts, mailing, and a library document with
    its version stored at ``library_file``; the home state's logo is ``STATE_LOGO_FILE``.
    ``title`` names the records that have one."""
    seed_state_records(alliance, meeting_on=TAKEN_ON, released=True, setup_slug="musterstadt")
    meeting = regional.RegionalMeeting.objects.get(pk=RECORD_ID)
    regional.RegionalAttachment.objects.create(
        pk=RECORD_ID, meeting=meeting, title="Flyer", file="regional/none.pdf"
    )
    regional.AllianceSnapshot.objects.create(
        pk=RECORD_ID, alliance=alliance, taken_on=TAKEN_ON, year=TAKEN_ON.year
    )
    workshop = regional.RegionalWorkshop.objects.create(pk=RECORD_ID, meeting=meeting, capacity=9)
    regional.RegionalTable.objects.create(pk=RECORD_ID, workshop=workshop, title="Tisch")
    regional.RegionalRegistration.objects.create(
        pk=RECORD_ID, workshop=workshop, name="Gast", email="gast@example.org"
    )
    group = regional.TemplateGroup.objects.create(pk=RECORD_ID, key="gruppe", name=title)
    regional.TemplateCriterion.objects.create(pk=RECORD_ID, group=group, text=title)
    regional.CertificationTemplate.objects.create(pk=RECORD_ID, key="vorlage", name=title)
    regional.Mailing.objects.create(
        pk=RECORD_ID, subject=title, body="Text", groups=["coordinators"]
    )
    # Shown to every role that reads the libraries (both hosts), in all alliances.
    document = regional.StateDocument.objects.create(
        pk=RECORD_ID, title=title, audience=[r.value for r in Role if r != Role.POOL_STAFF]
    )
    regional.StateDocumentVersion.objects.create(
        pk=RECORD_ID, document=document, number=RECORD_ID, file=library_file
    )
    State.objects.filter(key=STATE_KEY).update(logo=STATE_LOGO_FILE)
    seed_federal_records(alliance, title=title, library_file=library_file)
    return RECORD_ID


def seed_federal_records(alliance, *, title: str, library_file: str = "") -> None:
    """The federal office's records, each with id ``RECORD_ID``: a programme ``alliance``
    takes part in (so its state's office sees it), a milestone, a shared document with
    its version at ``library_file``, and a published alliance of the month."""
    programme = federal.Programme.objects.create(
        pk=RECORD_ID,
        name=title,
        kind=federal.ProgrammeKind.PILOT_PROJECT,
        starts_on=TAKEN_ON,
    )
    federal.Participation.objects.create(
        pk=RECORD_ID, programme=programme, alliance=alliance, joined_on=TAKEN_ON
    )
    federal.Milestone.objects.create(
        pk=RECORD_ID, programme=programme, title=title, due_on=TAKEN_ON
    )
    document = federal.ProgrammeDocument.objects.create(
        pk=RECORD_ID, programme=programme, title=title
    )
    federal.ProgrammeDocumentVersion.objects.create(
        pk=RECORD_ID, document=document, number=RECORD_ID, file=library_file or "library/x.pdf"
    )
    federal.Award.objects.create(
        pk=RECORD_ID,
        month=TAKEN_ON.replace(day=1),
        alliance=alliance,
        citation=title,
        published=True,
    )
