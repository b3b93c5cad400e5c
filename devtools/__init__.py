"""Developer tooling, never part of the product image or imported by the product apps.

- ``embedded``: PostgreSQL and Redis under ``.data/`` for machines without servers
  (``make services-start|stop|status``; the local and test settings use them when
  ``DATABASE_URL`` / ``REDIS_URL`` are unset);
- ``devrun``: ``make demo``'s process runner (migrations, ``seed_demo``, web server,
  Celery worker and beat, stopped together);
- ``upgrade_check``, ``snapshot``: the proofs that a redesign left behaviour unchanged
  (``make upgrade-check``, ``make snapshots``).

The benchmarks (``make bench``) live beside the tests, in ``tests/benchmarks``.
"""
