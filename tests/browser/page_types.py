"""Every page type of the portal with demo-like content, for the checks that must cover all of them:
no horizontal scrolling at 320 px (tests/browser/test_reflow_320.py) and zero Nu HTML Checker errors
(tests/portal/test_html_validity.py).

The addresses are found from the content, not written down, so the checks follow the demo as it grows.
"""

import re
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

DEMO_MUNICIPAL_USER = ("hamar", "demo-hamar-2026")  # README: Hamar's leader, with worksheets in the demo
DEMO_COUNTY_USER = ("statsforvalter-innlandet", "demo-statsforvalter-2026")  # README: Statsforvalteren i Innlandet

# Pages added while issue 13 is built: checked once their URL name exists and they answer 200.
OPTIONAL_PUBLIC_PAGES = {
    "temaoversikt": ("guidance:topics", ()),
    "tidligere versjon": ("guidance:version", ("{article}", 1)),
    "tidligere tiltaksversjon": ("staffing:version", ("{measure}", 1)),
    "kontaktpunktet": ("staffing:contact_point", ()),
    "foreslå tiltak": ("staffing:proposal_create", ()),
}


def load_demo_content():
    """The demo from the seeds, plus a change published just now: real timestamps carry microseconds,
    which the demo's round times would hide (`|date:'c'` writes them, and HTML allows at most three)."""
    from guidance.models import Article
    from publishing.services import version_publish
    from tests.factories import add_version, make_publisher

    with open("/dev/null", "w") as quiet:
        call_command("load_demo", stdout=quiet)
    live = Article.objects.live().order_by("slug")
    article = live.filter(live_version__number__gte=2).first() or live.first()
    publisher = make_publisher()
    version = add_version(article, publisher, body=article.live_version.body + "\n\nOppdatert i dag.",
                          change_note="Oppdatert i dag.")
    version_publish(version=version, user=publisher)


def public_pages(client):
    """name → address of every public page type, each showing content."""
    from guidance.models import Article, Topic
    from staffing.models import Measure

    article = Article.objects.live().filter(live_version__number__gte=2).order_by("slug").first()
    measure = Measure.objects.live().order_by("slug").first()
    changed_measure = Measure.objects.live().filter(live_version__number__gte=2).order_by("slug").first() or measure
    topic = Topic.objects.filter(articles__isnull=False).order_by("position", "name").first()
    newest = article.live_version.number
    pages = {
        "forsiden": "/",
        "veiledningslisten": reverse("guidance:list"),
        "artikkel": article.get_absolute_url(),
        "historikk med sammenligning": reverse("guidance:history", args=[article.slug]) + f"?fra=1&til={newest}",
        "historikk side om side": reverse("guidance:history", args=[article.slug]) + f"?fra=1&til={newest}&vis=alt",
        "endringslogg": reverse("guidance:changelog"),
        "nyheter": reverse("guidance:news"),
        "spørsmål og svar": reverse("guidance:faq"),
        "lenker": reverse("guidance:links"),
        "tema": reverse("guidance:topic", args=[topic.slug]),
        "søk med treff": reverse("search") + "?q=smittesporing",
        "søk uten treff": reverse("search") + "?q=zzxqv",
        "tiltakskatalogen": reverse("staffing:measure_list"),
        "tiltak": reverse("staffing:measure", args=[measure.slug]),
        "tiltakshistorikk": reverse("staffing:history", args=[measure.slug]),
        "tiltaksfinneren": reverse("staffing:finder"),
        "tiltaksfinneren med svar": reverse("staffing:finder") + "?" + finder_answers(client),
        # On a date the December 2021 letter was current: results in force, with the editors' reading apart.
        "tiltaksfinneren med svar i mars 2022": reverse("staffing:finder") + "?" + finder_answers(client)
        + "&dato=2022-03-15",
        "varsel": reverse("alerts:subscribe"),
        "innlogging": reverse("login"),
        "glemt passord": reverse("password_reset"),
        "tilgjengelighetserklæring": reverse("accessibility_statement"),
        "API-dokumentasjon": reverse("api_docs"),
        "404": "/finnes-ikke/",
    }
    for name, (url_name, args) in OPTIONAL_PUBLIC_PAGES.items():
        try:
            placeholders = {"{article}": article.slug, "{measure}": changed_measure.slug}
            url = reverse(url_name, args=[placeholders.get(arg, arg) for arg in args])
        except NoReverseMatch:
            continue
        if client.get(url).status_code == 200:
            pages[name] = url
    return pages


def finder_answers(client):
    """The first answer to every question of the finder, read from its form (so new questions count)."""
    form = client.get(reverse("staffing:finder")).content.decode()
    answers = {}
    for tag in re.findall(r"<input\b[^>]*>", form):
        name, value = re.search(r'name="([^"]*)"', tag), re.search(r'value="([^"]*)"', tag)
        if name and value and 'type="radio"' in tag and value.group(1):
            answers.setdefault(name.group(1), value.group(1))
    for name, options in re.findall(r'<select\b[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        values = [value for value in re.findall(r'value="([^"]*)"', options) if value]
        if values:
            answers.setdefault(name, values[0])
    return urlencode(answers)


