"""The browser tests' servers keep their e-mails and logs apart (tests/browser/server.py):
the journeys' server and the crawl modules' run at the same time in different test
processes, and a server that started used to empty the one shared mail folder while a
journey was counting the e-mails it had been sent."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.browser.prepared import DATABASE_PREFIX
from tests.browser.server import server_folders


def test_a_starting_server_leaves_a_running_servers_mail_alone(tmp_path):
    running = f"{DATABASE_PREFIX}{os.getpid()}"
    mail, log = server_folders(tmp_path, running)
    (mail / "sent.log").write_text("Subject: Willkommen\n")
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        other_mail, other_log = server_folders(tmp_path, f"{DATABASE_PREFIX}{other.pid}")
    finally:
        other.kill()
        other.wait()
    assert (mail / "sent.log").read_text() == "Subject: Willkommen\n"
    assert other_mail != mail
    assert other_log != log


def test_an_ended_servers_folders_are_removed_and_a_restarted_one_starts_empty(tmp_path):
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    dead_mail, dead_log = server_folders(tmp_path, f"{DATABASE_PREFIX}{ended}")
    (dead_mail / "sent.log").write_text("old")
    dead_log.write_text("old log")
    mine = f"{DATABASE_PREFIX}{os.getpid()}"
    mail, _log = server_folders(tmp_path, mine)
    (mail / "sent.log").write_text("from before")
    mail, _log = server_folders(tmp_path, mine)
    assert not dead_mail.exists()
    assert not dead_log.exists()
    assert list(mail.iterdir()) == []
