"""Sentinel records of the admissions and board models for the isolation audit.

Each builder creates one record with primary key ``pk`` carrying ``sentinel`` in its text;
records it depends on (an application, a meeting) get the same id, so every
``<int:pk>`` and nested id of the board's and the applications' routes names a record.
"""

from __future__ import annotations

import datetime

from core.models import Application, BoardMeeting, MeetingTemplate


def _template(pk, sentinel):
    return MeetingTemplate.objects.filter(pk=pk).first() or MeetingTemplate.objects.create(
        pk=pk, name=f"{sentinel} Vorlage", location=sentinel, agenda=sentinel
    )


def _meeting(pk, sentinel, day):
    return BoardMeeting.objects.filter(pk=pk).first() or BoardMeeting.objects.create(
        pk=pk,
        title=f"{sentinel} Sitzung",
        date=day,
        location=sentinel,
        minutes=sentinel,
        minutes_status="draft",
    )


def _application(pk, sentinel, day):
    return Application.objects.filter(pk=pk).first() or Application.objects.create(
        pk=pk,
        organisation_name=f"{sentinel} Antrag",
        kind="company",
        contact_name=f"{sentinel} Kontakt",
        contact_email="sentinel.contact@example.org",
        contact_phone="+49 3641 999999",
        statement=sentinel,
        received_on=day,
    )


def build_application(model, pk, sentinel, partner, day):
    _application(pk, sentinel, day)


def build_decision(model, pk, sentinel, partner, day):
    model.objects.create(
        pk=pk,
        application=_application(pk, sentinel, day),
        meeting=_meeting(pk, sentinel, day),
        outcome="defer",
        votes_yes=1,
        votes_no=1,
        note=sentinel,
    )


def build_board_member(model, pk, sentinel, partner, day):
    model.objects.create(
        pk=pk,
        full_name=f"{sentinel} Mitglied",
        affiliation=sentinel,
        partner=partner,
        email="sentinel.contact@example.org",
        phone="+49 3641 999999",
        term_start=day - datetime.timedelta(days=365),
    )


def build_meeting_template(model, pk, sentinel, partner, day):
    _template(pk, sentinel)


def build_board_meeting(model, pk, sentinel, partner, day):
    meeting = _meeting(pk, sentinel, day)
    meeting.template = _template(pk, sentinel)
    meeting.save(update_fields=["template"])


def build_agenda_item(model, pk, sentinel, partner, day):
    model.objects.create(
        pk=pk, meeting=_meeting(pk, sentinel, day), position=1, title=sentinel, notes=sentinel
    )


def build_meeting_attachment(model, pk, sentinel, partner, day):
    # Only the record: the download view answers 404 for a file that is not stored.
    model.objects.create(
        pk=pk,
        meeting=_meeting(pk, sentinel, day),
        title=f"{sentinel} Anlage",
        file=f"board/{pk}/{sentinel}.pdf",
    )


SEEDS = {
    "application": build_application,
    "decision": build_decision,
    "boardmember": build_board_member,
    "meetingtemplate": build_meeting_template,
    "boardmeeting": build_board_meeting,
    "agendaitem": build_agenda_item,
    "meetingattachment": build_meeting_attachment,
}
