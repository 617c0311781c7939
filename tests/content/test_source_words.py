"""Words presented as the source's are the source's, sources are linked, contacts can be acted on
(issue 24, items 6 and 7).

The published prioritisation note is the note word for word but for the corrections it declares; it
keeps its only date marker and says its phases are of that time; quotes the worksheets present as the
note's are the note's; the editors' readings (a phone number, a succession, the portal's own questions)
are declared; every address a seed gives is linked where the portal names its document; the seeds'
introductions are published; and every contact shown can be reached, or says that no source says how.
"""

import re
import urllib.parse

import pytest
from django.conf import settings
from django.urls import reverse

from guidance.demo_content import prioritisation_note
from prioritering import note
from staffing.models import ContactPoint, Measure

pytestmark = pytest.mark.django_db

# Beside the repository (../shared/seeds/), or beside the folder of worktrees a session works in.
SEEDS = next((path for path in (settings.BASE_DIR.parent / "shared" / "seeds",
                                settings.BASE_DIR.parent.parent / "shared" / "seeds") if path.is_dir()),
             settings.BASE_DIR.parent / "shared" / "seeds")
# The note's endnote markers (i–xi), glued to the words before them in the seed.
ENDNOTE_MARKERS = {"månederi": "måneder", "pandemienii": "pandemien", "beredskapsplaniii": "beredskapsplan",
                   "pandemiplanlegging.iv": "pandemiplanlegging.", "fase 1 v.": "fase 1.", "2016vi": "2016",
                   "tjenestevii": "tjeneste", "epidemienviii": "epidemien", "refleksjonix": "refleksjon",
                   "omtalt x.": "omtalt.", "nettsiderxi": "nettsider"}


def _seed(prefix):
    paths = list(SEEDS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"The seeds are not at {SEEDS}.")
    return paths[0].read_text(encoding="utf-8")


def _words(text):
    """The words of a text, whatever its punctuation, case, hyphenation and Markdown: what a rewording changes."""
    text = re.sub(r"\{#[^}]*\}", " ", text)
    text = re.sub(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)", r"\1", text)
    text = text.lower().replace("-", " ").replace("'", " ").replace("/", " ")
    return " ".join(re.findall(r"[\wæøå§]+", text))


@pytest.fixture(scope="module")
def note_seed():
    text = _seed("003")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("http"))  # the references
    for marked, word in ENDNOTE_MARKERS.items():
        text = text.replace(marked, word)
    for wrong, right in prioritisation_note.CORRECTIONS:
        text = text.replace(wrong, right)
    return _words(text)


def _note_paragraphs():
    """The published note's paragraphs of text: not its headings, its table of contents or the editors' notes."""
    for paragraph in re.split(r"\n\s*\n(?!- )", prioritisation_note.BODY):
        if paragraph.startswith(("#", "**Innhold", "- [", "> **Redaksjonens merknad")):
            continue
        yield paragraph


def test_the_published_note_is_the_note_word_for_word_but_for_the_corrections_it_declares(note_seed):
    reworded = [paragraph[:120] for paragraph in _note_paragraphs() if _words(paragraph) not in note_seed]
    assert not reworded, reworded
    for sentence in re.split(r"(?<=\.) ", prioritisation_note.SUMMARY):
        assert _words(sentence) in note_seed, sentence


def test_each_correction_is_in_the_seed_and_declared_in_the_editors_note():
    seed = " ".join(_seed("003").split())
    for wrong, right in prioritisation_note.CORRECTIONS:
        assert wrong in seed and f"«{wrong}» til «{right}»" in prioritisation_note.EDITOR_NOTE
        assert right in " ".join(prioritisation_note.BODY.replace("**", "").split())


def test_the_check_catches_a_rewording(note_seed):
    assert _words("Dette notatet gir veiledning til hvordan kommunene kan vurdere sitt tjenestetilbud") in note_seed
    assert _words("Notatet gir veiledning til hvordan kommunene kan vurdere sitt tjenestetilbud") not in note_seed.replace(
        "uforsvarlig tilbud dette notatet", "")
    assert _words("Dette gjelder også for eksempel pasienters rett til å klage") not in note_seed


def test_the_note_shows_its_only_date_marker_and_that_its_phase_is_of_that_time(client, published_demo):
    html = client.get(reverse("guidance:article", args=[prioritisation_note.SLUG])).content.decode()
    assert "Verden er i en covid-19-pandemi[1]." in html and "[1] WHO erklærte Covid-19 pandemi 11/3-20" in html
    notice = html.index("<strong>Redaksjonens merknad:</strong> Notatet er ikke datert.")
    assert notice < html.index("Vi er fremdeles i fase 2")
    assert "gjelder da det ble skrevet, ikke i dag" in html[notice:html.index("Vi er fremdeles i fase 2")]
    assert "skrevet etter 25. mars samme år" in html


def test_the_notes_references_are_linked_where_it_names_them(client, published_demo):
    html = client.get(reverse("guidance:article", args=[prioritisation_note.SLUG])).content.decode()
    for url in set(re.findall(r"^https://\S+", _seed("003"), re.M)):
        assert f'href="{url}"' in html, url


def test_every_quote_the_worksheets_give_as_the_notes_is_the_notes_word_for_word():
    seed = " ".join(_seed("003").split())
    texts = [*(label for _n, label in note.PHASES), *note.PHASE_DESCRIPTIONS.values(), *note.CRITERION_INTROS.values(),
             *(label for scale in note.CRITERION_SCALES.values() for _v, label in scale)]
    for text in texts:
        for quote in re.findall(r"«(.*?)»", str(text)):
            for part in quote.split("…"):
                assert " ".join(part.strip(" .").split()) in seed, quote


