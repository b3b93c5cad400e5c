"""How the suite is spread over pytest-xdist's workers (``make test`` runs ``-n``).

A plugin of the root conftest. Without xdist it changes nothing: one process runs the
tests in the order collected. With ``-n N --dist loadgroup``:

- A module whose tests share a module-scoped fixture (a Celery worker, a scratch
  database, the journeys' web server and browser) is one unit of work: split over two
  workers, each worker would build the fixture again.
- The expensive units are handed out first (the browser journeys, the tests with real
  worker processes, then the ones marked ``slow``), so that no worker starts a long unit
  when the other one has nothing left to do. Pass ``--no-loadscope-reorder`` as well, or
  xdist sorts the units by their number of tests instead.
"""

from __future__ import annotations

import pytest

# Fixtures of these scopes are built once per module (or class) in a worker.
SHARED_SCOPES = frozenset({"module", "package", "class"})
# Lower runs earlier; a test without any of these marks comes last.
PRIORITY = {"browser": 0, "celery_worker": 1, "slow": 2}
LAST = len(PRIORITY)


def _uses_shared_fixture(item: pytest.Item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    return any(
        definition.scope in SHARED_SCOPES
        for definitions in info.name2fixturedefs.values()
        for definition in definitions
    )


def _priority(item: pytest.Item) -> int:
    return min((PRIORITY[mark.name] for mark in item.iter_markers() if mark.name in PRIORITY),
               default=LAST)  # fmt: skip


def _module_id(item: pytest.Item) -> str:
    return item.nodeid.split("::", 1)[0]


def order_for_workers(items: list[pytest.Item]) -> None:
    """Group what must stay together and put the expensive units first (in place)."""
    grouped_modules = {_module_id(item) for item in items if _uses_shared_fixture(item)}
    unit_priority: dict[str, int] = {}
    for item in items:
        module = _module_id(item)
        if module in grouped_modules:
            item.add_marker(pytest.mark.xdist_group(module))
            unit = module
        else:
            unit = item.nodeid
        unit_priority[unit] = min(unit_priority.get(unit, LAST), _priority(item))

    def key(item: pytest.Item) -> int:
        module = _module_id(item)
        return unit_priority[module if module in grouped_modules else item.nodeid]

    items.sort(key=key)  # stable: a module's tests keep their order and stay together


@pytest.hookimpl(tryfirst=True)  # before xdist turns the groups into node ids
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if hasattr(config, "workerinput"):  # only inside an xdist worker
        order_for_workers(items)
