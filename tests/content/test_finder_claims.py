"""The finder states only what a source states (issue 24, item 3).

Every combination of the finder's answers is asked on the demo, on dates when different sources are
current, and every sentence of every result is checked against what backs it: a field of the measure's
source as written, the source named, a date worked out from the source's dates, or the editors' reading,
shown under that label. A sentence composed from the tags as if a source said it («Helse- og
omsorgsdepartementet kan gi autorisert helsepersonell til legetjenester») fails.
"""

import datetime
import re
from html.parser import HTMLParser
from itertools import product

import pytest
from django.urls import reverse

from staffing.finder import Horizon, Profession
from staffing.models import Measure, Task
from tests.staffing.conftest import demo  # noqa: F401  (the staffing demo fixture)

pytestmark = pytest.mark.django_db

MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "desember"]
# Dates on which different sources are current: the answer to 262a (March 2021), the letter (December
# 2021), the pensioners' new scheme (September 2022), and a date on which none is.
DAYS = ["2021-06-01", "2022-03-15", "2022-10-01", "2025-12-07"]
# Words the page puts around the backed sentences: headings and labels, never a claim.
LABELS = {"Kilden sa da:", "Vilkår:", "Kapasitet:", "Slik ber dere om det", "Telefon:", "E-post:", "Nettsted:"}
SOURCED_FIELDS = ("title", "summary", "conditions", "capacity", "how_to_request", "contact_name", "contact_phone",
                  "contact_email", "contact_url")


class _Results(HTMLParser):
    """Each result (<li class="kp-match">) as its link and its text pieces, each with what backs it."""

    VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}

    def __init__(self):
        super().__init__()
        self.matches, self._stack = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "li" and "kp-match" in (attrs.get("class") or "").split():
            self.matches.append({"href": None, "pieces": []})
            self._stack = []
        elif not self._stack or tag in self.VOID:
            return  # outside a result
        if tag == "a" and self.matches[-1]["href"] is None:
            self.matches[-1]["href"] = attrs.get("href")
        self._stack.append((tag, attrs.get("data-backing"), len(self.matches[-1]["pieces"])))

    def handle_endtag(self, tag):
        while self._stack:
            opened, backing, start = self._stack.pop()
            if backing:
                pieces = self.matches[-1]["pieces"]
                text = " ".join("".join(piece for _b, piece in pieces[start:]).split())
                self.matches[-1].setdefault("backed", []).append((backing, text))
            if opened == tag:
                break

    def handle_data(self, data):
        if self.matches and self._stack:
            backing = next((b for _t, b, _s in reversed(self._stack) if b), None)
            self.matches[-1]["pieces"].append((backing, data))


def _words(text):
    return " ".join(str(text).split())


def _day(value, approximate=False, month_only=False):
    if approximate:
        return f"ca. {MONTHS[value.month - 1]} {value.year}"
    if month_only:
        return f"{MONTHS[value.month - 1]} {value.year}"
    return value.strftime("%d.%m.%Y")


def _citation(version):
    if not version.source_title:
        return "Kilde: ikke oppgitt."
    parts = [version.source_title, version.source_issuer]
    if version.source_date:
        parts.append(_day(version.source_date, approximate=version.source_date_is_approximate))
    return "Kilde: " + ", ".join(part for part in parts if part) + "."


def _date_sentences(version, asked):
    """Every sentence a result may say about dates, worked out here from the version's own date fields."""
    allowed = []
    if version.valid_until:
        allowed.append(re.escape(f"Gjelder til og med "
                                 f"{_day(version.valid_until, month_only=version.valid_until_is_approximate)}."))
    allowed.append(re.escape(f"Kilden oppgir ingen dato, så vi vet ikke om tiltaket fantes {_day(asked)}."))
    if version.source_date:
        confirmed = re.escape(f"Sist bekreftet av {version.source_issuer or 'kilden'} "
                              f"{_day(version.source_date, approximate=version.source_date_is_approximate)}")
    elif version.valid_from:
        confirmed = re.escape("Kilden er ikke datert, men sier at tiltaket gjelder fra "
                              f"{_day(version.valid_from, month_only=version.valid_from_is_approximate)}")
    else:
        confirmed = re.escape("Kilden er ikke datert")
    age = r"(?:for )?(?:over )?(?:\d+|ett) (?:år|måneder?)(?: siden| før " + re.escape(_day(asked)) + ")"
    allowed.append(confirmed + r"(?:, " + age + r")?\.")
    return allowed


