"""The building blocks of the demo content: sources, versions and articles as plain dicts.

A version's `date` is when the demo publishes it (Europe/Oslo): the day its source gives the item,
so the demo's history follows the sources. Where the source gives no day (`undated`, or `about(...)`
when it pins only the month), `version` drops the date and the loader publishes at loading time: the
demo invents no day, and lists order those items by their source's month, or last when it has none.
"""

FIRST_NOTE = "Ny artikkel."
FAQ_NOTE = "Spørsmålet er formulert av Kommuneportalen; svaret gjengir kilden."

# The seeds' documents, named as their issuers name them.
KS_PAGE = ("Koronaviruset: Helse og velferd", "KS")
STATSFORVALTEREN_PAGE = ("Helse, omsorg og sosialtjenester", "Fylkesmannen i Innlandet (nå Statsforvalteren i Innlandet)")
HDIR_262A = ("Svar på Covid-19-oppdrag fra HOD 262a - Innsatsteam til sykehjem og hjemmetjenester ved smitteutbrudd",
             "Helsedirektoratet")
HDIR_NOTE = ("Notat om prioritering i kommunale helse- og omsorgstjenester under covid-19-epidemien", "Helsedirektoratet")
HDIR_LETTER = ("Økt smitte, kapasitetsutfordringer og eventuelt behov for bruk av fullmakter i helseberedskapsloven "
               "- Kommunene", "Helsedirektoratet")


def exact(document, day, url=""):
    """The source gives this day ("YYYY-MM-DD") as the item's date."""
    return _source(document, day, approximate=False, url=url)


def about(document, day, url=""):
    """The source gives no exact date, but pins the month: readers see «ca. <month> <year>»."""
    return _source(document, day, approximate=True, url=url)


def undated(document, url=""):
    """The source gives no date: readers see none."""
    return _source(document, None, approximate=True, url=url)


def _source(document, day, *, approximate, url):
    title, issuer = document
    return {"title": title, "issuer": issuer, "date": day, "approximate": approximate, "url": url}


def version(date, title, summary, body, source, *, note=FIRST_NOTE, editor_note="", see_also=(),
            change_type="major"):
    if source["approximate"]:
        date = None  # no day from the source: published at loading time (see the module docstring)
    return {"date": date, "title": title, "summary": summary, "body": body, "source": source, "note": note,
            "editor_note": editor_note, "see_also": "\n".join(see_also), "change_type": change_type}


def measure_link(slug, title):
    """A «Se også» line to the staffing measure describing the same scheme. By address: guidance never
    imports staffing, and publishers keep these lines in the admin like any other text."""
    return f"[Tiltaket i bemanningsoversikten: {title}](/bemanning/{slug}/)"


def staffing_link(path, title):
    """A «Se også» line to another staffing page (the catalogue, the contact point)."""
    return f"[{title}]({path})"


def article(slug, kind, issuer, topics, *versions):
    return {"slug": slug, "kind": kind, "issuer": issuer, "topics": topics, "versions": list(versions)}
