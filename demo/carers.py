"""Demo content of the childcare pool (a step of ``demo.workspace._WorkspaceSeed.run``).

Jena's pool as the alliance describes it: about 45 police-checked carers, mostly
students and pensioners, a few applicants still collecting their checks, some checks
expiring soon or expired; about 20 placements, several paid by the university clinic for
its shift workers. Other alliances of some size have smaller pools (5 to 15 carers).
Every record goes through the services (audit entries, the assignment rule).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from core.models import CareKind, PartnerKind, PartnerStatus, Recurrence, SizeClass
from core.services import carers, partners
from demo.workspace_vocabulary import FIRST_NAMES, LAST_NAMES, ascii_slug

STUDIES = [
    "Lehramtsstudium Grundschule", "Studium Soziale Arbeit", "Studium Erziehungswissenschaft",
    "Studium Psychologie", "Medizinstudium", "Studium Kindheitspädagogik", "Studium Pharmazie",
]  # fmt: skip
RETIRED = [
    "Erzieherin im Ruhestand", "Grundschullehrer im Ruhestand", "Kinderkrankenschwester i. R.",
    "Tagesmutter im Ruhestand", "Sozialpädagogin im Ruhestand",
]  # fmt: skip
LANGUAGES = [
    "Deutsch", "Deutsch", "Deutsch, Englisch", "Deutsch, Englisch", "Deutsch, Russisch",
    "Deutsch, Arabisch", "Deutsch, Französisch", "Deutsch, Ukrainisch", "Deutsch, Polnisch",
]  # fmt: skip
STREETS = ["Löbdergraben", "Westbahnhofstraße", "Karl-Liebknecht-Straße", "Am Anger",
           "Bahnhofstraße", "Lindenstraße", "Goethestraße", "Schillerstraße"]  # fmt: skip
# kind, recurrence, hours per month range, availability it needs
PLACEMENT_KINDS = [
    (CareKind.PICK_UP, Recurrence.WEEKLY, (12, 30), "weekdays"),
    (CareKind.EVENING, Recurrence.WEEKLY, (8, 24), "evenings"),
    (CareKind.NIGHT, Recurrence.FORTNIGHTLY, (10, 40), "nights"),
    (CareKind.WEEKEND, Recurrence.MONTHLY, (6, 16), "weekends"),
    (CareKind.HOLIDAY, Recurrence.ONCE, (20, 40), "weekdays"),
    (CareKind.EMERGENCY, Recurrence.ON_CALL, (4, 10), "evenings"),
]


def _days(rng, low: int, high: int) -> datetime.timedelta:
    return datetime.timedelta(days=rng.randint(low, high))


def _carer_plan(seed, n: int) -> dict:
    """The n-th carer's person and checks: a student or a pensioner, and where they are
    with their checks (status and dates relative to today)."""
    rng, today = seed.rng, seed.today
    student = rng.random() < 0.6
    if student:
        availability = rng.sample(["evenings", "nights", "weekends"], rng.randint(1, 3))
        qualification = f"{rng.choice(STUDIES)}, {rng.randint(2, 9)}. Semester"
        phone = f"01{rng.choice([51, 60, 70, 76])} {rng.randint(1000000, 9999999)}"
    else:
        availability = ["weekdays", *rng.sample(["evenings", "weekends"], rng.randint(0, 2))]
        qualification = rng.choice(RETIRED)
        phone = seed.phone()
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    data = {
        "first_name": first,
        "last_name": last,
        "email": f"{ascii_slug(first)}.{ascii_slug(last)}{n}@mail.example",
        "phone": phone,
        "address": f"{rng.choice(STREETS)} {rng.randint(1, 60)}, "
        f"{seed.profile.postcode} {seed.town}",
        "availability": availability,
        "languages": rng.choice(LANGUAGES),
        "qualifications": qualification + ("; Erste-Hilfe am Kind" if rng.random() < 0.4 else ""),
        "police_clearance_on": today - _days(rng, 200, 1500),
        "first_aid_on": today - _days(rng, 60, 500),
        "training_on": today - _days(rng, 60, 700),
        "status": "active",
    }
    share = n / max(seed.pool_size, 1)
    if share < 0.1:  # applicants still collecting their checks
        data.update(status="applicant", training_on=None, police_clearance_on=None)
    elif share < 0.22:  # vetted, waiting for a first family
        data["status"] = "vetted"
    elif share < 0.3:  # checks expiring within weeks: on the home page, reminded by e-mail
        data["first_aid_on"] = today - datetime.timedelta(days=730) + _days(rng, 10, 55)
    elif share < 0.33:  # the clearance is up for renewal
        data["police_clearance_on"] = today - datetime.timedelta(days=5 * 365) + _days(rng, 5, 50)
    elif share < 0.38:  # paused (semester abroad, illness), one with an expired course
        data.update(status="paused", first_aid_on=today - _days(rng, 760, 900))
    elif share < 0.44:
        data["status"] = "left"
    return data


def _clinic(seed):
    """Jena's university clinic, which pays for the care of its shift workers' children."""
    name = f"Universitätsklinikum {seed.town}"
    if seed.unique(name) is None:
        return None
    clinic = partners.partner_create(
        actor=seed.actor, name=name, kind=PartnerKind.COMPANY, size_class=SizeClass.LARGE,
        city=seed.town, postcode=seed.profile.postcode, status=PartnerStatus.ACTIVE,
        joined_on=seed.founded, description="Übernimmt die Kosten der flexiblen "
        "Kinderbetreuung für Beschäftigte im Schichtdienst.",
    )  # fmt: skip
    seed.count("partners")
    return clinic


def seed_childcare_pool(seed) -> None:
    """The pool of ``seed``'s alliance (``demo.workspace._WorkspaceSeed``)."""
    rng, today = seed.rng, seed.today
    if seed.profile.flagship:
        seed.pool_size, placements = 45, 20
        companies = rng.sample(seed.active_partners(PartnerKind.COMPANY), 2)
        employers = [e for e in (_clinic(seed), *companies) if e is not None]
    elif seed.profile.partners >= 30:
        seed.pool_size = min(15, 5 + seed.profile.partners // 5)
        placements = seed.pool_size // 2
        employers = rng.sample(seed.active_partners(PartnerKind.COMPANY), 1)
    else:
        return  # the smallest alliances have no pool
    pool = []
    for n in range(seed.pool_size):
        pool.append(carers.carer_create(actor=seed.actor, **_carer_plan(seed, n)))
        seed.count("carers")
    assignable = [c for c in pool if c.status == "active"]
    for n in range(placements):
        kind, recurrence, (low, high), slot = PLACEMENT_KINDS[n % len(PLACEMENT_KINDS)]
        suited = [c for c in assignable if slot in c.availability] or assignable
        carer = rng.choice(suited)
        checked = max(carer.police_clearance_on, carer.first_aid_on, carer.training_on)
        last_valid = carer.next_expiry - datetime.timedelta(days=1)
        start = min(checked + _days(rng, 7, 200), today + _days(rng, 3, 20), last_valid)
        status = "planned" if start > today else "running"
        end = None
        if status == "running" and n % 6 == 5:  # a few have ended
            end, status = min(start + _days(rng, 30, 120), today - _days(rng, 1, 20)), "ended"
            end = max(end, start)
        paid = employers[n % 3] if n % 3 < len(employers) and rng.random() < 0.7 else None
        children = rng.choice([1, 1, 2, 2, 3])
        carers.placement_create(
            actor=seed.actor,
            family_name=f"Familie {rng.choice(LAST_NAMES)[0]}.",
            family_contact=f"01{rng.choice([52, 62, 73])} {rng.randint(1000000, 9999999)}",
            children_count=children,
            children_ages=", ".join(str(rng.randint(1, 11)) for _ in range(children)),
            partner=paid,
            carer=carer,
            kind=kind,
            recurrence=recurrence,
            hours_per_month=Decimal(rng.randint(low, high)),
            start_date=start,
            end_date=end,
            status=status,
        )
        seed.count("placements")
