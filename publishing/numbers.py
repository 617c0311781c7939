"""Whole numbers from query strings and forms, parsed once and strictly.

`str.isdigit()` is true for "²" and "①", which `int()` refuses (a 500 in the admin's compare view), and
`int()` reads "٣" and "１２" as 3 and 12. A number a person or a page of ours wrote is ASCII digits, so
anything else is no number, and neither is one past the bound the caller gives.
"""

from django import forms
from django.core.exceptions import ValidationError

# Version and page numbers never come near this; it keeps every lookup inside a 32-bit column.
MAX_NUMBER = 2_147_483_647
MAX_PAGE = 10_000  # past this a page number is a typo or a crawler, and the offset would be absurd


def parse_number(text, *, maximum=MAX_NUMBER, minimum=0):
    """The whole number `text` spells in ASCII digits, from `minimum` to `maximum`; None for anything else."""
    if not isinstance(text, str) or not text.isascii() or not text.isdigit() or len(text) > len(str(maximum)):
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None



def parse_page_number(text):
    """`?side=`: a page from 1 to MAX_PAGE (none given is the first); None for anything else."""
    return 1 if text in (None, "") else parse_number(text, minimum=1, maximum=MAX_PAGE)


class StrictIntegerField(forms.IntegerField):
    """Django's IntegerField reads any Unicode digits; this one reads a count or a number from 0 to
    MAX_NUMBER in ASCII digits, and answers anything else with its "invalid" message."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        number = parse_number(str(value).strip())
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number
