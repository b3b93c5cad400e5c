"""Demo content of the document libraries: the state office's guide, templates and
report, and Jena's own documents (each a small PDF made here, some in two versions)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.text import slugify
from django_tenants.utils import tenant_context

from core.models import AllianceDocument
from core.services.library import alliance_document_add_version, alliance_document_create
from demo.alliances import coordinator_email
from kernel.pdf import FPDF, latin1
from regional.models import StateDocument
from regional.services.library import state_document_add_version, state_document_create
from tenants.models import Alliance, User
from tenants.roles import Role

LC, BM, PC, MIN = (Role.LOCAL_COORDINATOR, Role.BOARD_MEMBER, Role.PARTNER_CONTACT,
                   Role.MINISTRY)  # fmt: skip

# (title, description, tags, audience, for which alliances (None: all), version notes)
STATE_DOCUMENTS = [
    ("Leitfaden Öffentlichkeitsarbeit für Lokale Bündnisse",
     "Wie ein Bündnis Presse, Website und soziale Medien nutzt, mit Beispielen aus Thüringen.",
     "Leitfaden, Öffentlichkeitsarbeit", [LC, BM], None,
     ["Erste Fassung", "Ergänzt um soziale Medien"]),
    ("Vorlage Kooperationsvereinbarung",
     "Mustertext für Vereinbarungen mit Unternehmen und Verwaltung (DOCX folgt).",
     "Vorlage, Partner", [LC, PC], None, ["Mustertext 2026"]),
    ("Jahresbericht 2025 der Landeskoordinierungsstelle",
     "Bericht an das Ministerium über die Arbeit der Bündnisse im Jahr 2025.",
     "Bericht", [LC, MIN], None, ["Endfassung"]),
    ("Vorlage Fördermittelantrag Familienzeit",
     "Antragsvorlage für das Modellprojekt Familienzeit (nur teilnehmende Bündnisse).",
     "Vorlage, Förderung", [LC], ["jena"], ["Entwurf"]),
]  # fmt: skip

ALLIANCE_DOCUMENTS = [
    ("Geschäftsordnung des Kuratoriums", "Beschlossen in der Kuratoriumssitzung im März.",
     "Kuratorium, Satzung", [BM], ["Beschlossene Fassung"]),
    ("Einladungsvorlage Partnertreffen", "Briefvorlage für die Einladung der Partner.",
     "Vorlage", [BM, PC], ["Vorlage", "Neues Logo"]),
    ("Haushaltsplan 2026", "Entwurf der Koordination.", "Haushalt", [], ["Entwurf"]),
]  # fmt: skip


def demo_pdf(title: str, note: str) -> SimpleUploadedFile:
    """A one-page PDF naming the document and its version."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 8, latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, latin1(f"{note} (Demodaten)"), new_x="LMARGIN", new_y="NEXT")
    name = f"{slugify(title)[:60]}.pdf"
    return SimpleUploadedFile(name, bytes(pdf.output()), content_type="application/pdf")


def seed_state_library(*, actor) -> int:
    """The state office's documents; returns how many were created (0: they exist)."""
    if StateDocument.objects.exists():
        return 0
    with transaction.atomic():
        for title, description, tags, audience, slugs, notes in STATE_DOCUMENTS:
            alliances = list(Alliance.objects.filter(slug__in=slugs or ()))
            document = state_document_create(
                actor=actor, title=title, description=description, tags=tags,
                audience=audience, for_all_alliances=slugs is None, alliances=alliances,
                file=demo_pdf(title, notes[0]), note=notes[0],
            )  # fmt: skip
            for note in notes[1:]:
                state_document_add_version(
                    actor=actor, document=document, file=demo_pdf(title, note), note=note
                )
    return len(STATE_DOCUMENTS)


def seed_alliance_library(slug: str = "jena") -> int:
    """Jena's own documents; returns how many were created (0: they exist or no Jena)."""
    alliance = Alliance.objects.filter(slug=slug).first()
    if alliance is None:
        return 0
    actor = User.objects.filter(email=coordinator_email(slug)).first()
    with tenant_context(alliance):
        if AllianceDocument.objects.exists():
            return 0
        with transaction.atomic():
            for title, description, tags, audience, notes in ALLIANCE_DOCUMENTS:
                document = alliance_document_create(
                    actor=actor, title=title, description=description, tags=tags,
                    audience=audience, file=demo_pdf(title, notes[0]), note=notes[0],
                )  # fmt: skip
                for note in notes[1:]:
                    alliance_document_add_version(
                        actor=actor, document=document, file=demo_pdf(title, note), note=note
                    )
    return len(ALLIANCE_DOCUMENTS)
