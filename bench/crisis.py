"""The crisis replay of `make bench` (bench/run.sh starts the servers): a day on which every reader comes at once.

Standard library only; every request goes to the loopback address run.sh gives, bounded in time.

    crisis.py plan  --base URL --out DIR                  the URL set, its weights and the request sequence
    crisis.py run   --base URL --plan DIR --articles N --mode off|default|redis --seconds S --out FILE
    crisis.py table --results FILE --database "PostgreSQL 15.x" --workers 3 [--code REV] [--machine TEXT]

`plan` (against a server with the page cache off, once per content size, before any publish) reads
every public URL from the sitemap (the index, then each section page, as tests/sitemap.py does) and
adds the list pages (/veiledning/ pages 1–10, the news, the change log pages 1–5, the topic filter
of /veiledning/ for each topic, each type and issuer filter), the 40 search queries of report.py
and finder queries (every combination of task, profession and horizon the finder form offers, and
a few of them on fixed dates). It orders them: `/`, then the main lists, then the newest articles
(by the sitemap's lastmod, newest first), then everything else in a shuffled order (seed 2020),
and gives the URL at rank k the Zipf weight 1/k (s = 1). It draws 100 000 paths with those weights
(seed 2020) into DIR/sequence.txt for bench/crisis.lua, names the ten hottest articles in
DIR/hottest.txt for `manage.py bench_publish`, and writes the whole plan to DIR/plan.json.
The same database gives the same URLs, weights and sequence on every run.

`run` (one cache mode of one size) fetches every URL once (4 client threads; --no-warm skips this),
measures the static file with the same wrk settings for --static-seconds, starts
`manage.py bench_publish` (a new major version of one of the ten hottest articles every
--publish-every seconds; 0 = nobody publishes), runs `wrk -t2 -c32 -d<S>s -s bench/crisis.lua`
over the sequence, measures the static file again, and appends one JSON line to FILE. `table`
prints the crisis table: req/s, the share of the static file's req/s (the mean of the two
measurements around the replay), p50 and p99 latency, the publishes made and the errors.
"""

import argparse
import datetime
import http.client
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from report import NOT_ARTICLES, SEARCH_QUERIES, WRK_HEADERS, find_pages, get, parse_wrk, run_wrk

SEED = 2020
SEQUENCE_LENGTH = 100_000
WRK_THREADS, WRK_CONNECTIONS = 2, 32
WARM_THREADS = 4
HOTTEST = 10  # articles the publisher takes turns on
NEWEST = 20  # articles ranked right after the main lists
LIST_PAGES = 10  # /veiledning/?side=1..10
CHANGELOG_PAGES = 5
NEWS_PAGES = 3
MAIN_LISTS = ["/veiledning/", "/veiledning/nyheter/", "/veiledning/endringer/", "/bemanning/", "/veiledning/tema/",
              "/bemanning/finn-tiltak/"]
FINDER = "/bemanning/finn-tiltak/"
FINDER_DATES = ["2020-04-01", "2021-01-15", "2022-02-01"]
FINDER_DATED = 24  # combinations also asked on one of those dates
ARTICLE = re.compile(r"^/veiledning/([a-z0-9-]+)/$")
NOT_MEASURES = {"finn-tiltak", "kontaktpunktet", "foresla-tiltak"}  # fixed pages under /bemanning/
LUA = Path(__file__).resolve().with_name("crisis.lua")


# --- plan -------------------------------------------------------------------------------------------

def sitemap_entries(base):
    """(path, lastmod) of every address in the sitemap index's sections."""
    status, index = get(base, "/sitemap.xml")
    if status != 200:
        sys.exit(f"/sitemap.xml answered HTTP {status}.")
    entries = []
    for url in re.findall(r"<loc>([^<]+)</loc>", index.decode()):
        section = urllib.parse.urlsplit(url)
        status, body = get(base, section.path + (f"?{section.query}" if section.query else ""))
        if status != 200:
            sys.exit(f"The sitemap section {url} answered HTTP {status}.")
        for block in re.findall(r"<url>(.*?)</url>", body.decode(), re.S):
            address = urllib.parse.urlsplit(re.search(r"<loc>([^<]+)</loc>", block).group(1).replace("&amp;", "&"))
            lastmod = re.search(r"<lastmod>([^<]+)</lastmod>", block)
            entries.append((address.path + (f"?{address.query}" if address.query else ""),
                            lastmod.group(1) if lastmod else ""))
    return entries


