"""The pages every kind of workshop shares, declared once per room in a
:class:`WorkshopViews`: the attendance list (printable page and PDF), the balanced
assignment, one person's seats, and the public registration and cancel pages.

The room marks the public ones as public; ``kernel.workshops.pages.workshop_urls``
names the others in the room's URL conf, behind the room's permission checks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kernel.crud.views import add_validation_error, confirm_page, form_page

from .attendance import attendance_pdf
from .forms import RegistrationForm
from .models import RegistrationStatus
from .rules import registration_pk
from .selectors import attendance
from .services import WorkshopWrites


@dataclass(frozen=True)
class WorkshopViews:
    """What differs between two rooms' workshop pages."""

    writes: WorkshopWrites
    #: The workshop by pk as its pages show it (raises ``DoesNotExist``).
    workshop_selector: Callable[[int], models.Model]
    #: The organiser's name printed on the attendance list.
    organiser: Callable[[Any], str]
    #: A workshop open to the public form (raises ``DoesNotExist``), from the URL's
    #: keywords; returns the workshop, the form's initial values and the registration
    #: service's extra keywords (an invitee's alliance, say).
    public_workshop: Callable[..., tuple[models.Model, dict[str, Any], dict[str, Any]]]
    #: The room's URL names start with it: ``<url_prefix>workshop-detail``, ...
    url_prefix: str = ""
    #: The organiser's letterhead on the attendance list (``kernel.pdf.Letterhead``).
    letterhead: Callable[[Any], Any] | None = None

    def detail_url(self, workshop) -> str:
        return reverse(f"{self.url_prefix}workshop-detail", args=[workshop.pk])

    def public_views(self, mark: Callable[[Callable], Callable]) -> tuple[Callable, Callable]:
        """The public registration form (its URL names the workshop: ``pk=``, an
        invitation's ``token=``, ...) and the cancel link's page as views, marked public
        by the room's ``mark``."""

        def register(request, **kwargs):
            return self.register(request, **kwargs)

        def cancel(request, token: str):
            return self.cancel(request, token)

        return mark(register), mark(cancel)

    def _workshop(self, pk: int):
        try:
            return self.workshop_selector(pk)
        except ObjectDoesNotExist as exc:
            raise Http404 from exc

    def _registration(self, pk: int, registration_pk: int):
        """The workshop and one of its registrations (404 for another's)."""
        workshop = self._workshop(pk)
        model = self.writes.registration_model
        return workshop, get_object_or_404(model, pk=registration_pk, workshop=workshop)

    # ------------------------------------------------------------ attendance

    def attendance_page(self, request, pk: int):
        workshop = self._workshop(pk)
        return render(
            request,
            "workshops/attendance.html",
            {
                "workshop": workshop,
                "people": attendance(workshop),
                "organiser": self.organiser(request),
                "back_url": self.detail_url(workshop),
            },
        )

    def attendance_pdf(self, request, pk: int):
        workshop = self._workshop(pk)
        occasion = workshop.occasion
        content = attendance_pdf(
            organiser=self.organiser(request),
            title=workshop.title,
            date=workshop.date,
            place=getattr(occasion, "place", ""),
            people=[(p.name, p.organisation) for p in attendance(workshop)],
            letterhead=self.letterhead(request) if self.letterhead else None,
        )
        response = HttpResponse(content, content_type="application/pdf")
        name = slugify(workshop.title)[:60] or "workshop"
        response["Content-Disposition"] = f'inline; filename="teilnahmeliste-{name}.pdf"'
        return response

    # ------------------------------------------------------------ assignment

    def _confirm(self, request, workshop, **page):
        """Ask, act, and back to the workshop's page."""
        back = self.detail_url(workshop)
        return confirm_page(request, cancel_url=back, success_url=back, **page)

    def assign_by_wishes(self, request, pk: int):
        workshop = self._workshop(pk)
        return self._confirm(
            request,
            workshop,
            obj=workshop,
            action=lambda: self.writes.assign_by_wishes(actor=request.user, workshop=workshop),
            title=_("Assign by wishes"),
            question=_(
                "Seat every person with a confirmed place anew, in each of the %(rounds)s "
                "rounds, by their wishes and balanced over the topics? Seats set by hand "
                "are replaced."
            )
            % {"rounds": workshop.rounds},
            success_message=_("The participants have been assigned."),
            button=_("Assign"),
        )

    def seats(self, request, pk: int, registration_pk: int):
        workshop, registration = self._registration(pk, registration_pk)
        topics = workshop.topics.order_by("title", "pk")
        current = {seat.round: seat.topic_id for seat in registration.seats.all()}
        fields = {
            f"round_{n}": forms.ModelChoiceField(
                label=_("Round %(number)s") % {"number": n},
                queryset=topics,
                required=False,
                empty_label=_("(no seat)"),
                initial=current.get(n),
            )
            for n in range(1, workshop.rounds + 1)
        }
        form_class = type("SeatsForm", (forms.Form,), fields)

        def save(form):
            for n in range(1, workshop.rounds + 1):
                topic = form.cleaned_data[f"round_{n}"]
                if (topic.pk if topic else None) != current.get(n):
                    self.writes.assign(
                        actor=request.user, registration=registration, round=n, topic=topic
                    )
            return workshop

        return form_page(
            request,
            form_class=form_class,
            save=save,
            success_url=self.detail_url,
            title=_("Seats of %(name)s") % {"name": registration.name},
            cancel_url=self.detail_url(workshop),
        )

    def registration_cancel(self, request, pk: int, registration_pk: int):
        """Cancel a registration for the person (by phone, say); the waiting list moves
        up."""
        workshop, registration = self._registration(pk, registration_pk)
        return self._confirm(
            request,
            workshop,
            obj=registration,
            action=lambda: self.writes.cancel(actor=request.user, registration=registration),
            title=_("Cancel registration"),
            question=_(
                "Cancel the registration of %(name)s? The first on the waiting list moves up."
            )
            % {"name": registration.name},
            success_message=_("The registration has been cancelled."),
            button=_("Cancel registration"),
        )

    # ------------------------------------------------------------ public pages

    def register(self, request, **kwargs):
        """The public registration form (anonymous; spam checks in the form)."""
        try:
            workshop, initial, extra = self.public_workshop(**kwargs)
        except ObjectDoesNotExist as exc:
            raise Http404 from exc
        topics = workshop.topics.order_by("title", "pk")
        context = {"workshop": workshop, "occasion": workshop.occasion}
        if not workshop.registration_open:
            return render(request, "workshops/register.html", {**context, "closed": True})
        status = 200
        if request.method == "POST":
            form = RegistrationForm(request.POST, topics=topics)
            if form.is_valid():
                data = form.cleaned_data
                try:
                    registration = self.writes.register(
                        workshop=workshop,
                        name=data["name"],
                        email=data["email"],
                        organisation=data["organisation"],
                        wishes=data.get("wishes") or (),
                        public=True,
                        **extra,
                    )
                except ValidationError as error:
                    add_validation_error(form, error)
                else:
                    return render(
                        request,
                        "workshops/registered.html",
                        {
                            **context,
                            "registration": registration,
                            "waiting": registration.status == RegistrationStatus.WAITING,
                        },
                    )
            status = 400
        else:
            form = RegistrationForm(topics=topics, initial=initial)
        return render(request, "workshops/register.html", {**context, "form": form}, status=status)

    def cancel(self, request, token: str):
        """The cancel link of the confirmation e-mail: ask, then cancel (no login)."""
        model = self.writes.registration_model
        pk = registration_pk(token, model._meta.label_lower)
        registration = model.objects.select_related("workshop").filter(pk=pk).first()
        if registration is None:
            return render(request, "workshops/cancel.html", {"invalid": True}, status=404)
        context = {"registration": registration, "workshop": registration.workshop}
        if registration.status == RegistrationStatus.CANCELLED:
            return render(request, "workshops/cancel.html", {**context, "done": True})
        if request.method == "POST":
            self.writes.cancel(registration=registration)
            messages.success(request, _("Your registration has been cancelled."))
            return render(request, "workshops/cancel.html", {**context, "done": True})
        return render(request, "workshops/cancel.html", context)
