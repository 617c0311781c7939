"""The publisher of `make bench`'s crisis replay (bench/crisis.py): `manage.py bench_publish --hottest FILE`.

Every `--every` seconds, for `--seconds` seconds, a new major version of one of the articles named in
FILE (one `/veiledning/<slug>/` path or slug a line, hottest first: bench/crisis.py writes the ten
hottest) is made live, through the same services a publisher's click goes through
(`version_create`, then `version_publish`), as the demo's publisher (`load_demo`'s «redaktor»). The
articles take turns in the file's order. Publishes fall at every, 2·every, … seconds after the
command prints its «started» line, never at 0 (the replay starts on the warm cache) and never at the
end; one that falls late (a slow database) is made at once, so the count depends only on the two
numbers. The last line says how many publishes were made and how long each took.

It runs in its own process beside the load, never in a request. The new version repeats the live
text with one paragraph added, so every publish changes what the article page shows.
"""

import re
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from guidance.models import Article
from kommuneportal.management.commands.load_demo import DEMO_PUBLISHER
from publishing.models import ChangeType
from publishing.services import four_eyes_required, version_create, version_publish

ARTICLE_PATH = re.compile(r"^/veiledning/([a-z0-9-]+)/$")
BENCH_AUTHOR = "bench-forfatter"  # only when four eyes are required: the publisher may not approve their own text


def due_times(every, seconds):
    """The seconds after the start at which a publish falls: every, 2·every, … before `seconds`."""
    if every <= 0:
        return []
    times, count = [], 1
    while count * every < seconds - 1e-9:
        times.append(round(count * every, 3))
        count += 1
    return times


def slugs_in(text):
    """Article slugs from the lines of a --hottest file: `/veiledning/<slug>/` paths or bare slugs."""
    slugs = []
    for line in text.split():
        match = ARTICLE_PATH.match(line)
        slug = match.group(1) if match else line.strip("/")
        if re.fullmatch(r"[a-z0-9-]+", slug):
            slugs.append(slug)
    return slugs


class Command(BaseCommand):
    help = ("Make a new major version of one of the given articles live every --every seconds for --seconds "
            "seconds (the crisis replay of `make bench`). Run load_demo first.")

    def add_arguments(self, parser):
        parser.add_argument("--hottest", required=True, help="file with article paths or slugs, one a line, hottest first")
        parser.add_argument("--every", type=float, default=15.0, help="seconds between publishes (15)")
        parser.add_argument("--seconds", type=float, default=60.0, help="how long to go on (60)")

    def handle(self, *args, hottest, every, seconds, **options):
        try:
            slugs = slugs_in(Path(hottest).read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"Cannot read --hottest: {error}")
        articles = {article.slug: article for article in Article.objects.live().filter(slug__in=slugs)}
        articles = [articles[slug] for slug in slugs if slug in articles]
        if not articles:
            raise CommandError(f"None of the articles in {hottest} is live.")
        publisher, author = self._users()
        schedule = due_times(every, seconds)
        self.stdout.write(f"bench_publish: started, {len(schedule)} publishes due at "
                          f"{', '.join(f'{at:g}' for at in schedule) or 'no time'} s, "
                          f"over {len(articles)} article{'' if len(articles) == 1 else 's'}")
        self.stdout.flush()
        started, durations = time.monotonic(), []
        for number, at in enumerate(schedule, start=1):
            time.sleep(max(0.0, started + at - time.monotonic()))
            article = articles[(number - 1) % len(articles)]
            began = time.monotonic()
            version = self._publish(article, publisher=publisher, author=author, number=number)
            durations.append((time.monotonic() - began) * 1000)
            self.stdout.write(f"bench_publish: {time.monotonic() - started:6.2f} s  /veiledning/{article.slug}/ "
                              f"version {version.number} live ({durations[-1]:.0f} ms)")
            self.stdout.flush()
        time.sleep(max(0.0, started + seconds - time.monotonic()))
        slowest = f", slowest {max(durations):.0f} ms" if durations else ""
        self.stdout.write(f"bench_publish: {len(durations)} publish{'' if len(durations) == 1 else 'es'} "
                          f"in {time.monotonic() - started:.1f} s{slowest}")

    def _users(self):
        User = get_user_model()
        publisher = User.objects.filter(username=DEMO_PUBLISHER["username"]).first()
        if publisher is None:
            raise CommandError("The demo publisher is missing: run `manage.py load_demo` first.")
        if not four_eyes_required():
            return publisher, publisher
        author, _created = User.objects.get_or_create(username=BENCH_AUTHOR, defaults={"first_name": "Bench"})
        return publisher, author

    def _publish(self, article, *, publisher, author, number):
        latest = article.latest_version()
        content = latest.content()
        content["body"] = (content["body"].rstrip() + "\n\n"
                           f"Oppdatert under belastningstest ({number}. publisering i denne kjøringen).")
        version = version_create(
            document=article, author=author, based_on_number=latest.number, change_type=ChangeType.MAJOR,
            change_note=f"Belastningstest: ny hovedversjon nr. {number}.", **content,
        )
        return version_publish(version=version, user=publisher)
