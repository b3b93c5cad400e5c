"""Each model's pages declared once (NetBox's generic object views, as a declaration).

A model's list, detail, edit and delete pages are one ``ObjectPages`` subclass: the
model, its URL prefix and name, the permissions to see and to change it, its list (the
selector, FilterSet, table and order), the detail page's selector and template, the form
with its create and update services and titles, the delete service with its question.
What follows a convention need not be declared: the record is named as the pages are
(``project``), the services are those of ``service_module`` named after it
(``project_create``, ``project_update``, ``project_delete``), a column shows its field's
verbose name, the list and the edit and delete pages are titled after the model
("Projects", "Edit project"). The subclass builds the views (``views``: route -> class)
that ``kernel.crud.urls.object_urls`` maps; a page that adds context or form arguments
names a mixin for it (``Detail``, ``Edit``, ``Delete``, ``List``; ``Create``: a page of
its own for new records)::

    class ProjectPages(ObjectPages):
        model, prefix, name, instance_arg = Project, "projects", "project", "project"
        view_permission, change_permission = VIEW, CHANGE
        title, queryset, filterset = _("Projects"), project_list, ProjectFilter
        ...

        class Detail:
            def get_context_data(self, obj): ...

The generated views are named and placed as hand-written ones would be
(``core.views.projects.ProjectDetailView``): the route audit names them so.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any, ClassVar

from django.db import models
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.text import capfirst
from django.views import View

from kernel.crud.facts import Fact, RecordHead
from kernel.crud.tables import Column, ListSpec, Table
from kernel.crud.views import (
    ChildEditMixin,
    ChildRecordMixin,
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectListView,
)

ROUTES = ("list", "create", "detail", "edit", "delete")


def detail_link(url_name: str) -> Callable[[models.Model], str]:
    """A list row's link: the page ``url_name`` of the row's record."""
    return lambda obj: reverse(url_name, args=[obj.pk])


def _same(*names: str) -> dict[str, str]:
    return {name: name for name in names}


# route -> the generic view, and which of its attributes take which of the declaration's
PAGES: dict[str, tuple[type[View], dict[str, str]]] = {
    "list": (
        ObjectListView,
        {"required_permission": "view_permission", **_same("spec", "export_spec")},
    ),
    "detail": (
        ObjectDetailView,
        {
            "required_permission": "view_permission",
            **_same("change_permission", "selector", "template_name", "context_object_name"),
            "extra_context": "detail_context",
            "head": "record_head",
        },
    ),
    "edit": (
        ObjectEditView,
        {
            "required_permission": "change_permission",
            **_same("form_class", "create_service", "update_service", "initial_from_query"),
            **_same("create_title", "edit_title", "saved_message"),
        },
    ),
    "delete": (
        ObjectDeleteView,
        {
            "required_permission": "change_permission",
            "service": "delete_service",
            "title": "delete_title",
            "question": "delete_question",
            "success_message": "deleted_message",
            "button": "delete_button",
        },
    ),
}

# ListSpec's field -> the declaration's attribute it takes
LIST_FIELDS = {
    "permission": "view_permission",
    "template": "list_template",
    **_same("name", "title", "queryset", "filterset", "default_order"),
}


class ObjectPages:
    """The declaration of one model's pages; subclasses without ``model`` only share
    values (a room's permissions) with the declarations below them."""

    model: ClassVar[type[models.Model]]
    #: URL: ``<prefix>/``, ``new/``, ``<pk>/``, ``<pk>/edit/``, ``<pk>/delete/`` below the
    #: including URL conf, named ``<name>-list``, ``-create``, ``-detail``, ...
    prefix: ClassVar[str] = ""
    name: ClassVar[str]
    #: The pages this model has (the others are of their own kind, or none).
    routes: ClassVar[tuple[str, ...]] = ROUTES
    #: The URL keyword of the record's pk (a record below its parent's page: ``task_pk``).
    pk_kwarg: ClassVar[str] = "pk"
    #: The views' class names: ``<stem>ListView``, ... (default: the class name
    #: without ``Pages``).
    stem: ClassVar[str] = ""
    #: Who sees the list and the detail page, and who creates, changes and deletes.
    view_permission: ClassVar[str] = ""
    change_permission: ClassVar[str] = ""
    #: The services' keyword for the record they change or delete (``project=``), and
    #: the record's name in the detail template (default: ``name`` with underscores).
    instance_arg: ClassVar[str] = ""
    #: Where cancel and delete lead (default ``<name>-list``), and where saving leads:
    #: the record's page ("detail") or the list ("list").
    list_url: ClassVar[str] = ""
    back_to: ClassVar[str] = "detail"
    #: A record on its parent's page (``pk``: the parent's, ``pk_kwarg``: the record's):
    #: the record's field naming the parent, the parent's page, how it is loaded and
    #: whether its own permissions are asked (``kernel.crud.views.ChildRecordMixin``).
    parent_arg: ClassVar[str] = ""
    parent_url: ClassVar[str] = ""
    parent_selector: ClassVar[Callable[[int], models.Model] | None] = None
    check_parent: ClassVar[bool] = False

    # ---- list (a ``ListSpec`` built from these, unless ``spec`` is given)
    #: Default: the model's verbose name in the plural ("Projects").
    title: ClassVar[Any] = ""
    queryset: ClassVar[Callable[[], QuerySet] | None] = None
    filterset: ClassVar[type | None] = None
    default_order: ClassVar[str] = "pk"
    #: The columns (those marked ``export_only`` are in the downloads only; without a
    #: label, the model field's verbose name).
    table: ClassVar[Table | list[Column]] = []
    #: (label, url, permission) links above the list.
    extra_links: ClassVar[list[tuple[Any, str, str]]] = []
    #: (label, url, permission) next steps an empty list offers beside the create
    #: button, e.g. the import of such records (``core.views.imports.import_link``).
    empty_links: ClassVar[list[tuple[Any, str, str]]] = []
    #: The rows' links (default: the record's page, where it has one).
    row_link: ClassVar[Callable[[Any], str] | None] = None
    #: A page of its own extending core/list.html, with blocks fed by ``list_context``.
    list_template: ClassVar[str] = "core/list.html"
    list_context: ClassVar[dict[str, Callable[[QuerySet], Any]]] = {}
    #: Who may download it (default: the ListSpec's).
    export_permission: ClassVar[str | None] = None
    spec: ClassVar[ListSpec | None] = None
    export_spec: ClassVar[ListSpec | None] = None

    # ---- detail
    selector: ClassVar[Callable[[int], models.Model] | None] = None
    template_name: ClassVar[str] = ""
    #: The record's name in the template (default: ``instance_arg``).
    context_object_name: ClassVar[str] = ""
    #: More of the template's context: name -> function(record).
    detail_context: ClassVar[dict[str, Callable[[Any], Any]]] = {}
    #: The head of a page extending templates/record.html (``kernel.crud.facts``; only
    #: a declaration with facts has one): the record's attribute naming it (default:
    #: the record itself), the pages above its list in the trail of links, its facts.
    heading: ClassVar[str] = ""
    trail: ClassVar[list[tuple[Any, str]]] = []
    facts: ClassVar[list[Fact]] = []

    # ---- new and edit
    form_class: ClassVar[type | None] = None
    #: Fields a new record's form takes from the query string: "New event" from a
    #: project's page links ``?project=<id>``.
    initial_from_query: ClassVar[tuple[str, ...]] = ()
    #: The module whose ``<service_name>_create``, ``_update`` and ``_delete`` are the
    #: services of the pages' routes, where they are not declared one by one; the name
    #: defaults to ``instance_arg``, the keyword they take the record by (``grant_update``).
    service_module: ClassVar[ModuleType | None] = None
    service_name: ClassVar[str] = ""
    create_service: ClassVar[Callable[..., models.Model] | None] = None
    update_service: ClassVar[Callable[..., models.Model] | None] = None
    create_title: ClassVar[Any] = ""
    #: Default: "Edit <the model's verbose name>" (``ObjectEditView``).
    edit_title: ClassVar[Any] = ""
    saved_message: ClassVar[Any] = None

    # ---- delete
    delete_service: ClassVar[Callable[..., Any] | None] = None
    #: Default: "Delete <the model's verbose name>" (``ObjectDeleteView``).
    delete_title: ClassVar[Any] = ""
    delete_question: ClassVar[Any] = ""
    deleted_message: ClassVar[Any] = ""
    delete_button: ClassVar[Any] = ObjectDeleteView.button

    # ---- hooks: mixins placed before the generated pages
    List: ClassVar[type | None] = None
    Detail: ClassVar[type | None] = None
    Edit: ClassVar[type | None] = None
    Create: ClassVar[type | None] = None
    Delete: ClassVar[type | None] = None

    # ---- built
    #: What every page about one record knows (model, URL names, service keyword):
    #: the base of the model's other pages (an action, a decision).
    Record: ClassVar[type]
    views: ClassVar[dict[str, type[View]]]
    record_head: ClassVar[RecordHead | None]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if getattr(cls, "model", None) is None:
            return
        unknown = set(cls.routes) - set(ROUTES)
        if unknown:
            raise ValueError(f"Unknown routes {sorted(unknown)!r}")
        cls.stem = cls.__dict__.get("stem") or cls.__name__.removesuffix("Pages")
        cls.instance_arg = cls.instance_arg or cls.name.replace("-", "_")
        cls.context_object_name = cls.context_object_name or cls.instance_arg
        cls.title = cls.title or capfirst(cls.model._meta.verbose_name_plural)
        if cls.service_module is not None:
            cls._services()
        cls.Record = cls._record()
        cls.record_head = cls._head() if cls.facts else None
        if cls.spec is None and cls.queryset is not None:
            cls.spec, cls.export_spec = cls._list_specs()
        hooks = {"list": cls.List, "detail": cls.Detail, "edit": cls.Edit, "delete": cls.Delete}
        cls.views = {}
        for route, (generic, attrs) in PAGES.items():
            if route in cls.routes or (route == "edit" and "create" in cls.routes):
                bases = (generic,) if route == "list" else (cls.Record, generic)
                if route == "edit" and cls.parent_arg:
                    bases = (cls.Record, ChildEditMixin, generic)
                declared = {key: getattr(cls, name) for key, name in attrs.items()}
                cls.views[route] = cls._view(route.title(), hooks[route], bases, declared)
        if "create" in cls.routes:
            edit = cls.views["edit"]
            cls.views["create"] = (
                cls._view("Create", cls.Create, (edit,), {}) if cls.Create else edit
            )
        if "edit" not in cls.routes:
            cls.views.pop("edit", None)  # a list-only declaration never had it

    # ------------------------------------------------------------ building

    @classmethod
    def _view(cls, kind: str, hook: type | None, bases: tuple, attrs: dict) -> type[View]:
        name = f"{cls.stem}{kind}View"
        declared = type(f"_{name}", bases, {**attrs, "__module__": cls.__module__})
        named = {"__module__": cls.__module__, "__qualname__": name}
        return type(name, (hook, declared) if hook else (declared,), named)

    @classmethod
    def _services(cls) -> None:
        """The routes' services not declared: ``service_module``'s, by their names."""
        stem = cls.service_name or cls.instance_arg
        needed = {"create_service": "create", "update_service": "edit", "delete_service": "delete"}
        for attr, route in needed.items():
            if route in cls.routes and getattr(cls, attr) is None:
                verb = attr.removesuffix("_service")
                setattr(cls, attr, getattr(cls.service_module, f"{stem}_{verb}"))

    @classmethod
    def _head(cls) -> RecordHead:
        """The record page's head: its trail ends in the list, its buttons are those of
        the routes it has."""
        has_list = "list" in cls.routes or bool(cls.list_url)
        return RecordHead(
            title=cls.heading,
            crumbs=(*cls.trail, *([(cls.title, cls.Record.list_url)] if has_list else [])),
            edit_url=f"{cls.name}-edit" if "edit" in cls.routes else "",
            delete_url=f"{cls.name}-delete" if "delete" in cls.routes else "",
            delete_label=cls.delete_button,
            facts=tuple(cls.facts),
        )

    @classmethod
    def _record(cls) -> type:
        attrs = {
            "model": cls.model,
            "list_url": cls.list_url or f"{cls.name}-list",
            "detail_url": f"{cls.name}-detail",
            "instance_arg": cls.instance_arg,
            "pk_kwarg": cls.pk_kwarg,
            "__module__": cls.__module__,
        }
        if cls.back_to == "list":
            attrs["success_url"] = attrs["cancel_url"] = _to_list
        if not cls.parent_arg:
            return type(f"_{cls.stem}", (), attrs)
        attrs.update(
            parent_arg=cls.parent_arg,
            parent_url=cls.parent_url,
            parent_selector=cls.parent_selector,
            check_parent=cls.check_parent,
        )
        return type(f"_{cls.stem}", (ChildRecordMixin,), attrs)

    @classmethod
    def _list_specs(cls) -> tuple[ListSpec, ListSpec | None]:
        """The list page's spec and, where the downloads have more columns, theirs."""
        table = cls.table if isinstance(cls.table, Table) else Table(*cls.table)
        row_link = cls.row_link
        if row_link is None and "detail" in cls.routes:
            row_link = detail_link(f"{cls.name}-detail")
        declared = {field: getattr(cls, name) for field, name in LIST_FIELDS.items()}
        if cls.export_permission:
            declared["export_permission"] = cls.export_permission
        if "create" in cls.routes:
            declared.update(
                create_url=f"{cls.name}-create", create_permission=cls.change_permission
            )

        def spec(columns: list[Column]) -> ListSpec:
            return ListSpec(
                columns=columns,
                detail_url=row_link,
                extra_links=list(cls.extra_links),
                plural=cls.model._meta.verbose_name_plural,
                noun=cls.model._meta.verbose_name,
                empty_links=list(cls.empty_links),
                extra_context=dict(cls.list_context),
                **declared,
            )

        columns = [column.labelled(cls.model) for column in table.columns]
        shown = [column for column in columns if not column.export_only]
        if len(shown) == len(columns):
            return spec(columns), None
        return spec(shown), spec(columns)


def _to_list(view, obj) -> str:
    return reverse(view.list_url)
