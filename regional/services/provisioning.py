"""Putting a new alliance on the platform once its setup has reached "active".

``provision(setup_id=...)`` is what the Celery task ``provision_alliance`` runs. It is
safe to run twice and after a crash:

1. check the setup's data (name, short name, district, coordinator's e-mail address);
2. bring the template schema up to date;
3. create the alliance (row, schema copied from the template, primary domain
   ``<slug>.<BASE_DOMAIN>``) and link it to the setup in one transaction; an alliance
   already linked by an earlier, interrupted run is reused;
4. copy the state office's starter templates into the new schema and open the
   first-run checklist (``regional.services.starter``; skips what is there already);
5. create the coordinator's account if there is none, the local coordinator role and
   the invitation e-mail with a link to choose a password on the new alliance's host;
6. mark the setup done.

Each step is written to ``setup.provisioning_step`` as it starts (the setup page shows
it). If a step fails, the alliance made by this run is removed again (schema, domain,
row) and the setup shows the error and offers a retry.
"""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tenants.utils import schema_exists

from kernel.audit.services import audit_log
from kernel.mail.services import email_queue
from regional.models import AllianceSetup, ProvisioningStatus, SetupStage
from regional.services.starter import starter_prepare
from tenants import districts
from tenants.links import host_origin, host_url
from tenants.models import Alliance, AllianceStatus, Domain, Membership, User
from tenants.models.alliance import RESERVED_SLUGS, SLUG_PATTERN
from tenants.roles import Role
from tenants.scope import scoped_or_home_state_key
from tenants.services.alliances import alliance_host
from tenants.services.memberships import membership_create
from tenants.services.provisioning import (
    alliance_create_from_template,
    alliance_discard,
    create_alliance_schema_from_template,
    ensure_template_schema,
)

logger = logging.getLogger(__name__)

# Stored untranslated in setup.provisioning_step; the page translates them.
STEP_QUEUED = gettext_noop("Waiting for a free worker")
STEP_CHECK = gettext_noop("Checking the data")
STEP_TEMPLATE = gettext_noop("Preparing the database template")
STEP_ALLIANCE = gettext_noop("Creating the alliance, its database schema and web address")
STEP_STARTER = gettext_noop("Filling the catalogues from the state office's templates")
STEP_COORDINATOR = gettext_noop("Creating the coordinator's account and sending the invitation")
STEP_DONE = gettext_noop("The alliance is on the platform")

# pg_try_advisory_lock(namespace, setup id): one run per setup at a time.
_LOCK_NAMESPACE = 0x424E5355  # "BNSU"


class ProvisioningRefused(Exception):
    """The setup's data does not allow provisioning; the message says why (German)."""


# ---------------------------------------------------------------- checking the data


def slug_problem(slug: str, *, own_alliance_id: int | None = None) -> str | None:
    """Why ``slug`` cannot become a new alliance's address, or None if it can."""
    if not re.match(SLUG_PATTERN, slug or ""):
        return _(
            "The short name must be 3 to 40 lower-case letters, digits or hyphens "
            "and start with a letter."
        )
    if slug in RESERVED_SLUGS or slug.startswith("pg"):
        return _("This short name is reserved.")
    taken = Alliance.everywhere.filter(
        Q(slug=slug) | Q(schema_name=Alliance.schema_name_for(slug))
    ).exclude(pk=own_alliance_id)
    if taken.exists():
        return _("Another alliance already uses this short name.")
    return None


# What the state office enters for a setup, checked alike by the HTML form and the API
# (a ValidationError each: both show it at the field).


def clean_setup_slug(slug: str, *, setup: AllianceSetup | None) -> str:
    """The short name trimmed and in lower case, if it is free for ``setup`` (None: a new
    one); once the alliance is on the platform its short name is no longer checked."""
    slug = (slug or "").strip().lower()
    if not slug or (setup is not None and setup.alliance_id):
        return slug
    problem = slug_problem(slug)
    if problem:
        raise ValidationError(problem)
    others = AllianceSetup.objects.filter(slug=slug)
    if setup is not None:
        others = others.exclude(pk=setup.pk)
    if others.exists():
        raise ValidationError(_("Another new alliance already uses this short name."))
    return slug


def clean_setup_alliance_name(name: str, *, setup: AllianceSetup | None) -> str:
    """The alliance's name with its spaces tidied, if no alliance and no other setup
    has it already (in any case)."""
    name = " ".join((name or "").split())
    if not name:
        return name
    alliances = Alliance.everywhere.filter(name__iexact=name)
    others = AllianceSetup.everywhere.filter(alliance_name__iexact=name)
    if setup is not None:
        alliances = alliances.exclude(pk=setup.alliance_id)
        others = others.exclude(pk=setup.pk)
    if alliances.exists():
        raise ValidationError(_("An alliance with this name exists already."))
    if others.exists():
        raise ValidationError(_("Another new alliance already has this name."))
    return name


