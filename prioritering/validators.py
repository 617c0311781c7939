"""Worksheets are about services, never about people: a guard against personal data in free text.

The public names are stable; other apps' forms use them too (docs/personal-data.md says what the
guard catches and what it cannot):

- ``validate_no_personal_data(value)``: a model-field validator. Refuses what is personal data
  beyond reasonable doubt: a fødselsnummer however it is written, a date of birth, a person's name
  with an address, and a diagnosis tied to a named or otherwise identified person.
- ``personal_data_warnings(value, names_allowed=False)``: what may be personal data (a phone
  number, a person's name, health information about «pasienten», «han», …). A form shows these and
  lets the user confirm that the text is not about a service recipient.
- ``find_personal_data(value, names_allowed=False)``: both, as ``PersonalDataFinding``s.
- ``validate_no_fodselsnummer(value)``: the identity-number check alone (older migrations name it).

It is a heuristic on words and digits, not an understanding of the text: it catches the usual ways
of writing these things and misses what it has no pattern for.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from prioritering.given_names import GIVEN_NAMES, SURNAMES, TITLES

PERSONAL_DATA_EXPLANATION = _(
    "Skjemaet handler om tjenester, ikke om enkeltpersoner. Ikke skriv navn, adresse, fødselsnummer, "
    "fødselsdato, telefonnummer eller helseopplysninger om pasienter, brukere eller pårørende. Tekst som ser ut "
    "som personopplysninger blir avvist eller må bekreftes. Personopplysninger som likevel er lagret, kan en "
    "leder fjerne fra historikken."
)

# --- Fødselsnummer (and D- and H-nummer): eleven digits with two mod-11 check digits -----------------

_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
# Digit groups joined by spaces, dots, dashes or slashes: «01.01.70 10170», «0101 7010170», «01 01 70 10170».
_SEPARATOR = r"(?:[ \u00a0]*[./-][ \u00a0]*|[ \u00a0]+)"
_DIGIT_RUN = re.compile(rf"(?<![\d,])\d+(?:{_SEPARATOR}\d+)*")


def _check_digit(digits, weights):
    remainder = sum(d * w for d, w in zip(digits, weights)) % 11
    check = 0 if remainder == 0 else 11 - remainder
    return None if check == 10 else check


def is_fodselsnummer(number):
    """True when eleven digits pass both mod-11 check digits (fødselsnummer, D- and H-nummer alike)."""
    if len(number) != 11 or not number.isdigit():
        return False
    digits = [int(c) for c in number]
    k1 = _check_digit(digits[:9], _WEIGHTS_1)
    if k1 is None or k1 != digits[9]:
        return False
    k2 = _check_digit(digits[:10], _WEIGHTS_2)
    return k2 is not None and k2 == digits[10]


def _plausible_birth_date(number):
    # Day +40 is a D-nummer, month +40 an H-nummer, month +80 a synthetic test number (Skatteetaten's Tenor).
    day, month = int(number[:2]), int(number[2:4])
    return (1 <= day <= 31 or 41 <= day <= 71) and any(low <= month <= low + 11 for low in (1, 41, 81))


def _fodselsnummer_candidates(text):
    """Each way a run of digit groups can spell eleven digits, with the century of a ddmmåååå date dropped."""
    for run in _DIGIT_RUN.finditer(text or ""):
        groups = re.findall(r"\d+", run.group())
        for start in range(len(groups)):
            digits = ""
            for group in groups[start:start + 13]:  # thirteen digits at most, each group one or more
                digits += group
                if len(digits) == 11:
                    yield digits
                elif len(digits) == 13 and digits[4:6] in ("18", "19", "20"):
                    yield digits[:4] + digits[6:]
                if len(digits) >= 13:
                    break


def contains_fodselsnummer(text):
    return any(is_fodselsnummer(n) and _plausible_birth_date(n) for n in _fodselsnummer_candidates(text))


def validate_no_fodselsnummer(value):
    if contains_fodselsnummer(value):
        raise ValidationError(_FODSELSNUMMER, code="fodselsnummer")


# --- Words and patterns ------------------------------------------------------------------------------

_CAP = r"[A-ZÆØÅ][a-zæøåéèüö]+(?:-[A-ZÆØÅ][a-zæøåéèüö]+)?"
_STREET_WORDS = ("gate", "gata", "gaten", "vei", "veg", "veien", "vegen", "plass", "plassen", "allé", "alle",
                 "alléen", "bakke", "bakken", "sti", "stien", "ring", "ringen", "torg", "torget", "brygge",
                 "bryggen", "kai", "kaia", "lia", "liane", "åsen", "haugen", "tunet", "svingen", "kroken", "jordet")
_STREET = "|".join(_STREET_WORDS)
_HOUSE_NUMBER = r"\d{1,4}(?:[ ]?[A-Za-z](?![a-zæøå]))?"
# «Vangsvegen 3», «Storgata 12 B», «Ole Bulls plass 3», «Kong Oscars gate 1».
_ADDRESS = re.compile(
    rf"(?:\b[A-ZÆØÅ][a-zæøåé]+(?:{_STREET})\b|(?:\b{_CAP}[ ]){{1,3}}(?:{_STREET})\b)[ ]{_HOUSE_NUMBER}")
# A room or flat: «rom 12», «leilighet 3», «rom nr. 4».
_ROOM = re.compile(r"\b(?:rom|leilighet|leil\.|hybel)(?:[ ]nr\.?)?[ ]\d{1,4}\b", re.IGNORECASE)
# An age that singles out one person: «(82)», «(82 år)», «82 år gammel», «82-åring»; not «over 80 år».
_AGE = re.compile(r"\(\d{1,3}(?:[ ]år)?\)|\b\d{1,3}[ ]år[ ]gammel\b|\b\d{1,3}-åring", re.IGNORECASE)
_MONTHS = "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
_DATE = rf"\d{{1,2}}[./-]\d{{1,2}}[./-](?:\d{{4}}|\d{{2}})|\d{{1,2}}\.?[ ](?:{_MONTHS})[ ]\d{{4}}|(?:i[ ])?\d{{4}}\b"
_BIRTH_DATE = re.compile(
    rf"\b(?:født|fødd|f\.|fødselsdato|f\.[ ]?dato|fdato|fødselsår)[ ]?:?[ ]?(?:den[ ])?(?:{_DATE})", re.IGNORECASE)
# Norwegian phone numbers: eight digits, the first 2–9, written whole or 2-2-2-2 or 3-2-3, with or without +47.
_PHONE = re.compile(
    r"(?<![\d.,/-])(?<!\d[ ])(?:(?:\+|00)47[ \u00a0]?)?"
    r"(?:[2-9]\d{7}|[2-9]\d(?:[ \u00a0]\d{2}){3}|[2-9]\d{2}[ \u00a0]\d{2}[ \u00a0]\d{3})(?![\d.,]?\d)(?![ \u00a0]\d)")
_DIAGNOSES = (
    "demens", "alzheimer", "kreft", "covid", "korona", "smittet", "koronasmittet", "diabetes", "schizofren",
    "bipolar", "depresjon", "depressiv", "psykose", "psykotisk", "hiv", "aids", "hepatitt", "tuberkulose",
    "epilepsi", "parkinson", "multippel sklerose", "als", "kols", "hjerteinfarkt", "hjerneslag", "autis",
    "adhd", "utviklingshem", "downs syndrom", "cerebral parese", "alkoholiker", "spiseforstyrr", "anoreksi",
    "terminal", "døende", "dement",
)
_DIAGNOSIS = re.compile(rf"\b(?:{'|'.join(re.escape(d) for d in _DIAGNOSES)})\w*", re.IGNORECASE)
# One person spoken of («pasienten har demens»), as opposed to a group («pasienter med demens»).
_ONE_PERSON = re.compile(
    r"\b(?:pasienten|brukeren|beboeren|tjenestemottakeren|mottakeren|han|hun|mannen|kvinnen|damen|gutten|jenta|"
    r"sønnen|datteren|ektefellen|moren|mora|faren|far|mor)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«\"])|[;\n]+")


def _names(text):
    """Spans that look like a person's name: a known given name with a surname, a known surname, or a title."""
    found = []
    for match in re.finditer(rf"\b{_CAP}(?:[ ]{_CAP}){{0,2}}", text):
        words = match.group().split(" ")
        first = next((i for i, word in enumerate(words) if word in GIVEN_NAMES), None)
        last = next((i for i, word in enumerate(words) if i > 0 and word in SURNAMES), None)
        if first is not None and first + 1 < len(words):
            found.append(" ".join(words[first:]))
        elif last is not None:
            found.append(" ".join(words[last - 1:last + 1]))
    titles = "|".join(re.escape(t) for t in TITLES)
    found += [m.group() for m in re.finditer(rf"(?<!\w)(?:{titles})[ ]{_CAP}", text, re.IGNORECASE)]
    return found


