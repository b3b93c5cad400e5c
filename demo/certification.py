"""Demo data of certification programmes.

- The state office's templates: the diversity indicator (after the Magdeburg alliance's
  plan: promotion chances of all genders, acceptance of different family forms) as a
  template group, and the programme template "Vielfalt und Familie im Betrieb" with it.
- Jena's Familiensiegel with history: self-assessments of the open applications, an
  expired seal renewed, another one expired and not renewed, an expiring seal whose
  renewal has been started with the old answers.
- Erfurt (there is no Magdeburg alliance in Thuringia) adopted the diversity programme:
  one employer certified, one in review, one that has just sent its self-assessment.
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from core.models import PartnerKind, SealApplication, SealStatus
from core.services import certification, seal
from core.services.board import add_months

DIVERSITY_GROUP = (
    "diversitaet",
    "Diversitätsindikator",
    "Wie offen das Unternehmen für alle Geschlechter und Familienformen ist.",
    2,
    [
        ("Aufstiegschancen aller Geschlechter, auch in Teilzeit und nach der Elternzeit", True),
        ("Akzeptanz unterschiedlicher Familienformen (Alleinerziehende, Regenbogenfamilien, "
         "Patchwork- und Pflegefamilien)", True),
        ("Führungskräfte sind zu Vielfalt und Vereinbarkeit geschult", False),
    ],
)  # fmt: skip
COMPATIBILITY_GROUP = (
    "partnerschaftliche-vereinbarkeit",
    "Partnerschaftliche Vereinbarkeit",
    "Beruf und Familie für Mütter und Väter gleichermaßen.",
    1,
    [
        ("Flexible Arbeitszeiten und mobiles Arbeiten für Eltern und Pflegende", True),
        ("Väter werden zur Elternzeit ermutigt", False),
        ("Unterstützung bei der Kinderbetreuung in Randzeiten", False),
    ],
)
PROGRAMME = {
    "key": "vielfalt-familie",
    "name": "Vielfalt und Familie im Betrieb",
    "kind": "diversity",
    "description": (
        "Zertifikat für Arbeitgeberinnen und Arbeitgeber, die partnerschaftliche "
        "Vereinbarkeit leben und unterschiedliche Familienformen selbstverständlich "
        "einbeziehen. Beratungsprozess mit Selbstauskunft, Besuch vor Ort und Jury."
    ),
    "validity_years": 2,
    "renewal_rules": (
        "Die Erneuerung beginnt mit einer aktualisierten Selbstauskunft spätestens drei "
        "Monate vor Ablauf; die Jury entscheidet nach einem kurzen Gespräch vor Ort."
    ),
    "pass_threshold": 60,
}


class _Blueprint(SimpleNamespace):
    """A programme, group or criterion as ``core.services.certification``'s blueprints
    read them: the fields as attributes, a programme's groups and a group's criteria as
    lists."""

    def group_list(self):
        return self.groups

    def criteria_list(self):
        return self.criteria


def _group(row) -> _Blueprint:
    key, name, description, weight, criteria = row
    return _Blueprint(
        key=key,
        name=name,
        description=description,
        weight=weight,
        criteria=[_Blueprint(text=t, is_required=r, weight=1) for t, r in criteria],
    )


def diversity_programme() -> _Blueprint:
    """The programme as the state office offers it (the same as its template)."""
    return _Blueprint(**PROGRAMME, groups=[_group(COMPATIBILITY_GROUP), _group(DIVERSITY_GROUP)])


# ---------------------------------------------------------------- the state office


def seed_templates(*, actor) -> int:
    """The state office's template groups and programme template (once)."""
    from regional.models import CertificationTemplate
    from regional.services import certification as templates

    if CertificationTemplate.objects.exists():
        return 0
    groups = []
    for row in (COMPATIBILITY_GROUP, DIVERSITY_GROUP):
        group = _group(row)
        made = templates.group_create(
            actor=actor,
            key=group.key,
            name=group.name,
            description=group.description,
            weight=group.weight,
        )
        for position, criterion in enumerate(group.criteria, start=1):
            templates.criterion_create(
                actor=actor,
                group=made,
                text=criterion.text,
                is_required=criterion.is_required,
                position=position,
            )
        groups.append(made)
    templates.template_create(actor=actor, **PROGRAMME, groups=groups)
    return 1