def form_choices(html, name, kind):
    """The values a form offers for field `name`: a <select>'s options or radio buttons, without the empty one."""
    if kind == "select":
        select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S)
        values = re.findall(r'<option[^>]*value="([^"]*)"', select.group(1)) if select else []
    else:
        values = [re.search(r'value="([^"]*)"', tag).group(1)
                  for tag in re.findall(rf'<input[^>]*name="{name}"[^>]*>', html) if 'value="' in tag]
    return list(dict.fromkeys(values))


def answering(base, paths):
    """The paths that answer 200 (list pages beyond the last one answer 404 and are left out)."""
    return [path for path in paths if get(base, path)[0] == 200]


def finder_queries(base):
    """Browser-shaped finder queries (every field sent, as the form's GET submits it)."""
    status, body = get(base, FINDER)
    if status != 200:
        sys.exit(f"{FINDER} answered HTTP {status}.")
    html = body.decode()
    tasks, professions = form_choices(html, "oppgave", "radio"), form_choices(html, "personell", "radio")
    horizons = [value for value in form_choices(html, "naar", "radio") if value]
    combinations = [(task, profession, horizon) for task in tasks or [""] for profession in professions or [""]
                    for horizon in horizons]
    dated = random.Random(SEED).sample(combinations, min(FINDER_DATED, len(combinations)))
    queries = [(*combination, "") for combination in combinations]
    queries += [(*combination, FINDER_DATES[number % len(FINDER_DATES)]) for number, combination in enumerate(dated)]
    return [FINDER + "?" + urllib.parse.urlencode({"oppgave": task, "personell": profession, "naar": horizon,
                                                   "dato": day}) for task, profession, horizon, day in queries]


def plan_urls(base):
    """[(path, kind)] in rank order, and the hottest articles."""
    entries = sitemap_entries(base)
    newest_first = sorted(sorted(entries), key=lambda entry: entry[1], reverse=True)  # ISO 8601 lastmod
    article_paths = [path for path, _lastmod in newest_first if kind_of(path) == "article"]
    status, body = get(base, "/veiledning/")
    if status != 200:
        sys.exit(f"/veiledning/ answered HTTP {status}.")
    html = body.decode()
    topics = [match.group(1) for path, _lastmod in entries
              if (match := re.match(r"^/veiledning/tema/([a-z0-9-]+)/$", path))]
    lists = answering(base, [f"/veiledning/?side={n}" for n in range(2, LIST_PAGES + 1)]
                      + [f"/veiledning/nyheter/?side={n}" for n in range(2, NEWS_PAGES + 1)]
                      + [f"/veiledning/endringer/?side={n}" for n in range(2, CHANGELOG_PAGES + 1)])
    filters = ([f"/veiledning/?tema={slug}" for slug in topics]
               + [f"/veiledning/?type={value}" for value in form_choices(html, "type", "select") if value]
               + [f"/veiledning/?avsender={value}" for value in form_choices(html, "avsender", "select") if value])
    searches = ["/sok/?" + urllib.parse.urlencode({"q": query}) for query in SEARCH_QUERIES]
    kinds = {"/": "front page"}
    for kind, paths in [("list", MAIN_LISTS + lists), ("filter", filters), ("search", searches),
                        ("finder", finder_queries(base))]:
        for path in paths:
            kinds.setdefault(path, kind)
    for path, _lastmod in entries:
        kinds.setdefault(path, kind_of(path))
    head = ["/"] + [path for path in MAIN_LISTS if path in kinds] + article_paths[:NEWEST]
    rest = sorted(set(kinds) - set(head))
    random.Random(SEED).shuffle(rest)
    return [(path, kinds[path]) for path in head + rest], article_paths[:HOTTEST]


def kind_of(path):
    """What a sitemap address is: an article, a topic, a staffing measure or another page."""
    match = ARTICLE.match(path)
    if match and match.group(1) not in NOT_ARTICLES:
        return "article"
    if re.match(r"^/veiledning/tema/[a-z0-9-]+/$", path):
        return "topic"
    if re.match(r"^/bemanning/[a-z0-9-]+/$", path) and path.split("/")[2] not in NOT_MEASURES:
        return "measure"
    return "page"


