"""The audit trail reads as German sentences with a readable before and after
(kernel.audit.presenter)."""

from __future__ import annotations

import pytest
from django.utils import translation
from django_tenants.utils import schema_context

from core.services.partners import partner_update
from kernel.audit.models import AuditEntry
from kernel.audit.presenter import describe, describe_entries
from kernel.audit.services import audit_log
from tenants.roles import Role
from tests.conftest import person_with_role
from tests.factories.admissions import ApplicationFactory
from tests.factories.partners import PartnerFactory
from tests.factories.tenants import UserFactory


@pytest.fixture
def german():
    with translation.override("de"):
        yield


@pytest.fixture
def anna(jena):
    return UserFactory(full_name="Anna Schulz")


@pytest.fixture
def zeiss(jena):
    with schema_context("jena"):
        return PartnerFactory(name="Zeiss")


def _log(action, *, actor=None, target=None, changes=None) -> AuditEntry:
    with schema_context("jena"):
        return audit_log(actor=actor, action=action, target=target, changes=changes)


def _changes(entry) -> list[str]:
    with schema_context("jena"):
        return [str(change) for change in describe(entry).changes]


def test_sentence_names_the_person_the_verb_the_type_and_the_record(german, anna, zeiss):
    entry = _log("core.partner.admitted", actor=anna, target=zeiss)
    assert describe(entry).sentence == "Anna Schulz hat den Partner „Zeiss“ aufgenommen."


@pytest.mark.parametrize(
    ("action", "sentence"),
    [
        ("core.partner.created", "Anna Schulz hat den Partner „Zeiss“ angelegt."),
        ("core.partner.updated", "Anna Schulz hat den Partner „Zeiss“ geändert."),
        ("core.partner.deleted", "Anna Schulz hat den Partner „Zeiss“ gelöscht."),
        ("core.partner.rejected", "Anna Schulz hat den Partner „Zeiss“ abgelehnt."),
        ("core.partner.published", "Anna Schulz hat den Partner „Zeiss“ veröffentlicht."),
        ("core.partner.anonymised", "Anna Schulz hat den Partner „Zeiss“ anonymisiert."),
        (
            "core.partner.left",
            "Der Partner „Zeiss“ ist aus dem Bündnis ausgetreten (eingetragen von Anna Schulz).",
        ),
        ("core.partner.reminded_second", "Anna Schulz hat an den Partner „Zeiss“ erinnert."),
    ],
)
def test_each_kind_of_action_reads_as_its_own_sentence(german, anna, zeiss, action, sentence):
    assert describe(_log(action, actor=anna, target=zeiss)).sentence == sentence


def test_minutes_approved_names_the_minutes_of_the_meeting(german, anna, jena):
    from tests.factories.board import BoardMeetingFactory

    with schema_context("jena"):
        meeting = BoardMeetingFactory(title="Sitzung des Kuratoriums")
    entry = _log("core.boardmeeting.minutes_approved", actor=anna, target=meeting)
    sentence = describe(entry).sentence
    assert sentence.startswith("Anna Schulz hat das Protokoll von der Kuratoriumssitzung „")
    assert sentence.endswith("“ genehmigt.")


def test_unknown_action_still_reads_as_a_sentence_without_the_code(german, anna, zeiss):
    entry = _log("core.partner.frobnicated", actor=anna, target=zeiss)
    sentence = describe(entry).sentence
    assert sentence == "Anna Schulz hat den Partner „Zeiss“ bearbeitet."
    assert "core." not in sentence
    assert "frobnicated" not in sentence


def test_writes_without_a_person_are_the_systems(german, zeiss):
    entry = _log("core.partner.updated", target=zeiss)
    assert describe(entry).actor == "Das System"
    assert describe(entry).sentence == "Das System hat den Partner „Zeiss“ geändert."


def test_entry_without_a_record_names_what_its_action_is_about(german, anna, jena):
    entry = _log("core.personal_data.exported", actor=anna, changes={"records": 3})
    assert describe(entry).sentence == "Anna Schulz hat Daten exportiert."
    assert _changes(entry) == ["Datensätze: 3"]


def test_choices_and_booleans_read_as_labels_and_yes_no(german, anna, zeiss):
    changes = {"status": ["active", "left"], "public_listing_consent": ["False", "True"]}
    entry = _log("core.partner.updated", actor=anna, target=zeiss, changes=changes)
    assert _changes(entry) == [
        "Status: Aktiv → Ausgetreten",
        "Darf öffentlich genannt werden: Nein → Ja",
    ]


def test_a_real_update_reads_with_field_names_and_german_dates(german, anna, zeiss, jena):
    import datetime

    person_with_role(Role.LOCAL_COORDINATOR, jena, user=anna)
    with schema_context("jena"):
        joined = datetime.date(2024, 3, 1)
        partner_update(actor=anna, partner=zeiss, kind="association", joined_on=joined)
        entry = AuditEntry.objects.get(action="core.partner.updated")
    lines = _changes(entry)
    assert "Art: Unternehmen → Verein oder Verband" in lines
    assert "Beigetreten am: – → 01.03.2024" in lines
    assert not any("company" in line or "joined_on" in line for line in lines)


def test_links_name_the_related_record_and_a_deleted_one_by_its_id(german, anna, zeiss):
    with schema_context("jena"):
        application = ApplicationFactory(organisation_name="Zeiss Jena")
    changes = {"partner": [None, str(zeiss.pk)], "status": ["pending", "admitted"]}
    entry = _log("core.application.admitted", actor=anna, target=application, changes=changes)
    assert _changes(entry) == ["Partner: – → Zeiss", "Status: Offen → Aufgenommen"]
    pk = zeiss.pk
    with schema_context("jena"):
        zeiss.delete()
    assert _changes(entry) == [f"Partner: – → #{pk}", "Status: Offen → Aufgenommen"]


