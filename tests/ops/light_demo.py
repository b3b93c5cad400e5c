"""``make demo``'s supervision (``devtools.devrun.supervise``) with light processes in
place of migrations, web server, worker and beat, for the stop tests: the embedded
servers are the real ones (under ``BUENDNISNETZ_DATA_DIR``).

``python -m tests.ops.light_demo step``: a preparation step that runs until stopped;
``python -m tests.ops.light_demo run``: the processes run, one with children of its own
and one that ignores SIGTERM.
"""

from __future__ import annotations

import os
import sys

from devtools import devrun

STUBBORN = "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\ntime.sleep(300)\n"


def main(mode: str) -> int:
    steps = [("Light step", ["sleep", "300"])] if mode == "step" else []
    commands = {
        "sleeper": ["sleep", "300"],
        # Grandchildren: a shell with two children of its own.
        "shell": ["sh", "-c", "sleep 300 & sleep 300 & wait"],
        "stubborn": [sys.executable, "-c", STUBBORN],
    }
    return devrun.supervise(
        env=dict(os.environ), steps=steps, commands=commands, ready_message="Ready",
        stop_timeout=2,
    )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
