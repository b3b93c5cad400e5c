from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Only carries the ``seed_demo`` command; no models, no migrations."""

    name = "demo"
    verbose_name = "Demo data"
