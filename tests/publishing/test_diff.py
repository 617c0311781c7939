"""Differences between versions are shown word by word, labelled in text and not by colour alone."""

import datetime

import pytest

from publishing.diff import diff_html, diff_versions, display_value
from tests.factories import add_version


def test_diff_marks_removed_and_added_words_with_visible_labels():
    html = diff_html("Ring legevakten i dag.", "Ring fastlegen i dag.")
    assert html == ('Ring <del><span class="kp-diff-label">Fjernet:</span> legevakten</del>'
                    '<ins><span class="kp-diff-label">Lagt til:</span> fastlegen</ins> i dag.')


def test_diff_escapes_the_text_it_compares():
    html = diff_html("Tekst", "Tekst <script>alert(1)</script>")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_diff_keeps_line_breaks_outside_the_markers():
    assert diff_html("Første linje.\nAndre linje.", "Første linje.\nTredje linje.").startswith("Første linje.\n<del>")


def test_a_rewritten_phrase_reads_as_one_deletion_and_one_insertion():
    html = diff_html("Legevaktene har en sentral rolle.", "KS oppfordrer til gode løsninger.")
    assert html.count("<del>") == 1 and html.count("<ins>") == 1
    assert "Legevaktene har en sentral rolle." in html and "KS oppfordrer til gode løsninger." in html


def test_display_value_formats_dates_norwegian():
    assert display_value(datetime.date(2022, 3, 16)) == "16.03.2022"
    winter_morning = datetime.datetime(2022, 3, 16, 7, 30, tzinfo=datetime.UTC)
    assert display_value(winter_morning) == "16.03.2022 08:30"  # Europe/Oslo, UTC+1


def test_display_value_joins_lists_and_shows_nothing_for_none():
    assert display_value(["testing", "smittesporing"]) == "testing, smittesporing"
    assert display_value(None) == "" and display_value([]) == ""


def test_dates_are_compared_as_readers_see_them():
    html = diff_html(display_value(datetime.date(2022, 7, 31)), display_value(datetime.date(2022, 9, 10)))
    assert "<del>" in html and "31.07.2022" in html and "10.09.2022" in html


@pytest.mark.django_db
def test_diff_versions_flags_only_changed_fields(make_document, publisher):
    document = make_document(author=publisher, title="Gammel tittel")
    add_version(document, publisher, title="Ny tittel")
    old, new = document.versions.get(number=1), document.versions.get(number=2)

    rows = diff_versions(old, new)

    assert [row["field"] for row in rows] == list(new.content_fields)
    assert [row["field"] for row in rows if row["changed"]] == ["title"]
    title = rows[0]
    assert title["label"] == new._meta.get_field("title").verbose_name
    assert "Gammel" in title["html"] and "<del>" in title["html"] and "<ins>" in title["html"]


@pytest.mark.django_db
def test_diff_versions_against_nothing_flags_every_filled_field(make_document, publisher):
    first = make_document(author=publisher, title="Første", summary="Ingress.", body="").latest_version()
    changed = {row["field"] for row in diff_versions(None, first) if row["changed"]}
    assert changed == {name for name in first.content_fields if display_value(getattr(first, name))}
    assert {"title", "summary"} <= changed and "body" not in changed
