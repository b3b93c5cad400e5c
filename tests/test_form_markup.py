"""The markup every form and filter renders: help texts, id references, empty choices.

Every page of both areas is discovered from the URL confs (as the isolation audit does)
and fetched by a role that may see it: the state coordinator on the state host, Jena's
coordinator on jena.localhost. Each page must

- only refer to ids it has (``aria-describedby``, ``aria-labelledby``, ``aria-controls``,
  ``for``, ``list``, a link to ``#id`` such as the error summary's), also when its
  filters show an error;
- never offer Django's bare "---------" as a choice: a required radio group has no empty
  choice, a filter says "Alle", an optional field says "keine Angabe".

Help texts are text: "Name <E-Mail-Adresse>" is shown, not swallowed as a tag.
"""

from __future__ import annotations

import importlib
import pkgutil
from html.parser import HTMLParser

import pytest
from django import forms
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import override
from django_tenants.utils import schema_context

import core.filters
import regional.filters
import regional.forms
from kernel.crud.filters import SearchFilterSet
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.factories.tenants import UserFactory
from tests.isolation import discover, seed_sentinel_records
from tests.samples_state import RECORD_ID, seed_state_records

DASHES = "---------"
REFERENCE_ATTRIBUTES = ("aria-describedby", "aria-labelledby", "aria-controls", "for", "list")
TOKEN = "markup-reply-token"


# ---------------------------------------------------------------- reading a page


