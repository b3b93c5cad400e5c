"""The benchmarks: ``make bench`` runs ``python -m config.bench`` (see ``__main__``).

The measurements themselves are management commands of the apps that own each feature
(``regional`` statistics, ``tenants`` provisioning and migrations, ``api`` latency);
this package creates the benchmark database, runs them in order and writes the table
into docs/benchmarks.md. ``middleware.py`` is the API benchmark's no-routing baseline.
"""
