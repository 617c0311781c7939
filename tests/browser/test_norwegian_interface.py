"""Norwegian everywhere, the admin included (issue 13).

Django's own nb catalogues lack its newer strings and django-axes ships none, so locale/nb/ fills the
gaps; the versioned admin says plainly after every save whether readers see the version; the
scheduling field takes dd.mm.åååå tt:mm whatever the browser's language.

Most tests here go through Django's test client; they sit with the browser tests because one of them
needs the admin's JavaScript to run (the strings JavaScript writes into the page).
"""

import datetime
import gettext
import html
import re
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from publishing.forms import ScheduleForm
from publishing.services import version_publish
from tests.factories import add_version, make_article, make_publisher, make_superuser, make_topic
from tests.guidance.admin_helpers import change_url, edit_post, version_url

pytestmark = pytest.mark.django_db
OSLO = ZoneInfo("Europe/Oslo")
LOCALE = Path(settings.BASE_DIR) / "locale" / "nb" / "LC_MESSAGES"

# English interface strings of Django's admin, django-axes and our versioned admin, each of which has
# shown up (or would, if a catalogue went missing) on the publishers' screens.
KNOWN_ENGLISH = [
    "Skip to main content", "Toggle theme", "Toggle navigation", "Show counts", "Hide counts",
    "Please correct the error", "Please correct the errors", "Access attempts", "Access attempt", "Access logs",
    "Access failures", "Breadcrumbs", "Sidebar", "Start typing to filter", "Filter navigation items", "Model name",
    "Add link", "Change or view list link", "Select all objects on this page", "Select this object",
    "Welcome", "View site", "Change password", "Log out", "Recent actions", "My actions", "None available",
    "Save and continue editing", "Save and add another", "History", "View on site", "Home", "Search", "Go",
    "Action:", "Clear all filters", "results", "total", "Live", "was changed successfully", "was added successfully",
    "Form Data", "Meta Data", "Locked Out", "Attempt Time", "IP Address", "User Agent", "Failed Logins",
    "Choose all", "Remove all", "Choose selected", "Remove selected", "Type into this box", "click to clear",
    "Sunday", "Monday", "Today", "Now", "Midnight", "Noon", "Cancel", "Yes", "No", "Unknown",
]
ENGLISH = re.compile(r"(?<!\w)(" + "|".join(re.escape(s) for s in KNOWN_ENGLISH) + r")(?!\w)")


class InterfaceText(HTMLParser):
    """The words a person meets on a page: text outside <script>/<style>, and the attributes read aloud."""

    ATTRIBUTES = {"aria-label", "title", "alt", "placeholder"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._skip += tag in {"script", "style", "template"}
        self.parts += [value for name, value in attrs.items() if name in self.ATTRIBUTES and value]
        if tag == "input" and attrs.get("type") in {"submit", "button", "reset"} and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        self._skip -= tag in {"script", "style", "template"}

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data.strip())


def english_in(content):
    parser = InterfaceText()
    parser.feed(content)
    return sorted({match for part in parser.parts for match in ENGLISH.findall(part)})


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def publisher():
    return make_publisher("ansvarlig")


@pytest.fixture
def article(publisher):
    return make_article(author=publisher, title="Smittesporing", body="Gammel tekst.", topics=[make_topic("Legevakt")])


# --- the catalogue


def _po_entries(path):
    """msgid (or (msgctxt, msgid), or (msgid, plural index)) → msgstr for every translated entry of a .po file."""
    entries, current, key = {}, {}, None
    text = path.read_text(encoding="utf-8")
    for line in text.splitlines() + [""]:
        line = line.strip()
        if not line:
            if current.get("msgid"):
                base = current["msgid"] if "msgctxt" not in current else f"{current['msgctxt']}\x04{current['msgid']}"
                for name, value in current.items():
                    if name == "msgstr" and value:
                        entries[base] = value
                    elif name.startswith("msgstr[") and value:
                        entries[(base, int(name[7:-1]))] = value
            current, key = {}, None
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[key] += _unquote(line)
        else:
            key, _space, rest = line.partition(" ")
            current[key] = _unquote(rest)
    return entries


