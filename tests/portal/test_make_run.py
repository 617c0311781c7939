"""`make run PORT=…` serves on that port and writes links for it (issue 28): the demo's e-mails
(confirmation, alerts, manage, unsubscribe) are built from settings.SITE_URL."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="GNU make is not installed")


def planned_run(*arguments, **environment):
    """The commands `make run …arguments` would run (`make -n`: nothing is run), with `environment` set."""
    env = {key: value for key, value in os.environ.items() if key not in {"SITE_URL", "PORT", "HOST"}}
    env.update(environment)
    result = subprocess.run(["make", "-n", "run", *arguments], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def server_command(plan):
    return next(line for line in plan.splitlines() if "manage.py runserver" in line)


def test_make_run_on_another_port_writes_links_for_that_port():
    command = server_command(planned_run("PORT=8310"))
    assert 'SITE_URL="http://127.0.0.1:8310"' in command
    assert command.endswith("runserver 127.0.0.1:8310")


def test_make_run_keeps_a_site_url_that_was_set():
    command = server_command(planned_run("PORT=8310", SITE_URL="https://demo.kommune.no"))
    assert 'SITE_URL="https://demo.kommune.no"' in command
    assert command.endswith("runserver 127.0.0.1:8310")


def test_make_run_on_the_default_port_links_to_port_8000():
    assert 'SITE_URL="http://127.0.0.1:8000"' in server_command(planned_run())


def test_make_run_says_how_to_send_the_demo_alerts_with_the_same_links():
    assert "SITE_URL=http://127.0.0.1:8310 .venv/bin/python manage.py send_alerts" in planned_run("PORT=8310")
