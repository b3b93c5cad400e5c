"""Log records carry the tenant schema they were written in."""

import logging


class TenantFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            from django.db import connection

            record.tenant = getattr(connection, "schema_name", None) or "-"
        except Exception:  # settings not ready yet (early start-up)
            record.tenant = "-"
        return True