def _unquote(token):
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), token[1:-1])


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_committed_catalogue_is_compiled_from_its_source(domain):
    # A fresh clone needs no gettext tools, so the .mo is committed: it must say what the .po says.
    source = _po_entries(LOCALE / f"{domain}.po")
    with open(LOCALE / f"{domain}.mo", "rb") as handle:
        compiled = {key: value for key, value in gettext.GNUTranslations(handle)._catalog.items() if key != ""}
    assert source and compiled == source, "Compile it: msgfmt --check -o locale/nb/LC_MESSAGES/{0}.mo locale/nb/LC_MESSAGES/{0}.po".format(domain)


def test_the_portal_speaks_bokmal_with_our_catalogue():
    assert settings.LANGUAGE_CODE == "nb" and [code for code, _name in settings.LANGUAGES] == ["nb"]
    assert LOCALE.parent.parent in [Path(path) for path in settings.LOCALE_PATHS]


# --- the admin's own pages, as the server sends them


def test_the_admin_pages_show_no_english_interface_strings(client, publisher, article):
    client.force_login(make_superuser("sjefredaktor"))
    add_version(article, publisher, title="Nytt utkast")
    pages = {
        "forsiden": reverse("admin:index"),
        "artikkellisten": reverse("admin:guidance_article_changelist"),
        "artikkellisten filtrert": reverse("admin:guidance_article_changelist") + "?status=live&q=smitte",
        "artikkelskjemaet": change_url(article),
        "ny artikkel": reverse("admin:guidance_article_add"),
        "publiseringssiden": version_url("publish", article, 2),
        "innloggingsforsøk": reverse("admin:axes_accessattempt_changelist"),
        "innloggingsloggen": reverse("admin:axes_accesslog_changelist"),
    }
    found = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        if english := english_in(response.content.decode()):
            found[f"{name} ({url})"] = english
    assert not found, f"English on the admin's pages: {found}"


def test_the_admin_names_what_used_to_be_english_in_norwegian(client, publisher, article):
    client.force_login(make_superuser("sjefredaktor"))
    index = html.unescape(client.get(reverse("admin:index")).content.decode())
    assert "Hopp til hovedinnhold" in index and "Bytt fargetema" in index and "Innloggingsforsøk" in index
    changelist = html.unescape(client.get(reverse("admin:guidance_article_changelist")).content.decode())
    assert "Vis antall" in changelist and "Synlig: v1" in changelist


def test_the_stale_edit_refusal_says_please_correct_in_norwegian(client, publisher, article):
    client.force_login(publisher)
    add_version(article, make_publisher("kollega"), title="Kollegaens versjon")
    response = client.post(change_url(article), edit_post(article, based_on_number=1, title="Min versjon"))
    content = html.unescape(response.content.decode())
    assert response.status_code == 200 and "Teksten ble ikke lagret" in content
    assert "Rett feilen nedenfor." in content
    assert english_in(response.content.decode()) == []


def test_the_admin_javascript_catalogue_is_norwegian(client, publisher):
    client.force_login(publisher)
    catalogue = client.get(reverse("admin:jsi18n")).content.decode("unicode_escape")
    assert "Velg alle %s" in catalogue and "Søndag" in catalogue and "Skriv i feltet for å filtrere" in catalogue


def test_a_too_short_password_is_refused_in_norwegian(client):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        validate_password("kort")
    assert "Passordet er for kort. Det må ha minst 10 tegn." in refused.value.messages


# --- what a save means for readers


def test_saving_a_draft_says_readers_do_not_see_it_and_not_that_it_was_changed(client, publisher, article):
    client.force_login(publisher)
    response = client.post(change_url(article), edit_post(article, based_on_number=1, title="Nytt utkast",
                                                          topics=article.topics.all()))
    assert response.status_code == 302
    assert messages_of(response) == [
        "Versjon 2 er lagret som utkast. Den er ikke synlig for leserne før den publiseres. "
        "Leserne ser fortsatt versjon 1."
    ]


