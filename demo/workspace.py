"""Demo content of one alliance's workspace, for ``manage.py seed_demo`` (``make demo``).

``seed_workspace(alliance, actor=...)`` fills an alliance's schema with two years of
invented but plausible work: partners (mostly employers) with contact persons and
measures, the board (Kuratorium) with its quarterly meetings, agendas and minutes,
admissions decided at those meetings, projects, working groups, events, the funding
circle, the family seal, the summer holiday programme and the family guide. Everything
goes through the same services the pages use, so each record has its audit entry.

Deterministic: each alliance draws from ``random.Random`` seeded with its slug (never
the global generator) and dates are relative to ``today``, so a rerun on the same day
and the tests produce the same data. Idempotent: an alliance that has partners already
is left alone. Jena gets the full programme (about 70 partners, an eight-member board,
the childcare pool, the seal, the holiday programme); the others less, by their size.
"""

from __future__ import annotations

import contextlib
import datetime
import random
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from core.models import (
    EventKind,
    FundingKind,
    Partner,
    PartnerKind,
    ProjectStatus,
)
from core.services import funding, holidays, projects, seal
from core.services.board import add_months
from demo.careguides import CareGuideSeeding
from demo.carers import seed_childcare_pool
from demo.certification import seed_certification
from demo.fundraising import FundraisingSeeding
from demo.publicsite import seed_public_site
from demo.workshops import seed_workshops
from demo.workspace_board import BoardSeeding
from demo.workspace_partners import PartnerSeeding
from demo.workspace_vocabulary import (
    CHILDCARE_POOL,
    GUIDE_ENTRIES,
    HOLIDAY_OFFERS,
    JENA_PROJECTS,
    LAST_NAMES,
    PROFILES,
    SEAL_CRITERIA,
    SEAL_YEARS,
    SMALL_PROJECTS,
    TOWNS,
    WORKING_GROUPS,
    WorkspaceProfile,
    _weekday_on_or_after,
    ascii_slug,
)
from tenants.models import Alliance


