"""`seed_demo` (run by `make demo`): a living platform of 20 demo alliances (16 in
Thuringia, 4 in Saxony) with two years of activity, idempotent, with working demo logins
and the addresses printed.

The seed is the one the browser journeys start from: the prepared demo database
(tests/browser/prepared.py, built once and kept as a PostgreSQL template: an empty
database migrated, the template schema, ``seed_demo`` with the 14 alliances no journey
visits at their smallest, as ``PROFILES`` allows; their sizes are checked on their own).
The test checks a copy of it (the ``prepared_demo`` fixture, tests/conftest.py) with
what the seed said when it ran, then runs the seed a second time on the copy. So one
test run seeds the demo once, not once for the journeys and once here.
"""

from __future__ import annotations

import datetime
import itertools
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone
from django_tenants.utils import tenant_context

from core.models import (
    Application,
    ApplicationStatus,
    BoardMeeting,
    BoardMember,
    Carer,
    ContactPerson,
    Event,
    FundingEntry,
    GuideEntry,
    HolidayOffer,
    MeetingStatus,
    MinutesStatus,
    Partner,
    PartnerKind,
    PartnerStatus,
    Placement,
    Project,
    SealApplication,
    SealStatus,
    WorkingGroup,
)
from core.selectors.carers import carers_with_expiring_checks
from demo import alliances as demo
from demo.state import STRATEGY_AGENDA, STRATEGY_TITLE
from demo.workspace_vocabulary import CHILDCARE_POOL, PROFILES
from kernel.audit.models import AuditEntry
from kernel.crud.records import record_update
from regional.models import (
    AllianceSetup,
    AllianceSnapshot,
    Invitation,
    RegionalMeeting,
    RegionalMeetingStatus,
    RegionalMinutesStatus,
    Report,
    ReportStatus,
    Response,
    SetupStage,
)
from tenants.models import Alliance, Domain, User
from tests.conftest import host_client


def _workspace_counts(alliance) -> tuple[int, ...]:
    with tenant_context(alliance):
        return (
            Partner.objects.count(),
            ContactPerson.objects.count(),
            BoardMeeting.objects.count(),
            Application.objects.count(),
            AuditEntry.objects.count(),
        )


def _platform_counts() -> dict:
    return {
        "alliances": Alliance.objects.count(),
        "domains": Domain.objects.count(),
        "users": User.objects.count(),
        "audit": AuditEntry.objects.count(),
        "snapshots": AllianceSnapshot.objects.count(),
        "meetings": RegionalMeeting.objects.count(),
        "invitations": Invitation.objects.count(),
        "setups": AllianceSetup.objects.count(),
        "reports": Report.objects.count(),
        "workspaces": [_workspace_counts(a) for a in Alliance.objects.order_by("slug")],
    }


def _active_partners(alliance) -> list[Partner]:
    with tenant_context(alliance):
        return list(Partner.objects.filter(status=PartnerStatus.ACTIVE))


