import time

from django.core.management.base import BaseCommand
from django.db import connection

from demo import alliances as demo
from demo import certification as certification_demo
from demo import onboarding as onboarding_demo
from demo import state as state_demo
from demo import workspace as workspace_demo
from tenants.models import User


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

        state_actor = User.objects.filter(email="land@demo.example").first()
        days = state_demo.seed_statistics()
        self.stdout.write(f"  statistics: {f'{days} days created' if days else 'exist'}")
        meetings = state_demo.seed_meetings(actor=state_actor)
        self.stdout.write(f"  regional meetings: {f'{meetings} created' if meetings else 'exist'}")
        setups = state_demo.seed_setups(actor=state_actor)
        self.stdout.write(
            f"  new alliances being founded: {f'{setups} created' if setups else 'exist'}"
        )
        # onboarding
        templates = onboarding_demo.seed_starter_templates(actor=state_actor)
        self.stdout.write(
            f"  starter templates: {f'{templates} created' if templates else 'exist'}"
        )
        started = onboarding_demo.seed_first_steps()
        self.stdout.write(
            f"  first steps: {f'checklist of {started.slug}' if started else 'exist'}"
        )
        # workshops
        from demo.workshops import seed_strategy_workshop

        strategy = seed_strategy_workshop(actor=state_actor)
        self.stdout.write(f"  strategy meeting's world café: {'created' if strategy else 'exists'}")
        # certification
        made = certification_demo.seed_templates(actor=state_actor)
        self.stdout.write(f"  certification templates: {'created' if made else 'exist'}")
        report = state_demo.seed_report(actor=state_actor)
        self.stdout.write(
            f"  report to the ministry: {f'released ({report.title})' if report else 'exists'}"
        )
        return accounts

    def print_where_to_go(self, port: int, accounts: list) -> None:
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Bündnisnetz Thüringen (demo) is served at:"))
        for label, url in demo.demo_urls(port):
            self.stdout.write(f"  {url:<40} {label}")
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password: {demo.DEMO_PASSWORD}):")
        for email, role, slug, _created in accounts:
            where = f" in {slug}" if slug else ""
            self.stdout.write(f"  {email:<40} {role.label}{where}")
        self.stdout.write(f"  {demo.SUPPORT_EMAIL:<40} support staff (administration: /admin/)")
        self.stdout.write("All alliances, people and figures are invented (marked as demo data).")
