"""Demo care guides and cooperation agreements of one alliance (careguides).

The partners the partner seeding chose to have care guides get named, trained guides
(most trained at the IHK or a care fund's course, a few refreshers due soon, one who
stopped); Jena and a few other alliances get their cooperation agreements, Jena's with
the city-centre initiative signed at its anniversary retreat in October 2024. Drawn from
a generator of its own, so the rest of the demo stays as it was.
"""

from __future__ import annotations

import datetime
import random

from core.models import AgreementRenewal, AgreementStatus
from core.services import agreements, careguides
from core.services.board import add_months
from demo.workspace_vocabulary import FIRST_NAMES, LAST_NAMES, ascii_slug

COURSES = [
    "Betriebliche Pflegelotsen – IHK Ostthüringen",
    "Pflegelotsen-Schulung der AOK PLUS",
    "Qualifizierung „Pflege und Beruf“ – Landesprogramm Thüringen",
]

# slug -> (organisation, subject, months ago signed, term in months or None, renewal,
#          notice weeks, public, status)
AGREEMENTS = {
    "jena": [
        ("Initiative Innenstadt Jena", "Gemeinsam für eine familienfreundliche Innenstadt: "
         "engere Zusammenarbeit beider Netzwerke", None, None, AgreementRenewal.NOTICE, 12,
         True, AgreementStatus.SIGNED),
        ("Netzwerk Frühe Hilfen Jena", "Weitervermittlung junger Familien und gemeinsame "
         "Elternsprechstunden", 26, 36, AgreementRenewal.NONE, None, True,
         AgreementStatus.SIGNED),
        ("Seniorenbeirat der Stadt Jena", "Generationenprojekte und Pflegeberatung in "
         "Betrieben", 1, None, AgreementRenewal.NONE, None, False, AgreementStatus.DRAFT),
    ],
    "badfrankenhausen": [
        ("Kyffhäuser Tourismusverband", "Familienangebote in den Sommerferien", 30, 24,
         AgreementRenewal.NONE, None, False, AgreementStatus.SIGNED),
    ],
    "erfurt": [
        ("Netzwerk Frühe Hilfen Erfurt", "Gemeinsame Elternsprechstunden", 14, 24,
         AgreementRenewal.AUTOMATIC, 8, True, AgreementStatus.SIGNED),
    ],
    "weimar": [
        ("Mehrgenerationenhaus Weimar", "Pflegeberatung für Beschäftigte der Bündnispartner",
         22, 24, AgreementRenewal.NONE, None, True, AgreementStatus.SIGNED),
    ],
    "gera": [
        ("IHK Ostthüringen zu Gera", "Gemeinsame Ansprache von Unternehmen zur Vereinbarkeit",
         8, 36, AgreementRenewal.AUTOMATIC, 12, True, AgreementStatus.SIGNED),
    ],
}  # fmt: skip

# Jena's agreement was signed at the anniversary retreat in the Volkshaus.
JENA_SIGNED_ON = datetime.date(2024, 10, 18)


class CareGuideSeeding:
    """Mixed into the workspace seed; needs ``alliance``, ``actor``, ``today``,
    ``partners`` and ``count``."""

    def seed_careguides(self, specs) -> None:
        rng = random.Random(f"buendnisnetz-demo-careguides:{self.alliance.slug}")  # noqa: S311
        wanted = {spec.name: spec.care_guides for spec in specs if spec.care_guides}
        for partner in self.partners:
            for _number in range(wanted.get(partner.name, 0)):
                first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
                trained_on = self.today - datetime.timedelta(days=rng.randint(60, 900))
                careguides.care_guide_create(
                    actor=self.actor,
                    partner=partner,
                    name=f"{first} {last}",
                    email=f"{ascii_slug(first)}.{ascii_slug(last)}@pflegelotsen.example",
                    training_course=rng.choice(COURSES),
                    trained_on=trained_on,
                )
                self.count("care_guides")
        self.seed_agreements()

    def seed_agreements(self) -> None:
        for row in AGREEMENTS.get(self.alliance.slug, []):
            organisation, subject, months_ago, months, renewal, notice, public, status = row
            if months_ago is None:
                signed_on = JENA_SIGNED_ON
            else:
                signed_on = add_months(self.today, -months_ago)
            until = add_months(signed_on, months) if months else None
            agreements.agreement_create(
                actor=self.actor,
                organisation=organisation,
                subject=subject,
                status=status,
                signed_on=signed_on if status != AgreementStatus.DRAFT else None,
                signed_by_alliance="Koordinierungsstelle des Lokalen Bündnisses für Familie",
                signed_by_other=f"Vorstand {organisation}" if status != "draft" else "",
                valid_from=signed_on if status != AgreementStatus.DRAFT else None,
                valid_until=until,
                renewal=renewal,
                notice_weeks=notice,
                is_public=public,
            )
            self.count("agreements")
