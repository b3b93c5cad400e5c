"""Demo content of the fundraising circle (Förderkreis), called from
``demo.workspace._WorkspaceSeed.run``.

Jena's circle is fifteen years old and has given just over 107,000 EUR to projects
(the alliance's own report); members pay yearly fees, the family hiking day
(Familienwandertag) and the Christmas cards (Weihnachtskarten) bring money in every
year, and some members have their collective receipts for last year. The other
alliances' circles are younger and smaller.

History is written in bulk (it has no audit trail of its own in real life either);
the receipt settings and the receipts go through the services.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from core.models import (
    FundingEntry,
    FundingKind,
    FundraisingAction,
    GrantStatus,
    PartnerKind,
    Project,
    ProjectGrant,
    Supporter,
    SupporterKind,
)
from core.services import fundraising as services

# Jena: what the circle gave to projects per year, oldest first (15 years).
JENA_GRANTS = [
    2400, 3150, 4200, 4800, 5350, 6100, 6700, 7250, 7900, 8400, 8650, 9100, 9800, 10200,
    13320,
]  # fmt: skip
JENA_GRANT_PURPOSES = [
    "Zuschuss Familienwandertag",
    "Ferienbetreuung für Kinder von Schichtarbeitenden",
    "Elterncafé im Stadtteil",
    "Notfallbetreuung Kinderbetreuungspool",
    "Familienfest im Paradiespark",
    "Pflegelotsen-Schulung",
    "Sprachpatenschaften für Familien",
]
SMALL_GRANT_PURPOSES = ["Ferienprogramm", "Familienfest", "Elternabende", "Spielplatzaktion"]


class FundraisingSeeding:
    """Mixed into the workspace seed: ``seed_fundraising()`` after the funding."""

    def seed_fundraising(self) -> None:
        flagship = self.profile.flagship
        years = 15 if flagship else self.rng.randint(3, 6)
        first_year = self.today.year - years + 1
        services.settings_update(
            actor=self.actor,
            recipient=f"Förderkreis Lokales Bündnis für Familie {self.town} e. V.",
            recipient_address=f"Markt 1, {self.profile.postcode} {self.town}",
            purpose=(
                "der Jugendhilfe sowie des Schutzes von Ehe und Familie "
                "(§ 52 Abs. 2 Satz 1 Nr. 4 und 19 AO)"
            ),
            tax_office=f"Finanzamt {self.town}",
            tax_number=f"16{self.rng.randint(1, 9)}/{self.rng.randint(100, 999)}/"
            f"{self.rng.randint(10000, 99999)}",
            exemption_notice_on=self.today - datetime.timedelta(days=400),
            assessment_period=f"{self.today.year - 4} bis {self.today.year - 2}",
            place=self.town,
            signatory=" ".join(self.person()) + ", Vorsitz",
        )
        members = self._seed_supporters(first_year, 28 if flagship else self.rng.randint(5, 9))
        self._seed_fees(members, first_year)
        self._link_partner_money()
        self._seed_actions(first_year, flagship)
        self._seed_grants(first_year, flagship)
        self._seed_receipts(members[: 5 if flagship else 1])

    def _seed_supporters(self, first_year: int, how_many: int) -> list[Supporter]:
        people = []
        for number in range(how_many):
            first, last = self.person()
            joined = datetime.date(
                first_year + self.rng.randint(0, self.today.year - first_year),
                self.rng.randint(1, 12),
                self.rng.randint(1, 28),
            )
            joined = min(joined, self.today)
            left = None
            if number % 7 == 6 and joined.year < self.today.year - 1:
                left = self.day_between(joined, self.today - datetime.timedelta(days=30))
            people.append(
                Supporter(
                    kind=SupporterKind.PERSON,
                    name=f"{first} {last}",
                    street=f"{self.rng.choice(['Wagner', 'Löbder', 'Saale', 'Linden'])}"
                    f"straße {self.rng.randint(1, 90)}",
                    postcode=self.profile.postcode,
                    city=self.town,
                    email=f"{first.lower()}.{last.lower()}@example.org".replace("ä", "ae")
                    .replace("ö", "oe")
                    .replace("ü", "ue")
                    .replace("ß", "ss"),
                    joined_on=joined,
                    left_on=left,
                    yearly_fee=Decimal(self.rng.choice([24, 36, 36, 60, 120])),
                )
            )
        created = Supporter.objects.bulk_create(people)
        self.count("supporters", len(created))
        return created

    def _seed_fees(self, members: list[Supporter], first_year: int) -> None:
        """Each member's fee every year of membership, and now and then a donation."""
        entries = []
        for member in members:
            end = member.left_on or self.today
            for year in range(max(member.joined_on.year, first_year), end.year + 1):
                day = datetime.date(year, 3, self.rng.randint(1, 28))
                if member.joined_on <= day <= end:
                    entries.append(
                        self._entry(member, FundingKind.MEMBERSHIP_FEE, member.yearly_fee, day)
                    )
                if self.rng.random() < 0.25:
                    day = datetime.date(year, 12, self.rng.randint(1, 20))
                    if member.joined_on <= day <= end:
                        amount = Decimal(self.rng.choice([50, 100, 150, 250]))
                        entries.append(self._entry(member, FundingKind.DONATION, amount, day))
        FundingEntry.objects.bulk_create(entries)
        self.count("funding_entries", len(entries))

    def _entry(self, member, kind, amount, day) -> FundingEntry:
        return FundingEntry(
            kind=kind, amount=amount, received_on=day, supporter=member, purpose="Förderkreis"
        )

    def _link_partner_money(self) -> None:
        """The partners' fees and donations (seed_funding) come from supporters too."""
        payers = set(
            FundingEntry.objects.filter(
                kind__in=[FundingKind.DONATION, FundingKind.MEMBERSHIP_FEE],
                partner__isnull=False,
                supporter__isnull=True,
            ).values_list("partner_id", flat=True)
        )
        by_id = {p.pk: p for p in self.partners}
        for partner_id in sorted(payers):
            partner = by_id[partner_id]
            supporter = Supporter.objects.create(
                kind=SupporterKind.ORGANISATION,
                name=partner.name,
                partner=partner,
                street=partner.street,
                postcode=partner.postcode,
                city=partner.city,
                joined_on=partner.joined_on if partner.kind == PartnerKind.COMPANY else None,
            )
            FundingEntry.objects.filter(partner=partner, supporter__isnull=True).exclude(
                kind=FundingKind.GRANT
            ).update(supporter=supporter)
            self.count("supporters")

    def _seed_actions(self, first_year: int, flagship: bool) -> None:
        actions = []
        for year in range(first_year, self.today.year + 1):
            hike = datetime.date(year, 6, self.rng.randint(1, 28))
            cards = datetime.date(year, 12, self.rng.randint(1, 15))
            rows = [("Familienwandertag", hike, (1800, 3400), (350, 900))]
            if flagship or year % 2 == 0:
                rows.append(("Weihnachtskarten-Aktion", cards, (1100, 2600), (280, 650)))
            for title, day, income, costs in rows:
                if day > self.today:
                    continue
                scale = 1 if flagship else 0.4
                actions.append(
                    FundraisingAction(
                        title=f"{title} {year}",
                        date=day,
                        income=Decimal(int(self.rng.randint(*income) * scale)),
                        costs=Decimal(int(self.rng.randint(*costs) * scale)),
                        description=f"{title} des Förderkreises in {self.town}.",
                    )
                )
        FundraisingAction.objects.bulk_create(actions)
        self.count("fundraising_actions", len(actions))

    def _seed_grants(self, first_year: int, flagship: bool) -> None:
        projects = list(Project.objects.order_by("pk"))
        grants = []
        for offset, year in enumerate(range(first_year, self.today.year + 1)):
            total = JENA_GRANTS[offset] if flagship else self.rng.choice([400, 600, 800, 1200])
            parts = [total] if total < 5000 else [total - total // 3, total // 3]
            for index, amount in enumerate(parts):
                decided = datetime.date(year, 3 + 4 * index, self.rng.randint(1, 28))
                decided = min(decided, self.today)
                recent = year >= self.today.year - 1
                project = self.rng.choice(projects) if projects and recent else None
                purposes = JENA_GRANT_PURPOSES if flagship else SMALL_GRANT_PURPOSES
                if year == self.today.year:
                    status, proof = GrantStatus.PAID, None
                else:
                    status = GrantStatus.PROOF_RECEIVED
                    proof = min(datetime.date(year + 1, 2, 15), self.today)
                grants.append(
                    ProjectGrant(
                        project=project,
                        amount=Decimal(amount),
                        purpose=project.title if project else self.rng.choice(purposes),
                        decided_on=decided,
                        status=status,
                        proof_received_on=proof,
                    )
                )
        ProjectGrant.objects.bulk_create(grants)
        self.count("project_grants", len(grants))

    def _seed_receipts(self, members: list[Supporter]) -> None:
        """Last year's collective receipts for a few members, through the service."""
        for member in members:
            years = [
                d.year
                for d in member.funding_entries.filter(
                    received_on__year=self.today.year - 1
                ).values_list("received_on", flat=True)
            ]
            if years:
                services.receipt_issue_collective(
                    actor=self.actor, supporter=member, year=self.today.year - 1
                )
                self.count("donation_receipts")