def _check_result(match, version, asked):
    """The problems in one result: sentences backed by nothing, or by something that does not say them."""
    problems = []
    sourced = [_words(getattr(version, name)) for name in SOURCED_FIELDS if getattr(version, name)]
    for backing, text in match.get("backed", []):
        if backing == "source" and not any(text and text in field for field in sourced):
            problems.append(f"not in the source's fields: {text!r}")
        elif backing == "citation" and text != _citation(version):
            problems.append(f"names the source wrongly: {text!r}")
        elif backing == "dates" and not any(re.fullmatch(pattern, text) for pattern in _date_sentences(version, asked)):
            problems.append(f"a date the source's dates do not give: {text!r}")
        elif backing == "portal" and not text.startswith("Be Statsforvalteren om hjelp i portalen"):
            # The portal's own way to act on a measure (issue 26), under its own heading: no claim about it.
            problems.append(f"the portal's own text without its heading: {text!r}")
        elif backing == "editors" and "redaksjonens" not in text.lower():
            problems.append(f"the editors' reading without its label: {text!r}")
        elif backing == "empty-contact" and not (
                version.contact_unreachable and text.startswith(
                    f"Kilden oppgir ikke telefon, e-post eller nettadresse til {version.contact_name}.")):
            problems.append(f"says the source gives no contact when it does: {text!r}")
    unbacked = " ".join(_words(piece) for backing, piece in match["pieces"] if not backing and piece.strip())
    for label in sorted({version.title, *LABELS}, key=len, reverse=True):
        unbacked = unbacked.replace(label, " ")
    if unbacked.strip(" ,.:·"):
        problems.append(f"text backed by nothing: {unbacked.strip()!r}")
    return problems


@pytest.fixture
def live_by_path(demo):  # noqa: F811
    return {measure.get_absolute_url(): measure.live_version for measure in Measure.objects.live()}


def test_every_finder_answer_on_every_date_states_only_what_a_source_states(client, live_by_path):
    tasks = [*Task.values, ""]
    professions = [*Profession.values, ""]
    checked, problems = 0, []
    for day, task, profession, horizon in product(DAYS, tasks, professions, Horizon.values):
        response = client.get(reverse("staffing:finder"),
                              {"oppgave": task, "personell": profession, "naar": horizon, "dato": day})
        assert response.status_code == 200
        parser = _Results()
        parser.feed(response.content.decode())
        asked = datetime.date.fromisoformat(day)
        for match in parser.matches:
            version = live_by_path[match["href"]]
            problems += [(day, task, profession, horizon, version.measure.slug, problem)
                         for problem in _check_result(match, version, asked)]
            checked += 1
    assert checked > 1000, checked  # the walk reached results on every date, not only empty pages
    assert not problems, "\n".join(map(str, problems[:20]))


def test_the_issues_composed_sentences_never_come_back(client, demo):  # noqa: F811
    """Doctors, personnel without health education, today, and on a date the letter was current."""
    for day in ["", "2022-03-15"]:
        html = client.get(reverse("staffing:finder"), {"oppgave": "legetjenester", "personell": "uten-helseutdanning",
                                                       "naar": "i-dag", "dato": day}).content.decode()
        assert " kan gi " not in html
        assert "Statsforvalteren kan gi mannskaper" not in html and "Helse- og omsorgsdepartementet kan gi" not in html


def test_the_check_catches_a_sentence_composed_from_tags():
    """The walk would fail if a result composed a claim from the tags again."""
    version = Measure(slug="x").versions.model(title="Tittel", summary="Ingress.", provider="Statsforvalteren",
                                               source_title="Brev", source_issuer="Helsedirektoratet")
    match = {"pieces": [(None, "Tittel"), ("source", "Ingress."),
                        (None, "Statsforvalteren kan gi mannskaper til legetjenester.")],
             "backed": [("source", "Ingress.")]}
    assert _check_result(match, version, datetime.date(2022, 3, 15))
    match["backed"].append(("source", "Statsforvalteren kan gi mannskaper til legetjenester."))
    assert any("not in the source's fields" in problem for problem in _check_result(match, version,
                                                                                    datetime.date(2022, 3, 15)))
