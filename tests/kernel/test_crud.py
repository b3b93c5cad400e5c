"""kernel.crud: tables declared once, the generic pages' small rules, the route helper."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.utils import translation

from kernel.audit.models import AuditEntry
from kernel.crud.facts import Fact, RecordHead, dash, link, short_date, yes_no
from kernel.crud.pages import ObjectPages
from kernel.crud.tables import Column, Table, accessor
from kernel.crud.urls import object_urls
from kernel.crud.views import ObjectDeleteView, query_ids


class _Related:
    def __init__(self, *items):
        self.items = items

    def all(self):
        return list(self.items)


def test_accessor_follows_relations_choices_and_to_many():
    row = SimpleNamespace(
        lead=SimpleNamespace(name="Stadt Jena"),
        nobody=None,
        get_topic_display=lambda: "Pflege",
        topic="care",
        partners=_Related(SimpleNamespace(name="A"), SimpleNamespace(name="B")),
    )
    assert accessor("lead.name")(row) == "Stadt Jena"
    assert accessor("nobody.name")(row) is None
    assert accessor("topic")(row) == "Pflege"
    assert accessor("partners.name")(row) == ["A", "B"]


def test_column_defaults_to_its_key_and_sorts_by_the_accessor_path():
    by_key = Column("title", "Titel", order_by=True)
    by_path = Column("lead", "Federführung", "lead.name", order_by=True)
    computed = Column("n", "Anzahl", lambda row: 3, order_by=True)
    assert by_key.value(SimpleNamespace(title="X")) == "X"
    assert by_key.order_by == "title"
    assert by_path.order_by == "lead__name"
    assert computed.order_by == "n"
    assert Column("plain", "Ohne").order_by is None


def test_table_only_keeps_the_order_asked_for():
    table = Table(Column("a", "A"), Column("b", "B"), Column("c", "C"))
    assert [c.key for c in table.only("c", "a")] == ["c", "a"]
    assert [c.key for c in table.columns] == ["a", "b", "c"]


def test_delete_question_takes_the_records_attributes_or_the_record_itself():
    class Delete(ObjectDeleteView):
        question = "%(title)s und %(entry)s?"

    record = SimpleNamespace(title="Sommerfest")
    args = Delete().question_args(record)
    assert args == {"title": "Sommerfest", "entry": record}


def _pages(**declaration):
    """An ObjectPages declaration of a test model (the audit entry's model will do)."""
    return type("ThingPages", (ObjectPages,), {"model": AuditEntry, "name": "thing", **declaration})


def test_object_urls_names_the_five_routes_by_convention():
    pages = _pages(prefix="things", view_permission="v", change_permission="c")
    patterns = object_urls(pages)
    assert [(str(p.pattern), p.name) for p in patterns] == [
        ("things/", "thing-list"),
        ("things/new/", "thing-create"),
        ("things/<int:pk>/", "thing-detail"),
        ("things/<int:pk>/edit/", "thing-edit"),
        ("things/<int:pk>/delete/", "thing-delete"),
    ]
    assert patterns[1].callback.view_class is pages.views["edit"]
    edit = pages.views["edit"]
    assert (edit.__module__, edit.__qualname__) == (__name__, "ThingEditView")
    assert edit.required_permission == "c"
    assert pages.views["detail"].required_permission == "v"


def test_object_urls_gives_the_routes_asked_for_and_a_create_view_where_there_is_one():
    class Create:
        required_permission = "coordinators"

    pages = _pages(routes=("edit", "create", "list"), Create=Create, change_permission="c")
    patterns = object_urls(pages)
    assert [(str(p.pattern), p.name) for p in patterns] == [
        ("", "thing-list"),
        ("new/", "thing-create"),
        ("<int:pk>/edit/", "thing-edit"),
    ]
    create, edit = patterns[1].callback.view_class, patterns[2].callback.view_class
    assert issubclass(create, edit)
    assert (create.required_permission, edit.required_permission) == ("coordinators", "c")
    with pytest.raises(ValueError, match="Unknown routes"):
        _pages(routes=("show",))


def test_object_pages_build_the_list_with_their_permissions_and_links():
    pages = _pages(
        view_permission="v", change_permission="c", queryset=list, filterset=object, title="Dinge"
    )
    spec = pages.spec
    assert (spec.title, spec.permission, spec.create_permission) == ("Dinge", "v", "c")
    assert (spec.create_url, spec.queryset, spec.filterset) == ("thing-create", list, object)
    assert pages.views["list"].spec is spec
    assert pages.export_spec is None


def test_records_on_a_parents_page_use_their_own_pk_keyword():
    pages = _pages(
        prefix="<int:pk>/items",
        pk_kwarg="item_pk",
        routes=("create", "edit", "delete"),
        parent_arg="actor",
        parent_url="parent-detail",
    )
    paths = [str(p.pattern) for p in object_urls(pages)]
    assert paths == [
        "<int:pk>/items/new/",
        "<int:pk>/items/<int:item_pk>/edit/",
        "<int:pk>/items/<int:item_pk>/delete/",
    ]


def test_export_only_columns_are_in_the_downloads_not_on_the_page():
    table = [Column("a", "A"), Column("b", "B", export_only=True), Column("c", "C")]
    pages = _pages(queryset=list, filterset=object, table=table, view_permission="v")
    assert [c.key for c in pages.spec.columns] == ["a", "c"]
    assert [c.key for c in pages.export_spec.columns] == ["a", "b", "c"]
    assert pages.views["list"].export_spec is pages.export_spec


def test_what_a_declaration_leaves_out_follows_the_conventions():
    services = SimpleNamespace(
        thing_create=lambda **kw: "created", thing_update=lambda **kw: "updated"
    )
    table = [Column("when", value="created_at.year"), Column("who", "Wer", "actor_label")]
    pages = _pages(
        queryset=list,
        filterset=object,
        table=table,
        service_module=services,
        routes=("list", "create", "edit"),
    )
    assert pages.instance_arg == "thing"
    assert (pages.create_service, pages.update_service) == (
        services.thing_create,
        services.thing_update,
    )
    assert pages.delete_service is None  # no delete page, no delete service asked for
    with translation.override("en"):
        assert [str(c.label) for c in pages.spec.columns] == ["Time", "Wer"]
        assert str(pages.spec.title) == "Audit entries"
        edit = pages.views["edit"]()
        assert edit.get_title(SimpleNamespace()) == "Edit audit entry"
    with translation.override("de"):
        assert edit.get_title(SimpleNamespace()) == "Protokolleintrag bearbeiten"
    with pytest.raises(AttributeError, match="thing_delete"):
        _pages(service_module=services)
    with pytest.raises(ValueError, match="needs a label"):
        _pages(queryset=list, filterset=object, table=[Column("n", value=len)])


def test_the_delete_page_is_titled_after_the_model_and_the_detail_page_takes_extra_context():
    pages = _pages(detail_context={"size": lambda obj: len(obj.changes)})
    delete = pages.views["delete"]()
    with translation.override("en"):
        assert delete.texts(SimpleNamespace())["title"] == "Delete audit entry"
    detail = pages.views["detail"]()
    record = SimpleNamespace(changes={"a": 1, "b": 2})
    assert detail.get_context_data(record) == {"thing": record, "can_change": False, "size": 2}


def test_query_ids_keeps_only_record_ids(rf):
    request = rf.get("/", {"project": "12", "group": "x1", "carer": "1234567890", "kind": "²"})
    names = ("project", "group", "carer", "kind", "missing")
    assert query_ids(request, names) == {"project": 12}


def test_a_record_head_names_the_record_links_its_pages_and_shows_its_facts_filtered():
    head = RecordHead(
        title="name",
        crumbs=(("Projects", "project-list"),),
        edit_url="project-edit",
        facts=(
            Fact("Due", "due", short_date, dash),
            Fact("Public", "is_public", yes_no),
            Fact("Key", "key", optional=True),
            Fact("Project", "project", link("project-detail", "title")),
        ),
    )
    project = SimpleNamespace(pk=3, title="A & B")
    record = SimpleNamespace(pk=7, name="Fest", due=None, is_public=True, key="", project=project)
    with translation.override("en"):
        context = head.context(record)
    assert context["record_title"] == "Fest"
    assert context["crumbs"] == [("Projects", "/workspace/projects/")]
    assert (context["edit_url"], context["delete_url"]) == ("/workspace/projects/7/edit/", "")
    assert context["facts"] == [
        ("Due", "–"),
        ("Public", "yes"),
        ("Project", '<a href="/workspace/projects/3/">A &amp; B</a>'),
    ]


def test_only_a_declaration_with_facts_gives_its_detail_page_a_head():
    assert _pages().record_head is None
    pages = _pages(routes=("detail", "delete"), facts=[Fact("Kind", "kind")])
    assert pages.record_head.crumbs == ()
    assert (pages.record_head.edit_url, pages.record_head.delete_url) == ("", "thing-delete")
