"""Reminders before something in an alliance's workspace expires, one machinery for all.

A reminder is a subclass of :class:`Reminder` that declares which records are due, the
German e-mail about one of them (its templates, its values and the record's page) and
how the record is marked as reminded. ``run()`` (a daily Celery beat task each, in
``core.tasks`` and ``core.tasks_carers``) goes over every alliance that still exists:
for each due record it locks the record, checks again that it is still due, marks it
and queues one e-mail to the alliance's recipients. Running it again (or twice at once)
sends no reminder twice: a record locked by another run is skipped, a marked one is no
longer due. An alliance without recipients is left alone, its records unmarked, so they
are reminded of once someone is there to read it.
"""

from __future__ import annotations

import abc
import datetime
import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tenants.utils import schema_context

from kernel.mail import services as mail
from tenants.links import alliance_url
from tenants.roles import Role
from tenants.selectors import alliance_list, member_emails

logger = logging.getLogger(__name__)


class Reminder(abc.ABC):
    """One kind of reminder; subclasses declare the attributes and the abstract methods
    (a subclass that leaves one out cannot be instantiated)."""

    label: str  # for the log: "seal expiry reminders"
    template: str  # the e-mail's templates: ``<template>_subject.txt`` and ``<template>.txt``
    url_name: str  # the record's page in the workspace (alliance host)
    model: type[models.Model]
    related: tuple[str, ...] = ()  # what the e-mail reads beside the record
    roles: Iterable[str] = (Role.LOCAL_COORDINATOR,)  # who is reminded

    @abc.abstractmethod
    def due(self, today: datetime.date) -> Iterable[int]:
        """The ids of the records due for the reminder today."""

    def claim(self, pk: int) -> models.Model | None:
        """The record, locked and still due (by default: not reminded yet); None when a
        run at the same time holds it or has reminded of it already."""
        return (
            self.model.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related(*self.related)
            .filter(pk=pk, reminder_sent_on__isnull=True)
            .first()
        )

    @abc.abstractmethod
    def context(self, record, today: datetime.date) -> dict[str, Any]:
        """The e-mail's own values (the alliance's name and the link are added)."""

    @abc.abstractmethod
    def mark(self, record, today: datetime.date) -> None:
        """Note on the record that it was reminded of (by the system)."""

    def run(self) -> dict[str, int]:
        """Remind in every alliance; returns how many e-mails each alliance's schema queued."""
        today = timezone.localdate()
        results: dict[str, int] = {}
        for alliance in alliance_list():  # every alliance that still exists (not dissolved)
            recipients = member_emails(alliance=alliance, roles=self.roles)
            if not recipients:
                continue  # nobody to tell: reminded of once someone is
            with schema_context(alliance.schema_name):
                sent = results[alliance.schema_name] = self._remind_here(
                    alliance, recipients, today
                )
            if sent:
                logger.info("%s in %s: %s", self.label, alliance.schema_name, sent)
        return results

    def _remind_here(self, alliance, recipients: list[str], today: datetime.date) -> int:
        """Send the due reminders of the alliance whose schema is active."""
        sent = 0
        for pk in list(self.due(today)):
            with transaction.atomic():
                record = self.claim(pk)
                if record is None:
                    continue
                path = reverse(self.url_name, urlconf=settings.ROOT_URLCONF, args=[pk])
                context = {
                    "alliance_name": alliance.name,
                    **self.context(record, today),
                    "url": alliance_url(alliance, path),
                }
                with translation.override("de"):
                    subject = render_to_string(f"{self.template}_subject.txt", context)
                    body = render_to_string(f"{self.template}.txt", context)
                self.mark(record, today)
                mail.email_queue(subject=" ".join(subject.split()), body=body, to=recipients)
                sent += 1
        return sent