def municipal_user():
    return get_user_model().objects.get(username=DEMO_MUNICIPAL_USER[0])


def worksheet_pages(client):
    """name → address of the worksheet pages, for a client signed in as the demo's municipal user."""
    listing = reverse("prioritering:worksheet_list")
    numbers = re.findall(r'href="/prioritering/(\d+)/"', client.get(listing).content.decode())
    worksheet = max(numbers, key=lambda pk: _row_count(client, pk))
    detail = client.get(f"/prioritering/{worksheet}/").content.decode()
    row = re.search(rf'href="/prioritering/{worksheet}/tjenester/(\d+)/"', detail).group(1)
    history = client.get(f"/prioritering/{worksheet}/historikk/").content.decode()
    redact = re.search(rf'href="(/prioritering/{worksheet}/historikk/\d+/fjern-personopplysninger/)"', history)
    return {
        "skjemaoversikt": listing,
        "skjema": f"/prioritering/{worksheet}/",
        "tjenesteskjema": f"/prioritering/{worksheet}/tjenester/{row}/",
        "ny tjeneste": f"/prioritering/{worksheet}/tjenester/ny/",
        "utskrift": f"/prioritering/{worksheet}/utskrift/",
        "historikk": f"/prioritering/{worksheet}/historikk/",
        "fjern personopplysninger": redact.group(1),
    }


def _row_count(client, pk):
    return len(set(re.findall(rf'/prioritering/{pk}/tjenester/(\d+)/"', client.get(f"/prioritering/{pk}/").content.decode())))


def assistance_pages(client):
    """name → address of the coordination pages of the demo's municipal user (Hamar's leader): the
    request Statsforvalteren has answered, the draft to send, the offer, and the forms."""
    from prioritering.models import AssistanceRequest, CapacityOffer
    from staffing.models import Measure

    answered = AssistanceRequest.objects.filter(municipality__name="Hamar").exclude(status="utkast").order_by("pk")[0]
    draft = AssistanceRequest.objects.filter(municipality__name="Hamar", status="utkast").order_by("pk")[0]
    offer = CapacityOffer.objects.filter(municipality__name="Hamar").order_by("pk")[0]
    via_county = Measure.objects.live().filter(live_version__request_channel="statsforvalteren").order_by("slug")[0]
    return {
        "bistand": reverse("prioritering:assistance_list"),
        "forespørsel besvart": reverse("prioritering:assistance_detail", args=[answered.pk]),
        "forespørsel utkast": reverse("prioritering:assistance_detail", args=[draft.pk]),
        "forespørsel historikk": reverse("prioritering:assistance_history", args=[answered.pk]),
        "ny forespørsel utfylt fra tiltak": reverse("prioritering:assistance_create")
        + "?tiltak=Bistand+fra+Sivilforsvaret&hjelp=sivilforsvaret&hjelp=forsvaret&oppgave=testing",
        "endre forespørsel": reverse("prioritering:assistance_edit", args=[draft.pk]),
        "send forespørsel": reverse("prioritering:assistance_submit", args=[draft.pk]),
        "trekk forespørsel": reverse("prioritering:assistance_withdraw", args=[draft.pk]),
        "tilbud": reverse("prioritering:offer_detail", args=[offer.pk]),
        "tilbud historikk": reverse("prioritering:offer_history", args=[offer.pk]),
        "nytt tilbud": reverse("prioritering:offer_create"),
        "trekk tilbud": reverse("prioritering:offer_withdraw", args=[offer.pk]),
        "tiltak via Statsforvalteren, innlogget": via_county.get_absolute_url(),
    }


def county_pages(client):
    """name → address of Statsforvalteren's pages for the demo's county user."""
    from prioritering.models import AssistanceRequest, Worksheet

    open_request = AssistanceRequest.objects.filter(municipality__county="Innlandet", status="sendt").order_by("pk")[0]
    closed = AssistanceRequest.objects.filter(municipality__county="Innlandet", status="dekket").order_by("pk")[0]
    decided = Worksheet.objects.decided().filter(municipality__county="Innlandet").order_by("pk")[0]
    return {
        "fylkesoversikt": reverse("prioritering:county_overview"),
        "fylkets vedtatte skjema": reverse("prioritering:county_worksheet", args=[decided.pk]),
        "bistand i fylket": reverse("prioritering:county_assistance"),
        "forespørsel å koordinere": reverse("prioritering:county_assistance_detail", args=[open_request.pk]),
        "forespørsel avsluttet": reverse("prioritering:county_assistance_detail", args=[closed.pk]),
        "bistand utskrift": reverse("prioritering:county_assistance_print"),
        "bistand sammendrag": reverse("prioritering:county_assistance_summary"),
    }
