"""Synthetic guidance articles for `make bench` (bench/run.sh): `manage.py bench_content --articles 2000`.

Adds articles `bench-00001` … `bench-<N>` on top of the demo content (run `load_demo` first: the
articles use its topics, issuers and editor). Each article has 10 published versions, about one in
three of them minor. Titles, summaries and Markdown bodies are composed from a fixed vocabulary of
Norwegian crisis-management words (smittesporing, legevakt, vaksinering, karantene …); each article
has its own subject (a few of the tasks, actors and sentence patterns), so a search word is found in
some of the articles rather than all. Everything is drawn with `random.Random` seeded per article,
so article 123 is the same text on every machine and every run, whether it was created by
`--articles 2000` or later by `--articles 10000`. First publication dates
are spread over 2020–2022, each article's later versions follow within a year, and every version
is in the past, so all of them are live history.

Idempotent by slug: running it again creates only the missing articles. Rows are written with
`bulk_create` in batches, then the documents' stored live state is refreshed in one UPDATE and the
content clock is bumped, so page caches start afresh. On PostgreSQL the tables written are then
vacuumed and analysed, so the benchmark's query plans do not depend on when autovacuum runs.
"""

import random
import time
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from guidance.models import Article, ArticleKind, ArticleVersion, Issuer, Topic
from kommuneportal.management.commands.load_demo import DEMO_PUBLISHER
from publishing.changes import everything_changed
from publishing.models import ChangeType

SLUG_PREFIX = "bench-"
VERSIONS_PER_ARTICLE = 10
MINOR_SHARE = 1 / 3
CHUNK = 500  # articles written per round of bulk_create

FIRST_DAY = datetime(2020, 3, 1)
LAST_DAY = datetime(2022, 12, 31)

KINDS = [(ArticleKind.GUIDANCE, 5), (ArticleKind.NEWS, 3), (ArticleKind.FAQ, 1), (ArticleKind.CONSULTATION, 1)]

# --- The vocabulary: every text is built from these lists and nothing else. -------------------
# Each article draws its own few tasks, actors, situations and sentence patterns from them (its
# subject), so a search word is found in some articles, not in all of them.

