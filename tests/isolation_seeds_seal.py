"""Sentinel records of the family seal, the holiday programme and the family guide.

Each builder makes ONE record with the given primary key that carries the sentinel in a
text field. Holiday offers and guide entries are left unpublished: published ones are
meant for the public pages, and the isolation audit looks for leaks of private data.
"""

from __future__ import annotations

import datetime

from core.models import SealApplication, SealCriterion


def _criterion(model, pk, sentinel, partner, day):
    return model.objects.create(pk=pk, text=f"{sentinel} criterion", position=1)


def _application(model, pk, sentinel, partner, day):
    return model.objects.create(
        pk=pk,
        partner=partner,
        submitted_on=day,
        status="awarded",
        reviewer=sentinel,
        review_notes=sentinel,
        awarded_on=day,
        valid_until=day + datetime.timedelta(days=60),
    )


def _check(model, pk, sentinel, partner, day):
    criterion = SealCriterion.objects.filter(pk=pk).first() or _criterion(
        SealCriterion, pk, sentinel, partner, day
    )
    application = SealApplication.objects.filter(pk=pk).first() or _application(
        SealApplication, pk, sentinel, partner, day
    )
    return model.objects.create(
        pk=pk, application=application, criterion=criterion, fulfilled=True, note=sentinel
    )


def _holiday_offer(model, pk, sentinel, partner, day):
    return model.objects.create(
        pk=pk,
        title=f"{sentinel} offer",
        description=sentinel,
        organiser=sentinel,
        partner=partner,
        start_date=day,
        end_date=day + datetime.timedelta(days=2),
        registration=sentinel,
        is_published=False,
    )


def _guide_entry(model, pk, sentinel, partner, day):
    return model.objects.create(
        pk=pk,
        title=f"{sentinel} guide entry",
        category="advice",
        organisation=sentinel,
        description=sentinel,
        is_published=False,
    )


SEEDS = {
    "sealcriterion": _criterion,
    "sealapplication": _application,
    "sealcheck": _check,
    "holidayoffer": _holiday_offer,
    "guideentry": _guide_entry,
}
