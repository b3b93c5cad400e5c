"""Form and confirmation pages shared by every area of the workspace."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _


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