def test_a_new_article_is_a_draft_without_djangos_added_message(client, publisher, article):
    client.force_login(publisher)
    data = edit_post(article, based_on_number=0, title="Helt ny artikkel")
    data["slug"] = "helt-ny-artikkel"
    response = client.post(reverse("admin:guidance_article_add"), data)
    assert response.status_code == 302
    assert messages_of(response) == [
        "Versjon 1 er lagret som utkast. Den er ikke synlig for leserne før den publiseres."
    ]


def test_changing_only_the_topics_says_it_applies_at_once(client, publisher, article):
    client.force_login(publisher)
    live = article.versions.get(number=1)
    data = edit_post(article, based_on_number=1, title=live.title, summary=live.summary, body=live.body,
                     topics=[make_topic("Vaksinering")])
    response = client.post(change_url(article), data)
    assert messages_of(response) == [
        "Teksten var uendret, så ingen ny versjon ble laget.",
        "Endringene i «Temaer» er lagret og gjelder straks, også på siden leserne ser nå.",
    ]


def test_a_save_names_a_version_waiting_for_its_time(client, publisher, article):
    scheduled = add_version(article, publisher, title="Planlagt")
    when = datetime.datetime(timezone.now().year + 1, 3, 2, 8, 0, tzinfo=OSLO)
    version_publish(version=scheduled, user=publisher, publish_at=when)
    client.force_login(publisher)
    response = client.post(change_url(article), edit_post(article, based_on_number=2, title="Enda nyere"))
    assert messages_of(response)[1] == f"Versjon 2 er planlagt og publiseres 02.03.{when.year} kl. 08:00 (norsk tid)."


def test_publishing_now_says_readers_see_it(client, publisher, article):
    draft = add_version(article, publisher, title="Klar")
    client.force_login(publisher)
    response = client.post(version_url("publish", article, draft.number), {"action": "publish"})
    assert messages_of(response) == ["Versjon 2 er publisert. Den er synlig for leserne nå."]


def test_scheduling_says_when_readers_will_see_it_and_what_they_see_until_then(client, publisher, article):
    draft = add_version(article, publisher, title="Klar")
    year = timezone.now().year + 1
    client.force_login(publisher)
    response = client.post(version_url("publish", article, draft.number),
                           {"action": "schedule", "publish_at": f"15.01.{year} 08:00"})
    assert messages_of(response) == [
        f"Versjon 2 er planlagt: den publiseres 15.01.{year} kl. 08:00 (norsk tid) og er ikke synlig for leserne "
        "før da. Til da ser leserne versjon 1."
    ]


def test_restoring_says_the_new_draft_is_not_visible(client, publisher, article):
    add_version(article, publisher, title="Nyere")
    client.force_login(publisher)
    response = client.post(version_url("restore", article, 1))
    assert messages_of(response) == [
        "Teksten fra versjon 1 er lagret som nytt utkast, versjon 3. Det er ikke synlig for leserne før det publiseres."
    ]


# --- the scheduling field


@pytest.mark.parametrize("typed, expected", [
    ("15.01.2099 08:00", datetime.datetime(2099, 1, 15, 8, 0, tzinfo=OSLO)),
    ("5.1.2099 8:00", datetime.datetime(2099, 1, 5, 8, 0, tzinfo=OSLO)),
    ("15.06.2099 kl. 08.30", datetime.datetime(2099, 6, 15, 8, 30, tzinfo=OSLO)),
    (" 15.06.2099 08:30 ", datetime.datetime(2099, 6, 15, 8, 30, tzinfo=OSLO)),
    ("2099-06-15T08:30", datetime.datetime(2099, 6, 15, 8, 30, tzinfo=OSLO)),
    ("2099-06-15 08:30", datetime.datetime(2099, 6, 15, 8, 30, tzinfo=OSLO)),
])
def test_the_schedule_field_reads_norwegian_and_iso_dates_as_oslo_time(typed, expected, settings):
    with timezone.override("UTC"):  # the request's zone does not matter: the portal's own time does
        form = ScheduleForm({"publish_at": typed})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["publish_at"] == expected


