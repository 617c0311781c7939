"""Search excerpts (issue 28): plain text without Markdown, cut between words, each sentence once,
around the words found, with their forms and compounds marked."""

import re

from publishing.snippets import excerpt_html, plain_units, readable_text, without_repeated_lead, word_patterns


def _excerpt(*texts, words, title=""):
    first, *others = [plain_units(text) for text in texts]
    units = first + [unit for more in others for unit in without_repeated_lead(more, first)]
    text, starts = readable_text(units, skip=[title])
    return str(excerpt_html(text, starts, word_patterns([(word,) for word in words]))), text


def test_markdown_becomes_the_text_a_reader_sees():
    source = ("## Oppdraget {#oppdraget}\n\n*Varsling* av **utbrudd** skjer [på nett](https://example.no/x).\n\n"
              "| Fase | Tiltak |\n|---|---|\n| 3 | Ring `legevakt` |\n\n- første punkt\n- andre_punkt\n")
    units = plain_units(source)
    assert units == [("Oppdraget", True), ("Varsling av utbrudd skjer på nett.", False),
                     ("Fase Tiltak", False), ("3 Ring legevakt", False), ("første punkt", False), ("andre_punkt", False)]


def test_an_excerpt_is_cut_between_words_and_says_where_text_was_left_out():
    words = [f"ord{number}" for number in range(200)]
    html, _text = _excerpt(" ".join(words[:100]) + " smittesporing " + " ".join(words[100:]), words=["smittesporing"])
    assert html.startswith("… ") and html.endswith(" …")
    shown = re.sub(r"</?mark>", "", html).removeprefix("… ").removesuffix(" …").split()
    assert set(shown) <= set(words) | {"smittesporing"} and "<mark>smittesporing</mark>" in html


def test_a_body_that_begins_with_the_summary_says_it_once_even_as_a_list():
    summary = "KS oppfordrer til gode løsninger for smittevern, drift og de ansatte selv."
    body = "KS oppfordrer til gode løsninger **for**\n\n- smittevern,\n- drift og\n- de ansatte selv.\n\nLegevakten må bemannes."
    html, text = _excerpt(summary, body, words=["legevakt"])
    assert text.count("KS oppfordrer") == 1 and "<mark>Legevakten</mark>" in html


def test_a_sentence_said_again_in_nearly_the_same_words_is_said_once():
    summary = "Helsedirektoratet har bestemt å utlyse tilskuddordningen på nytt med søknadsfrist 11.11.2020."
    body = "Helsedirektoratet har bestemt å utlyse tilskuddsordningen på nytt. Søknadsfrist: 11.11.2020"
    _html, text = _excerpt(summary, body, words=["frist"])
    assert text.count("Helsedirektoratet har bestemt") == 1


def test_the_title_is_not_repeated_in_the_excerpt():
    _html, text = _excerpt("Studentlisens", "Det er åpnet for studentlisens.", words=["studentlisens"], title="Studentlisens")
    assert text == "Det er åpnet for studentlisens."


def test_forms_and_compounds_of_a_word_are_marked():
    html, _text = _excerpt("Legevaktarbeid og legevakten. Sykepleierne og en sykepleier.", words=["legevakt", "sykepleiere"])
    for found in ("Legevaktarbeid", "legevakten", "Sykepleierne", "sykepleier"):
        assert f"<mark>{found}</mark>" in html


def test_the_excerpt_shows_the_stretch_with_most_of_the_words():
    filler = " ".join(["Tekst om noe annet."] * 30)
    html, _text = _excerpt(f"Smittesporing nevnes her. {filler} Smittesporing på legevakt samme sted. {filler}",
                           words=["smittesporing", "legevakt"])
    assert "<mark>Smittesporing</mark> på <mark>legevakt</mark>" in html


def test_without_a_word_found_the_excerpt_is_the_beginning():
    html, _text = _excerpt("Første setning. Andre setning.", words=["legevakt"])
    assert html == "Første setning. Andre setning."
