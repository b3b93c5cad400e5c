import time

from django.core.management.base import BaseCommand

from tenants.services.provisioning import TEMPLATE_SCHEMA, ensure_template_schema
from tenants.services.spares import spares_refill


class Command(BaseCommand):
    help = (
        "Create or migrate the template schema that new alliances are copied from "
        "(run after migrate_schemas; running it again changes nothing), and keep the spare "
        "copies of it ready (BUENDNISNETZ_SPARE_SCHEMAS)."
    )

    def handle(self, *args, verbosity: int = 1, **options):
        started = time.perf_counter()
        changed = ensure_template_schema(verbosity=max(verbosity - 1, 0))
        seconds = time.perf_counter() - started
        spares = spares_refill()
        if verbosity < 1:
            return
        if changed:
            self.stdout.write(f"  template schema {TEMPLATE_SCHEMA}: migrated ({seconds:.1f} s)")
        else:
            self.stdout.write(f"  template schema {TEMPLATE_SCHEMA}: up to date")
        self.stdout.write(
            f"  spare schemas: {spares['spares']} ready ({spares['made']} made, "
            f"{spares['dropped']} of an older template or too many dropped)"
        )
