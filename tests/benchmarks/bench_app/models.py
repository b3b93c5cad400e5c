"""The benchmark app's one model (its state after migration 0002)."""

from django.db import models


class BenchNote(models.Model):
    """A note in an alliance schema; exists only in the benchmark database."""

    title = models.CharField(max_length=100)
    # Added by migration 0002: the "one new field" that make bench migrates.
    priority = models.PositiveSmallIntegerField(default=0)

    def __str__(self) -> str:
        return self.title
