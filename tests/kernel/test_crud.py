"""kernel.crud: tables declared once, the generic pages' small rules, the route helper."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.views import View

from kernel.crud.tables import Column, Table, accessor
from kernel.crud.urls import object_urls
from kernel.crud.views import ObjectDeleteView


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


def test_object_urls_names_the_five_routes_by_convention():
    class ThingListView(View):
        pass

    class ThingDetailView(View):
        pass

    class ThingEditView(View):
        pass

    class ThingDeleteView(View):
        pass

    views = SimpleNamespace(
        ThingListView=ThingListView,
        ThingDetailView=ThingDetailView,
        ThingEditView=ThingEditView,
        ThingDeleteView=ThingDeleteView,
    )
    patterns = object_urls("things", "thing", views, "Thing")
    assert [(str(p.pattern), p.name) for p in patterns] == [
        ("things/", "thing-list"),
        ("things/new/", "thing-create"),
        ("things/<int:pk>/", "thing-detail"),
        ("things/<int:pk>/edit/", "thing-edit"),
        ("things/<int:pk>/delete/", "thing-delete"),
    ]
    assert patterns[1].callback.view_class is ThingEditView


def test_object_urls_gives_the_routes_asked_for_and_a_create_view_where_there_is_one():
    class ThingListView(View):
        pass

    class ThingCreateView(View):
        pass

    class ThingEditView(View):
        pass

    views = SimpleNamespace(
        ThingListView=ThingListView, ThingCreateView=ThingCreateView, ThingEditView=ThingEditView
    )
    patterns = object_urls("", "thing", views, "Thing", routes=("edit", "create", "list"))
    assert [(str(p.pattern), p.name) for p in patterns] == [
        ("", "thing-list"),
        ("new/", "thing-create"),
        ("<int:pk>/edit/", "thing-edit"),
    ]
    assert patterns[1].callback.view_class is ThingCreateView
    assert patterns[2].callback.view_class is ThingEditView
    with pytest.raises(ValueError, match="Unknown routes"):
        object_urls("", "thing", views, "Thing", routes=("show",))