def clean_setup_email(email: str) -> str:
    """The coordinator's e-mail address trimmed and in lower case."""
    return (email or "").strip().lower()


def clean_setup_district(district: str) -> str:
    """The official key of a district of the office's own state, where the new alliance
    will lie (one of Thuringia's old slugs is taken as its key); ``ValidationError``
    otherwise."""
    key = districts.from_input(district)
    districts.validate(key, state=scoped_or_home_state_key())
    return key


def activation_problems(setup: AllianceSetup) -> list[str]:
    """What is missing or wrong before ``setup`` can go on the platform (empty: nothing)."""
    problems = []
    name = setup.alliance_name.strip()
    if not name:
        problems.append(_("the name of the alliance"))
    elif Alliance.everywhere.filter(name__iexact=name).exclude(pk=setup.alliance_id).exists():
        problems.append(_("a name that no other alliance uses"))
    if not setup.slug:
        problems.append(_("the short name (web address)"))
    else:
        problem = slug_problem(setup.slug, own_alliance_id=setup.alliance_id)
        if problem:
            problems.append(_("a valid, free short name (%(problem)s)") % {"problem": problem})
    if not setup.district:
        problems.append(_("the district"))
    if not setup.coordinator_email.strip():
        problems.append(_("the first coordinator's e-mail address"))
    else:
        account = User.objects.filter(email__iexact=setup.coordinator_email.strip()).first()
        if account is not None and not account.is_active:
            problems.append(_("a coordinator e-mail address whose account is not disabled"))
    return problems


def activation_message(problems: list[str]) -> str:
    return _("This setup cannot become active yet. Still needed: %(missing)s.") % {
        "missing": ", ".join(problems)
    }


# ---------------------------------------------------------------- the run


@contextmanager
def _setup_lock(setup_id: int):
    """True if this process holds the setup's lock (released when the run ends or the
    connection dies, so a crashed worker never blocks a later run)."""
    key = (_LOCK_NAMESPACE, setup_id % 2**31)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", key)
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", key)


def _record(setup: AllianceSetup, **fields: Any) -> None:
    """Save progress at once (outside any transaction of the run) so the page shows it."""
    fields["updated_at"] = timezone.now()
    AllianceSetup.objects.filter(pk=setup.pk).update(**fields)
    for name, value in fields.items():
        setattr(setup, name, value)


def _step(setup: AllianceSetup, step: str, **fields: Any) -> None:
    _record(setup, provisioning_step=step, **fields)


def provision(
    *,
    setup_id: int,
    actor_id: int | None = None,
) -> str:
    """Run the provisioning of one setup; returns what happened ("done", "failed", ...).

    The invitation's links are built from the configured site address (tenants.links).
    """
    connection.set_schema_to_public()
    with _setup_lock(setup_id) as acquired:
        if not acquired:
            return "busy"  # another run of the same setup is under way
        setup = AllianceSetup.objects.select_related("alliance").filter(pk=setup_id).first()
        if setup is None:
            return "missing"
        if setup.provisioning_status == ProvisioningStatus.DONE and setup.alliance_id:
            return "done"  # a second delivery of the task: nothing more to do
        if setup.provisioning_status not in (ProvisioningStatus.QUEUED, ProvisioningStatus.RUNNING):
            return "skipped"  # failed (a person decides about a retry) or never asked for
        if setup.stage != SetupStage.ACTIVE:  # moved back (admin) before a worker took it
            _record(setup, provisioning_status=ProvisioningStatus.NONE, provisioning_step="")
            return "skipped"
        actor = User.objects.filter(pk=actor_id).first() if actor_id else None
        try:
            _run(setup, actor)
        except Exception as exc:  # every failure is shown on the setup page
            logger.exception("Provisioning setup %s failed", setup_id)
            _fail(setup, actor, exc)
            return "failed"
    return "done"


def _run(setup: AllianceSetup, actor) -> None:
    _step(
        setup,
        STEP_CHECK,
        provisioning_status=ProvisioningStatus.RUNNING,
        provisioning_error="",
    )
    problems = activation_problems(setup)
    if problems:
        raise ProvisioningRefused(activation_message(problems))

    _step(setup, STEP_TEMPLATE)
    ensure_template_schema()

    _step(setup, STEP_ALLIANCE)
    alliance = _alliance_for(setup, actor)

    _step(setup, STEP_STARTER)
    starter_prepare(actor=actor, alliance=alliance, setup=setup)

    _step(setup, STEP_COORDINATOR)
    with transaction.atomic():
        user, new_account = _coordinator_account(setup, actor)
        _coordinator_role(user, alliance, actor)
        _invite(setup, alliance, user)
        _record(
            setup,
            alliance=alliance,
            provisioning_status=ProvisioningStatus.DONE,
            provisioning_step=STEP_DONE,
            provisioning_error="",
        )
        audit_log(
            actor=actor,
            action="regional.alliancesetup.provisioned",
            target=setup,
            changes={
                "alliance": alliance.slug,
                "domain": alliance_host(alliance.slug),
                "coordinator": user.email,
                "new_account": new_account,
            },
        )