def test_the_phase_descriptions_quote_only_what_the_note_says_about_the_phases():
    """Phase 5 carried the reversal sentence from «Omgjøring av tildelingsvedtak»."""
    seed = " ".join(_seed("003").split())
    phases = seed[seed.index("Beredskap og faser i epidemien"):seed.index("Verdigrunnlag og prioriteringskriterier")]
    for phase, text in note.PHASE_DESCRIPTIONS.items():
        for quote in re.findall(r"«(.*?)»", str(text)):
            assert " ".join(quote.strip("… .").split()) in phases, (phase, quote)


def test_the_seed_002_phone_number_reading_is_declared_wherever_that_seed_is_the_source(client, published_demo):
    march = ContactPoint.objects.get(valid_from__month=3)
    assert "«404 07 9928»" in march.editor_note and march.phone == "404 07 998"
    for measure in Measure.objects.live():
        for version in measure.published_versions():
            if version.source_title.startswith("Svar på Covid-19-oppdrag") and "404 07 998" in (
                    version.contact_phone + version.how_to_request):
                assert "«404 07 9928»" in version.editor_note, (measure.slug, version.number)
    assert "«404 07 9928»" in client.get(reverse("staffing:contact_point")).content.decode()


def test_the_portals_own_questions_say_so_on_the_questions_page(client, published_demo):
    html = client.get(reverse("guidance:faq")).content.decode()
    items = html.split('<article class="kp-faq-item"')[1:]
    by_the_portal = [item for item in items if "Statsforvalteren i Innlandet" in item]
    assert by_the_portal
    for item in by_the_portal:
        assert "Spørsmålet er formulert av Kommuneportalen" in item


def test_the_pensioner_succession_is_shown_as_the_editors_link(client, published_demo):
    for slug in ["pensjonister-til-juli-2022", "pensjonister-fra-september-2022"]:
        html = client.get(reverse("staffing:measure", args=[slug])).content.decode()
        assert "(redaksjonens kobling, ikke kildens ord)" in html, slug
    later = Measure.objects.get(slug="pensjonister-fra-september-2022").live_version
    assert "koblingen mellom dem" in later.editor_note and "er redaksjonens" in later.editor_note


def _safelinks_targets(text):
    return [urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["url"][0]
            for url in re.findall(r"https://eur03\.safelinks\S+", text)]


def test_every_address_a_seed_gives_is_linked_where_the_portal_names_its_document(client, published_demo):
    seeds = "\n".join(_seed(prefix) for prefix in ("000", "001", "002", "003", "004"))
    addresses = {url for url in re.findall(r"^https://\S+", seeds, re.M) if "safelinks" not in url}
    addresses |= set(_safelinks_targets(seeds))
    pages = [reverse("guidance:article", args=[slug]) for slug in (
        prioritisation_note.SLUG, "svar-pa-oppdrag-262a-oversikt-over-virkemidler-og-kontaktpunkt")]
    pages += [reverse("staffing:contact_point"), reverse("staffing:measure", args=["prioritering-av-ressurser"])]
    html = "".join(client.get(page).content.decode() for page in pages)
    assert addresses and all(f'href="{address}"' in html.replace("&amp;", "&") for address in addresses), [
        address for address in addresses if f'href="{address}"' not in html.replace("&amp;", "&")]


@pytest.mark.parametrize("slug, seed, words", [
    ("koronaviruset-helse-og-velferd", "000", "Her finner du informasjon om vaksinering, smittesporing"),
    ("helse-omsorg-og-sosialtjenester", "001", "Mye av tilsyns- og kontrollarbeidet gjøres av Fylkesmannen."),
    ("forbered-kommunen-pa-en-storre-smittebolge", "004", "Helsetjenesten har vært under høy belastningen over lang tid."),
])
def test_the_introductions_of_seeds_000_001_and_004_are_published(client, published_demo, slug, seed, words):
    assert words in " ".join(_seed(seed).split())
    html = client.get(reverse("guidance:article", args=[slug])).content.decode()
    assert words in html


def test_the_links_page_says_that_a_link_goes_to_a_front_page_when_the_source_gives_no_address(
        client, published_demo):
    html = client.get(reverse("guidance:links")).content.decode()
    items = html.split("<li>")[1:]
    described = [item for item in items if "På denne siden" in item]
    assert described
    for item in described:
        assert "Kilden gir ikke adressen til denne siden." in item
        title = re.search(r'<h2 class="ds-heading" data-size="xs">(.*?)</h2>', item)[1]
        assert "<a" not in title  # the page's title does not link to a front page as if it were the page


def test_every_contact_shown_can_be_reached_or_says_that_no_source_gives_a_way(client, published_demo):
    """«Statsforvalteren i fylket», «FHIs smittevernvakt», «NAV og frivillige organisasjoner»."""
    unreachable = []
    for measure in Measure.objects.live():
        version = measure.live_version
        if not version.contact_name:
            continue
        html = client.get(measure.get_absolute_url()).content.decode()
        if version.contact_unreachable:
            said = f"Kilden oppgir ikke telefon, e-post eller nettadresse til {version.contact_name}." in html
            if not (said and "Redaksjonens råd:" in html):
                unreachable.append(measure.slug)
        elif not re.search(r'href="(tel:|mailto:|https?://)', html[html.index('id="slik-ber-dere"'):]):
            unreachable.append(measure.slug)
    assert not unreachable, unreachable
    assert {"nabokommuner", "juridisk-vakttelefon", "nav-og-frivillige"} <= {
        measure.slug for measure in Measure.objects.live() if measure.live_version.contact_unreachable}
