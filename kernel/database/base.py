"""django-tenants' PostgreSQL backend with a health check that costs no round trip
while the connection is quiet.

With ``CONN_HEALTH_CHECKS`` Django checks a persistent connection at the start of each
request before using it, by sending ``SELECT 1``: one of the few round trips of a
cheap API request. A server that ends a connection (a restart, an administrator's
``pg_terminate_backend``, an idle timeout) first sends its error and then closes the
socket, so an idle connection whose socket has nothing to read is one the server has
not ended. Only when there is something to read (the goodbye, or rarely a parameter
change the server reports by itself) is ``SELECT 1`` sent, as before: a dead
connection is then closed and opened again, as Django does.
"""

from __future__ import annotations

import select

from django_tenants.postgresql_backend.base import DatabaseWrapper as TenantDatabaseWrapper
from psycopg import pq

# Waiting for the next statement, outside a transaction or inside one that has not failed
# (where ``SELECT 1`` would succeed as well).
IDLE = frozenset({pq.TransactionStatus.IDLE, pq.TransactionStatus.INTRANS})


def quiet(connection) -> bool:
    """Whether ``connection`` (psycopg's) is idle, in no failed transaction, with nothing
    from the server waiting on its socket."""
    if connection.closed or connection.broken:
        return False
    if connection.pgconn.transaction_status not in IDLE:
        return False
    poller = select.poll()
    poller.register(connection.pgconn.socket, select.POLLIN | select.POLLERR | select.POLLHUP)
    return not poller.poll(0)


class DatabaseWrapper(TenantDatabaseWrapper):
    def is_usable(self) -> bool:
        if self.connection is not None and quiet(self.connection):
            return True
        return super().is_usable()