def zipf_weights(count):
    """The share of requests of the URL at each rank 1 … count: 1/k over the harmonic number (s = 1)."""
    weights = [1 / rank for rank in range(1, count + 1)]
    total = sum(weights)
    return [weight / total for weight in weights]


def draw(count, length):
    """`length` ranks (0-based) drawn with the Zipf weights and the fixed seed: the replay's requests in order."""
    return random.Random(SEED).choices(range(count), weights=zipf_weights(count), k=length)


def plan(args):
    urls, hottest = plan_urls(args.base)
    weights = zipf_weights(len(urls))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "sequence.txt").write_text("".join(urls[rank][0] + "\n" for rank in draw(len(urls), args.length)),
                                      encoding="utf-8")
    (out / "hottest.txt").write_text("".join(path + "\n" for path in hottest), encoding="utf-8")
    (out / "plan.json").write_text(json.dumps({
        "seed": SEED, "length": args.length, "static": find_pages(args.base)["static"], "hottest": hottest,
        "urls": [{"rank": rank, "path": path, "kind": kind, "weight": round(weight, 8)}
                 for rank, ((path, kind), weight) in enumerate(zip(urls, weights), start=1)],
    }, ensure_ascii=False, indent=0), encoding="utf-8")
    counts, shares = {}, {}
    for (_path, kind), weight in zip(urls, weights):
        counts[kind] = counts.get(kind, 0) + 1
        shares[kind] = shares.get(kind, 0) + weight
    print(f"   {len(urls)} URLs: " + ", ".join(f"{counts[kind]} {kind} ({shares[kind]:.0%} of requests)"
                                         for kind in sorted(counts, key=lambda kind: -shares[kind])))
    print(f"   / {weights[0]:.1%} of requests, the top 10 URLs {sum(weights[:10]):.0%}, the top 100 "
          f"{sum(weights[:100]):.0%}; published to in turn: {', '.join(hottest[:3])} … ({len(hottest)} articles)")


# --- run --------------------------------------------------------------------------------------------

def warm(base, paths):
    """Fetch every path once from a few threads, each on one kept-alive connection: (seconds, {status: count},
    [(path, status)] of the answers other than 200)."""
    split = urllib.parse.urlsplit(base)
    local = threading.local()
    started = time.monotonic()

    def fetch(path):
        for attempt in range(2):  # a kept-alive connection the server closed is opened again once
            if getattr(local, "connection", None) is None:
                local.connection = http.client.HTTPConnection(split.hostname, split.port, timeout=60)
            try:
                local.connection.request("GET", path, headers=WRK_HEADERS)
                response = local.connection.getresponse()
                response.read()
                return path, response.status
            except (OSError, http.client.HTTPException):
                local.connection.close()
                local.connection = None
                if attempt:
                    return path, 0

    with ThreadPoolExecutor(WARM_THREADS) as pool:
        results = list(pool.map(fetch, paths))
    statuses = {}
    for _path, status in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    return time.monotonic() - started, statuses, [(path, status) for path, status in results if status != 200]


def cache_settings(manage):
    """What the server's settings make of this mode's environment: the cache backend and page cache seconds."""
    code = ("from django.conf import settings; "
            "print(settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1], settings.PAGE_CACHE_SECONDS)")
    result = subprocess.run([sys.executable, manage, "shell", "-v0", "-c", code], capture_output=True, text=True,
                            timeout=120)
    return result.stdout.strip() or f"unknown ({result.stderr.strip()[-200:]})"


class Publisher:
    """`manage.py bench_publish` in the background, started before the replay and collected after it."""

    def __init__(self, manage, hottest, every, seconds):
        command = [sys.executable, manage, "bench_publish", "--hottest", hottest, "--every", str(every),
                   "--seconds", str(seconds)]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines, self.started = [], threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.started.wait(timeout=120)  # Django's start-up, so the first publish falls `every` s into the replay

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip())
            if "started" in line:
                self.started.set()
        self.started.set()

    def result(self, timeout):
        """(publishes made, a note when the command failed)."""
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self.reader.join(timeout=5)
        made = next((int(match.group(1)) for line in self.lines
                     if (match := re.match(r"bench_publish: (\d+) publish(?:es)? in", line))), 0)
        note = "" if code == 0 else f"bench_publish exited {code}: " + " | ".join(self.lines[-3:])[-300:]
        return made, note, self.lines