ACTORS = [
    "kommunen", "kommuneoverlegen", "legevakten", "smittesporingsteamet", "hjemmetjenesten", "sykehjemmet",
    "fastlegene", "beredskapsledelsen", "helsesykepleierne", "NAV-kontoret", "vaksinasjonskontoret",
    "kriseledelsen", "helse- og omsorgstjenesten", "arbeidsgiveren", "personalavdelingen", "rådmannen",
    "skolehelsetjenesten", "barnevernstjenesten", "tildelingskontoret", "frivilligsentralen",
]
DUTIES = [
    "bør sørge for", "skal legge til rette for", "må planlegge", "kan vurdere", "har ansvar for",
    "skal følge opp", "bør prioritere", "må dokumentere", "skal samordne", "bør gjennomgå rutinene for",
]
TASKS = [
    "smittesporing", "vaksinering av helsepersonell", "testing av ansatte", "karantene for nærkontakter",
    "isolasjon av smittede", "nok sykepleiere på vakt", "omsorg for sårbare grupper",
    "smittevernutstyr til hjemmetjenesten", "bemanning på legevakt", "informasjon til pårørende",
    "pensjonister som vil jobbe igjen", "innleie av helsepersonell", "hurtigtesting på skoler",
    "vaksinering av eldre", "øvelser i kriseledelse", "besøk på sykehjem", "testing og isolasjon",
    "smittesporing i barnehager", "økonomisk rådgivning", "frivillige i omsorgstjenesten",
    "studenter som ekstra bemanning", "permittering og lønn under karantene", "munnbind i helsetjenesten",
    "varsling av utbrudd", "oppfølging av hjemmeboende eldre", "tolketjenester ved smittesporing",
    "hjemmeskole og digital undervisning", "barn i sårbare familier", "rusomsorg og psykisk helse",
    "avlastning for pårørende", "vaksinasjonskontor og timebestilling", "koronasertifikat",
    "innreisekarantene for arbeidsinnvandrere", "karantenehotell", "turnus og overtid",
    "lønn under omdisponering", "sosialhjelp og nødhjelp", "matombringing til eldre", "ferieavvikling",
    "legevaktsamarbeid mellom kommuner",
]
SITUATIONS = [
    "når smitten øker", "ved utbrudd på sykehjem", "i helger og høytider", "når mange ansatte er i karantene",
    "før vaksinene kommer", "i påvente av nye nasjonale råd", "når legevakten har stor pågang",
    "ved mistanke om smitte", "i samarbeid med nabokommunene", "etter råd fra Folkehelseinstituttet",
    "gjennom vinteren", "når skolene åpner igjen", "under nedstengningen", "når testkapasiteten er presset",
    "i sommerferien", "etter gjenåpningen", "ved lokale tiltak", "når sykefraværet er høyt",
]
REASONS = [
    "for å sikre forsvarlig drift", "slik at innbyggerne får hjelp i tide", "for å begrense smittespredning",
    "så tjenestene kan opprettholdes", "for å skjerme de mest sårbare", "for å avlaste helsepersonell",
    "slik at ingen faller mellom to stoler", "for å unngå unødvendig karantene",
]
PLACES = [
    "Hamar", "Gjøvik", "Lillehammer", "Elverum", "Kongsvinger", "Ringsaker", "Stange", "Løten", "Våler",
    "Åsnes", "Østre Toten", "Sør-Fron", "Nord-Aurdal", "Trysil", "Tynset", "Sel", "Lom", "Skjåk",
]
HEADINGS = [
    "Bakgrunn", "Hva gjelder nå", "Ansvar og roller", "Bemanning", "Smittevern", "Praktiske råd",
    "Hvem gjelder det", "Økonomi", "Samarbeid med helseforetaket", "Informasjon til innbyggerne",
    "Rutiner", "Når noen blir syke", "Oppfølging", "Regelverk", "Erfaringer fra kommunene", "Kontakt",
]
SENTENCES = [
    "{A} {D} {t} {s}.",
    "{A} {D} {t} {r}.",
    "Det er viktig at {a} tar ansvar for {t} {s}.",
    "Erfaringene fra {P} viser at {t} krever god planlegging {s}.",
    "{T} skal beskrives i kommunens beredskapsplan.",
    "Kommuneoverlegen gir råd om {t} {s}.",
    "Helsepersonell som er i karantene, skal ikke arbeide med pasienter uten en negativ test.",
    "Sykepleiere og helsefagarbeidere kan omdisponeres {s}.",
    "I {P} har kommunen organisert {t} sammen med legevakten.",
    "Spørsmål om {t} kan rettes til kommunens smittevernkontor.",
    "Ordningen evalueres fortløpende, og veiledningen oppdateres når nasjonale myndigheter endrer rådene.",
    "Husk at reglene for {t} også gjelder vikarer og innleid personell.",
    "{A} og {a2} bør avtale hvem som gjør hva {s}.",
    "Kommunen dekker utgiftene til {t} innenfor ordinære rammer.",
    "Statsforvalteren kan gi råd om {t} og tolkningen av forskriften.",
    "Arbeidsmiljøloven gjelder også {s}, og tillitsvalgte skal involveres.",
    "Nabokommunene {P} og {P2} har gode erfaringer med {t}.",
    "{T} krever ofte mer personell enn planlagt {s}.",
    "Ta kontakt med {a} hvis du er usikker på {t}.",
    "Pensjonister og studenter kan ansettes midlertidig {r}.",
    "Vurderingene bør dokumenteres skriftlig og deles med {a}.",
    "Det finnes ingen nasjonal mal for {t}, så kommunen må lage egne rutiner.",
]
BULLETS = [
    "avklar hvem som har ansvar for {t}", "lag en oversikt over ansatte som kan omdisponeres",
    "sørg for nok smittevernutstyr", "gi tydelig informasjon til pårørende", "følg nasjonale råd om {t}",
    "meld fra til kommuneoverlegen ved mistanke om utbrudd", "planlegg for fravær {s}",
    "dokumenter vurderingene som gjøres", "avtal samarbeid med {a}", "oppdater beredskapsplanen",
]
TITLES = {
    ArticleKind.GUIDANCE: ["Veileder for {t}", "Råd om {t} {s}", "Slik organiserer kommunen {t}", "{Topic}: {t}"],
    ArticleKind.NEWS: ["{P} styrker arbeidet med {t}", "Nytt om {t}", "{Topic}: nye råd om {t}"],
    ArticleKind.FAQ: ["Spørsmål og svar om {t}", "Ofte stilte spørsmål om {t}"],
    ArticleKind.CONSULTATION: ["Høringssvar om {t}", "Høringssvar: {t} {s}"],
}
SUMMARIES = [
    "Her finner kommunene råd om {t} {s}. {A} {D} {t2} {r}.",
    "{A} {D} {t} {s}. Veiledningen beskriver ansvar, bemanning og rutiner.",
    "Erfaringer fra {P} om {t} og {t2}, og hva kommunen bør gjøre {s}.",
]
MAJOR_NOTES = [
    "Oppdatert med nye råd om {t}.", "Lagt til et avsnitt om {t}.", "Endret etter nye nasjonale råd om {t}.",
    "Oppdatert ansvar og roller for {t}.",
]
MINOR_NOTES = ["Rettet skrivefeil.", "Rettet en lenke.", "Språklige justeringer.", ""]