def test_long_texts_are_shortened_to_one_line(german, anna, zeiss):
    text = "Flexible Arbeitszeiten.\n\n" + "Sehr lang " * 40
    changes = {"description": ["", text]}
    entry = _log("core.partner.updated", actor=anna, target=zeiss, changes=changes)
    (line,) = _changes(entry)
    assert line.startswith("Engagement für Familien: – → Flexible Arbeitszeiten. Sehr lang")
    assert line.endswith("…")
    assert "\n" not in line
    assert len(line) < 140


def test_a_new_record_shows_its_values_without_before_empties_or_id(german, anna, zeiss):
    changes = {
        "id": [None, str(zeiss.pk)],
        "name": [None, "Zeiss"],
        "kind": [None, "company"],
        "website": [None, ""],
    }
    entry = _log("core.partner.created", actor=anna, target=zeiss, changes=changes)
    assert _changes(entry) == ["Name: Zeiss", "Art: Unternehmen"]


def test_erased_values_stay_erased(german, anna, zeiss):
    scrubbed = {"name": "[entfernt]", "kind": "[entfernt]", "partner": "[entfernt]"}
    entry = _log("core.partner.updated", actor=anna, target=zeiss, changes=scrubbed)
    assert _changes(entry) == ["Name: [entfernt]", "Art: [entfernt]", "Partner: [entfernt]"]


def test_many_entries_are_described_with_one_query_per_related_model(
    german, anna, zeiss, django_assert_max_num_queries
):
    with schema_context("jena"):
        partners = PartnerFactory.create_batch(5)
        application = ApplicationFactory()
        for partner in partners:
            audit_log(
                actor=anna, action="core.application.admitted", target=application,
                changes={"partner": [None, str(partner.pk)]},
            )  # fmt: skip
        entries = list(AuditEntry.objects.all())
        with django_assert_max_num_queries(1):
            described = describe_entries(entries)
    assert {d.changes[0].after for d in described} == {p.name for p in partners}


def test_sentences_alone_cost_no_query(german, anna, zeiss, django_assert_num_queries):
    with schema_context("jena"):
        audit_log(
            actor=anna, action="core.partner.updated", target=zeiss,
            changes={"name": ["Zeis", "Zeiss"]},
        )  # fmt: skip
        entries = list(AuditEntry.objects.all())
        with django_assert_num_queries(0):
            (described,) = describe_entries(entries, with_changes=False)
    assert described.sentence == "Anna Schulz hat den Partner „Zeiss“ geändert."
    assert described.changes == []


def test_details_beside_the_fields_are_named_in_german(german, anna, jena):
    entry = _log(
        "regional.regionalmeeting.invitations_sent", actor=anna,
        changes={"sent": 6, "resend": False, "files": ["a.pdf", "b.csv"]},
    )  # fmt: skip
    assert _changes(entry) == ["Gesendet: 6", "Erneut verschickt: Nein", "Dateien: a.pdf, b.csv"]


@pytest.mark.parametrize(
    "changes",
    [
        ["a", "list", "of", "words"],
        {"partner": ["kein-id", "[entfernt]"], "status": [1, 2, 3]},
        {"joined_on": ["31.02.", "9999-99-99"], "public_listing_consent": ["vielleicht", None]},
        {"measures": ["[1, 2", "[999999]"], "nested": {"a": [1, {"b": None}]}},
        {"partner": [None, "9" * 30], "measures": ["[]", f"[{'9' * 30}]"]},
    ],
)
def test_odd_recorded_changes_still_read_without_error(german, anna, zeiss, changes):
    entry = _log("core.partner.updated", actor=anna, target=zeiss, changes=changes)
    lines = _changes(entry)
    assert lines
    assert all(isinstance(line, str) and line for line in lines)


def test_sentences_name_the_object_with_its_article_in_the_sentences_case(german, anna, zeiss):
    from tests.factories.board import BoardMeetingFactory

    with schema_context("jena"):
        meeting = BoardMeetingFactory(title="Frühjahrssitzung")
    target = {"core.partner": zeiss}
    cases = [
        ("core.boardmeeting.cancelled", "Anna Schulz hat die Kuratoriumssitzung „"),
        (
            "core.boardmeeting.agenda_sent",
            "Anna Schulz hat die Tagesordnung von der Kuratoriumssitzung „",
        ),
        (
            "core.boardmeeting.minutes_published",
            "Anna Schulz hat das Protokoll von der Kuratoriumssitzung „",
        ),
        ("core.boardmeeting.failed", "Anna Schulz: Die Kuratoriumssitzung „"),
    ]
    for action, start in cases:
        on = target.get(action.rsplit(".", 1)[0], meeting)
        assert describe(_log(action, actor=anna, target=on)).sentence.startswith(start), action


def test_every_object_type_with_a_gender_is_a_model_and_reads_in_english_without_it(anna, zeiss):
    from kernel.audit.presenter import model_for
    from kernel.audit.verbs import GENDERS

    assert [label for label in GENDERS if model_for(label) is None] == []
    with translation.override("en"):
        sentence = describe(_log("core.partner.admitted", actor=anna, target=zeiss)).sentence
    assert sentence.startswith("Anna Schulz admitted the Partner ")


def test_every_audited_model_has_its_grammatical_gender_or_reads_without_an_article():
    from django.apps import apps

    from kernel.audit.verbs import AUDITED_APPS, GENDERS, WITHOUT_ARTICLE

    labels = {m._meta.label_lower for m in apps.get_models() if m._meta.app_label in AUDITED_APPS}
    assert sorted(labels - GENDERS.keys() - WITHOUT_ARTICLE) == []
    assert labels >= WITHOUT_ARTICLE
