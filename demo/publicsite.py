"""Demo content of an alliance's public site: its identity (colours, a generated logo,
address and contact), its awards, and in Jena two "Partner werden" applications waiting
for the board. The legal pages keep their default texts (made from these details)."""

from __future__ import annotations

import datetime
import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from core.services.publicsite import award_create, public_application_submit, site_identity_save

# (main colour, accent colour) per alliance; the others draw one of these.
COLOURS = {
    "jena": ("#1d4f91", "#f2c14e"),
    "badfrankenhausen": ("#2e6b30", "#e8b04a"),
    "erfurt": ("#a3262a", "#f4d35e"),
    "weimar": ("#4b2e83", "#f0c808"),
}
PALETTE = [("#0b5c8a", "#f2c14e"), ("#5a3d8a", "#9be3c7"), ("#7a1f5c", "#ffd166")]

MINISTRY = "Bundesministerium für Bildung, Familie, Senioren, Frauen und Jugend"
SERVICE_OFFICE = "Servicebüro Lokale Bündnisse für Familie (BMFSFJ)"
# From the alliances' own reports (see the domain texts): Jena "Bündnis des Monats"
# August 2025, Bad Frankenhausen June 2017.
AWARDS = {
    "jena": [
        (
            "Bündnis des Monats August 2025",
            MINISTRY,
            datetime.date(2025, 8, 1),
            True,
            "Für das umfassende Engagement: flexible Kinderbetreuung, Pflegelotsen, "
            "Kuratorium mit Partnern aus Wirtschaft und Stadt.",
        ),
        ("Familienfreundliches Netzwerk 2022", "Stadt Jena", datetime.date(2022, 11, 15), True, ""),
    ],
    "badfrankenhausen": [
        (
            "Bündnis des Monats Juni 2017",
            SERVICE_OFFICE,
            datetime.date(2017, 6, 1),
            True,
            "Frankenhäuser Familien Band",
        ),
    ],
    "erfurt": [
        (
            "Thüringer Familienpreis (Anerkennung) 2023",
            "Thüringer Ministerium für Soziales",
            datetime.date(2023, 9, 20),
            False,
            "Nur intern vermerkt, Urkunde im Büro.",
        ),
    ],
    "weimar": [
        (
            "Ehrenamtspreis der Stadt Weimar 2024",
            "Stadt Weimar",
            datetime.date(2024, 12, 5),
            True,
            "Für die Ferienbetreuung, die Ehrenamtliche des Bündnisses organisieren.",
        ),
    ],
}

APPLICANTS = [
    {
        "organisation_name": "Saaleblick Steuerberatung PartG",
        "kind": "company",
        "size_class": "small",
        "city": "Jena",
        "contact_name": "Miriam Hoffmann",
        "contact_email": "m.hoffmann@saaleblick-stb.example",
        "statement": "Wir bieten Gleitzeit ohne Kernzeit, Homeoffice und einen Zuschuss "
        "zur Kinderbetreuung und möchten in der AG Vereinbarkeit mitarbeiten.",
    },
    {
        "organisation_name": "Familienzentrum Lobeda e. V.",
        "kind": "association",
        "size_class": "n/a",
        "city": "Jena",
        "contact_name": "Jonas Weber",
        "contact_email": "weber@fz-lobeda.example",
        "statement": "Offene Elterncafés und Ferienangebote im Stadtteil; wir möchten "
        "sie mit dem Ferienfaltplan des Bündnisses bekannt machen.",
    },
]


def logo_png(colour: str, accent: str) -> bytes:
    """A small logo without lettering (no font needed): three figures of a family, big,
    middle and small, in the accent colour on the alliance's colour."""
    image = Image.new("RGB", (160, 80), colour)
    draw = ImageDraw.Draw(image)
    for left, radius, bottom in ((30, 14, 70), (70, 11, 70), (104, 8, 70)):
        centre = left + radius
        draw.ellipse((left, 16, left + 2 * radius, 16 + 2 * radius), fill=accent)
        draw.rounded_rectangle(
            (centre - radius, 18 + 2 * radius, centre + radius, bottom), radius // 2, fill=accent
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def seed_public_site(seed) -> None:
    """``seed`` is the workspace seed (demo.workspace._WorkspaceSeed) of one alliance."""
    alliance = seed.alliance
    rng = random.Random(f"buendnisnetz-demo-site:{alliance.slug}")  # noqa: S311
    primary, accent = COLOURS.get(alliance.slug) or rng.choice(PALETTE)
    first, last = (
        rng.choice(["Anna", "Katrin", "Thomas", "Sabine"]),
        rng.choice(["Vogel", "Schubert", "Krause", "Lehmann"]),
    )
    site_identity_save(
        actor=seed.actor,
        primary_colour=primary,
        accent_colour=accent,
        description=(
            f"Unternehmen, Stadt, Vereine und Kirchen in {seed.town}: gemeinsam für "
            "Familie, Beruf und Pflege."
        ),
        street=rng.choice(["Markt 1", "Rathausplatz 2", "Lindenstraße 12", "Bahnhofstraße 5"]),
        postcode=seed.profile.postcode,
        town=seed.town,
        contact_name=f"{first} {last}",
        contact_email=f"buendnis@{alliance.slug}.demo.example",
        contact_phone=f"{seed.profile.area_code} {rng.randint(200000, 899999)}",
        logo=SimpleUploadedFile("logo.png", logo_png(primary, accent), "image/png"),
    )
    for title, by, on, public, note in AWARDS.get(alliance.slug, []):
        award_create(
            actor=seed.actor, title=title, awarded_by=by, awarded_on=on, is_public=public, note=note
        )
    if seed.profile.flagship:
        for applicant in APPLICANTS:
            public_application_submit(privacy_consent=True, **applicant)
    seed.counts["awards"] = len(AWARDS.get(alliance.slug, []))
