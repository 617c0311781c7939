"""Text that must stay on one line: titles and names, which become e-mail subjects (an alert's subject is
«Vesentlig endring: <title>») and headings. A line break in a subject is refused by Django's mail
(BadHeaderError), so a title with one made that version's alerts fail on every attempt."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 and C1 control characters (line breaks and tabs among them) and Unicode's line and paragraph separators.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line_error(value):
    """The ValidationError for text with a line break or another control character, or None."""
    if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
        return ValidationError(
            _("Teksten kan ikke ha linjeskift, tabulator eller andre usynlige kontrolltegn. Skriv den på én linje."),
            code="control_character")
    return None


def validate_one_line(value):
    if (error := one_line_error(value)) is not None:
        raise error
