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
    # Only the project's own fixtures (a plugin's, such as pytest-django's class-scoped
    # _django_setup_unittest on every test, have no base id).
    return any(
        definition.scope in SHARED_SCOPES and definition.baseid
        for definitions in info.name2fixturedefs.values()
        for definition in definitions
    )


def _priority(item: pytest.Item) -> int:
    return min((PRIORITY[mark.name] for mark in item.iter_markers() if mark.name in PRIORITY),
               default=LAST)  # fmt: skip


def _module_id(item: pytest.Item) -> str:
    return item.nodeid.split("::", 1)[0]


def group_shared_modules(items: list[pytest.Item]) -> None:
    """One xdist group per module that has a test using a module-scoped fixture."""
    grouped = {_module_id(item) for item in items if _uses_shared_fixture(item)}
    for item in items:
        if _module_id(item) in grouped:
            item.add_marker(pytest.mark.xdist_group(_module_id(item)))


def _unit(item: pytest.Item) -> str:
    groups = [mark.args[0] for mark in item.iter_markers("xdist_group") if mark.args]
    return groups[0] if groups else item.nodeid


def expensive_first(items: list[pytest.Item]) -> None:
    """Sort the units by their most expensive test, then by where they first appear;
    a group's tests end up together, in their order."""
    priority: dict[str, int] = {}
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        unit = _unit(item)
        priority[unit] = min(priority.get(unit, LAST), _priority(item))
        first.setdefault(unit, index)
    items.sort(key=lambda item: (priority[_unit(item)], first[_unit(item)]))


@pytest.hookimpl(tryfirst=True)  # before xdist turns the groups into node ids
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if hasattr(config, "workerinput"):  # only inside an xdist worker
        group_shared_modules(items)


# After every pytest_collection_modifyitems (pytest-django sorts the tests its way
# there), before xdist reports the collection to the controller.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    if hasattr(session.config, "workerinput"):
        expensive_first(session.items)