class _WorkspaceSeed(PartnerSeeding, BoardSeeding, CareGuideSeeding, FundraisingSeeding):
    """Builds one alliance's content; ``counts`` says what was created."""

    def __init__(self, alliance: Alliance, actor, today: datetime.date) -> None:
        self.alliance = alliance
        self.actor = actor
        self.today = today
        # Invented data, not secrets: a seeded generator makes it the same every run.
        self.rng = random.Random(f"buendnisnetz-demo:{alliance.slug}")  # noqa: S311
        self.profile = PROFILES.get(alliance.slug) or WorkspaceProfile(
            12, "99084", "0361", alliance.slug.capitalize()
        )
        self.town = TOWNS.get(alliance.slug, alliance.name.split()[-1])
        self.window_start = today - datetime.timedelta(days=730)
        founded = alliance.founded_on or datetime.date(2010, 1, 1)
        self.founded = min(founded, self.window_start - datetime.timedelta(days=365))
        self.counts: dict[str, int] = {}
        self.names: set[str] = set()
        self.measures: dict[str, Any] = {}
        self.partners: list[Partner] = []

    # ------------------------------------------------------------ the programme

    def run(self) -> None:
        self.seed_measures()
        specs = self.partner_specs()
        self.seed_partners(specs)
        members = self.seed_board()
        meetings = self.seed_board_meetings(members)
        self.seed_admissions(specs, meetings)
        self.seed_projects()
        self.seed_working_groups()
        self.seed_events()
        self.seed_funding()
        self.seed_seals()
        self.seed_holiday_offers()
        self.seed_guide()
        seed_childcare_pool(self)  # carers
        # workshops
        seed_workshops(self)
        self.seed_careguides(specs)  # careguides
        seed_public_site(self)  # publicsite
        # certification
        seed_certification(self)
        # fundraising
        self.seed_fundraising()

    # ------------------------------------------------------------ projects and work

    def seed_projects(self) -> None:
        companies = self.active_partners(PartnerKind.COMPANY)
        agencies = self.active_partners(PartnerKind.SOCIAL_AGENCY) or self.active_partners()
        if self.profile.flagship:
            rows = JENA_PROJECTS
        else:
            picked = self.rng.sample(SMALL_PROJECTS, self.rng.randint(2, 4))
            rows = [
                (title.format(town=self.town), topic, self.rng.randint(4, 26),
                 self.rng.choice([None, None, 9]), groups, families + self.rng.randint(0, 30),
                 str(self.rng.choice([0, 1500, 3000, 5000])), "Landkreis")
                for title, topic, groups, families in picked
            ]  # fmt: skip
        for title, topic, months_ago, months, groups, families, amount, source in rows:
            start = add_months(self.today, -months_ago)
            end = add_months(start, months) if months else None
            if start > self.today:
                status = ProjectStatus.PLANNED
            elif end is not None and end < self.today:
                status = ProjectStatus.FINISHED
            else:
                status = ProjectStatus.RUNNING
            shift = title == CHILDCARE_POOL
            members = self.rng.sample(companies, min(len(companies), 8 if shift else 4))
            projects.project_create(
                actor=self.actor,
                title=title,
                topic=topic,
                status=status,
                description="Ein Pool geprüfter Betreuungskräfte betreut Kinder von Beschäftigten "
                "im Schichtdienst früh morgens, abends und am Wochenende, auch kurzfristig."
                if shift
                else f"Ein Vorhaben des Bündnisses in {self.town}.",
                start_date=start,
                end_date=end,
                lead_partner=self.rng.choice(agencies),
                target_groups=list(groups),
                families_reached=0 if status == ProjectStatus.PLANNED else families,
                funding_amount=Decimal(amount),
                funding_source=source,
                partners=members,
            )
            self.count("projects")

    def seed_working_groups(self) -> None:
        groups = WORKING_GROUPS if self.profile.flagship else WORKING_GROUPS[:2]
        everyone = self.active_partners()
        for number, (name, topic, description) in enumerate(groups):
            members = self.rng.sample(everyone, min(len(everyone), self.rng.randint(4, 9)))
            first, last = self.person()
            projects.working_group_create(
                actor=self.actor,
                name=name,
                topic=topic,
                description=description,
                chair=f"{first} {last}",
                is_active=number < 3,
                members=members,
            )
            self.count("working_groups")

    def seed_events(self) -> None:
        """Recurring events from two years ago until four months ahead."""
        flagship = self.profile.flagship
        end = self.today + datetime.timedelta(days=120)
        yearly = [
            ("Familienwandertag", EventKind.HIKING_DAY, 9, 6, (120, 300)),
            ("Familientag im Park", EventKind.FAMILY_DAY, 6, 5, (300, 900)),
        ]
        twice = [("Netzwerktreffen der Bündnispartner", EventKind.NETWORK, (20, 50))]
        if flagship:
            yearly.append(("Unternehmerfrühstück „Familie lohnt sich“", EventKind.INFORMATION,
                           3, 1, (20, 45)))  # fmt: skip
            twice += [
                ("Infoabend Pflege und Beruf", EventKind.INFORMATION, (20, 60)),
                ("Schulung Betriebliche Pflegelotsen", EventKind.TRAINING, (8, 16)),
            ]
        events = []
        for year in range(self.window_start.year, end.year + 1):
            for title, kind, month, weekday, people in yearly:
                day = _weekday_on_or_after(datetime.date(year, month, 8), weekday)
                events.append((title, kind, day, people))
            for title, kind, people in twice:
                for month in (4, 10):
                    day = _weekday_on_or_after(datetime.date(year, month, 10), 2)
                    day += datetime.timedelta(days=7 * self.rng.randint(0, 2))
                    events.append((title, kind, day, people))
        for title, kind, day, (low, high) in events:
            if not self.window_start <= day <= end:
                continue
            past = day <= self.today
            projects.event_create(
                actor=self.actor,
                title=title,
                kind=kind,
                date=day,
                start_time=datetime.time(10, 0) if day.weekday() >= 5 else None,
                place=self.town,
                participant_count=self.rng.randint(low, high) if past else None,
                description=f"{title} des Bündnisses in {self.town}.",
            )
            self.count("events")

    def seed_funding(self) -> None:
        """Membership fees early each year, donations through the year, a yearly grant."""
        companies = self.active_partners(PartnerKind.COMPANY)
        payers = companies[: max(3, len(companies) // (3 if self.profile.flagship else 4))]
        for year in range(self.window_start.year, self.today.year + 1):
            entries = []
            for partner in payers:
                day = datetime.date(year, 2, 1) + datetime.timedelta(days=self.rng.randint(0, 50))
                amount = Decimal(self.rng.choice([120, 240, 240, 480]))
                entries.append((FundingKind.MEMBERSHIP_FEE, amount, day, partner, ""))
            for _number in range(3 if self.profile.flagship else 1):
                day = datetime.date(year, self.rng.randint(3, 12), self.rng.randint(1, 28))
                amount = Decimal(self.rng.choice([250, 500, 1000, 1500, 2500]))
                entries.append((FundingKind.DONATION, amount, day, self.rng.choice(companies), ""))
            day = datetime.date(year, 4, self.rng.randint(1, 28))
            grant = Decimal(self.rng.choice([5000, 7500, 10000, 15000]))
            entries.append((FundingKind.GRANT, grant, day, None, "Landesprogramm LSZ"))
            for kind, amount, day, partner, donor in entries:
                if not self.window_start <= day <= self.today:
                    continue
                funding.funding_entry_create(
                    actor=self.actor,
                    kind=kind,
                    amount=amount,
                    received_on=day,
                    partner=partner,
                    donor=donor,
                    purpose="Bündnisarbeit" if kind != FundingKind.GRANT else "Projekte",
                )
                self.count("funding_entries")

    # ------------------------------------------------------------ seal

    def seed_seals(self) -> None:
        """The seal's criteria and applications: valid seals (some expiring within weeks),
        expired ones, some in review, one submitted, one not awarded."""
        criteria_rows = SEAL_CRITERIA if self.profile.flagship else SEAL_CRITERIA[:3]
        for position, (text, required) in enumerate(criteria_rows, start=1):
            seal.criterion_create(
                actor=self.actor,
                text=text,
                position=position,
                is_required=required,
            )
        companies = self.rng.sample(
            self.active_partners(PartnerKind.COMPANY),
            len(self.active_partners(PartnerKind.COMPANY)),
        )
        if self.profile.flagship:
            plan = ["expiring"] * 3 + ["expired"] * 2 + ["awarded"] * 6
            plan += ["review", "review", "submitted", "rejected"]
        else:
            plan = ["awarded"] * self.rng.randint(1, 2) + ["expiring"]
            plan += ["review"] if self.rng.random() < 0.5 else []
        for kind, partner in zip(plan, companies, strict=False):
            self.seal_application(kind, partner)
            self.count("seal_applications")

    def seal_application(self, kind: str, partner: Partner) -> None:
        if kind == "expiring":  # valid for three years, ending within the next weeks
            awarded = add_months(self.today, -12 * SEAL_YEARS) + datetime.timedelta(
                days=self.rng.randint(8, 50)
            )
        elif kind == "expired":
            awarded = add_months(self.today, -12 * SEAL_YEARS - self.rng.randint(2, 10))
        else:
            awarded = self.day_between(self.window_start, self.today - datetime.timedelta(days=20))
        submitted = awarded - datetime.timedelta(days=self.rng.randint(30, 70))
        if kind in ("review", "submitted", "rejected"):
            submitted = self.today - datetime.timedelta(days=self.rng.randint(10, 60))
        application = seal.seal_application_create(
            actor=self.actor,
            partner=partner,
            submitted_on=submitted,
            reviewer="Koordinierungsstelle",
        )
        if kind == "submitted":
            return
        checks = list(application.checks.all())
        fulfilled = kind != "rejected"
        results = {
            check.pk: {"fulfilled": fulfilled or number % 2 == 0, "note": ""}
            for number, check in enumerate(checks)
        }
        if kind == "review":  # half way through
            results = dict(list(results.items())[: len(results) // 2])
        seal.seal_checklist_update(actor=self.actor, application=application, results=results)
        if kind == "rejected":
            seal.seal_reject(
                actor=self.actor,
                application=application,
                reason="Angebote zur Pflege und zur Elternzeit fehlen noch.",
            )
        elif kind != "review":
            seal.seal_award(
                actor=self.actor,
                application=application,
                awarded_on=awarded,
                valid_until=add_months(awarded, 12 * SEAL_YEARS),
            )

    # ------------------------------------------------------------ holidays and guide

    def seed_holiday_offers(self) -> None:
        """The summer holiday programme: Jena's of the last two summers and the next one
        (not published yet), the others' of last summer."""
        last_summer = self.today.year if self.today.month >= 9 else self.today.year - 1
        summers = [last_summer - 1, last_summer, last_summer + 1]
        if not self.profile.flagship:
            summers = [last_summer]
        organisers = (
            self.active_partners(PartnerKind.SOCIAL_AGENCY)
            + self.active_partners(PartnerKind.ASSOCIATION)
        ) or self.active_partners()
        per_summer = 8 if self.profile.flagship else 3
        for year in summers:
            offers = self.rng.sample(HOLIDAY_OFFERS, per_summer)
            for title, age_min, age_max, price in offers:
                start = _weekday_on_or_after(
                    datetime.date(year, 7, 6) + datetime.timedelta(days=7 * self.rng.randint(0, 5)),
                    0,
                )
                organiser = self.rng.choice(organisers)
                holidays.holiday_offer_create(
                    actor=self.actor,
                    title=title,
                    description=f"{title} für Kinder von {age_min} bis {age_max} Jahren.",
                    organiser=organiser.name,
                    partner=organiser,
                    start_date=start,
                    end_date=start + datetime.timedelta(days=4),
                    start_time=datetime.time(8, 30),
                    end_time=datetime.time(15, 30),
                    place=self.town,
                    age_min=age_min,
                    age_max=age_max,
                    price=Decimal(price),
                    max_participants=self.rng.choice([12, 15, 20, 25]),
                    registration=f"Anmeldung bei {organiser.name}",
                    is_published=year <= last_summer,
                )
                self.count("holiday_offers")

    def seed_guide(self) -> None:
        entries = GUIDE_ENTRIES if self.profile.flagship else self.rng.sample(GUIDE_ENTRIES, 4)
        domain = f"{ascii_slug(self.town)}.example"
        for title, category in entries:
            holidays.guide_entry_create(
                actor=self.actor,
                title=title,
                category=category,
                organisation=f"Stadt {self.town}",
                description=f"{title} für Familien in {self.town}.",
                address=f"{self.rng.choice(LAST_NAMES)}platz {self.rng.randint(1, 30)}, "
                f"{self.profile.postcode} {self.town}",
                phone=self.phone(),
                email=f"{ascii_slug(title)[:30].strip('-')}@{domain}",
                website=f"https://www.{domain}/familie",
                opening_hours="Mo–Do 9–16 Uhr, Fr 9–12 Uhr",
            )
            self.count("guide_entries")


def seed_workspace(
    alliance: Alliance, *, actor=None, today: datetime.date | None = None
) -> dict[str, int]:
    """Fill ``alliance``'s workspace with demo content unless it has partners already.

    Returns how many records of each kind were created (empty if it was left alone).
    One transaction: a failure leaves the workspace empty, so a rerun starts afresh.
    """
    today = today or timezone.localdate()
    with tenant_context(alliance):
        if Partner.objects.exists():
            return {}
        builder = _WorkspaceSeed(alliance, actor, today)
        with transaction.atomic(), without_savepoints():
            builder.run()
    return builder.counts


@contextlib.contextmanager
def without_savepoints() -> Iterator[None]:
    """The services' own transactions inside the seed's one without a savepoint each
    (two statements for every record, a third of all the seed sends). The seed catches no
    error: any failure rolls the whole workspace back, with or without savepoints."""
    features = connection.features
    features.uses_savepoints = False
    try:
        yield
    finally:
        del features.uses_savepoints  # the class's value again