def _given_name_with_diagnosis(sentence):
    """«Ola har demens», «Kari er smittet»: a known given name alone, directly followed by its diagnosis."""
    pattern = rf"\b({_CAP})[ ](?:har|er|med|fikk|som har|har fått)[ ](?:\w+[ ]){{0,2}}?({_DIAGNOSIS.pattern})"
    return [m.group() for m in re.finditer(pattern, sentence, re.IGNORECASE)
            if m.group(1) in GIVEN_NAMES and m.group(1)[0].isupper()]


@dataclass(frozen=True)
class PersonalDataFinding:
    code: str
    refused: bool  # True: refused outright; False: a warning the user may confirm
    message: str
    match: str  # the words that look like personal data, as written


_FODSELSNUMMER = _(
    "Teksten ser ut til å inneholde et fødselsnummer. Prioriteringsskjemaet skal ikke inneholde personopplysninger "
    "om pasienter eller brukere – fjern nummeret og beskriv tjenesten i stedet.")
MESSAGES = {
    "fodselsnummer": _FODSELSNUMMER,
    "fodselsdato": _("«%(match)s» ser ut som en fødselsdato. Skjemaet handler om tjenester, ikke om enkeltpersoner: "
                     "fjern datoen."),
    "navn_og_adresse": _("«%(match)s» ser ut som navnet og adressen til en person. Skjemaet handler om tjenester, "
                         "ikke om enkeltpersoner: fjern navnet eller adressen."),
    "helseopplysning": _("«%(match)s» ser ut som helseopplysninger om en bestemt person. Skriv om gruppen eller "
                         "tjenesten i stedet, for eksempel «brukere med demens»."),
    "telefonnummer": _("«%(match)s» ser ut som et telefonnummer. Telefonnummeret til en tjenestemottaker eller "
                       "pårørende hører ikke hjemme i skjemaet."),
    "personnavn": _("«%(match)s» ser ut som navnet på en person. Navn på tjenestemottakere eller pårørende hører "
                    "ikke hjemme i skjemaet."),
    "mulig_helseopplysning": _("«%(match)s» kan være helseopplysninger om én person. Skriv om gruppen eller tjenesten "
                               "i stedet, for eksempel «brukere med demens»."),
}
REFUSED_CODES = ("fodselsnummer", "fodselsdato", "navn_og_adresse", "helseopplysning")


