"""Forms and empty lists that guide (issue 17).

- A required field's label carries a "*", its input ``required`` and
  ``aria-required``; a form with required fields says once what the "*" means; filters
  mark nothing.
- After an invalid POST a summary at the top lists every error as a link to its field;
  the field shows its error too and its input points ``aria-describedby`` at the error
  (and at its help text) and says ``aria-invalid``.
- An empty list says what it holds and offers the next steps its reader may take
  (create, import); an empty search result offers to reset the filters. A new alliance's
  start page points to entering or importing its partners.
"""

from __future__ import annotations

import datetime
from html.parser import HTMLParser

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.utils.translation import override
from django_tenants.utils import schema_context

from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.factories.partners import PartnerFactory

MARKER = '<span class="required" aria-hidden="true">*</span>'
NOTE = "Pflichtfelder sind mit * markiert."
REQUIRED_DE = "Dieses Feld ist zwingend erforderlich."


class _Elements(HTMLParser):
    """Every element's attributes by id, each label's inner markup by its ``for``, the
    error summary's links (href, text) and each form's method."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.by_id: dict[str, dict[str, str | None]] = {}
        self.labels: dict[str, str] = {}
        self.summary_links: list[tuple[str, str]] = []
        self.summary_heading: dict[str, str | None] | None = None
        self._label_for: str | None = None
        self._label: list[str] = []
        self._summary_depth = 0
        self._link: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.by_id[attributes["id"]] = {"tag": tag, **attributes}
        if self._label_for is not None:
            rendered = "".join(f' {k}="{v}"' for k, v in attrs)
            self._label.append(f"<{tag}{rendered}>")
        if tag == "label" and attributes.get("for"):
            self._label_for, self._label = attributes["for"], []
        if tag == "div" and "error-summary" in (attributes.get("class") or "").split():
            self._summary_depth = 1
            self.summary_root = attributes
        elif self._summary_depth and tag == "div":
            self._summary_depth += 1
        if self._summary_depth and tag == "h2":
            self.summary_heading = attributes
        if self._summary_depth and tag == "a":
            self._link = (attributes.get("href") or "", [])

    def handle_endtag(self, tag):
        if tag == "label" and self._label_for is not None:
            self.labels[self._label_for] = "".join(self._label).strip()
            self._label_for = None
        elif self._label_for is not None:
            self._label.append(f"</{tag}>")
        if tag == "a" and self._link is not None:
            self.summary_links.append((self._link[0], "".join(self._link[1]).strip()))
            self._link = None
        if tag == "div" and self._summary_depth:
            self._summary_depth -= 1

    def handle_data(self, data):
        if self._label_for is not None:
            self._label.append(data)
        if self._link is not None:
            self._link[1].append(data)


def elements(html: str) -> _Elements:
    parsed = _Elements()
    parsed.feed(html)
    parsed.close()
    return parsed


@pytest.fixture
def state_client(db):
    return logged_in_client(person_with_role(Role.STATE_COORDINATOR), "localhost")


@pytest.fixture
def board_client(board_member):
    return logged_in_client(board_member)


# ---------------------------------------------------------------- required fields


@pytest.mark.parametrize(
    ("path", "required", "optional"),
    [
        ("/workspace/partners/new/", "id_name", "id_website"),
        ("/workspace/events/new/", "id_title", "id_place"),
    ],
    ids=["partner", "event"],
)
def test_a_required_field_is_marked_and_says_so(coordinator_client, path, required, optional):
    html = coordinator_client.get(path).content.decode()
    page = elements(html)
    assert page.labels[required].endswith(MARKER)
    assert "required" in page.by_id[required]
    assert page.by_id[required]["aria-required"] == "true"
    assert MARKER not in page.labels[optional]
    assert "required" not in page.by_id[optional]
    assert "aria-required" not in page.by_id[optional]
    assert html.count(NOTE) == 1
    assert "novalidate" in html  # the server decides, in German


def test_the_state_meeting_form_marks_its_required_fields(state_client):
    html = state_client.get("/meetings/new/").content.decode()
    page = elements(html)
    assert page.labels["id_title"].endswith(MARKER)
    assert page.by_id["id_date"]["aria-required"] == "true"
    assert MARKER not in page.labels["id_description"]
    assert html.count(NOTE) == 1


def test_a_required_radio_group_is_marked_on_its_group(coordinator_client):
    html = coordinator_client.get("/workspace/import/").content.decode()
    assert f"{MARKER}</legend>" in html
    assert 'role="radiogroup" aria-required="true"' in html
    page = elements(html)
    assert "aria-required" not in page.by_id["id_kind_0"]  # not on each choice


def test_filters_mark_nothing_as_required(coordinator_client):
    html = coordinator_client.get("/workspace/partners/").content.decode()
    assert MARKER not in html
    assert NOTE not in html


# ---------------------------------------------------------------- the error summary


def test_an_invalid_post_is_summed_up_at_the_top_with_links_to_the_fields(coordinator_client):
    from core.models import Partner

    response = coordinator_client.post("/workspace/partners/new/", {"website": "kein-link"})
    html = response.content.decode()
    page = elements(html)
    assert page.summary_root["role"] == "alert"
    assert page.summary_heading["tabindex"] == "-1"
    assert html.index("error-summary") < html.index('<form method="post"')
    links = dict(page.summary_links)
    assert links["#id_name"] == f"Name: {REQUIRED_DE}"
    assert links["#id_website"].startswith("Website: ")
    for href in links:
        assert href[1:] in page.by_id, href
    name = page.by_id["id_name"]
    assert name["aria-invalid"] == "true"
    assert "id_name_error" in name["aria-describedby"].split()
    assert REQUIRED_DE in html.split('id="id_name_error"')[1].split("</div>")[0]
    with schema_context("jena"):
        assert not Partner.objects.exists()


def test_a_field_with_help_text_and_an_error_is_described_by_both(coordinator_client):
    upload = SimpleUploadedFile("partner.txt", b"Name\nA", content_type="text/plain")
    response = coordinator_client.post("/workspace/import/", {"file": upload})
    page = elements(response.content.decode())
    described = page.by_id["id_file"]["aria-describedby"].split()
    assert described == ["id_file_helptext", "id_file_error"]
    assert {"id_file_helptext", "id_file_error"} <= set(page.by_id)
    links = dict(page.summary_links)
    # The radio group's link leads to its first choice, the file's to its input.
    assert links["#id_kind_0"].startswith("Was möchten Sie importieren?: ")
    assert links["#id_file"].startswith("Datei: ")
    assert page.summary_heading is not None


def test_the_login_form_sums_up_its_own_error(db):
    client = logged_in_client(None, "jena.localhost")
    response = client.post("/accounts/login/", {"username": "x@example.org", "password": "nope"})
    html = response.content.decode()
    page = elements(html)
    assert page.summary_root["role"] == "alert"
    assert html.count('class="form-errors error-summary"') == 1


class _Reply(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    answer = forms.CharField(label="Antwort")

    def clean(self):
        raise forms.ValidationError("Der Termin ist vorbei.")


SUMMARY = "{% load form_markup %}{% errorsummary form %}{{ title }}{% enderrorsummary %}"


def test_the_summary_lists_the_forms_own_and_hidden_errors_as_text():
    form = _Reply({"answer": ""})
    with override("de"):
        html = Template(SUMMARY).render(Context({"form": form, "title": "Fehler & Mängel"}))
    page = elements(html)
    assert "Fehler &amp; Mängel</h2>" in html  # escaped once
    assert "<li>Der Termin ist vorbei.</li>" in html
    assert f"<li>{REQUIRED_DE}</li>" in html  # the hidden field: no link, no label
    assert page.summary_links == [("#id_answer", f"Antwort: {REQUIRED_DE}")]


def test_an_unlinked_summary_and_a_valid_form_show_no_links():
    template = Template(SUMMARY.replace("form %}{{ title }}", "form unlinked %}"))
    with override("de"):
        unlinked = template.render(Context({"form": _Reply({"answer": ""})}))
        valid = Template(SUMMARY).render(Context({"form": _Reply()}))
    assert "<a " not in unlinked
    assert "Bitte korrigieren Sie die markierten Angaben." in unlinked
    assert valid == ""


# ---------------------------------------------------------------- empty lists


def test_an_empty_list_offers_creating_and_importing(coordinator_client):
    html = coordinator_client.get("/workspace/partners/").content.decode()
    assert "Noch keine Partner vorhanden." in html
    assert '<a class="button primary" href="/workspace/partners/new/">Partner anlegen</a>' in html
    assert 'href="/workspace/import/?kind=partners">Partner importieren</a>' in html
    assert "Keine Einträge passen zu Ihrer Suche." not in html


def test_sorting_an_empty_list_is_no_search(coordinator_client):
    html = coordinator_client.get("/workspace/partners/", {"sort": "name"}).content.decode()
    assert "Noch keine Partner vorhanden." in html


def test_another_importable_list_offers_its_own_import(coordinator_client):
    html = coordinator_client.get("/workspace/projects/").content.decode()
    assert "Noch keine Projekte vorhanden." in html
    assert ">Projekt anlegen</a>" in html
    assert 'href="/workspace/import/?kind=projects">Projekte importieren</a>' in html


def test_a_board_member_sees_no_step_she_may_not_take(board_client):
    html = board_client.get("/workspace/partners/").content.decode()
    assert "Noch keine Partner vorhanden." in html
    assert "Partner anlegen" not in html
    assert "importieren" not in html
    assert "/workspace/partners/new/" not in html


def test_a_search_without_result_offers_to_reset_the_filters(coordinator_client, jena):
    with schema_context("jena"):
        PartnerFactory(name="Stadtwerke Jena")
    html = coordinator_client.get("/workspace/partners/", {"q": "Bäckerei"}).content.decode()
    assert "Keine Einträge passen zu Ihrer Suche." in html
    assert '<a class="button" href="?">Filter zurücksetzen</a>' in html
    assert "Noch keine" not in html
    assert "Partner importieren" not in html


def test_the_import_page_takes_the_kind_from_the_empty_lists_link(coordinator_client):
    html = coordinator_client.get("/workspace/import/", {"kind": "partners"}).content.decode()
    page = elements(html)
    chosen = [
        attrs["value"] for key, attrs in page.by_id.items()
        if key.startswith("id_kind_") and "checked" in attrs
    ]  # fmt: skip
    assert chosen == ["partners"]


# ---------------------------------------------------------------- a new alliance's start


def test_a_new_alliance_starts_with_its_partners(coordinator_client, jena):
    html = coordinator_client.get("/workspace/").content.decode()
    start = html.split('aria-labelledby="start-heading"')[1].split("</section>")[0]
    assert '<a class="button primary" href="/workspace/partners/new/">Partner anlegen</a>' in start
    assert 'href="/workspace/import/?kind=partners">Partner importieren</a>' in start
    with schema_context("jena"):
        PartnerFactory(joined_on=datetime.date(2024, 1, 1))
    assert "start-heading" not in coordinator_client.get("/workspace/").content.decode()


def test_a_board_member_is_not_pointed_at_steps_she_may_not_take(board_client):
    html = board_client.get("/workspace/").content.decode()
    assert "start-heading" not in html
    assert "Partner anlegen" not in html
