"""Write docs/roles.md from the permission matrix (tenants.permissions)."""

from django.core.management.base import BaseCommand, CommandError

from tenants.roles_doc import DOC_PATH, roles_markdown, write_roles_doc


class Command(BaseCommand):
    help = "Write docs/roles.md from tenants/permissions.py (--check: only compare)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Fail if the file differs.")

    def handle(self, *args, check: bool = False, **options):
        if check:
            if DOC_PATH.read_text(encoding="utf-8") != roles_markdown():
                raise CommandError("docs/roles.md is out of date: run manage.py roles_doc.")
            self.stdout.write("docs/roles.md is up to date.")
            return
        changed = write_roles_doc()
        self.stdout.write("docs/roles.md written." if changed else "docs/roles.md unchanged.")
