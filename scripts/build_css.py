#!/usr/bin/env python3
"""Build the portal's stylesheets: one file per page, of only the design-system parts the portal uses.

    python scripts/build_css.py          # write static/build/*.css
    python scripts/build_css.py --check  # exit 1, naming the files, when a built file is out of date

Each page links exactly one stylesheet (issue 28: four render-blocking files and ~186 KiB of unused CSS
before). A bundle is, in order:

1. the Designsystemet theme (static/vendor/designsystemet-theme/digdir.css) without what the portal never
   shows: the dark and "auto" colour schemes (every page says data-color-scheme="light"), the secondary
   typography, and the colour palettes no template or module names (brand1–3);
2. the `@layer` blocks of Designsystemet's CSS (static/vendor/designsystemet-css/designsystemet.css, the
   package's dist/src/index.css) for the components whose `ds-…` class appears in a template, a module or
   a script of the portal, and its base layer;
3. the portal's own CSS: static/css/portal.css, the section's file (guidance, staffing, prioritering) and
   static/css/print.css inside `@media print`.

Comments and spare whitespace are removed; whitenoise compresses the result (gzip, brotli) at
`collectstatic`. Python's standard library only, so neither the site, the tests nor this build needs
Node. The vendored files and their versions are listed in docs/frontend.md. The built files are
committed; tests/portal/test_stylesheets.py fails when they are older than their sources.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "static"
THEME = STATIC / "vendor/designsystemet-theme/digdir.css"
COMPONENTS = STATIC / "vendor/designsystemet-css/designsystemet.css"
OWN = STATIC / "css"
OUT = STATIC / "build"
BUNDLES = {  # built file → the portal's own files after portal.css (templates/<section>/base.html links it)
    "portal.css": [],
    "guidance.css": ["guidance.css"],
    "staffing.css": ["staffing.css"],
    "prioritering.css": ["prioritering.css"],
}
# Where the portal names design-system classes and colours.
APPS = ["kommuneportal", "publishing", "alerts", "guidance", "staffing", "prioritering"]
SOURCES = ["templates/**/*.html", "static/js/*.js", "static/css/*.css",
           *[f"{app}/{pattern}" for app in APPS for pattern in ("*.py", "templatetags/*.py", "models/*.py")]]
DEFAULT_PALETTES = {"accent", "neutral"}  # what elements without data-color use

_CLASS = re.compile(r"(?<![-\w])\.?ds-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)")


def top_level_blocks(css):
    """The rules and at-rules of `css` at its outermost level, as text (comments must be gone)."""
    blocks, depth, start = [], 0, 0
    for index, char in enumerate(css):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                blocks.append(css[start:index + 1].strip())
                start = index + 1
        elif char == ";" and depth == 0:
            blocks.append(css[start:index + 1].strip())
            start = index + 1
    return [block for block in blocks if block]


def inner(block):
    return block[block.index("{") + 1:-1]


def head(block):
    return block.split("{", 1)[0].strip()


def without_comments(css):
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S)


def minified(css):
    css = re.sub(r"\s+", " ", without_comments(css))
    css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
    return css.replace(";}", "}").strip()


def used_names():
    """Every `ds-…` class and every word of the portal's sources (for colour names), from the files themselves."""
    text = "\n".join(path.read_text(encoding="utf-8") for pattern in SOURCES for path in sorted(ROOT.glob(pattern)))
    return {match.group(1) for match in _CLASS.finditer(text)}, set(re.findall(r"[a-z0-9]+", text))


def components(used):
    """Designsystemet's CSS with only the rules for used components: of each rule's selectors, those
    whose first `ds-` class is used, or that name none (`:root`); a rule with none left goes."""
    css = without_comments(COMPONENTS.read_text(encoding="utf-8"))
    return [block for block in (_kept(block, used) for block in top_level_blocks(css)) if block]


def _kept(rule, used):
    if not rule.endswith("}"):
        return rule  # a statement: "@layer ds.theme, ds.base, ds.components;" gives the layers their order
    if rule.startswith("@"):
        rules = "".join(filter(None, (_kept(inner_rule, used) for inner_rule in top_level_blocks(inner(rule)))))
        return head(rule) + "{" + rules + "}" if rules else ""
    selectors = [selector for selector in _selectors(head(rule)) if _about_used(selector, used)]
    return ",".join(selectors) + "{" + inner(rule) + "}" if selectors else ""


def _about_used(selector, used):
    first = re.search(r"\.ds-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)", selector)
    return first is None or first.group(1) in used


def _selectors(selector_list):
    """The selectors of a list, split at the commas that are not inside :is(…), :not(…) or […]."""
    selectors, depth, start = [], 0, 0
    for index, char in enumerate(selector_list):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            selectors.append(selector_list[start:index])
            start = index + 1
    return selectors + [selector_list[start:]]


def theme(words):
    kept = []
    for block in top_level_blocks(without_comments(THEME.read_text(encoding="utf-8"))):
        name = head(block)
        if name.startswith("@charset") or name in ("@layer ds.theme.color-scheme.dark", "@layer ds.theme.typography.secondary"):
            continue
        palette = re.search(r'\[data-color="([a-z0-9]+)"\]', block)
        if name == "@layer ds.theme.color" and palette and palette.group(1) not in words | DEFAULT_PALETTES:
            continue
        if name == "@layer ds.theme.color-scheme.light":
            # Only the light scheme as such; not again for "auto" under prefers-color-scheme.
            rules = [rule for rule in top_level_blocks(inner(block)) if not rule.startswith("@media")]
            rules = [_without_palettes(rule, words) for rule in rules]
            block = name + "{" + "".join(rules) + "}"
        kept.append(block)
    return kept


def _without_palettes(rule, words):
    declarations = [declaration for declaration in inner(rule).split(";")
                    if not (match := re.match(r"\s*--ds-color-(brand\d)-", declaration)) or match.group(1) in words]
    return head(rule) + "{" + ";".join(declarations) + "}"


def build():
    """{path under static/: content} of every bundle."""
    used, words = used_names()
    shared = minified("".join(theme(words)) + "".join(components(used)))
    portal = minified((OWN / "portal.css").read_text(encoding="utf-8"))
    printed = "@media print{" + minified((OWN / "print.css").read_text(encoding="utf-8")) + "}"
    files = {}
    for name, sections in BUNDLES.items():
        own = "".join(minified((OWN / section).read_text(encoding="utf-8")) for section in sections)
        files[f"build/{name}"] = (
            f"/* Kommuneportal: built by scripts/build_css.py from static/vendor/ (Designsystemet, MIT) and "
            f"static/css/. Do not edit; edit the sources and build again. */\n{shared}\n{portal}{own}{printed}\n"
        )
    return files


def main(argv):
    files = build()
    if "--check" in argv:
        stale = [path for path, content in files.items()
                 if not (STATIC / path).exists() or (STATIC / path).read_text(encoding="utf-8") != content]
        if stale:
            print("Out of date: " + ", ".join(f"static/{path}" for path in stale)
                  + ". Run: python scripts/build_css.py", file=sys.stderr)
            return 1
        return 0
    OUT.mkdir(exist_ok=True)
    for path, content in files.items():
        (STATIC / path).write_text(content, encoding="utf-8")
        print(f"static/{path}: {len(content.encode()) / 1024:.1f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
