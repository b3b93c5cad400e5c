"""How the suite is spread over pytest-xdist's workers (``make test`` runs ``-n``).

A plugin of the root conftest. Without xdist it changes nothing: one process runs the
tests in the order collected. With ``-n N --dist loadgroup``:

- A module whose tests share a module-scoped fixture (a Celery worker, a scratch
  database, the journeys' web server and browser) is one unit of work: split over two
  workers, each worker would build the fixture again. (xdist's own ``xdist_group``
  renames node ids, which pytest 9 no longer allows; so the controller's scheduler here
  finds such modules by reading them and their conftests.)
- The expensive units are handed out first (the browser journeys, the tests with real
  worker processes, then the ones marked ``slow``), so that no worker starts a long unit
  when the other one has nothing left to do. Pass ``--no-loadscope-reorder`` as well, or
  xdist sorts the units by their number of tests instead.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

# Fixtures of these scopes are built once per module (or class) in a worker.
SHARED_SCOPES = frozenset({"module", "package", "class"})
# Lower runs earlier; a test without any of these marks comes last.
PRIORITY = {"browser": 0, "celery_worker": 1, "slow": 2}
LAST = len(PRIORITY)
# The crawl (tests/browser/test_crawl*.py) starts its server from the prepared demo that
# the journeys, handed out first, build: it comes after the real-worker tests, so that
# the demo is ready when it starts, and before the slow ones, so that its two long units
# do not end the run.
CRAWL = "crawl"
CRAWL_PRIORITY = PRIORITY["celery_worker"] + 0.5
# A test that starts from the prepared demo database (tests/browser/prepared.py) comes
# after the other slow ones: by then the journeys, handed out first, have built it, so
# its worker copies it instead of waiting for the build.
PREPARED_DEMO_FIXTURE = "prepared_demo"
AFTER_SLOW = PRIORITY["slow"] + 0.5


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


def _priority(item: pytest.Item) -> float:
    if item.get_closest_marker(CRAWL):
        return CRAWL_PRIORITY
    if PREPARED_DEMO_FIXTURE in getattr(item, "fixturenames", ()):
        return AFTER_SLOW
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
    priority: dict[str, float] = {}
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        unit = _unit(item)
        priority[unit] = min(priority.get(unit, LAST), _priority(item))
        first.setdefault(unit, index)
    items.sort(key=lambda item: (priority[_unit(item)], first[_unit(item)]))


_SHARED_SCOPE = re.compile(r"""scope\s*=\s*["'](module|package|class)["']""")


@functools.cache
def _declares_shared_fixture(path: Path) -> bool:
    try:
        return bool(_SHARED_SCOPE.search(path.read_text(errors="replace")))
    except OSError:
        return False


def module_shares_fixtures(rootpath: Path, module: str) -> bool:
    """Whether ``module`` (a path relative to the root) or a conftest between it and the
    tests folder declares a module-, package- or class-scoped fixture."""
    path = rootpath / module
    if _declares_shared_fixture(path):
        return True
    folder = path.parent
    while folder != rootpath and folder.name != "tests":
        if _declares_shared_fixture(folder / "conftest.py"):
            return True
        folder = folder.parent
    return False


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """With ``--dist loadgroup``: one test per unit, but a module with shared fixtures
    as a whole."""
    if config.getoption("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedModulesTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return module if module_shares_fixtures(config.rootpath, module) else nodeid

    return SharedModulesTogether(config, log)


# A wrapper: its first half runs before every other plugin's hook, above all before
# xdist's, which turns the groups into node ids (a tryfirst hook came too late).
@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]):
    if hasattr(config, "workerinput"):  # only inside an xdist worker
        group_shared_modules(items)
    return (yield)


# After every pytest_collection_modifyitems (pytest-django sorts the tests its way
# there), before xdist reports the collection to the controller.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    if hasattr(session.config, "workerinput"):
        expensive_first(session.items)