# ---------------------------------------------------------------- the alliances


def seed_certification(seed) -> None:
    """Jena's seal history and Erfurt's diversity programme (see the module docstring)."""
    if seed.profile.flagship:
        _jena_history(seed)
    elif seed.alliance.slug == "erfurt":
        _diversity_programme(seed)


def _self_assess(seed, application: SealApplication, *, good: float = 0.7) -> None:
    answers = {
        check.pk: {
            "self_score": 2 if seed.rng.random() < good else 1,
            "self_comment": seed.rng.choice(
                ["", "", "seit 2021", "im Aufbau", "Betriebsvereinbarung"]
            ),
        }
        for check in application.checks.all()
    }
    certification.self_assessment_update(actor=seed.actor, application=application, answers=answers)


def _award(seed, application: SealApplication, day: datetime.date, reasoning: str) -> None:
    """The jury awards ``application`` on ``day``, its decision of the same day."""
    seal.seal_award(
        actor=seed.actor,
        application=application,
        awarded_on=day,
        decided_on=day,
        reasoning=reasoning,
    )


def _jena_history(seed) -> None:
    for application in SealApplication.objects.filter(
        status__in=(SealStatus.SUBMITTED, SealStatus.IN_REVIEW)
    ):
        _self_assess(seed, application)
    awarded = SealApplication.objects.filter(status=SealStatus.AWARDED).order_by("valid_until")
    expired = [a for a in awarded if a.valid_until < seed.today]
    if expired:  # renewed: applied before expiry, awarded again
        old = expired[0]
        renewal = certification.renewal_start(
            actor=seed.actor,
            application=old,
            submitted_on=old.valid_until - datetime.timedelta(days=75),
        )
        seal.seal_checklist_update(
            actor=seed.actor,
            application=renewal,
            results={check.pk: {"score": 2} for check in renewal.checks.all()},
        )
        awarded_on = min(old.valid_until - datetime.timedelta(days=10), seed.today)
        _award(seed, renewal, awarded_on, "Erneuert: alle Kriterien weiterhin erfüllt.")
        seed.count("seal_renewals")
    expiring = [
        a for a in awarded if seed.today <= a.valid_until <= seed.today + datetime.timedelta(60)
    ]
    if expiring:  # renewal started with the old answers
        certification.renewal_start(
            actor=seed.actor,
            application=expiring[0],
            submitted_on=seed.today - datetime.timedelta(days=5),
        )
        seed.count("seal_renewals")


def _diversity_programme(seed) -> None:
    programme = certification.programme_adopt_template(
        actor=seed.actor, template=diversity_programme()
    )
    companies = seed.active_partners(PartnerKind.COMPANY)[-3:]
    for number, partner in enumerate(companies):
        submitted = add_months(seed.today, -(8 - 3 * number))
        application = seal.seal_application_create(
            actor=seed.actor,
            programme=programme,
            partner=partner,
            submitted_on=submitted,
            reviewer="Koordinierungsstelle und Kammer",
        )
        _self_assess(seed, application, good=(1.0, 0.7, 0.6)[number])
        seed.count("certification_applications")
        if number == 2:
            continue  # only the self-assessment so far
        checks = list(application.checks.all())
        results = {c.pk: {"score": c.self_score} for c in checks}
        record = {"reviewed_on": submitted + datetime.timedelta(days=40)}
        seal.seal_application_update(actor=seed.actor, application=application, **record)
        seal.seal_checklist_update(actor=seed.actor, application=application, results=results)
        if number == 0:  # every answer confirmed on site
            reasoning = "Die Jury würdigt die Regenbogenfamilien-Sprechstunde im Betrieb."
            _award(seed, application, submitted + datetime.timedelta(days=70), reasoning)
