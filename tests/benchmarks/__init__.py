"""The benchmarks: ``make bench`` runs ``python -m tests.benchmarks`` (see ``__main__``).

Tooling beside the tests, never part of the product apps. ``__main__`` creates the
benchmark database, runs the measurements in order and writes the table into
docs/benchmarks.md. The measurements are management commands of this package
(``management/commands/benchmark_{provisioning,statistics,migrations,api}.py``),
installed as an app by ``config.settings.bench`` only, so each can also run alone
(``manage.py benchmark_api --settings=config.settings.bench``). ``common.py`` holds
the guard and the measurement row, ``alliance_data.py`` the synthetic records of one
alliance, ``middleware.py`` the API benchmark's no-routing baseline, ``bench_app`` the
tenant app whose migrations the ``migrate_schemas`` benchmark applies.
"""
