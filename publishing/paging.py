"""Pages of long lists that are never counted.

Counting a list reads all of it, so a page that shows thirty changes would cost more the more has
ever been published. An `OpenPage` reads its own rows plus one, which is enough to know whether an
older page follows; the reader moves with "Nyere" / "Eldre" instead of jumping to page 1 743.
"""

from django.core.paginator import InvalidPage

from publishing.numbers import parse_page_number


class OpenPage:
    paginator = None  # the pagination template tells an open page from a counted one by this

    def __init__(self, items, number, per_page):
        self.number = number
        self.per_page = per_page
        start = (number - 1) * per_page
        rows = list(items[start:start + per_page + 1])
        if number > 1 and not rows:
            raise InvalidPage(number)
        self.object_list = rows[:per_page]
        self._has_next = len(rows) > per_page

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_next(self):
        return self._has_next

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1

    def start_index(self):
        return (self.number - 1) * self.per_page + 1 if self.object_list else 0


def open_page(items, number, per_page):
    """Page `number` (text from the query string, or None for the first) of `items`; InvalidPage for
    anything but a whole number from 1 to MAX_PAGE in ASCII digits (publishing.numbers), or a page past the end."""
    parsed = parse_page_number(number)
    if parsed is None:
        raise InvalidPage(number)
    number = parsed
    return OpenPage(items, number, per_page)
