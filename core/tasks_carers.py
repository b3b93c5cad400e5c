"""The childcare pool's scheduled work (Celery beat): reminders of expiring checks.

``send_carer_check_reminders`` runs daily over every alliance: for each carer whose
police clearance or first-aid course expires within 60 days (or has expired) and whose
next expiry was not reminded of yet, it sends one German e-mail to the alliance's local
coordinators and pool staff and notes that expiry on the carer. Running it again (or
twice at once) sends nothing twice (``core.reminders``); renewing a check moves the next
expiry, which is reminded of in its turn.
"""

from __future__ import annotations

from celery import shared_task

from core.models import Carer
from core.reminders import Reminder
from core.selectors.carers import carers_due_for_reminder
from core.services.carers import carer_reminder_sent
from tenants.permissions import RULES


class CarerCheckReminder(Reminder):
    label, template = "carer check reminders", "core/emails/carer_check_reminder"
    url_name, model = "carer-detail", Carer
    # Those who see the pool: the local coordinators and the pool staff.
    roles = RULES["alliance.childcare.view"].roles

    def due(self, today):
        return [carer.pk for carer in carers_due_for_reminder(today=today)]

    def claim(self, pk):
        """The carer, locked, whose next expiry is still not reminded of."""
        carer = Carer.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
        if carer is None or carer.next_expiry in (None, carer.reminded_expiry):
            return None
        return carer

    def context(self, carer, today):
        return {
            "carer": str(carer),
            "police_clearance_until": carer.police_clearance_until,
            "first_aid_until": carer.first_aid_until,
            "expiry": carer.next_expiry,
            "expired": carer.next_expiry < today,
        }

    def mark(self, carer, today):
        carer_reminder_sent(carer=carer, expiry=carer.next_expiry)


@shared_task(name="core.send_carer_check_reminders", acks_late=True)
def send_carer_check_reminders() -> dict[str, int]:
    """Remind each alliance's pool coordination of carers' checks expiring soon, once."""
    return CarerCheckReminder().run()
