"""What each kind of audit action says, as a German sentence (through gettext), and
the names of the details services record beside a record's fields.

An action code's last part names what happened (``core.partner.admitted``: admitted);
each part has one sentence with the actor and the object. A part not listed here still
reads as a sentence (``GENERIC``), never as the dotted code.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The sentence of a part the list below does not know.
GENERIC = _("%(actor)s changed %(object)s")

VERBS = {
    # records
    "created": _("%(actor)s created %(object)s"),
    "updated": _("%(actor)s updated %(object)s"),
    "deleted": _("%(actor)s deleted %(object)s"),
    "removed": _("%(actor)s removed %(object)s"),
    "moved": _("%(actor)s moved %(object)s"),
    "marked": _("%(actor)s marked %(object)s"),
    "ticked": _("%(actor)s ticked off %(object)s"),
    "done": _("%(actor)s marked %(object)s as done"),
    "discarded": _("%(actor)s discarded %(object)s"),
    "reopened": _("%(actor)s reopened %(object)s"),
    "printed": _("%(actor)s printed %(object)s"),
    "exported": _("%(actor)s exported %(object)s"),
    "imported": _("%(actor)s imported %(object)s"),
    "uploaded": _("%(actor)s uploaded %(object)s"),
    "archived": _("%(actor)s archived %(object)s"),
    "restored": _("%(actor)s restored %(object)s"),
    # decisions
    "admitted": _("%(actor)s admitted %(object)s"),
    "rejected": _("%(actor)s rejected %(object)s"),
    "approved": _("%(actor)s approved %(object)s"),
    "accepted": _("%(actor)s accepted %(object)s"),
    "declined": _("%(actor)s declined %(object)s"),
    "adopted": _("%(actor)s adopted %(object)s"),
    "confirmed": _("%(actor)s confirmed %(object)s"),
    "deferred": _("%(actor)s deferred %(object)s"),
    "withdrawn": _("%(actor)s withdrew %(object)s"),
    "cancelled": _("%(actor)s cancelled %(object)s"),
    "revoked": _("%(actor)s revoked %(object)s"),
    "awarded": _("%(actor)s awarded %(object)s"),
    "issued": _("%(actor)s issued %(object)s"),
    "released": _("%(actor)s released %(object)s"),
    "published": _("%(actor)s published %(object)s"),
    "activated": _("%(actor)s activated %(object)s"),
    "requested": _("%(actor)s requested %(object)s"),
    "replied": _("%(actor)s replied to %(object)s"),
    "renewed": _("%(actor)s renewed %(object)s"),
    "completed": _("%(actor)s completed %(object)s"),
    "closed": _("%(actor)s closed %(object)s"),
    "signed": _("%(actor)s signed %(object)s"),
    "sent": _("%(actor)s sent %(object)s"),
    "assigned": _("%(actor)s assigned %(object)s"),
    "invited": _("%(actor)s invited %(object)s"),
    "registered": _("%(actor)s registered %(object)s"),
    "left": _("%(object)s left the alliance (recorded by %(actor)s)"),
    # processes
    "started": _("%(actor)s started %(object)s"),
    "failed": _("%(actor)s: %(object)s failed"),
    "retried": _("%(actor)s retried %(object)s"),
    "generated": _("%(actor)s generated %(object)s"),
    "generation_requested": _("%(actor)s requested the generation of %(object)s"),
    "generation_failed": _("%(actor)s: the generation of %(object)s failed"),
    "provisioned": _("%(actor)s set up %(object)s"),
    "provisioning_failed": _("%(actor)s: setting up %(object)s failed"),
    "provisioning_retried": _("%(actor)s retried setting up %(object)s"),
    "review_started": _("%(actor)s started the review of %(object)s"),
    "renewal_started": _("%(actor)s started the renewal of %(object)s"),
    "self_assessed": _("%(actor)s submitted the self-assessment of %(object)s"),
    "stage_changed": _("%(actor)s changed the stage of %(object)s"),
    "starter_copied": _("%(actor)s copied the starter templates into %(object)s"),
    "checklist_created": _("%(actor)s created the checklist of %(object)s"),
    # reminders and mail
    "reminded": _("%(actor)s sent a reminder about %(object)s"),
    "reminder_sent": _("%(actor)s sent a reminder about %(object)s"),
    "expiry_reminded": _("%(actor)s sent a reminder that %(object)s expires"),
    "invitations_sent": _("%(actor)s sent the invitations to %(object)s"),
    # meetings
    "held": _("%(actor)s recorded %(object)s as held"),
    "minutes_written": _("%(actor)s wrote the minutes of %(object)s"),
    "minutes_approved": _("%(actor)s approved the minutes of %(object)s"),
    "minutes_published": _("%(actor)s published the minutes of %(object)s"),
    "agenda_corrected": _("%(actor)s corrected the agenda of %(object)s"),
    "agenda_sent": _("%(actor)s sent the agenda of %(object)s to the invitees"),
    "minutes_sent": _("%(actor)s sent the minutes of %(object)s to the invitees"),
    "attendance_recorded": _("%(actor)s recorded the attendance at %(object)s"),
    "letter_sent": _("%(actor)s sent the letter about %(object)s to the applicant"),
    # workshops
    "moved_up": _("%(actor)s moved %(object)s up from the waiting list"),
    "assigned_by_wishes": _("%(actor)s assigned the places of %(object)s by the wishes"),
    "registrations_purged": _("%(actor)s deleted the registrations of %(object)s"),
    # personal data
    "anonymised": _("%(actor)s anonymised %(object)s"),
    "erased": _("%(actor)s erased %(object)s"),
}

# Parts that share a sentence with another (``reminded_first``: a reminder).
PREFIXES = {"reminded_": "reminded"}


# ---------------------------------------------------------------- the object's article
# The German sentences name their object with its article ("den Partner „Zeiss“"): the
# article follows the noun's grammatical gender and the case the sentence puts it in.

MASCULINE, FEMININE, NEUTER, PLURAL = "m", "f", "n", "p"
NOMINATIVE, ACCUSATIVE, DATIVE = "nominative", "accusative", "dative"

#: The grammatical gender of each object type's German name (its model's verbose name),
#: by model label. A type not listed (a name with two nouns, "Pflegelotse/-lotsin")
#: reads without an article.
GENDERS = {
    "tenants.alliance": NEUTER,  # Bündnis
    "tenants.domain": FEMININE,
    "tenants.membership": FEMININE,
    "tenants.ratecounter": MASCULINE,
    "tenants.state": NEUTER,  # Land
    "tenants.user": NEUTER,  # Benutzerkonto
    "audit.auditentry": MASCULINE,
    "mail.outboxemail": FEMININE,
    "mail.outboxattempt": MASCULINE,
    "regional.regionalmeeting": NEUTER,  # Regionaltreffen
    "regional.agendaitem": MASCULINE,  # Tagesordnungspunkt
    "regional.invitation": FEMININE,
    "regional.regionalattachment": FEMININE,  # Anlage
    "regional.walkin": FEMININE,  # Person
    "regional.calendarfeed": NEUTER,  # Abonnement
    "regional.templategroup": FEMININE,
    "regional.templatecriterion": NEUTER,
    "regional.certificationtemplate": FEMININE,  # Vorlage
    "regional.statelegalpage": FEMININE,  # Seite
    "regional.report": MASCULINE,  # Bericht
    "regional.alliancesetup": FEMININE,  # Bündnisgründung
    "regional.setuptask": MASCULINE,  # Checklistenpunkt
    "regional.startertemplate": FEMININE,
    "regional.statisticsrun": MASCULINE,
    "regional.alliancesnapshot": MASCULINE,  # Kennzahlen-Stand
    "regional.regionalworkshop": MASCULINE,
    "regional.regionalregistration": FEMININE,
    "regional.regionalseat": FEMININE,  # Platzzuweisung
    "regional.mailing": NEUTER,  # Rundschreiben
    "regional.mailingoptout": FEMININE,  # abgemeldete Adresse
    "regional.mailingrecipient": MASCULINE,  # Empfänger eines Rundschreibens
    "regional.statedocument": NEUTER,  # Dokument der Landeskoordinierungsstelle
    "regional.statedocumentversion": FEMININE,  # Version
    # federal
    "federal.programme": NEUTER,  # Programm
    "federal.participation": NEUTER,  # teilnehmendes Bündnis
    "federal.milestone": MASCULINE,  # Meilenstein
    "federal.programmedocument": NEUTER,  # Programmdokument
    "federal.programmedocumentversion": FEMININE,  # Version
    "federal.award": NEUTER,  # Bündnis des Monats
    "core.alliancedocument": NEUTER,  # Dokument
    "core.alliancedocumentversion": FEMININE,  # Version
    "core.measure": FEMININE,
    "core.partner": MASCULINE,
    "core.contactperson": FEMININE,
    "core.application": MASCULINE,  # Aufnahmeantrag
    "core.decision": MASCULINE,  # Beschluss
    "core.cooperationagreement": FEMININE,
    "core.boardmember": NEUTER,  # Kuratoriumsmitglied
    "core.meetingtemplate": FEMININE,
    "core.boardmeeting": FEMININE,  # Kuratoriumssitzung
    "core.agendaitem": MASCULINE,
    "core.meetingattachment": FEMININE,
    "core.carer": FEMININE,  # Betreuungskraft
    "core.placement": MASCULINE,  # Einsatz
    "core.certificationprogramme": NEUTER,
    "core.criteriongroup": FEMININE,
    "core.fundingentry": MASCULINE,  # Eintrag
    "core.fundraisingaction": FEMININE,
    "core.projectgrant": MASCULINE,  # Zuschuss
    "core.donationreceipt": FEMININE,
    "core.circlesettings": PLURAL,  # Angaben
    "core.holidayoffer": NEUTER,
    "core.guideentry": MASCULINE,
    "core.checklistmark": FEMININE,
    "core.project": NEUTER,
    "core.workinggroup": FEMININE,
    "core.event": FEMININE,  # Veranstaltung
    "core.siteidentity": MASCULINE,  # Auftritt
    "core.award": FEMININE,
    "core.legalpage": FEMININE,
    "core.sealcriterion": NEUTER,
    "core.sealapplication": MASCULINE,
    "core.sealcheck": FEMININE,  # Kriterienprüfung
    "core.workshop": MASCULINE,
    "core.workshopregistration": FEMININE,
    "core.workshopassignment": FEMININE,
    "core.workinggrouptask": FEMININE,
}

#: Object types whose German name is two nouns of different genders ("Mitglied oder
#: Spender", "Thema oder Tisch", "Pflegelotse/-lotsin"): they read without an article.
WITHOUT_ARTICLE = frozenset(
    {"core.careguide", "core.supporter", "core.workshoptopic", "regional.regionaltable"}
)
#: The apps whose models are audited: each model has a gender or reads without one.
AUDITED_APPS = ("tenants", "audit", "mail", "core", "regional", "federal")

#: The case in which a sentence names its object, where it is not the accusative
#: ("hat den Partner aufgenommen"): "das Protokoll von der Kuratoriumssitzung", "der
#: Partner ist ausgetreten".
OBJECT_CASES = {
    "left": NOMINATIVE,
    "failed": NOMINATIVE,
    "generation_requested": DATIVE,
    "generation_failed": DATIVE,
    "provisioning_failed": DATIVE,
    "provisioning_retried": DATIVE,
    "review_started": DATIVE,
    "renewal_started": DATIVE,
    "self_assessed": DATIVE,
    "stage_changed": DATIVE,
    "expiry_reminded": DATIVE,
    "invitations_sent": DATIVE,
    "minutes_written": DATIVE,
    "minutes_approved": DATIVE,
    "minutes_published": DATIVE,
    "agenda_corrected": DATIVE,
    "assigned_by_wishes": DATIVE,
    "registrations_purged": DATIVE,
    "agenda_sent": DATIVE,
    "minutes_sent": DATIVE,
    "attendance_recorded": DATIVE,
    "letter_sent": DATIVE,
}

# The definite article by case and gender (German: "den", "die", "das", "dem", "der").
ARTICLES = {
    (NOMINATIVE, MASCULINE): pgettext_lazy("article, nominative masculine", "the"),
    (NOMINATIVE, FEMININE): pgettext_lazy("article, nominative feminine", "the"),
    (NOMINATIVE, NEUTER): pgettext_lazy("article, nominative neuter", "the"),
    (NOMINATIVE, PLURAL): pgettext_lazy("article, nominative plural", "the"),
    (ACCUSATIVE, MASCULINE): pgettext_lazy("article, accusative masculine", "the"),
    (ACCUSATIVE, FEMININE): pgettext_lazy("article, accusative feminine", "the"),
    (ACCUSATIVE, NEUTER): pgettext_lazy("article, accusative neuter", "the"),
    (ACCUSATIVE, PLURAL): pgettext_lazy("article, accusative plural", "the"),
    (DATIVE, MASCULINE): pgettext_lazy("article, dative masculine", "the"),
    (DATIVE, FEMININE): pgettext_lazy("article, dative feminine", "the"),
    (DATIVE, NEUTER): pgettext_lazy("article, dative neuter", "the"),
    (DATIVE, PLURAL): pgettext_lazy("article, dative plural", "the"),
}


def object_case(verb: str) -> str:
    """The case in which the sentence of the action part ``verb`` names its object."""
    for prefix, known in PREFIXES.items():
        if verb.startswith(prefix):
            verb = known
    return OBJECT_CASES.get(verb, ACCUSATIVE)


def article(model_label: str, case: str) -> str:
    """The definite article of the object type ``model_label`` in ``case``, or ""."""
    gender = GENDERS.get(model_label)
    return str(ARTICLES[(case, gender)]) if gender else ""


def sentence_for(verb: str):
    """The sentence pattern of the action part ``verb``."""
    if verb in VERBS:
        return VERBS[verb]
    for prefix, known in PREFIXES.items():
        if verb.startswith(prefix):
            return VERBS[known]
    return GENERIC


# Details recorded beside the fields of a record (not fields of its model).
DETAIL_LABELS = {
    "alliance": _("Alliance"),
    "alliances": _("Alliances"),
    "as_of": _("As of"),
    "attempts": _("Attempts"),
    "change": _("Change"),
    "checklist": _("Checklist"),
    "copied": _("Copied"),
    "copy": _("Copy"),
    "count": _("Number"),
    "demo_history": _("Demo history"),
    "direction": _("Direction"),
    "domain": _("Domain"),
    "email": _("E-mail address"),
    "entries": _("Entries"),
    "error": _("Error"),
    "fields": _("Fields"),
    "files": _("Files"),
    "for_setup": _("For the new alliance"),
    "item": _("Item"),
    "items": _("Items"),
    "position": _("Position"),
    "previous": _("Earlier value"),
    "reason": _("Reason"),
    "recipients": _("Recipients"),
    "records": _("Records"),
    "registrations": _("Registrations"),
    "resend": _("Sent again"),
    "role": _("Role"),
    "round": _("Round"),
    "rounds": _("Rounds"),
    "seats": _("Seats"),
    "sent": _("Sent"),
    "slug": _("Short name"),
    "taken_on": _("Reference date"),
    "task_id": _("Background job"),
    "topic": _("Topic"),
    "topics": _("Topics"),
    "total": _("Total"),
    "user": _("Person"),
}
