import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def test_health_answers_200_when_database_answers(client):
    response = client.get("/helse/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response.headers["Cache-Control"]


def test_health_answers_503_when_database_is_unreachable(tmp_path):
    # A real unreachable server of the same kind as the suite's database, in a
    # fresh process: nothing is mocked.
    if connection.vendor == "postgresql":
        broken = "postgres://app:app@127.0.0.1:9/app?connect_timeout=2"
    else:
        broken = f"sqlite:///{tmp_path}/finnes-ikke/db.sqlite3"
    script = (
        "import django; django.setup();"
        "from django.test import Client; r = Client().get('/helse/', HTTP_HOST='localhost');"
        "print(r.status_code); print(r.content.decode())"
    )
    env = {**os.environ, "DATABASE_URL": broken, "DJANGO_SETTINGS_MODULE": "kommuneportal.settings"}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    status, body = result.stdout.strip().split("\n", 1)
    assert status == "503", result.stderr
    assert json.loads(body)["database"] == "utilgjengelig"
