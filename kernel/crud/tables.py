"""Lists with search, filters, sorting, pagination and CSV/XLSX export, declared once.

Exports are written by ``kernel.spreadsheets`` (formulas neutralised, bad characters
replaced).

Each workspace list is a ``ListSpec``: the selector that returns its queryset (with the
joins the columns need, so a page or an export costs a fixed number of queries), the
FilterSet from the app's ``filters/``, and the columns shown and exported.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.paginator import Paginator
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import capfirst, slugify

from kernel import formats, spreadsheets
from kernel.access import access_for, deny, may_open
from kernel.collation import order_by_name

EXPORT_FORMATS = ("csv", "xlsx")
# A list's ``permission`` that lets anyone read it, logged in or not: it must hold
# nothing personal (its downloads still need the ``export_permission``).
PUBLIC = "public"


def accessor(path: str) -> Callable[[Any], Any]:
    """A cell's value from a dotted attribute path, the way a table declares it.

    ``"lead_partner.name"`` follows relations (None stays None); a choice field gives its
    label (``get_<field>_display``); a to-many relation gives the list of its values
    (``"partners.name"``: the names of the prefetched partners).
    """
    parts = path.split(".")

    def value(obj: Any) -> Any:
        current = obj
        for index, part in enumerate(parts):
            if current is None:
                return None
            display = getattr(current, f"get_{part}_display", None)
            current = display() if callable(display) else getattr(current, part)
            if hasattr(current, "all") and callable(current.all):
                rest = ".".join(parts[index + 1 :])
                items = list(current.all())
                return [accessor(rest)(item) if rest else item for item in items]
        return current

    return value


def clock_time(name: str) -> Callable[[Any], str | None]:
    """A cell's value: the row's time ``name`` as hours and minutes ("18:30")."""

    def value(obj: Any) -> str | None:
        return formats.clock(getattr(obj, name)) or None

    return value


@dataclass(frozen=True)
class Column:
    """One column of a table: its key (for ``?sort=``), German label, value and sort key.

    ``value`` is a function of the row, or a dotted accessor (default: the key itself);
    ``order_by`` is the ORM ordering it sorts by (``True``: the accessor's own field);
    ``export_only``: in the CSV/XLSX downloads, not on the page; ``money``: an amount in
    euros (two decimal places; a euro number format in XLSX); ``digits``: a year or a
    number that names something, written without a thousands dot (``2026``). Without a ``label`` the
    column is named as the model's field it shows (``labelled``).
    """

    key: str
    label: Any = None
    value: Callable[[Any], Any] | str | None = None
    order_by: str | bool | None = None
    link: bool = False
    export_only: bool = False
    money: bool = False
    digits: bool = False
    #: The dotted accessor the value comes from, where it is one.
    path: str | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self):
        path = self.key if self.value is None else self.value
        if isinstance(path, str):
            object.__setattr__(self, "path", path)
            object.__setattr__(self, "value", accessor(path))
            if self.order_by is True:
                object.__setattr__(self, "order_by", path.replace(".", "__"))
        elif self.order_by is True:
            object.__setattr__(self, "order_by", self.key)

    def labelled(self, model: type[models.Model]) -> Column:
        """The column with its label: the one declared, or else the verbose name of the
        ``model``'s field its path starts with (``"project.title"``: the project)."""
        if self.label is not None:
            return self
        if self.path is None:
            raise ValueError(f"Column {self.key!r} shows no field of its own: it needs a label")
        verbose_name = model._meta.get_field(self.path.split(".")[0]).verbose_name
        return replace(self, label=capfirst(verbose_name), value=self.value)

    def cell(self, obj: Any) -> Any:
        """The row's value, marked as ``Money`` or ``Digits`` where the column says so."""
        value = self.value(obj)
        if not isinstance(value, int | float | Decimal) or isinstance(value, bool):
            return value
        if self.money:
            return formats.Money(Decimal(str(value)).quantize(Decimal("0.01")))
        if self.digits and isinstance(value, int):
            return formats.Digits(value)
        return value


class Table:
    """A model's columns, declared once: the page shows some, the downloads may show all."""

    def __init__(self, *columns: Column):
        self.columns = list(columns)

    def only(self, *keys: str) -> list[Column]:
        by_key = {column.key: column for column in self.columns}
        return [by_key[key] for key in keys]


@dataclass(frozen=True)
class ListSpec:
    name: str
    title: Any
    permission: str
    queryset: Callable[[], QuerySet]
    filterset: type
    columns: list[Column]
    default_order: str
    detail_url: Callable[[Any], str] | None = None
    create_url: str | None = None
    create_permission: str | None = None
    page_size: int = 25
    extra_links: list[tuple[Any, str, str]] = field(default_factory=list)  # (label, url, perm)
    # The empty list says what it holds ("No partners yet.", default: the title) and
    # offers the next steps: the create button ("Create partner", from ``noun``; "New"
    # without it) and these (label, url, perm) links, e.g. the import of such records,
    # each shown to those with ``perm`` who may open ``url``.
    plural: Any = None
    noun: Any = None
    empty_links: list[tuple[Any, str, str]] = field(default_factory=list)
    # A page may extend core/list.html and add blocks fed by extra_context:
    # name -> function(filtered queryset) (e.g. a yearly summary of the listed rows).
    template: str = "core/list.html"
    # Who may download the list as CSV/XLSX (the state lists use a state permission).
    export_permission: str = "alliance.exports.download"
    extra_context: dict[str, Callable[[QuerySet], Any]] = field(default_factory=dict)
    # Rows read through a presenter: a function of a batch of records that returns what
    # the columns read, one per record (the audit trail's entries as sentences, with the
    # records their changes name looked up once per batch).
    present: Callable[[list], list] | None = None

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


def _ordering(spec: ListSpec, sort: str) -> tuple[str, str]:
    """The ORM ordering for ``?sort=key`` or ``-key``; unknown keys fall back to default."""
    descending = sort.startswith("-")
    column = spec.column(sort.lstrip("-"))
    if column is None or column.order_by is None:
        return spec.default_order, ""
    return ("-" if descending else "") + column.order_by, sort


# The query string's keys that do not narrow the list down.
NOT_FILTERS = ("sort", "page", "format")


def narrowed(request: HttpRequest) -> bool:
    """Whether a filter or search narrows the list down (its empty state then offers to
    reset them rather than to create the first record)."""
    return any(
        value.strip()
        for key, values in request.GET.lists()
        if key not in NOT_FILTERS
        for value in values
    )


def filtered(spec: ListSpec, request: HttpRequest) -> tuple[QuerySet, Any, str]:
    filterset = spec.filterset(request.GET or None, queryset=spec.queryset())
    queryset = filterset.qs if filterset.is_bound and filterset.is_valid() else spec.queryset()
    order, sort = _ordering(spec, request.GET.get("sort", ""))
    return order_by_name(queryset, order, "pk"), filterset, sort


def plain(value: Any) -> Any:
    """A cell value for exports: numbers and dates keep their type (``kernel.spreadsheets``
    writes them in German forms), the rest is text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, int | float | Decimal | date):  # a datetime is a date
        return value
    if isinstance(value, list | tuple | set):
        return ", ".join(str(item) for item in value)
    return str(value)


def display(value: Any) -> str:
    """A cell value as the page shows it (``kernel.formats``)."""
    from django.utils.translation import gettext as _

    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return formats.datetime_text(value)
    if isinstance(value, date):
        return formats.date(value)
    if isinstance(value, int | float | Decimal):
        return formats.number(value)
    if isinstance(value, list | tuple | set):
        return ", ".join(str(item) for item in value) or "–"
    return str(value)


PRESENT_BATCH = 500


def presented(spec: ListSpec, objects: Iterable[Any]) -> Iterator[Any]:
    """The records as the columns read them: themselves, or the spec's presentation of
    them, batch by batch."""
    if spec.present is None:
        yield from objects
        return
    iterator = iter(objects)
    while batch := list(itertools.islice(iterator, PRESENT_BATCH)):
        yield from spec.present(batch)


def rows(spec: ListSpec, queryset: QuerySet):
    objects = queryset.iterator(chunk_size=PRESENT_BATCH) if spec.present else queryset
    for obj in presented(spec, objects):
        yield [plain(column.cell(obj)) for column in spec.columns]


def export_response(spec: ListSpec, queryset: QuerySet, fmt: str) -> HttpResponse:
    return table_export(spec.title, spec.columns, rows(spec, queryset), fmt)


def table_export(
    title: Any, columns: Sequence[Column], body: Iterable[list], fmt: str
) -> HttpResponse:
    """A download (``fmt``: csv or xlsx) of a table: a header of the ``columns``' labels,
    then ``body``, rows of cells as :func:`plain` gives them."""
    stamp = timezone.localdate().isoformat()
    filename = f"{slugify(str(title))}-{stamp}.{fmt}"
    header = [str(column.label) for column in columns]
    table = itertools.chain([header], body)
    if fmt == "csv":
        # Semicolons and a BOM: what German spreadsheet programs expect.
        response = HttpResponse(
            spreadsheets.csv_text(table),
            content_type=spreadsheets.CSV_CONTENT_TYPE,
        )
    else:
        response = HttpResponse(
            spreadsheets.xlsx_bytes(str(title), table),
            content_type=spreadsheets.XLSX_CONTENT_TYPE,
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def next_steps(request: HttpRequest, spec: ListSpec) -> list[tuple[str, str]]:
    """(label, url) of what the caller can do to fill the empty list ``spec``: create its
    first record ("Create partner") and its ``empty_links`` ("Import partners"), each only
    for those who may. Also what a start page offers while a list is empty."""
    from django.urls import reverse
    from django.utils.translation import gettext

    access = access_for(request)
    steps = []
    if spec.create_url and spec.create_permission and access.can(spec.create_permission):
        label = gettext("Create %(thing)s") % {"thing": spec.noun} if spec.noun else gettext("New")
        steps.append((label, reverse(spec.create_url)))
    for label, url, perm in spec.empty_links:
        if access.can(perm) and may_open(request, str(url)):
            steps.append((str(label), str(url)))
    return steps


def list_view(request: HttpRequest, spec: ListSpec) -> HttpResponse:
    """Render ``spec`` as a page, or export it with ``?format=csv|xlsx``."""
    access = access_for(request)
    if spec.permission != PUBLIC and not access.can(spec.permission):
        return deny(request)
    queryset, filterset, sort = filtered(spec, request)
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        if not access.can(spec.export_permission):
            return deny(request)
        return export_response(spec, queryset, fmt)
    page = Paginator(queryset, spec.page_size).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    base_query = query.copy()
    base_query.pop("sort", None)
    objects = list(presented(spec, page.object_list))
    rows = [
        (
            spec.detail_url(obj) if spec.detail_url else None,
            [display(c.cell(obj)) for c in spec.columns],
        )
        for obj in objects
    ]
    if rows and rows[0][0] and not may_open(request, rows[0][0]):
        # Every row links to the same kind of page: one the caller may not open (an
        # award's edit page to someone who only reads) is no link at all.
        rows = [(None, cells) for _url, cells in rows]
    context = {
        "spec": spec,
        "page": page,
        "objects": objects,
        "rows": rows,
        "filterset": filterset,
        "sort": sort,
        "query": query.urlencode(),
        "base_query": base_query.urlencode(),
        "can_export": access.can(spec.export_permission),
        "can_create": bool(spec.create_permission and access.can(spec.create_permission)),
        "extra_links": [(label, url) for label, url, perm in spec.extra_links if access.can(perm)],
        "narrowed": narrowed(request),
        "plural": spec.plural or spec.title,
    }
    if not rows and not context["narrowed"]:
        context["next_steps"] = next_steps(request, spec)
    for name, build in spec.extra_context.items():
        context[name] = build(queryset)
    return render(request, spec.template, context)
