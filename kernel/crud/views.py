"""The pages every list, record and form is made of: function helpers (``form_page``,
``confirm_page``) and the class-based views built on them."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from kernel.access import access_for, deny
from kernel.crud.facts import RecordHead
from kernel.crud.tables import EXPORT_FORMATS, ListSpec, list_view

# A record's id as a query string gives it ("New event" from a project's page).
ID = re.compile(r"[0-9]{1,9}")


def split_many(form) -> tuple[dict[str, Any], dict[str, Any]]:
    """cleaned_data split into plain fields and many-to-many fields (set after saving)."""
    many_names = {f.name for f in form._meta.model._meta.many_to_many}
    data = {k: v for k, v in form.cleaned_data.items() if k not in many_names}
    many = {k: v for k, v in form.cleaned_data.items() if k in many_names}
    return data, many


def add_validation_error(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def named_args(text: Any, obj: Any) -> dict[str, Any]:
    """Each ``%(name)s`` of ``text``: ``obj``'s attribute of that name, or ``obj`` itself
    (its ``str``) where it has none."""
    names = re.findall(r"%\((\w+)\)s", str(text))
    return {name: getattr(obj, name, obj) for name in names}


def query_ids(request: HttpRequest, names: tuple[str, ...]) -> dict[str, int]:
    """``?<name>=<id>`` of the query string for each of ``names`` whose value is a
    record's id (up to nine digits); anything else is left out (the form checks it)."""
    values = {name: request.GET.get(name, "") for name in names}
    return {name: int(value) for name, value in values.items() if ID.fullmatch(value)}


def model_name(model: type[models.Model]) -> dict[str, Any]:
    """``%(name)s`` of a page's title: the model's verbose name ("Edit project")."""
    return {"name": model._meta.verbose_name}


def form_page(
    request: HttpRequest,
    *,
    form_class,
    save: Callable[[Any], models.Model],
    success_url: Callable[[models.Model], str],
    title: str,
    cancel_url: str,
    instance: models.Model | None = None,
    form_kwargs: dict[str, Any] | None = None,
    success_message: str | None = None,
    template: str = "core/form.html",
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """GET shows the form; POST validates, calls ``save(form)`` (a service) and redirects.

    Invalid input answers 400 with every message on the form and changes nothing.
    """
    kwargs = dict(form_kwargs or {})
    if instance is not None:
        kwargs["instance"] = instance
    status = 200
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, **kwargs)
        if form.is_valid():
            try:
                obj = save(form)
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(request, success_message or _("Saved."))
                return redirect(success_url(obj))
        status = 400
    else:
        form = form_class(**kwargs)
    return render(
        request,
        template,
        {"form": form, "title": title, "cancel_url": cancel_url, **(context or {})},
        status=status,
    )


def confirm_page(
    request: HttpRequest,
    *,
    obj: models.Model,
    action: Callable[[], Any],
    title: str,
    question: str,
    cancel_url: str,
    success_url: str,
    success_message: str,
    button: str,
) -> HttpResponse:
    """GET asks; POST does ``action()`` (a service) and redirects; refusals are shown."""
    error = None
    if request.method == "POST":
        try:
            action()
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, success_message)
            return redirect(success_url)
    return render(
        request,
        "core/confirm.html",
        {
            "obj": obj,
            "title": title,
            "question": question,
            "cancel_url": cancel_url,
            "button": button,
            "error": error,
        },
        status=400 if error else 200,
    )


# ---------------------------------------------------------------- class-based pages
#
# Each model's pages are a declaration over these four classes (as NetBox's
# ObjectListView, ObjectEditView and ObjectDeleteView): model, selector, form,
# FilterSet, table, permission and the service to call. They answer to every method as
# the function views they replace did: the permission first (deny: login page or 404),
# then GET and POST the same way.


class ObjectView(View):
    """A page that only holders of ``required_permission`` see.

    The attribute's name is the one the permission layer's route audit reads
    (``tenants.permissions.view_protection``), so every route of these views is listed
    in the permission matrix under its key.
    """

    required_permission: str = ""
    # Permission that shows the page's change buttons (``can_change`` in the template).
    change_permission: str | None = None
    # Ask the permissions of the record itself too (a partner contact's own partner).
    check_object: bool = False

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not access_for(request).holds(self.required_permission):
            return deny(request)
        return super().dispatch(request, *args, **kwargs)

    def can_change(self, obj: models.Model | None = None) -> bool:
        if not self.change_permission:
            return False
        return access_for(self.request).can(
            self.change_permission, obj if self.check_object else None
        )


