from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """Carries the ``benchmark_*`` commands (benchmark settings only); no models."""

    name = "tests.benchmarks"
    label = "benchmarks"
    verbose_name = "Benchmarks"
