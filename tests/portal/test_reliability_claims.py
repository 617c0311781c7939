"""docs/reliability.md names the test behind each of the README's reliability claims: every test it
names must exist, so renaming or deleting one fails here instead of leaving a claim unbacked."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAMED = re.compile(r"`(tests/[\w/]+\.py)::((?:\w+::)?\w+)`")


def defined_tests(path):
    tree = ast.parse((ROOT / path).read_text())
    names = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.ClassDef):
            names |= {f"{node.name}::{item.name}" for item in node.body if isinstance(item, ast.FunctionDef)}
    return names


def test_every_test_named_in_the_reliability_list_exists():
    named = NAMED.findall((ROOT / "docs" / "reliability.md").read_text())
    assert len(named) > 40
    missing = [f"{path}::{name}" for path, name in named
               if not (ROOT / path).exists() or name not in defined_tests(path)]
    assert not missing, "docs/reliability.md names tests that do not exist:\n" + "\n".join(missing)