class _PageMarkup(HTMLParser):
    """The ids a page has, the ids it refers to, and the labels of its choices."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.references: list[tuple[str, str, str]] = []  # (tag, attribute, id)
        self.choice_labels: list[str] = []
        self.get_forms: list[list[str]] = []  # the field names of each GET form
        self._option: list[str] | None = None
        self._label: list[str] | None = None
        self._label_has_choice = False
        self._in_get_form = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        for name in REFERENCE_ATTRIBUTES:
            value = attributes.get(name)
            if value is None:
                continue
            for reference in value.split() or [""]:
                self.references.append((tag, name, reference))
        href = attributes.get("href") or ""
        if tag == "a" and href.startswith("#") and len(href) > 1:
            self.references.append((tag, "href", href[1:]))
        if tag == "form" and (attributes.get("method") or "get").lower() == "get":
            self._in_get_form = True
            self.get_forms.append([])
        fills_in = tag in ("input", "select") and attributes.get("type") not in ("hidden", "submit")
        if self._in_get_form and fills_in and attributes.get("name"):
            self.get_forms[-1].append(attributes["name"])
        if tag == "option":
            self._option = []
        elif tag == "label":
            self._label, self._label_has_choice = [], False
        elif tag == "input" and attributes.get("type") in ("radio", "checkbox"):
            self._label_has_choice = True

    def handle_endtag(self, tag):
        if tag == "option" and self._option is not None:
            self.choice_labels.append("".join(self._option).strip())
            self._option = None
        elif tag == "label" and self._label is not None:
            if self._label_has_choice:
                self.choice_labels.append("".join(self._label).strip())
            self._label = None
        elif tag == "form":
            self._in_get_form = False

    def handle_data(self, data):
        if self._option is not None:
            self._option.append(data)
        if self._label is not None:
            self._label.append(data)


def read(html: str) -> _PageMarkup:
    page = _PageMarkup()
    page.feed(html)
    page.close()
    return page


def dangling_references(page: _PageMarkup) -> list[str]:
    return [
        f'<{tag} {name}="{reference}">'
        for tag, name, reference in page.references
        if reference not in page.ids
    ]


# ---------------------------------------------------------------- every page of both areas


@pytest.fixture
def jena_coordinator(jena):
    return person_with_role(
        Role.LOCAL_COORDINATOR, jena, user=UserFactory(email="markup@jena.example")
    )


@pytest.fixture
def records(jena, jena_coordinator):
    """One record of every workspace and state-layer model, all with the same id.

    The meeting lies ahead and invites Jena's coordinator, so that the reply forms of
    both areas (behind the e-mail's link, and in the alliance's workspace) are shown.
    """
    state_coordinator = person_with_role(Role.STATE_COORDINATOR)
    seed_state_records(
        jena,
        invitation={"user": jena_coordinator, "email": jena_coordinator.email, "token": TOKEN},
        requested_by=state_coordinator,
    )
    with schema_context("jena"):
        seed_sentinel_records("Markup")
    return {"state_coordinator": state_coordinator}


def _samples() -> dict[str, str]:
    return {"int": str(RECORD_ID), "pk": str(RECORD_ID), "token": TOKEN, "str": "x"}


def _pages(urlconf: str) -> list[str]:
    """Every HTML page of ``urlconf``: no API, no admin, no files."""
    paths = []
    for route in discover(urlconf, _samples()):
        path = route.path
        if path is None or route.namespace == "admin" or path.startswith(("/api/", "/media/")):
            continue
        if path.endswith((".ics", ".csv", ".xlsx", ".pdf")) or "/files/" in path:
            continue
        paths.append(path)
    return paths


def _problems_of_every_page(client, host: str, urlconf: str) -> tuple[list[str], int]:
    problems: list[str] = []
    checked = 0
    for path in _pages(urlconf):
        response = client.get(path, HTTP_HOST=host)
        if response.status_code != 200 or response.streaming:
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        page = read(response.content.decode())
        checked += 1
        variants = [(path, page)]
        # The same page with every filter showing an error (Django then points
        # aria-describedby at the error too).
        for names in page.get_forms:
            if names:
                wrong = client.get(path, dict.fromkeys(names, "§§"), HTTP_HOST=host)
                if "text/html" in wrong.get("Content-Type", "") and not wrong.streaming:
                    variants.append((f"{path}?<invalid filters>", read(wrong.content.decode())))
        for where, markup in variants:
            problems += [f"{where}: {ref} points nowhere" for ref in dangling_references(markup)]
            if DASHES in markup.choice_labels:
                problems.append(f'{where}: a choice is labelled "{DASHES}"')
    return problems, checked


@pytest.mark.slow
def test_every_state_page_refers_only_to_its_own_ids_and_offers_no_dashed_choice(records):
    client = logged_in_client(records["state_coordinator"], "localhost", walk=True)
    problems, checked = _problems_of_every_page(client, "localhost", "config.urls_public")
    assert checked > 15
    assert problems == [], "\n".join(problems)


@pytest.mark.slow
def test_every_alliance_page_refers_only_to_its_own_ids_and_offers_no_dashed_choice(
    jena_coordinator, records
):
    client = logged_in_client(jena_coordinator, "jena.localhost", walk=True)
    problems, checked = _problems_of_every_page(client, "jena.localhost", "config.urls_tenant")
    assert checked > 40
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    ("host", "urlconf"),
    [("localhost", "config.urls_public"), ("jena.localhost", "config.urls_tenant")],
)
def test_every_page_an_anonymous_visitor_sees_refers_only_to_its_own_ids(records, host, urlconf):
    """The login, password reset and public pages (the others redirect to the login)."""
    client = logged_in_client(None, host, walk=True)
    problems, checked = _problems_of_every_page(client, host, urlconf)
    assert checked > 3
    assert problems == [], "\n".join(problems)


# ---------------------------------------------------------------- the shared field markup


class _EveryKindOfField(forms.Form):
    name = forms.CharField(label="Name", help_text="Name <E-Mail-Adresse>")
    linked = forms.CharField(
        label="Link",
        required=False,
        help_text=format_html('Siehe <a href="{}">Hilfe</a>', "/hilfe/"),
    )
    kind = forms.ChoiceField(
        label="Art",
        choices=[("", DASHES), ("a", "A"), ("b", "B")],
        widget=forms.RadioSelect,
        help_text="Eine Art",
    )
    answer = forms.ChoiceField(
        label="Antwort",
        required=False,
        choices=[("", DASHES), ("yes", "Ja")],
        widget=forms.RadioSelect,
    )
    size = forms.ChoiceField(label="Größe", choices=[("", DASHES), ("s", "S")], help_text="x")
    colour = forms.ChoiceField(label="Farbe", required=False, choices=[("", DASHES), ("r", "Rot")])
    topics = forms.MultipleChoiceField(
        label="Themen", choices=[("t", "T")], widget=forms.CheckboxSelectMultiple, help_text="y"
    )
    agreed = forms.BooleanField(label="Einverstanden", help_text="z")


def _rendered(form) -> str:
    with override("de"):
        return render_to_string("accounts/_form.html", {"form": form})


def test_help_text_in_angle_brackets_is_shown_as_text():
    html = _rendered(_EveryKindOfField())
    assert "Name &lt;E-Mail-Adresse&gt;" in html
    assert "<E-Mail-Adresse>" not in html


def test_help_text_marked_safe_keeps_its_markup():
    assert 'Siehe <a href="/hilfe/">Hilfe</a>' in _rendered(_EveryKindOfField())


@pytest.mark.parametrize("data", [None, {}], ids=["unbound", "with-errors"])
def test_every_kind_of_field_refers_only_to_ids_it_renders(data):
    form = _EveryKindOfField(data)
    page = read(_rendered(form))
    if data is not None:
        assert not form.is_valid()
        assert any(ref.endswith("_error") for _, _, ref in page.references)
    assert any(ref.endswith("_helptext") for _, _, ref in page.references)
    assert dangling_references(page) == []


def test_a_required_radio_group_offers_no_empty_choice_and_an_optional_one_says_so():
    page = read(_rendered(_EveryKindOfField()))
    assert DASHES not in page.choice_labels
    html = _rendered(_EveryKindOfField())
    assert 'name="kind" value=""' not in html
    assert "keine Angabe" in page.choice_labels  # the optional radio group and select
    assert "Bitte auswählen" in page.choice_labels  # the required select


@pytest.mark.parametrize(
    ("language", "shown"),
    [("de", "„Name &lt;E-Mail-Adresse&gt;“"), ("en", "“Name &lt;e-mail address&gt;”")],
)
def test_the_invitation_form_shows_the_address_format_in_each_language(records, language, shown):
    client = logged_in_client(records["state_coordinator"], "localhost", language=language)
    response = client.get(f"/meetings/{RECORD_ID}/invitations/")
    assert response.status_code == 200
    assert shown in response.content.decode()


def test_the_password_rules_stay_a_list(records):
    """Django's password help text is markup on purpose (format_html): it stays so."""
    client = logged_in_client(records["state_coordinator"], "localhost")
    html = client.get("/accounts/password/").content.decode()
    assert '<div class="help" id="id_new_password1_helptext"><ul><li>' in html


