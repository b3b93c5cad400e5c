"""Whether the browser journeys can run here: Debian's Chromium and Playwright.

Imported by the root conftest for the report header, so nothing here imports
Playwright or Django at module level.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

DEFAULT_CHROMIUM = "/usr/bin/chromium"
# Debian's chromium-headless-shell: the same Blink as the browser without its window
# machinery, the build Playwright itself drives for headless runs. The crawl and the
# journeys spend most of their time in the renderer; measured side by side on the 2-core
# machine, the state area's crawl took 77 s with it and 95 s with the full browser
# (33 s against 50 s of CPU). Preferred when installed; the full browser otherwise.
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
# Points the journeys at another Chromium; a path that does not exist makes them skip
# (that is how the skip message is checked).
CHROMIUM_VARIABLE = "BUENDNISNETZ_CHROMIUM"
INSTALL_HINT = "apt-get install chromium-headless-shell"


def chromium_path() -> str | None:
    """The Chromium executable to drive, or None when there is none."""
    configured = os.environ.get(CHROMIUM_VARIABLE)
    if configured:
        return configured if _executable(configured) else None
    for path in (HEADLESS_SHELL, DEFAULT_CHROMIUM):
        if _executable(path):
            return path
    return shutil.which("chromium-headless-shell") or shutil.which("chromium")


def _executable(path: str) -> bool:
    return Path(path).is_file() and os.access(path, os.X_OK)


@functools.cache
def chromium_version(path: str) -> str:
    """'Chromium 1xx.…' as the binary reports it (Debian's wrapper script prints noise
    on stderr, so only stdout's first line counts)."""
    try:
        result = subprocess.run(
            [path, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return "Chromium (version unknown)"
    first = result.stdout.strip().splitlines()[0] if result.stdout.strip() else ""
    # "Chromium 156.0.8078.79 built on Debian GNU/Linux 12 (bookworm)" -> keep name and number.
    parts = first.split()
    return " ".join(parts[:2]) if len(parts) >= 2 else "Chromium (version unknown)"


def skip_reason() -> str | None:
    """Why the journeys cannot run here, or None when they can."""
    if importlib.util.find_spec("playwright") is None:
        return "Playwright is not installed (pip install -e '.[dev]')"
    if importlib.util.find_spec("axe_playwright_python") is None:
        return "axe-playwright-python is not installed (pip install -e '.[dev]')"
    if chromium_path() is None:
        wanted = os.environ.get(CHROMIUM_VARIABLE) or DEFAULT_CHROMIUM
        return f"Chromium not found at {wanted} ({INSTALL_HINT})"
    return None


def status_line() -> str:
    """One line for pytest's header and summary."""
    reason = skip_reason()
    if reason is not None:
        return f"browser journeys: SKIPPED — {reason}"
    path = chromium_path()
    return f"browser journeys: {chromium_version(path)} at {path}"


def summary_lines(timings: dict[str, float]) -> list[tuple[str, bool]]:
    """The lines for the run's end: the status (a warning when the journeys were
    skipped), then how long each step took and where the screenshots are."""
    reason = skip_reason()
    lines = [(status_line(), reason is not None)]
    if reason is None and timings:
        lines += [(f"  {name}: {seconds:.1f} s", False) for name, seconds in timings.items()]
        screenshots = Path(__file__).resolve().parent.parent.parent / ".data" / "screenshots"
        lines.append((f"  screenshots: {screenshots}", False))
    return lines