def _alliance_for(setup: AllianceSetup, actor) -> Alliance:
    """The setup's alliance: the one an interrupted earlier run made, or a new one."""
    if setup.alliance_id:
        alliance = setup.alliance
        with transaction.atomic():
            if not schema_exists(alliance.schema_name):
                create_alliance_schema_from_template(alliance.schema_name)
            if not alliance.domains.filter(is_primary=True).exists():
                Domain.objects.create(
                    domain=alliance_host(alliance.slug), tenant=alliance, is_primary=True
                )
        return alliance
    with transaction.atomic():
        alliance = alliance_create_from_template(
            actor=actor,
            name=setup.alliance_name.strip(),
            slug=setup.slug,
            state=setup.state,
            district=setup.district,
            host_organisation=setup.host_organisation,
            founded_on=timezone.localdate(),
            status=AllianceStatus.ACTIVE,
        )
        # Linked in the same transaction: a crash later leaves an alliance that the
        # next run finds and reuses, never an orphan.
        _record(setup, alliance=alliance)
    return alliance


def _coordinator_account(setup: AllianceSetup, actor) -> tuple[User, bool]:
    email = User.objects.normalize_email(setup.coordinator_email.strip()).lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return user, False
    user = User.objects.create_user(
        email=email, password=None, full_name=setup.coordinator_name.strip()
    )
    audit_log(
        actor=actor,
        action="tenants.user.created",
        target=user,
        changes={"email": email, "for_setup": setup.pk},
    )
    return user, True


def _coordinator_role(user: User, alliance: Alliance, actor) -> None:
    exists = Membership.objects.filter(
        user=user, alliance=alliance, role=Role.LOCAL_COORDINATOR
    ).exists()
    if not exists:
        membership_create(actor=actor, user=user, role=Role.LOCAL_COORDINATOR, alliance=alliance)


def invitation_link(user: User, alliance: Alliance) -> str:
    """A link to choose a password on the alliance's own host (valid one day)."""
    from django.contrib.auth.tokens import default_token_generator

    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
        urlconf=settings.ROOT_URLCONF,
    )
    return host_url(alliance_host(alliance.slug), path)


def _invite(setup: AllianceSetup, alliance: Alliance, user: User) -> None:
    """The invitation: a set-password link, or, for an account that already has a
    password, the new role and where to log in."""
    origin = host_origin(alliance_host(alliance.slug))
    context = {
        "name": setup.coordinator_name.strip() or user.get_full_name(),
        "alliance": alliance,
        "login_url": origin + reverse("login", urlconf=settings.ROOT_URLCONF),
        "workspace_url": origin + "/workspace/",
        "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
    }
    if user.has_usable_password():
        kind = "role"
    else:
        kind = "invitation"
        context["link"] = invitation_link(user, alliance)
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"regional/emails/setup_{kind}_subject.txt", context)
        body = render_to_string(f"regional/emails/setup_{kind}.txt", context)
    subject = " ".join(subject.split())
    email_queue(subject=subject, body=body, to=[user.email])


def _fail(setup: AllianceSetup, actor, exc: Exception) -> None:
    """Remove what this run made, then show the error on the setup."""
    if isinstance(exc, ProvisioningRefused):
        message = str(exc)
    elif isinstance(exc, ValidationError):
        message = " ".join(exc.messages)
    else:
        message = f"{type(exc).__name__}: {exc}"
    connection.set_schema_to_public()
    alliance_id = AllianceSetup.objects.filter(pk=setup.pk).values_list("alliance", flat=True)[0]
    if alliance_id is not None:
        alliance = Alliance.objects.filter(pk=alliance_id).first()
        if alliance is not None:
            try:
                alliance_discard(actor=actor, alliance=alliance, reason=message)
            except Exception as cleanup_error:  # keep the first error, add the second
                logger.exception("Removing alliance %s after a failure failed", alliance_id)
                message += f" / {type(cleanup_error).__name__}: {cleanup_error}"
    _record(
        setup,
        alliance=None,
        provisioning_status=ProvisioningStatus.FAILED,
        provisioning_step="",
        provisioning_error=message[:4000],
    )
    audit_log(
        actor=actor,
        action="regional.alliancesetup.provisioning_failed",
        target=setup,
        changes={"error": message[:500]},
    )