class ObjectListView(ObjectView):
    """A ``ListSpec`` as a page, or its CSV/XLSX export (``?format=``).

    ``export_spec`` (optional) is the same list with more columns, for the downloads.
    """

    spec: ListSpec
    export_spec: ListSpec | None = None

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        exporting = request.GET.get("format", "") in EXPORT_FORMATS
        return list_view(request, self.export_spec if exporting and self.export_spec else self.spec)

    post = get


class _RecordView(ObjectView):
    """A page about one record (``pk`` in the URL) or about a new one (no ``pk``)."""

    model: type[models.Model]
    # Loads the record by pk (a selector); default: the model's own manager.
    selector: Callable[[int], models.Model] | None = None
    # The URL names of the model's list and detail pages (the detail takes the pk).
    list_url: str
    detail_url: str
    # The service's keyword for the record it changes or deletes: ``project=``.
    instance_arg: str = "instance"
    # The URL keyword of the record's pk (``task_pk`` below its setup's ``pk``).
    pk_kwarg: str = "pk"

    def get_object(self) -> models.Model | None:
        if self.pk_kwarg not in self.kwargs:
            return None
        pk = self.kwargs[self.pk_kwarg]
        selector = type(self).selector
        if selector is None:
            obj = get_object_or_404(self.model, pk=pk)
        else:
            try:
                obj = selector(pk)
            except ObjectDoesNotExist as exc:
                raise Http404 from exc
        if self.check_object and not access_for(self.request).can(self.required_permission, obj):
            raise Http404
        return obj

    def detail(self, obj: models.Model) -> str:
        return reverse(self.detail_url, args=[obj.pk])

    def success_url(self, obj: models.Model) -> str:
        return self.detail(obj)

    def cancel_url(self, obj: models.Model | None) -> str:
        return reverse(self.list_url) if obj is None else self.detail(obj)


class ObjectDetailView(_RecordView):
    """One record, loaded by ``selector(pk)``; a missing record is 404."""

    template_name: str
    context_object_name: str = "object"
    # More of the template's context: name -> function(record) (a project's target groups).
    extra_context: dict[str, Callable[[Any], Any]] = {}
    # Its title, trail, buttons and facts, for a template extending record.html.
    head: RecordHead | None = None

    def get_context_data(self, obj: models.Model) -> dict[str, Any]:
        head = self.head.context(obj, self.request) if self.head else {}
        extra = {name: build(obj) for name, build in self.extra_context.items()}
        return {**head, self.context_object_name: obj, "can_change": self.can_change(obj), **extra}

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return render(request, self.template_name, self.get_context_data(self.get_object()))

    post = get


class ObjectEditView(_RecordView):
    """Create (no ``pk`` in the URL) or edit a record through its services.

    POST validates the form and calls ``create_service(actor=, **cleaned_data)`` or
    ``update_service(actor=, <instance_arg>=, **cleaned_data)``; a ValidationError
    from the service is shown on the form; invalid input answers 400.
    """

    form_class: type
    create_service: Callable[..., models.Model]
    update_service: Callable[..., models.Model]
    create_title: str = ""
    edit_title: str = ""
    saved_message: str | None = None  # None: "Saved."
    template_name: str = "core/form.html"
    # False: a plain form about the record (a decision), not a ModelForm of it.
    model_form: bool = True
    # Fields a new record's form takes from the query string (``?project=<id>``).
    initial_from_query: tuple[str, ...] = ()

    def get_form_class(self) -> type:
        return self.form_class

    def get_form_kwargs(self) -> dict[str, Any]:
        initial = query_ids(self.request, self.initial_from_query)
        if self.pk_kwarg in self.kwargs or not initial:
            return {}
        return {"initial": initial}

    def get_context_data(self, obj: models.Model | None) -> dict[str, Any]:
        return {}

    def get_title(self, obj: models.Model | None) -> str:
        if obj is None:
            return str(self.create_title)
        return str(self.edit_title or _("Edit %(name)s") % model_name(self.model))

    def service_kwargs(self, form) -> dict[str, Any]:
        return dict(form.cleaned_data)

    def save(self, obj: models.Model | None, form) -> models.Model:
        kwargs = {"actor": self.request.user, **self.service_kwargs(form)}
        if obj is None:
            return type(self).create_service(**kwargs)
        return type(self).update_service(**{self.instance_arg: obj}, **kwargs)

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        obj = self.get_object()
        return form_page(
            request,
            form_class=self.get_form_class(),
            instance=obj if self.model_form else None,
            form_kwargs=self.get_form_kwargs(),
            save=lambda form: self.save(obj, form),
            success_url=self.success_url,
            title=self.get_title(obj),
            cancel_url=self.cancel_url(obj),
            template=self.template_name,
            success_message=str(self.saved_message) if self.saved_message else None,
            context=self.get_context_data(obj),
        )

    post = get


