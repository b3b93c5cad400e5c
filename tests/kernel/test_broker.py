"""Services hand work to the broker by task name (kernel.broker.publish)."""

import pytest
from celery.exceptions import NotRegistered
from kombu.exceptions import OperationalError

from kernel.broker import publish, registered_task


def test_publish_by_name_sends_the_registered_task(monkeypatch):
    task = registered_task("regional.generate_report")
    sent = []
    monkeypatch.setattr(task, "apply_async", lambda **options: sent.append(options))

    assert publish("regional.generate_report", args=[7], task_id="t-1") is True
    assert sent == [{"args": [7], "task_id": "t-1"}]


def test_publish_by_name_reports_a_broker_that_is_down(monkeypatch):
    task = registered_task("mail.send_outbox_email")

    def down(**options):
        raise OperationalError("connection refused")

    monkeypatch.setattr(task, "apply_async", down)
    assert publish("mail.send_outbox_email", args=[1]) is False


def test_publish_of_an_unknown_name_is_a_programming_error():
    with pytest.raises(NotRegistered):
        publish("regional.no_such_task", args=[1])


@pytest.mark.slow
def test_a_fresh_process_finds_a_task_whose_module_nobody_imported():
    """A web process imports no task module; publishing by name still finds the task."""
    import subprocess
    import sys

    code = (
        "import django; django.setup();"
        "import sys; assert 'kernel.mail.tasks' not in sys.modules;"
        "from kernel.broker import registered_task;"
        "print(registered_task('mail.send_outbox_email').name)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "mail.send_outbox_email"