def replay(base, sequence, seconds):
    command = ["wrk", f"-t{WRK_THREADS}", f"-c{WRK_CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s", "-s", str(LUA)]
    for name, value in WRK_HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    command += [base, "--", str(sequence), str(WRK_THREADS)]
    output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 120)
    return parse_crisis(output.stdout + output.stderr)


def parse_crisis(output):
    """The CRISIS lines of crisis.lua's done() and wrk's own req/s."""
    fields = {}
    for line in output.splitlines():
        if line.startswith("CRISIS "):
            key, _space, rest = line[len("CRISIS "):].partition(" ")
            fields[key] = rest.split()
    if "requests" not in fields:
        return {"rps": 0.0, "raw": output[-500:]}
    pairs = lambda values: {values[i]: float(values[i + 1]) for i in range(0, len(values) - 1, 2)}  # noqa: E731
    errors, latency = pairs(fields["errors"]), pairs(fields["latency_ms"])
    requests, duration = int(fields["requests"][0]), float(fields["seconds"][0])
    return {
        "rps": parse_wrk(output)["rps"] or requests / duration, "requests": requests, "duration_s": duration,
        "p50_ms": latency["p50"], "p90_ms": latency["p90"], "p99_ms": latency["p99"], "max_ms": latency["max"],
        "mean_ms": latency["mean"], "non_2xx_3xx": int(errors.pop("status")),
        "socket_errors": {name: int(count) for name, count in errors.items()},
        "statuses": {code: int(count) for code, count in pairs(fields.get("statuses", [])).items()},
    }


def run(args):
    plan_dir = Path(args.plan)
    plan_data = json.loads((plan_dir / "plan.json").read_text(encoding="utf-8"))
    paths = [url["path"] for url in plan_data["urls"]]
    row = {"type": "crisis", "articles": args.articles, "mode": args.mode, "seconds": args.seconds,
           "urls": len(paths), "load1_before": round(os.getloadavg()[0], 1), "cache": cache_settings(args.manage),
           "publish_every": args.publish_every, "warm": None}
    print(f"   settings: {row['cache']} (backend, page cache seconds)", flush=True)
    if not args.no_warm:
        seconds, statuses, failed = warm(args.base, paths)
        row["warm"] = {"seconds": round(seconds, 1), "statuses": statuses, "failed": failed[:20]}
        print(f"   warm-up: {len(paths)} URLs in {seconds:.1f} s, statuses {statuses}"
              + (f"; not 200: {failed[:5]}" if failed else ""), flush=True)
    static = [run_wrk(args.base, plan_data["static"], args.static_seconds, connections=WRK_CONNECTIONS)]
    publisher = Publisher(args.manage, str(plan_dir / "hottest.txt"), args.publish_every, args.seconds) \
        if args.publish_every > 0 else None
    result = replay(args.base, plan_dir / "sequence.txt", args.seconds)
    made, note, lines = publisher.result(timeout=120) if publisher else (0, "", [])
    static.append(run_wrk(args.base, plan_data["static"], args.static_seconds, connections=WRK_CONNECTIONS))
    row.update(result, publishes=made, publish_note=note, load1_after=round(os.getloadavg()[0], 1),
               static_rps_runs=[run["rps"] for run in static],
               static_errors=sum(run["non_2xx_3xx"] + sum(run["socket_errors"].values()) for run in static))
    measured = [rps for rps in row["static_rps_runs"] if rps]  # a failed wrk run reads 0 and is noted, not averaged
    row["static_rps"] = sum(measured) / len(measured) if measured else 0.0
    row["share"] = row["rps"] / row["static_rps"] if row["static_rps"] else None
    for line in lines:
        print(f"   {line}")
    print(f"   replay: {row['rps']:.0f} req/s, static {row['static_rps']:.0f} req/s, share "
          f"{row['share'] or 0:.3f}, p50 {row.get('p50_ms', 0):.0f} ms, p99 {row.get('p99_ms', 0):.0f} ms"
          + (f"; {errors_text(row)}" if errors_text(row) else ""), flush=True)
    with open(args.out, "a", encoding="utf-8") as out:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


# --- table ------------------------------------------------------------------------------------------