@pytest.mark.slow
def test_seed_demo_builds_a_living_platform_and_a_second_run_changes_nothing(prepared_demo):
    """One test on purpose: the seed takes tens of seconds, so it is checked once."""
    today = timezone.localdate()

    # ---- 20 demo alliances in 20 districts: 16 in Thuringia, 4 in Saxony, marked demo
    alliances = list(Alliance.objects.order_by("slug"))
    assert len(alliances) == 20
    assert len({a.district for a in alliances}) == 20
    assert sorted(a.slug for a in alliances if a.state_id == "14") == [
        "dresden", "goerlitz", "leipzig", "zwickau",
    ]  # fmt: skip
    assert all(a.is_demo for a in alliances)
    assert {"jena", "badfrankenhausen"} <= {a.slug for a in alliances}

    # ---- Jena: about 70 partners, three quarters companies, a fifth with care guides
    jena = Alliance.objects.get(slug="jena")
    active = _active_partners(jena)
    assert 62 <= len(active) <= 78
    companies = sum(p.kind == PartnerKind.COMPANY for p in active)
    assert companies / len(active) >= 0.7
    with_guides = sum(p.care_guides_count > 0 for p in active)
    assert 0.15 <= with_guides / len(active) <= 0.25
    with tenant_context(jena):
        assert Partner.objects.filter(status=PartnerStatus.LEFT).exists()
        assert ContactPerson.objects.count() > len(active)
        joined = sorted(p.joined_on for p in active)
        assert joined[-1] > today - datetime.timedelta(days=365)  # growth in the window
        # The board: eight members, meeting quarterly; past minutes approved.
        assert BoardMember.objects.count() == 8
        dates = list(BoardMeeting.objects.order_by("date").values_list("date", flat=True))
        gaps = {(b.year - a.year) * 12 + b.month - a.month for a, b in itertools.pairwise(dates)}
        assert gaps == {3}
        held = BoardMeeting.objects.filter(status=MeetingStatus.HELD).order_by("date")
        assert held.count() >= 7
        assert all(m.minutes_status == MinutesStatus.APPROVED for m in held[: held.count() - 1])
        assert all(m.agenda_items.count() == 6 for m in held)
        assert BoardMeeting.objects.filter(status=MeetingStatus.PLANNED, date__gt=today).exists()
        # Admissions: decided at the meetings, some pending.
        assert Application.objects.filter(status=ApplicationStatus.PENDING).count() >= 3
        assert Application.objects.filter(status=ApplicationStatus.ADMITTED).count() >= 5
        assert Application.objects.filter(status=ApplicationStatus.REJECTED).exists()
        pool = Project.objects.get(title=CHILDCARE_POOL)
        assert pool.partners.count() == 8
        assert "shift_workers" in pool.target_groups
        # The seal: valid ones, some expiring within weeks, some expired.
        awarded = SealApplication.objects.filter(status=SealStatus.AWARDED)
        soon = awarded.filter(
            valid_until__gte=today, valid_until__lte=today + datetime.timedelta(60)
        )
        assert soon.count() >= 2
        assert awarded.filter(valid_until__lt=today).exists()
        assert SealApplication.objects.filter(status=SealStatus.IN_REVIEW).exists()
        assert HolidayOffer.objects.filter(start_date__month__in=[7, 8]).count() >= 16
        assert WorkingGroup.objects.count() >= 3
        assert GuideEntry.objects.count() >= 10
        assert Event.objects.filter(date__lt=today - datetime.timedelta(days=365)).exists()
        assert Event.objects.filter(date__gt=today).exists()
        assert FundingEntry.objects.count() >= 20
        # carers: about 45 in the pool, running placements, some paid for by the clinic
        assert Carer.objects.count() == 45
        assert Placement.objects.filter(status="running").count() >= 10
        assert Placement.objects.filter(partner__name__startswith="Universitätsklinikum").exists()
        assert carers_with_expiring_checks().exists()
        # Each record came through a service, with its audit entry.
        assert AuditEntry.objects.filter(action="core.partner.created").count() == (
            Partner.objects.count()
        )

    # ---- the smaller alliances
    frankenhausen = Alliance.objects.get(slug="badfrankenhausen")
    assert 11 <= len(_active_partners(frankenhausen)) <= 16
    for alliance in alliances:
        if alliance.slug not in ("jena", "badfrankenhausen"):
            assert len(_active_partners(alliance)) >= 7, alliance.slug

    # ---- two years of monthly statistics, and today's
    days = sorted(set(AllianceSnapshot.objects.values_list("taken_on", flat=True)))
    assert days[-1] == today
    assert (today - days[0]).days >= 700
    assert len(days) == 25
    assert AllianceSnapshot.objects.filter(taken_on=days[0]).count() == 20
    jena_old, jena_now = (
        AllianceSnapshot.objects.get(alliance=jena, taken_on=day) for day in (days[0], today)
    )
    assert jena_old.partners_total < jena_now.partners_total  # the trend shows growth

    # ---- regional meetings: past and upcoming, the strategy meeting with its agenda
    meetings = RegionalMeeting.objects.all()
    assert meetings.filter(date__lt=today, status=RegionalMeetingStatus.HELD).count() >= 4
    assert meetings.filter(date__gt=today, status=RegionalMeetingStatus.PLANNED).count() >= 2
    strategy = RegionalMeeting.objects.get(title=STRATEGY_TITLE)
    assert strategy.date < today
    assert strategy.minutes_status == RegionalMinutesStatus.PUBLISHED
    agenda = list(strategy.agenda.order_by("position"))
    assert [e.title for e in agenda] == [row[2] for row in STRATEGY_AGENDA]
    assert [e.start_time for e in agenda] == sorted(e.start_time for e in agenda)
    assert "Ministerin" in agenda[1].title
    assert "World Café" in agenda[5].title
    invitations = strategy.invitations.all()
    # Thuringia's office invited Thuringia's 16 alliances, none of Saxony's.
    assert invitations.filter(alliance__isnull=False).count() == 16
    assert not invitations.filter(alliance__state_id="14").exists()
    saxon_meeting = RegionalMeeting.everywhere.get(title="Regionaltreffen Sachsen")
    assert saxon_meeting.state_id == "14"
    assert {i.alliance.state_id for i in saxon_meeting.invitations.all()} == {"14"}
    assert invitations.filter(response=Response.ATTENDING).exists()
    assert invitations.filter(sent_at__isnull=True).count() == 0

    # ---- three setups at different stages, none active, checklists under way
    setups = list(AllianceSetup.objects.annotate(done=Count("tasks__done_on")))
    assert len(setups) == 3
    assert len({s.stage for s in setups}) == 3
    assert SetupStage.ACTIVE not in {s.stage for s in setups}
    assert all(0 < s.done < s.tasks.count() for s in setups)

    # ---- onboarding: the state office's starter templates; the alliance founded most
    # recently (Pößneck) greets its coordinator with a partly done first-run checklist
    from core.selectors.onboarding import checklist_progress
    from regional.models import StarterTemplate

    assert StarterTemplate.objects.filter(kind="working_group").count() >= 3
    progress = checklist_progress(schema_name="poessneck")
    assert 0 < progress.done < progress.total

    # ---- the released report, with its files
    report = Report.objects.get(status=ReportStatus.RELEASED)
    assert report.year == today.year - 1
    for field in (report.pdf_file, report.xlsx_file, report.csv_file):
        assert field.name
        assert field.storage.exists(field.name)
    assert report.pdf_file.read(5) == b"%PDF-"

    # ---- addressbook: the mailing to every alliance's coordinators, sent, no e-mails
    from regional.models import Mailing

    mailing = Mailing.objects.get(status="sent")
    assert mailing.recipients.filter(excluded=False).count() >= 16

    # ---- a second run changes nothing and says so
    counts = _platform_counts()
    second = StringIO()
    call_command("seed_demo", stdout=second)
    assert _platform_counts() == counts
    output = second.getvalue()
    assert "alliance jena: exists" in output
    assert "workspace jena: exists" in output
    assert "statistics: exist" in output
    assert "report to the ministry: exists" in output
    assert "starter templates: exist" in output
    assert "mailing to the coordinators: exists" in output  # addressbook
    assert "state documents: exist" in output
    assert "Jena's documents: exist" in output
    assert "created" not in output
    assert "http://localhost:8000/" in output
    assert "http://jena.localhost:8000/" in output
    assert "http://badfrankenhausen.localhost:8000/" in output
    assert "admin@demo.example" in output
    assert "demo-passwort" in output

    # ---- the logins work; the ministry sees the report, Jena's coordinator the badge
    # Two states' offices hold the same role: each login line names its state.
    lines = prepared_demo.seed_output.splitlines()
    assert any("land@demo.example" in line and "in Thüringen" in line for line in lines)
    assert any("land.sachsen@demo.example" in line and "in Sachsen" in line for line in lines)
    for email, _name, _role, slug in demo.DEMO_ACCOUNTS:
        assert email in prepared_demo.seed_output
        client = host_client(f"{slug}.localhost" if slug else "localhost")
        response = client.post(
            "/accounts/login/", {"username": email, "password": demo.DEMO_PASSWORD}
        )
        assert response.status_code == 302, email
        assert client.session.get("_auth_user_id") == str(User.objects.get(email=email).pk)
    assert User.objects.get(email=demo.SUPPORT_EMAIL).check_password(demo.DEMO_PASSWORD)
    # The coordinators of the other alliances are records, not logins.
    assert not User.objects.get(email=demo.coordinator_email("erfurt")).has_usable_password()
    ministry = host_client("localhost")
    ministry.force_login(User.objects.get(email="ministerium@demo.example"))
    assert ministry.get(f"/reports/{report.pk}/").status_code == 200
    coordinator = host_client("jena.localhost")
    coordinator.force_login(User.objects.get(email="jena@demo.example"))
    page = coordinator.get("/workspace/")
    assert page.status_code == 200
    assert 'class="demo-badge"' in page.content.decode()
    # The partner contact logs in and finds its own organisation (and its care guides).
    email, _name, slug = demo.PARTNER_CONTACT_LOGIN
    assert f"login {email}: created" in prepared_demo.seed_output
    contact = host_client(f"{slug}.localhost")
    answer = contact.post("/accounts/login/", {"username": email, "password": demo.DEMO_PASSWORD})
    assert answer.status_code == 302
    membership = User.objects.get(email=email).memberships.get()
    assert (membership.role, membership.alliance.slug) == ("partner_contact", "jena")
    assert membership.partner_id is not None
    assert (
        f"/workspace/partners/{membership.partner_id}/"
        in contact.get("/workspace/").content.decode()
    )
    own = contact.get(f"/workspace/partners/{membership.partner_id}/")
    assert own.status_code == 200
    assert "Pflegelotsen" in own.content.decode()


def test_demo_alliances_are_marked_in_the_api_the_alliance_list_and_their_pages(
    jena, badfrankenhausen
):
    record_update(
        actor=None, instance=jena, data={"is_demo": True}, action="tenants.alliance.marked_demo"
    )

    alliances = host_client("localhost").get("/api/v1/alliances/").json()["results"]
    assert {a["slug"]: a["is_demo"] for a in alliances} == {
        "jena": True,
        "badfrankenhausen": False,
    }
    state_home = host_client("localhost").get("/").content.decode()
    assert state_home.count('class="demo-badge"') == 1
    assert 'class="demo-badge"' in host_client("jena.localhost").get("/").content.decode()
    frankenhausen_page = host_client("badfrankenhausen.localhost").get("/").content.decode()
    assert 'class="demo-badge"' not in frankenhausen_page


def test_the_other_alliances_range_from_ten_to_fifty_partners():
    others = [
        p.partners for slug, p in PROFILES.items() if slug not in ("jena", "badfrankenhausen")
    ]
    assert len(others) == 18  # 14 more in Thuringia, 4 in Saxony
    assert min(others) == 10
    assert max(others) == 50
    assert set(PROFILES) == {data["slug"] for data in demo.DEMO_ALLIANCES}