def _filtersets():
    for package in (core.filters, regional.filters, regional.forms):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    found, todo = [], [SearchFilterSet]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls is not SearchFilterSet:
            found.append(cls)
    return found


@pytest.mark.parametrize("filterset_class", _filtersets(), ids=lambda cls: cls.__name__)
def test_no_filter_offers_a_dashed_choice_and_an_unset_one_says_all(jena, filterset_class):
    from django.test import RequestFactory

    from regional.selectors.addressbook import Rows

    request = RequestFactory().get("/")
    request.user = UserFactory()
    with schema_context("jena"), override("de"):
        # A FilterSet over rows in memory (the address book) has no model.
        model = filterset_class._meta.model
        rows = model.objects.none() if model is not None else Rows([])
        filterset = filterset_class(data={}, queryset=rows, request=request)
        html = "".join(str(field) for field in filterset.form)
    labels = read(html).choice_labels
    assert DASHES not in labels
    if any(isinstance(f, forms.ChoiceField) for f in filterset.form.fields.values()):
        assert "Alle" in labels


def test_the_board_decision_offers_only_real_outcomes(jena_coordinator, records):
    client = logged_in_client(jena_coordinator, "jena.localhost")
    html = client.get(f"/workspace/applications/{RECORD_ID}/decide/").content.decode()
    assert 'name="outcome" value="admit"' in html
    assert 'name="outcome" value=""' not in html
    assert DASHES not in html


def test_the_reply_behind_the_emails_link_offers_only_real_answers(records):
    html = logged_in_client(None, "localhost").get(f"/meetings/reply/{TOKEN}/").content.decode()
    assert 'name="response" value="attending"' in html
    assert 'name="response" value=""' not in html
