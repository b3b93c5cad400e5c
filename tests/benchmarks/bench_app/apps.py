from django.apps import AppConfig


class BenchAppConfig(AppConfig):
    name = "tests.benchmarks.bench_app"
    label = "bench_app"
    verbose_name = "Benchmark app"
    default_auto_field = "django.db.models.BigAutoField"