@pytest.mark.parametrize("typed", ["15/01/2099 08:00", "01/15/2099 8:00 AM", "15.01.2099", "32.01.2099 08:00"])
def test_the_schedule_field_refuses_other_forms_with_the_expected_format(typed):
    form = ScheduleForm({"publish_at": typed})
    assert not form.is_valid()
    assert "dd.mm.åååå tt:mm" in form.errors["publish_at"][0]


def test_the_schedule_field_pattern_matches_what_the_server_accepts():
    pattern = re.compile(f"^(?:{ScheduleForm.PATTERN})$")
    assert all(pattern.match(value) for value in ["15.01.2099 08:00", "15.01.2099 kl. 08.00", "2099-01-15T08:00"])
    assert not pattern.match("01/15/2099 08:00 AM")


@pytest.mark.django_db(transaction=True)
def test_an_english_browser_schedules_with_dd_mm_yyyy(browser, live_server):
    publisher = make_publisher("ansvarlig", password="et-langt-passord-123")
    article = make_article(author=publisher)
    draft = add_version(article, publisher, title="Klar til planlegging")
    context = browser.new_context(locale="en-US", timezone_id="America/New_York")
    page = context.new_page()
    try:
        page.goto(live_server.url + "/konto/logg-inn/")
        page.fill("#id_username", "ansvarlig")
        page.fill("#id_password", "et-langt-passord-123")
        page.click("button[type=submit]")
        page.goto(live_server.url + version_url("publish", article, draft.number))
        field = page.locator("#id_publish_at")
        assert field.get_attribute("type") == "text"
        hint = page.locator("#id_publish_at_helptext")
        assert "dd.mm.åååå tt:mm" in hint.inner_text()
        assert "id_publish_at_helptext" in field.get_attribute("aria-describedby")
        year = timezone.now().year + 1
        field.fill(f"15.07.{year} 08:00")
        assert field.evaluate("element => element.validity.valid")  # the pattern compiles and agrees
        field.fill("07/15/2026, 08:00 AM")
        assert field.evaluate("element => element.validity.patternMismatch")
        field.fill(f"15.07.{year} 08:00")
        page.get_by_role("button", name="Planlegg").click()
        page.wait_for_load_state()
        assert f"publiseres 15.07.{year} kl. 08:00 (norsk tid)" in page.content()
        draft.refresh_from_db()
        assert draft.publish_at == datetime.datetime(year, 7, 15, 6, 0, tzinfo=datetime.UTC)  # summer time
    finally:
        context.close()


@pytest.mark.django_db(transaction=True)
def test_the_admin_shows_no_english_after_its_javascript_ran(page, live_server, login):
    # The two-list permission picker and the calendar write their words with JavaScript.
    superuser = make_superuser("sjefredaktor")
    superuser.set_password("et-langt-passord-123")
    superuser.save()
    publisher = make_publisher("ansvarlig")
    article = make_article(author=publisher)
    login("sjefredaktor", "et-langt-passord-123")
    found = {}
    for url in (reverse("admin:index"), change_url(article), reverse("admin:auth_user_change", args=[publisher.pk]),
                reverse("admin:guidance_article_changelist")):
        page.goto(live_server.url + url)
        page.wait_for_load_state("load")
        text = page.evaluate("document.body.innerText")
        if english := sorted(set(ENGLISH.findall(text))):
            found[url] = english
    assert not found, f"English in the admin after its JavaScript ran: {found}"
    page.goto(live_server.url + reverse("admin:auth_user_change", args=[publisher.pk]))
    assert "Velg alle" in page.evaluate("document.body.innerText")
