"""Zero Nu HTML Checker errors on every page type (issue 13).

The checker (vnu.jar, from the npm package vnu-jar) runs offline on Java; scripts/test.sh installs it into
a cache folder outside the repository and sets VNU_JAR. Without it (and Java) the test is skipped on a
laptop and fails under CI=true, like the browser tests. All pages are checked in one run of the checker,
which takes a few seconds to start.
"""

import glob
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.browser.page_types import (
    DEMO_COUNTY_USER, assistance_pages, county_pages, load_demo_content, municipal_user, public_pages, worksheet_pages,
)

pytestmark = pytest.mark.django_db

# A page the checker must fault: guards the harness itself (a checker that reports nothing passes all).
KNOWN_BAD = ('<!DOCTYPE html><html lang="nb"><head><title>feil</title></head><body><main>'
             '<button type="submit" name="">Vis</button><p id="a"></p><p id="a"></p></div></main></body></html>')


def _vnu_jar():
    candidates = [os.environ.get("VNU_JAR", "")] + sorted(glob.glob(str(
        Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        / "kommuneportal" / "vnu-*" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")), reverse=True)
    return next((path for path in candidates if path and Path(path).is_file()), None)


@pytest.fixture(scope="module")
def nu_checker():
    jar, java = _vnu_jar(), shutil.which("java")
    if not (jar and java):
        message = "The Nu HTML Checker needs Java and vnu.jar (scripts/test.sh installs both; or set VNU_JAR)."
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message + " Under CI the HTML check must run.", pytrace=False)
        pytest.skip(message)

    def check(files):
        """path → the checker's errors for each file (only files with errors are listed)."""
        result = subprocess.run(
            [java, "-Xss8m", "-jar", jar, "--errors-only", "--format", "json", "--exit-zero-always", "--stdout",
             *map(str, files)],
            capture_output=True, text=True, timeout=300, check=True,
        )
        errors = {}
        for message in json.loads(result.stdout)["messages"]:
            if message.get("type") in {"error", "non-document-error"}:
                path = message.get("url", "").removeprefix("file:")
                errors.setdefault(Path(path).resolve(), []).append(message)
        return errors

    return check


def _describe(message):
    where = f"line {message['lastLine']}" if "lastLine" in message else ""
    extract = " ".join(message.get("extract", "").split())[:160]
    return f"{where}: {message['message']}\n        {extract}"


def test_every_page_type_passes_the_nu_html_checker(nu_checker, tmp_path):
    load_demo_content()
    reader, member = Client(), Client()
    member.force_login(municipal_user())
    pages = {name: (reader, url) for name, url in public_pages(reader).items()}
    pages.update({f"{name} (innlogget)": (member, url) for name, url in worksheet_pages(member).items()})
    pages["forsiden (innlogget)"] = (member, "/")
    pages.update({f"{name} (innlogget)": (member, url) for name, url in assistance_pages(member).items()})
    county = Client()
    county.force_login(get_user_model().objects.get(username=DEMO_COUNTY_USER[0]))
    pages.update({f"{name} (statsforvalter)": (county, url) for name, url in county_pages(county).items()})

    files = {}
    for number, (name, (client, url)) in enumerate(pages.items()):
        response = client.get(url)
        assert response.status_code == (404 if name == "404" else 200), f"{name} ({url}): {response.status_code}"
        path = (tmp_path / f"side-{number}.html").resolve()
        path.write_bytes(response.content)
        files[path] = f"{name} ({url})"
    harness = (tmp_path / "kjent-feil.html").resolve()
    harness.write_text(KNOWN_BAD, encoding="utf-8")

    errors = nu_checker([*files, harness])

    assert len(errors.pop(harness, [])) >= 3, "The checker did not fault a page with known errors."
    report = "\n".join(f"- {files[path]}\n" + "\n".join(f"    {_describe(m)}" for m in messages)
                       for path, messages in errors.items())
    assert not errors, f"Nu HTML Checker errors:\n{report}"
