"""Partners of a demo workspace: the small tools every seeding step uses, measures,
partners with contact persons (a mixin of ``demo.workspace._WorkspaceSeed``)."""

from __future__ import annotations

import datetime

from core.models import (
    Partner,
    PartnerKind,
    PartnerStatus,
    SizeClass,
)
from core.services import partners
from demo.workspace_vocabulary import (
    CARE_GUIDE_MEASURE,
    FIRST_NAMES,
    LAST_NAMES,
    MEASURES,
    OTHER_KINDS,
    OTHER_PARTNERS,
    POSITIONS,
    SECTORS,
    _Spec,
    ascii_slug,
)


class PartnerSeeding:
    """Partners, measures and contacts; the shared small tools."""

    # ------------------------------------------------------------ small tools

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n

    def day_between(self, start: datetime.date, end: datetime.date) -> datetime.date:
        return start + datetime.timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def person(self) -> tuple[str, str]:
        return self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)

    def phone(self) -> str:
        return f"{self.profile.area_code} {self.rng.randint(200000, 899999)}"

    def unique(self, name: str) -> str | None:
        if name.lower() in self.names:
            return None
        self.names.add(name.lower())
        return name

    def company_name(self) -> str:
        while True:
            sector = self.rng.choice(SECTORS)
            pattern = self.rng.random()
            if pattern < 0.4:
                name = f"{self.rng.choice(LAST_NAMES)} {sector} GmbH"
            elif pattern < 0.65:
                name = f"{self.profile.adjective} {sector} GmbH"
            elif pattern < 0.8:
                name = f"{sector} {self.rng.choice(LAST_NAMES)} & {self.rng.choice(LAST_NAMES)}"
            elif pattern < 0.9:
                name = f"Thüringer {sector} GmbH & Co. KG"
            else:
                name = f"{sector} {self.rng.choice(LAST_NAMES)} e. K."
            if self.unique(name):
                return name

    def other_name(self, kind: str) -> str | None:
        for template in OTHER_PARTNERS[kind]:
            name = self.unique(template.format(town=self.town))
            if name:
                return name
        return None

    def mail(self, first: str, last: str, organisation: str) -> str:
        domain = ascii_slug(organisation)[:40].strip("-") or "demo"
        return f"{ascii_slug(first)}.{ascii_slug(last)}@{domain}.example"

    # ------------------------------------------------------------ partners

    def seed_measures(self) -> None:
        for name, category in MEASURES:
            self.measures[name] = partners.measure_create(
                actor=self.actor, name=name, category=category
            )
            self.count("measures")

    def partner_specs(self) -> list[_Spec]:
        """Who the partners are, when they joined (a quarter of them within the last two
        years, in Jena through the board's admissions) and who left or went quiet."""
        profile, rng = self.profile, self.rng
        total = profile.partners
        companies = round(total * profile.company_share)
        kinds = [PartnerKind.MUNICIPALITY]
        kinds += [OTHER_KINDS[n % len(OTHER_KINDS)] for n in range(total - companies - 1)]
        kinds += [PartnerKind.COMPANY] * companies
        sizes = [SizeClass.MICRO, SizeClass.SMALL, SizeClass.SMALL, SizeClass.MEDIUM]
        sizes += [SizeClass.MEDIUM, SizeClass.LARGE]
        specs = []
        for kind in kinds:
            if kind == PartnerKind.MUNICIPALITY:
                name = self.unique(f"Stadtverwaltung {self.town}")
            elif kind == PartnerKind.COMPANY:
                name = self.company_name()
            else:
                name = self.other_name(kind)
            if name is None:  # the town's list of such organisations is used up
                kind, name = PartnerKind.COMPANY, self.company_name()
            recent = rng.random() < 0.25 and kind != PartnerKind.MUNICIPALITY
            if recent:
                joined = self.day_between(self.window_start, self.today)
            else:
                joined = self.day_between(self.founded, self.window_start)
            specs.append(
                _Spec(
                    name=name,
                    kind=kind,
                    size_class=rng.choice(sizes) if kind == PartnerKind.COMPANY else (
                        SizeClass.NOT_APPLICABLE
                    ),
                    joined_on=joined,
                    via_admission=recent and profile.flagship,
                )
            )  # fmt: skip
        specs.sort(key=lambda spec: spec.joined_on)
        # Some long-standing partners left within the two years, one went quiet.
        leaving = max(1, total // 20)
        for spec in rng.sample([s for s in specs[1:] if s.joined_on < self.window_start], leaving):
            spec.status = PartnerStatus.LEFT
            spec.left_on = self.day_between(self.window_start, self.today)
        quiet = [s for s in specs[1:] if s.status == PartnerStatus.ACTIVE and not s.via_admission]
        rng.choice(quiet).status = PartnerStatus.DORMANT
        # Care guides: mostly in companies, as the share of the profile.
        active = [s for s in specs if s.status == PartnerStatus.ACTIVE and not s.via_admission]
        wanted = round(profile.care_guide_share * sum(s.status == "active" for s in specs))
        ranked = sorted(active, key=lambda s: (s.kind != PartnerKind.COMPANY, rng.random()))
        for spec in ranked[:wanted]:
            spec.care_guides = rng.choice([1, 1, 2, 2, 3, 4])
        return specs

    def measures_for(self, spec: _Spec) -> list:
        names = self.rng.sample([name for name, _c in MEASURES], self.rng.randint(1, 4))
        if spec.care_guides:
            names.append(CARE_GUIDE_MEASURE)
        return [self.measures[name] for name in dict.fromkeys(names)]

    def seed_partners(self, specs: list[_Spec]) -> None:
        for spec in specs:
            if spec.via_admission:
                continue
            partner = partners.partner_create(
                actor=self.actor,
                name=spec.name,
                kind=spec.kind,
                size_class=spec.size_class,
                street=f"{self.rng.choice(LAST_NAMES)}straße {self.rng.randint(1, 120)}",
                postcode=self.profile.postcode,
                city=self.town,
                website=f"https://www.{ascii_slug(spec.name)[:50].strip('-')}.example",
                joined_on=spec.joined_on,
                status=PartnerStatus.ACTIVE,
                public_listing_consent=self.rng.random() < 0.8,
                description=self.engagement(spec),
                measures=self.measures_for(spec),
            )
            self.count("partners")
            second = self.profile.flagship and self.rng.random() < 0.3
            self.seed_contacts(partner, 2 if second else 1)
            if spec.status == PartnerStatus.LEFT:
                partners.partner_leave(actor=self.actor, partner=partner, left_on=spec.left_on)
            elif spec.status == PartnerStatus.DORMANT:
                partners.partner_update(
                    actor=self.actor, partner=partner, status=PartnerStatus.DORMANT
                )
            self.partners.append(partner)

    def engagement(self, spec: _Spec) -> str:
        if spec.kind == PartnerKind.COMPANY:
            return self.rng.choice(
                [
                    "Flexible Arbeitszeiten und Unterstützung bei der Kinderbetreuung.",
                    "Schichtplanung mit Rücksicht auf Familien; Ferienbetreuung im Sommer.",
                    "Pflegelotsen im Betrieb und Freistellung für pflegende Angehörige.",
                    "Kontakthalteprogramm in der Elternzeit und Teilzeit in Führung.",
                ]
            )
        return "Beratung und Angebote für Familien in der Region."

    def seed_contacts(self, partner: Partner, how_many: int) -> None:
        for number in range(how_many):
            first, last = self.person()
            partners.contact_create(
                actor=self.actor,
                partner=partner,
                first_name=first,
                last_name=last,
                position=self.rng.choice(POSITIONS),
                email=self.mail(first, last, partner.name),
                phone=self.phone(),
                is_primary=number == 0,
            )
            self.count("contacts")

    def active_partners(self, kind: str | None = None) -> list[Partner]:
        found = [p for p in self.partners if p.status == PartnerStatus.ACTIVE]
        return [p for p in found if kind is None or p.kind == kind]