class ObjectActionView(_RecordView):
    """Ask, then call ``service(actor=, <instance_arg>=, **service_kwargs())``; a refusal
    (ValidationError) is shown on the page. Then back to the record.

    ``question`` is formatted with ``question_args(obj)``.
    """

    service: Callable[..., Any]
    title: str = ""
    question: str = ""
    success_message: str = ""
    button: str = ""

    def question_args(self, obj: models.Model) -> dict[str, Any]:
        return named_args(self.question, obj)

    def service_kwargs(self, obj: models.Model) -> dict[str, Any]:
        return {}

    def texts(self, obj: models.Model) -> dict[str, str]:
        """title, question, success_message and button of the page (may depend on obj)."""
        return {
            "title": str(self.title),
            "question": str(self.question) % self.question_args(obj),
            "success_message": str(self.success_message),
            "button": str(self.button),
        }

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        obj = self.get_object()
        service = type(self).service
        return confirm_page(
            request,
            obj=obj,
            action=lambda: service(
                actor=request.user, **{self.instance_arg: obj}, **self.service_kwargs(obj)
            ),
            cancel_url=self.cancel_url(obj),
            success_url=self.success_url(obj),
            **self.texts(obj),
        )

    post = get


class ObjectDeleteView(ObjectActionView):
    """Delete with confirmation; afterwards the list."""

    button = gettext_lazy("Delete")

    def texts(self, obj: models.Model) -> dict[str, str]:
        title = self.title or _("Delete %(name)s") % model_name(self.model)
        return {**super().texts(obj), "title": str(title)}

    def success_url(self, obj: models.Model) -> str:
        return reverse(self.list_url)


# ---------------------------------------------------------------- records on a parent's page


class ChildRecordMixin:
    """A record shown on its parent's page (a partner's contact person, a setup's
    checklist item): ``pk`` in the URL is the parent's, ``pk_kwarg`` the record's, and
    every page leads back to the parent's page."""

    # The record's field naming its parent, and the create service's keyword for it.
    parent_arg: str
    # The URL name of the parent's page (it takes the parent's pk).
    parent_url: str
    # Loads the parent by pk (a selector); default: its model's own manager.
    parent_selector: Callable[[int], models.Model] | None = None
    # Ask the permission of the parent itself (a partner contact's own partner).
    check_parent: bool = False

    def get_parent(self) -> models.Model:
        selector = type(self).parent_selector
        if selector is None:
            model = self.model._meta.get_field(self.parent_arg).related_model
            parent = get_object_or_404(model, pk=self.kwargs["pk"])
        else:
            try:
                parent = selector(self.kwargs["pk"])
            except ObjectDoesNotExist as exc:
                raise Http404 from exc
        if self.check_parent and not access_for(self.request).can(self.required_permission, parent):
            raise Http404
        return parent

    def get_object(self) -> models.Model | None:
        self.parent = self.get_parent()
        if self.pk_kwarg not in self.kwargs:
            return None
        pk = self.kwargs[self.pk_kwarg]
        return get_object_or_404(self.model, pk=pk, **{self.parent_arg: self.parent})

    def success_url(self, obj: models.Model | None) -> str:
        return reverse(self.parent_url, args=[self.parent.pk])

    def cancel_url(self, obj: models.Model | None) -> str:
        return self.success_url(obj)


class ChildEditMixin:
    """New records are made for the parent (``create_title`` may name its attributes:
    ``%(name)s``)."""

    def get_title(self, obj: models.Model | None) -> str:
        if obj is None:
            return str(self.create_title) % named_args(self.create_title, self.parent)
        return super().get_title(obj)

    def service_kwargs(self, form) -> dict[str, Any]:
        kwargs = super().service_kwargs(form)
        if self.pk_kwarg in self.kwargs:
            return kwargs
        return {**kwargs, self.parent_arg: self.parent}
