"""The kernel: what every room of Bündnisnetz stands on.

Audit trail (app label ``audit``), the mail outbox (app label ``mail``), the broker
helpers, stored files and their serving, safe CSV/XLSX writing, PDF, caching, health
checks, and the text and date rules every input passes. It imports Django and libraries
only, never ``tenants``, ``core``, ``regional``, ``api`` or ``config`` (an import-linter
contract in ``make lint`` keeps it so); the rooms above plug into it, e.g. ``tenants``
registers the outbox in the admin.
"""
