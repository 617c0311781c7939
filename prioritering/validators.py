"""Worksheets are about services, never about patients: free text must not carry a fødselsnummer."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Eleven digits, optionally written as 6 + 5 with a space, not part of a longer number.
_CANDIDATE = re.compile(r"(?<!\d)(\d{6})[ .-]?(\d{5})(?!\d)")
_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

PERSONAL_DATA_EXPLANATION = _(
    "Skjemaet handler om tjenester, ikke om enkeltpersoner. Ikke skriv navn, fødselsnummer eller "
    "helseopplysninger om pasienter eller brukere. Tekst som ser ut som et fødselsnummer blir avvist."
)


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


def contains_fodselsnummer(text):
    return any(is_fodselsnummer(a + b) for a, b in _CANDIDATE.findall(text or ""))


def validate_no_fodselsnummer(value):
    if contains_fodselsnummer(value):
        raise ValidationError(
            _("Teksten ser ut til å inneholde et fødselsnummer. Prioriteringsskjemaet skal ikke inneholde "
              "personopplysninger om pasienter eller brukere – fjern nummeret og beskriv tjenesten i stedet."),
            code="fodselsnummer",
        )