def cap(text):
    return text[:1].upper() + text[1:]


class Writer:
    """Composes one article's texts with its own seeded random generator, from its own subject: a few
    tasks, actors, situations, places and sentence patterns drawn from the vocabulary."""

    def __init__(self, rng, topic_name):
        self.rng = rng
        self.topic_name = topic_name
        self.tasks = rng.sample(TASKS, 3)
        self.actors = rng.sample(ACTORS, 3)
        self.situations = rng.sample(SITUATIONS, 3)
        self.reasons = rng.sample(REASONS, 2)
        self.places = rng.sample(PLACES, 3)
        self.sentences = rng.sample(SENTENCES, 6)
        self.bullets = rng.sample(BULLETS, 5)
        self.headings = rng.sample(HEADINGS, 5)

    def widen(self):
        """A later version takes up one more task (an update about something new)."""
        task = self.rng.choice(TASKS)
        if task not in self.tasks:
            self.tasks.append(task)
        return task

    def fill(self, template, task=None):
        pick = self.rng.choice
        actor, second_actor = self.rng.sample(self.actors, 2)
        place, second_place = self.rng.sample(self.places, 2)
        task = task or pick(self.tasks)
        text = template.format(
            A=cap(actor), a=actor, a2=second_actor, D=pick(DUTIES), T=cap(task), t=task, t2=pick(self.tasks),
            s=pick(self.situations), r=pick(self.reasons), P=place, P2=second_place, Topic=self.topic_name,
        )
        return cap(text)

    def sentence(self):
        return self.fill(self.rng.choice(self.sentences))

    def paragraph(self):
        return [self.sentence() for _ in range(self.rng.randint(3, 5))]

    def section(self):
        bullets = [self.fill(template) for template in self.rng.sample(self.bullets, self.rng.randint(3, 5))] \
            if self.rng.random() < 0.4 else []
        return {"heading": self.headings.pop(), "paragraphs": [self.paragraph() for _ in range(2)],
                "bullets": bullets}

    def body(self, sections):
        parts = []
        for section in sections:
            parts.append(f"## {section['heading']}")
            parts += [" ".join(paragraph) for paragraph in section["paragraphs"]]
            if section["bullets"]:
                parts.append("\n".join(f"- {bullet}" for bullet in section["bullets"]))
        return "\n\n".join(parts)


def version_dates(rng):
    """Ten publication times on ten different days: the first spread over 2020–2022, the rest within a
    year of it (and before 2023), each in office hours, local time."""
    span_days = (LAST_DAY - FIRST_DAY).days
    first = FIRST_DAY + timedelta(days=rng.randint(0, span_days - 60))
    window_days = min(365, (LAST_DAY - first).days)
    days = [0] + sorted(rng.sample(range(1, window_days + 1), VERSIONS_PER_ARTICLE - 1))
    return [timezone.make_aware((first + timedelta(days=day)).replace(hour=rng.randint(8, 15),
                                                                       minute=rng.choice([0, 15, 30, 45])))
            for day in days]


