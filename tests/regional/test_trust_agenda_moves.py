"""The up/down buttons of a regional meeting's agenda: on the locked agenda of a meeting
that has taken place they lead to a form that asks for the reason, so the order can be
corrected from the page, and the correction is audited with its reason. An agenda still
open moves at once, as before. (Board meeting agendas have no move buttons: an item's
position is changed in its edit form, which asks for the reason itself.)"""

from __future__ import annotations

import pytest

from kernel.audit.models import AuditEntry
from tenants.roles import Role
from tests.clock import in_days
from tests.conftest import logged_in_client
from tests.factories.regional import RegionalAgendaItemFactory, RegionalMeetingFactory
from tests.factories.tenants import account_with_role
from tests.regional.agendas import agenda_titles, assert_correction_audited

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser_client(db):
    organiser = account_with_role(Role.STATE_COORDINATOR, email="land-moves@lks.example")
    return logged_in_client(organiser, "localhost", language="de")


def test_locked_agenda_move_asks_for_the_reason_and_records_it(organiser_client):
    meeting = RegionalMeetingFactory(date=in_days(-3))
    RegionalAgendaItemFactory(meeting=meeting, position=1, title="Begrüßung")
    second = RegionalAgendaItemFactory(meeting=meeting, position=2, title="Bericht")
    url = f"/meetings/{meeting.pk}/agenda/{second.pk}/move/"

    page = organiser_client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert f'href="{url}?direction=up"' in page  # a link to the form, not a bare POST

    form_page = organiser_client.get(url + "?direction=up")
    assert form_page.status_code == 200
    form = form_page.context["form"]
    assert set(form.fields) == {"direction", "reason"}
    assert form["direction"].value() == "up"
    assert "Grund der Korrektur" in form_page.content.decode()

    # The old button's POST (no reason) is refused in German and changes nothing.
    answer = organiser_client.post(url, {"direction": "up"})
    assert answer.status_code == 400
    assert "Tagesordnung ist gesperrt" in answer.content.decode()
    assert agenda_titles(meeting) == ["Begrüßung", "Bericht"]
    assert not AuditEntry.objects.filter(action="regional.regionalmeeting.agenda_corrected")

    answer = organiser_client.post(url, {"direction": "up", "reason": "Reihenfolge wie gehalten"})
    assert answer.status_code == 302
    assert answer["Location"] == f"/meetings/{meeting.pk}/#agenda"
    assert agenda_titles(meeting) == ["Bericht", "Begrüßung"]
    assert_correction_audited("moved", "Reihenfolge wie gehalten")


def test_locked_agenda_move_refuses_an_unknown_direction(organiser_client):
    meeting = RegionalMeetingFactory(date=in_days(-3))
    first = RegionalAgendaItemFactory(meeting=meeting, position=1, title="Begrüßung")
    RegionalAgendaItemFactory(meeting=meeting, position=2, title="Bericht")
    url = f"/meetings/{meeting.pk}/agenda/{first.pk}/move/"
    assert organiser_client.get(url + "?direction=sideways").status_code == 200
    answer = organiser_client.post(url, {"direction": "sideways", "reason": "x"})
    assert answer.status_code == 400
    assert agenda_titles(meeting) == ["Begrüßung", "Bericht"]


def test_open_agenda_still_moves_at_once_without_a_reason(organiser_client):
    meeting = RegionalMeetingFactory(date=in_days(10))
    RegionalAgendaItemFactory(meeting=meeting, position=1, title="Begrüßung")
    second = RegionalAgendaItemFactory(meeting=meeting, position=2, title="Bericht")
    url = f"/meetings/{meeting.pk}/agenda/{second.pk}/move/"
    page = organiser_client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert f'action="{url}"' in page
    answer = organiser_client.post(url, {"direction": "up"})
    assert answer.status_code == 302
    assert agenda_titles(meeting) == ["Bericht", "Begrüßung"]
    assert not AuditEntry.objects.filter(action="regional.regionalmeeting.agenda_corrected")
