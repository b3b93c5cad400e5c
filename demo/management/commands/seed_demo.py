import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection

from demo import alliances as demo
from demo import certification as certification_demo
from demo import federal as federal_demo
from demo import library as library_demo
from demo import mailings as mailings_demo
from demo import onboarding as onboarding_demo
from demo import saxony as saxony_demo
from demo import state as state_demo
from demo import workshops as workshops_demo
from demo import workspace as workspace_demo
from tenants.models import User
from tenants.scope import state_scope

# The state layer's demo content, seeded in this order, each given the state office's
# login: (what the line names, the seed, what it says of a result that is new, what it
# says when there is nothing new, i.e. the seed returned nothing).
STATE_STEPS = [
    ("statistics", lambda actor: state_demo.seed_statistics(), "{} days created", "exist"),
    ("regional meetings", lambda actor: state_demo.seed_meetings(actor=actor), "{} created",
     "exist"),
    ("new alliances being founded", lambda actor: state_demo.seed_setups(actor=actor),
     "{} created", "exist"),
    # onboarding
    ("starter templates",
     lambda actor: onboarding_demo.seed_starter_templates(actor=actor), "{} created", "exist"),
    ("first steps", lambda actor: onboarding_demo.seed_first_steps(), "checklist of {.slug}",
     "exist"),
    # workshops
    ("strategy meeting's world café",
     lambda actor: workshops_demo.seed_strategy_workshop(actor=actor), "created", "exists"),
    # certification
    ("certification templates",
     lambda actor: certification_demo.seed_templates(actor=actor), "created", "exist"),
    ("report to the ministry", lambda actor: state_demo.seed_report(actor=actor),
     "released ({.title})", "exists"),
    # addressbook
    ("mailing to the coordinators", lambda actor: mailings_demo.seed_mailing(actor=actor),
     "sent ({.subject})", "exists"),
    # library
    ("state documents", lambda actor: library_demo.seed_state_library(actor=actor),
     "{} created", "exist"),
    ("Jena's documents", lambda actor: library_demo.seed_alliance_library(), "{} created",
     "exist"),
    # federal: the federal office's own login acts (demo.federal)
    ("federal programmes and award", lambda actor: federal_demo.seed_federal(),
     "{} programmes created", "exist"),
]  # fmt: skip


class Command(BaseCommand):
    help = (
        "Create the demo alliances, logins and two years of invented activity "
        "(idempotent: running it again changes nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="Port printed in the URLs.")

    def handle(self, *args, port: int, **options):
        started = time.monotonic()
        accounts = self.seed()
        self.stdout.write(f"  (demo data ready in {time.monotonic() - started:.1f} s)")
        self.print_where_to_go(port, accounts)

    def seed(self) -> list:
        connection.set_schema_to_public()
        alliances = demo.seed_alliances()
        for alliance, created in alliances:
            state = "created" if created else "exists"
            self.stdout.write(f"  alliance {alliance.slug}: {state}")
        accounts = demo.seed_accounts()
        for email, _role, _slug, created in accounts:
            self.stdout.write(f"  login {email}: {'created' if created else 'exists'}")
        user, created = demo.seed_support_user()
        self.stdout.write(f"  login {user.email}: {'created' if created else 'exists'}")
        coordinators = demo.seed_coordinators()
        new = sum(created for _email, created in coordinators)
        self.stdout.write(
            f"  coordinators of the other alliances (no login): "
            f"{f'{new} created' if new else 'exist'}"
        )

        for alliance, _created in alliances:
            actor = User.objects.filter(email=demo.coordinator_email(alliance.slug)).first()
            counts = workspace_demo.seed_workspace(alliance, actor=actor)
            if counts:
                summary = ", ".join(f"{n} {what.replace('_', ' ')}" for what, n in counts.items())
                self.stdout.write(f"  workspace {alliance.slug}: created ({summary})")
            else:
                self.stdout.write(f"  workspace {alliance.slug}: exists")
        connection.set_schema_to_public()
        contact = demo.seed_partner_contact()
        self.stdout.write(f"  login {contact[0]}: {'created' if contact[3] else 'exists'}")
        accounts.append(contact)
        federal = federal_demo.seed_federal_account()
        self.stdout.write(f"  login {federal[0]}: {'created' if federal[3] else 'exists'}")
        accounts.append(federal)

        state_actor = User.objects.filter(email="land@demo.example").first()
        # The home state's office made these (its meetings invite its alliances only).
        with state_scope(settings.BUENDNISNETZ_HOME_STATE):
            for label, seed, made, existing in STATE_STEPS:
                result = seed(state_actor)
                self.stdout.write(f"  {label}: {made.format(result) if result else existing}")
        made = saxony_demo.seed_saxony()
        self.stdout.write(f"  Saxony's regional meeting: {'created' if made else 'exists'}")
        return accounts

    def print_where_to_go(self, port: int, accounts: list) -> None:
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Bündnisnetz Thüringen (demo) is served at:"))
        for label, url in demo.demo_urls(port):
            self.stdout.write(f"  {url:<40} {label}")
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password: {demo.DEMO_PASSWORD}):")
        for email, role, place, _created in accounts:
            where = f" in {place}" if place else ""
            self.stdout.write(f"  {email:<40} {role.label}{where}")
        self.stdout.write(f"  {demo.SUPPORT_EMAIL:<40} support staff (administration: /admin/)")
        self.stdout.write("All alliances, people and figures are invented (marked as demo data).")