def build_article(index, seed, topics, issuers):
    """The article and its versions' texts for one index, the same for the same (index, seed)."""
    rng = random.Random(f"kommuneportal-bench-{seed}-{index}")
    kinds, weights = zip(*KINDS)
    kind = rng.choices(kinds, weights)[0]
    article_topics = rng.sample(topics, rng.randint(1, min(3, len(topics))))
    writer = Writer(rng, article_topics[0].name)
    title = writer.fill(rng.choice(TITLES[kind]))
    summary = writer.fill(rng.choice(SUMMARIES))
    sections = [writer.section() for _ in range(rng.randint(3, 4))]
    versions = []
    for number, at in enumerate(version_dates(rng), start=1):
        minor = number > 1 and rng.random() < MINOR_SHARE
        if minor:
            # A small correction: one sentence reworded.
            section = rng.choice(sections)
            paragraph = rng.choice(section["paragraphs"])
            paragraph[rng.randrange(len(paragraph))] = writer.sentence()
            note = rng.choice(MINOR_NOTES)
        elif number > 1:
            # A substantive update: a paragraph added or rewritten (now and then about a task the article
            # did not cover before), sometimes a new summary or title.
            new_task = writer.widen() if rng.random() < 0.25 else None
            section = rng.choice(sections)
            if rng.random() < 0.5 and len(section["paragraphs"]) < 4:
                section["paragraphs"].append(writer.paragraph())
            else:
                section["paragraphs"][rng.randrange(len(section["paragraphs"]))] = writer.paragraph()
            if rng.random() < 0.3:
                summary = writer.fill(rng.choice(SUMMARIES))
            if rng.random() < 0.1:
                title = writer.fill(rng.choice(TITLES[kind]))
            note = writer.fill(rng.choice(MAJOR_NOTES), task=new_task)
        else:
            note = "Ny artikkel."
        versions.append({
            "number": number, "at": at, "title": title[:250], "summary": summary, "body": writer.body(sections),
            "change_type": ChangeType.MINOR if minor else ChangeType.MAJOR, "note": note,
        })
    return {
        "slug": f"{SLUG_PREFIX}{index:05d}", "kind": kind, "issuer": rng.choice(issuers),
        "topics": article_topics, "versions": versions,
    }


class Command(BaseCommand):
    help = ("Add deterministic synthetic guidance articles (bench-00001 …, 10 versions each) for the benchmark. "
            "Run load_demo first. Running it again adds only the missing ones.")

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=2000, help="how many bench articles in total (2000)")
        parser.add_argument("--seed", type=int, default=2020, help="seed of the text generator (2020)")

    def handle(self, *args, articles, seed, **options):
        started = time.monotonic()
        if not 0 <= articles <= 99999:
            raise CommandError("--articles must be between 0 and 99999.")
        topics = list(Topic.objects.order_by("slug"))
        issuers = list(Issuer.objects.order_by("slug"))
        publisher = get_user_model().objects.filter(username=DEMO_PUBLISHER["username"]).first()
        if not topics or not issuers or publisher is None:
            raise CommandError("The demo content is missing: run `manage.py load_demo` first.")
        existing = set(Article.objects.filter(slug__startswith=SLUG_PREFIX).values_list("slug", flat=True))
        missing = [index for index in range(1, articles + 1) if f"{SLUG_PREFIX}{index:05d}" not in existing]
        if missing and connection.vendor == "postgresql":
            # A bulk load, not a request: the site's per-statement time limit does not apply to it.
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")
        with transaction.atomic():
            for start in range(0, len(missing), CHUNK):
                self._write([build_article(index, seed, topics, issuers) for index in missing[start:start + CHUNK]],
                            publisher)
            if missing:
                Article.refresh_all_live_state()
            everything_changed(note="bench_content")
        if missing and connection.vendor == "postgresql":
            # Fresh planner statistics and visibility map, as a production database would have, so the
            # measured query plans do not depend on when autovacuum happens to run.
            tables = [Article._meta.db_table, ArticleVersion._meta.db_table, Article.topics.through._meta.db_table]
            with connection.cursor() as cursor:
                cursor.execute("VACUUM (ANALYZE) " + ", ".join(connection.ops.quote_name(t) for t in tables))
        total = Article.objects.filter(slug__startswith=SLUG_PREFIX).count()
        self.stdout.write(self.style.SUCCESS(
            f"bench_content: {len(missing)} new articles ({len(missing) * VERSIONS_PER_ARTICLE} versions), "
            f"{total} bench articles in all, in {time.monotonic() - started:.1f} s."
        ))

    def _write(self, items, publisher):
        created = Article.objects.bulk_create([
            Article(slug=item["slug"], kind=item["kind"], issuer=item["issuer"], created_at=item["versions"][0]["at"])
            for item in items
        ])
        Through = Article.topics.through
        Through.objects.bulk_create([
            Through(article_id=article.pk, topic_id=topic.pk)
            for article, item in zip(created, items) for topic in item["topics"]
        ])
        ArticleVersion.objects.bulk_create([
            ArticleVersion(
                article_id=article.pk, number=version["number"], based_on_number=version["number"] - 1 or None,
                title=version["title"], summary=version["summary"], body=version["body"],
                change_type=version["change_type"], change_note=version["note"], author=publisher,
                created_at=version["at"], publish_at=version["at"], approved_by=publisher,
                approved_at=version["at"],
                # No source: dated by the portal's publication (publishing.dates.sort_day); bulk_create skips save().
                sort_day=timezone.localdate(version["at"]),
            )
            for article, item in zip(created, items) for version in item["versions"]
        ], batch_size=2000)