def _finding(code, match):
    message = MESSAGES[code] if code == "fodselsnummer" else MESSAGES[code] % {"match": match.strip()}
    return PersonalDataFinding(code, code in REFUSED_CODES, message, match.strip())


def _sentence_findings(sentence, names_allowed):
    names = _names(_ADDRESS.sub(" ", sentence))  # «Ole Bulls plass 3» is a street, not Ole Bull
    addresses = [m.group() for m in _ADDRESS.finditer(sentence)]
    identifying = addresses + [m.group() for m in _ROOM.finditer(sentence)] + [m.group() for m in _AGE.finditer(sentence)]
    diagnoses = [m.group() for m in _DIAGNOSIS.finditer(sentence)]
    if names and addresses:
        yield _finding("navn_og_adresse", f"{names[0]} … {addresses[0]}")
    if diagnoses and (names or identifying):
        yield _finding("helseopplysning", f"{(names or identifying)[0]} … {diagnoses[0]}")
    for match in _given_name_with_diagnosis(sentence):
        yield _finding("helseopplysning", match)
    if diagnoses and not names and not identifying and (person := _ONE_PERSON.search(sentence)):
        yield _finding("mulig_helseopplysning", f"{person.group()} … {diagnoses[0]}")
    if names and not names_allowed and not addresses and not diagnoses:
        yield from (_finding("personnavn", name) for name in names)


def find_personal_data(value, *, names_allowed=False):
    """Every finding in the text, refusals first, each kind and match once."""
    text = str(value or "")
    findings = []
    if contains_fodselsnummer(text):
        findings.append(_finding("fodselsnummer", ""))
    findings += [_finding("fodselsdato", m.group()) for m in _BIRTH_DATE.finditer(text)]
    for sentence in _SENTENCE_END.split(text):
        findings += _sentence_findings(sentence, names_allowed)
    findings += [_finding("telefonnummer", m.group()) for m in _PHONE.finditer(text)
                 if not contains_fodselsnummer(m.group())]
    unique = list(dict.fromkeys(findings))
    return sorted(unique, key=lambda f: not f.refused)


def personal_data_warnings(value, *, names_allowed=False):
    return [f for f in find_personal_data(value, names_allowed=names_allowed) if not f.refused]


def validate_no_personal_data(value):
    refused = [f for f in find_personal_data(value) if f.refused]
    if refused:
        raise ValidationError([ValidationError(f.message, code=f.code) for f in refused])
