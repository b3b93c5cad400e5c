from django.core.management.base import BaseCommand

from tenants import demo


class Command(BaseCommand):
    help = "Create the demo alliances and logins (idempotent: running it again changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="Port printed in the URLs.")

    def handle(self, *args, port: int, **options):
        for alliance, created in demo.seed_alliances():
            state = "created" if created else "exists"
            self.stdout.write(f"  alliance {alliance.slug}: {state}")
        accounts = demo.seed_accounts()
        for email, _role, _slug, created in accounts:
            self.stdout.write(f"  login {email}: {'created' if created else 'exists'}")
        user, created = demo.seed_support_user()
        self.stdout.write(f"  login {user.email}: {'created' if created else 'exists'}")
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
