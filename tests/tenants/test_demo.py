"""`seed_demo` (run by `make demo`) is idempotent and prints where to go."""

from io import StringIO

from django.core.management import call_command

from core.audit.models import AuditEntry
from tenants.models import Alliance, Domain, User


def test_seed_demo_twice_changes_nothing_and_prints_urls_and_logins(jena, badfrankenhausen):
    first = StringIO()
    call_command("seed_demo", stdout=first)
    counts = (
        Alliance.objects.count(),
        Domain.objects.count(),
        User.objects.count(),
        AuditEntry.objects.count(),
    )
    second = StringIO()
    call_command("seed_demo", stdout=second)
    assert counts == (
        Alliance.objects.count(),
        Domain.objects.count(),
        User.objects.count(),
        AuditEntry.objects.count(),
    )
    output = second.getvalue()
    assert "alliance jena: exists" in output
    assert "http://localhost:8000/" in output
    assert "http://jena.localhost:8000/" in output
    assert "http://badfrankenhausen.localhost:8000/" in output
    assert "admin@demo.example" in output
    assert "demo-passwort" in output
    assert User.objects.get(email="admin@demo.example").check_password("demo-passwort")
