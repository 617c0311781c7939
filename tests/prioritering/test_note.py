"""The note's words are the note's: every quote the portal shows is found verbatim in the seed document."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from prioritering import guardrails, note

SEED = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "003_f01251adc92d226d.txt"


def _words(text):
    return re.sub(r"\s+", " ", str(text)).strip()


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip(f"The seed document is not here: {SEED}")
    return _words(SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize("key", list(note.SECTIONS))
def test_every_quoted_section_title_and_quote_is_verbatim_in_the_note(seed, key):
    section = note.SECTIONS[key]
    assert _words(section["title"]) in seed
    for quote in section["quotes"]:
        assert _words(quote) in seed, quote


@pytest.mark.parametrize("code", list(guardrails.RULES))
def test_every_rules_quotation_is_verbatim_in_the_note(seed, code):
    quoted = re.findall(r"«(.*?)»", str(guardrails.RULES[code].message))
    assert quoted, code
    for quote in quoted:
        for part in quote.split("…"):
            assert _words(part.strip(" .")) in seed, (code, part)


@pytest.mark.django_db
def test_the_notes_page_is_attributed_and_has_an_anchor_for_every_section_a_rule_links_to(client, hamar):
    from tests.factories import make_member

    assert client.get(reverse("prioritering:note")).status_code == 302
    client.force_login(make_member(hamar, "leser"))
    html = client.get(reverse("prioritering:note")).content.decode()
    assert "Sitatene under er hentet ordrett fra Helsedirektoratets notat" in html
    for rule in guardrails.RULES.values():
        assert f'id="{rule.section}"' in html