def errors_text(row):
    parts = []
    if row.get("raw"):
        return "wrk failed: " + " ".join(row["raw"].split())[:160]
    if row.get("non_2xx_3xx"):
        parts.append(f"{row['non_2xx_3xx']} non-2xx/3xx of {row['requests']}")
    socket = {name: count for name, count in row.get("socket_errors", {}).items() if count}
    if socket:
        parts.append("socket errors " + ", ".join(f"{name} {count}" for name, count in socket.items()))
    other = {code: count for code, count in row.get("statuses", {}).items() if code != "200"}
    if other:
        parts.append("statuses " + ", ".join(f"{code}: {count}" for code, count in sorted(other.items())))
    warm_failed = (row.get("warm") or {}).get("failed")
    if warm_failed:
        parts.append(f"{sum(c for s, c in row['warm']['statuses'].items() if s != '200')} URLs not 200 in warm-up "
                     f"(e.g. {warm_failed[0][0]} {warm_failed[0][1]})")
    runs = row.get("static_rps_runs") or []
    if runs and min(runs) and max(runs) > 1.25 * min(runs):
        parts.append("ceiling drifted: " + ", ".join(f"{rps:.0f}" for rps in runs))
    if 0 in runs:
        parts.append("wrk failed on the static file in one of its runs")
    if row.get("static_errors"):
        parts.append(f"{row['static_errors']} errors on the static file")
    if row.get("publish_note"):
        parts.append(row["publish_note"])
    return "; ".join(parts)


def table(args):
    rows = [json.loads(line) for line in open(args.results, encoding="utf-8") if line.strip()]
    rows = [row for row in rows if row.get("type") == "crisis"]
    if not rows:
        print("Crisis replay: no results.")
        return
    first = rows[0]
    every = first["publish_every"]
    lines = [
        f"Crisis replay — {datetime.date.today().isoformat()}, {args.machine or f'{os.cpu_count()} cores'}, "
        f"{args.database}, gunicorn {args.workers} workers, wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} "
        f"-d{first['seconds']}s over {first['urls']} URLs (Zipf s=1, seed {SEED}), "
        + ("every URL fetched once before" if first["warm"] else "no warm-up")
        + (f", a publish every {every:g} s" if every else ", nobody publishing")
        + (f", code {args.code}" if args.code else ""),
        f"{'articles':>8}  {'page cache':28}{'req/s':>7}{'static':>8}{'share':>7}{'p50 ms':>8}{'p99 ms':>8}"
        f"{'publ.':>6}  errors, notes",
    ]
    for row in rows:
        cache = f"{row['mode']} ({row['cache']})" if row["mode"] != "off" else "off"
        share = f"{row['share']:.3f}" if row.get("share") else "-"
        lines.append(f"{row['articles']:>8}  {cache[:28]:28}{row['rps']:>7.0f}{row['static_rps']:>8.0f}{share:>7}"
                     f"{row.get('p50_ms', 0):>8.0f}{row.get('p99_ms', 0):>8.0f}{row['publishes']:>6}  "
                     f"{errors_text(row)}".rstrip())
    loads = [f"{row['articles']}/{row['mode']} {row['load1_before']}→{row['load1_after']}" for row in rows]
    lines.append("1-min load average before→after each mode: " + ", ".join(loads))
    print("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("plan")
    command.add_argument("--base", required=True)
    command.add_argument("--out", required=True)
    command.add_argument("--length", type=int, default=SEQUENCE_LENGTH)
    command = commands.add_parser("run")
    command.add_argument("--base", required=True)
    command.add_argument("--plan", required=True)
    command.add_argument("--articles", type=int, required=True)
    command.add_argument("--mode", required=True)
    command.add_argument("--seconds", type=int, default=60)
    command.add_argument("--static-seconds", type=int, default=5)
    command.add_argument("--publish-every", type=float, default=15.0)
    command.add_argument("--no-warm", action="store_true")
    command.add_argument("--manage", default="manage.py")
    command.add_argument("--out", required=True)
    command = commands.add_parser("table")
    command.add_argument("--results", required=True)
    command.add_argument("--database", default="")
    command.add_argument("--workers", default="3")
    command.add_argument("--code", default="")
    command.add_argument("--machine", default="")
    args = parser.parse_args()
    if getattr(args, "base", None) and urllib.parse.urlsplit(args.base).hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("The bench only sends traffic to the loopback address.")
    {"plan": plan, "run": run, "table": table}[args.command](args)


if __name__ == "__main__":
    main()
