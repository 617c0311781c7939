"""Imports run downwards only. Read from the source (AST), so a test cannot be fooled by grep.

    kommuneportal (the site)        assembles everything
    guidance   staffing   prioritering
    alerts                          (guidance and staffing provide its sources)
    publishing                      (the versioned-document core)
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ("kommuneportal", "publishing", "alerts", "guidance", "staffing", "prioritering")

# (importer, imported) pairs that must never occur, with the reason shown on failure.
FORBIDDEN = {
    **{("publishing", app): "the publishing core imports none of the portal's apps"
       for app in APPS if app != "publishing"},
    **{(app, "kommuneportal"): "apps never import the site; the site assembles them"
       for app in APPS if app != "kommuneportal"},
    ("guidance", "staffing"): "guidance and staffing meet only in the site's registries",
    ("staffing", "guidance"): "guidance and staffing meet only in the site's registries",
    **{("alerts", app): "alerts gets its sources from settings.ALERT_SOURCES, never from the apps"
       for app in ("guidance", "staffing", "prioritering")},
    **{("prioritering", app): "prioritering stands alone" for app in ("guidance", "staffing", "alerts", "publishing")},
    **{(app, "prioritering"): "nothing outside prioritering imports it" for app in APPS if app != "prioritering"},
}


def imported_modules(tree, module):
    """Every module an import statement names (absolute), with its line, anywhere in the file."""
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module
            yield name, node.lineno
            for alias in node.names:  # "from guidance import demo" imports guidance.demo
                yield f"{name}.{alias.name}", node.lineno
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module":
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                yield node.args[0].value, node.lineno


def violations(path, source):
    """The broken rules in one file of ours, as 'file:line imports x (reason)'."""
    relative = Path(path)
    module = ".".join(relative.with_suffix("").parts)
    importer = relative.parts[0]
    in_migration = "migrations" in relative.parts
    found = []
    for name, line in imported_modules(ast.parse(source, filename=str(path)), module):
        top = name.split(".")[0]
        if top not in APPS:
            continue
        where = f"{relative}:{line} imports {name}"
        if in_migration:
            # Django writes field validators into migrations by import path; nothing else of ours may be imported.
            if top != importer or not name.endswith(".validators"):
                found.append(f"{where} (migrations may not import live code: freeze what they need)")
        elif ".migrations" in name:
            found.append(f"{where} (live code may not import migrations)")
        elif (importer, top) in FORBIDDEN:
            found.append(f"{where} ({FORBIDDEN[importer, top]})")
    return found


def our_python_files():
    for app in APPS:
        yield from sorted((ROOT / app).rglob("*.py"))


def test_imports_run_downwards_only():
    found = []
    for path in our_python_files():
        found += violations(path.relative_to(ROOT), path.read_text(encoding="utf-8"))
    assert not found, "Import rules broken:\n" + "\n".join(found)


@pytest.mark.parametrize("path, source", [
    ("guidance/models.py", "from kommuneportal.versioning import VersionedDocument"),
    ("staffing/search.py", "from guidance.search import RESULT_LIMIT, search_versions"),
    ("alerts/sources.py", "def registry():\n    from guidance.models import Article\n"),
    ("alerts/staffing_source.py", "from staffing.models import Measure"),
    ("prioritering/views.py", "from kommuneportal.views import bad_request"),
    ("kommuneportal/management/commands/load_demo.py", "from prioritering import demo"),
    ("publishing/admin.py", "from guidance.models import Article"),
    ("guidance/services.py", "roles = import_module('guidance.migrations.0003_editorial_groups')"),
    ("guidance/migrations/0003_editorial_groups.py", "from publishing.roles import EDITOR_GROUP"),
    ("staffing/migrations/0001_initial.py", "import staffing.fields"),
    ("guidance/views.py", "from . import x\nfrom ..kommuneportal import views"),
])
def test_the_rules_catch_the_cross_imports_we_had(path, source):
    assert violations(Path(path), source)


@pytest.mark.parametrize("path, source", [
    ("kommuneportal/views.py", "from guidance.models import ArticleKind"),
    ("guidance/alerts.py", "from alerts.sources import Source"),
    ("staffing/models.py", "from publishing.models import VersionedDocument"),
    ("prioritering/migrations/0002_membership_worksheets.py", "import prioritering.validators"),
    ("guidance/views.py", "from .forms import ArticleFilterForm"),
])
def test_the_rules_allow_downward_imports(path, source):
    assert violations(Path(path), source) == []
