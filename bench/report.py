"""The measuring half of `make bench` (bench/run.sh starts the servers): wrk runs, search timing, the table.

Standard library only. Every request goes to the loopback address run.sh gives, bounded in time.

    report.py wait    --base URL                        until gunicorn answers (at most 60 s)
    report.py find    --base URL --out PAGES            the static file, article and API endpoints to measure
    report.py measure --base URL --pages PAGES --articles N --cache off|on --seconds S --out FILE [--search]
    report.py table   --results FILE --database "PostgreSQL 15.x" --workers 3 --seconds S [--code REV]
                      [--machine TEXT] [--pages PAGES]

`find` (run on the demo content alone, before the synthetic articles push the demo articles off the
first page) notes the hashed portal stylesheet named in the front page's HTML and the first article
linked from /veiledning/, so every size and mode measures the same two URLs. When /api/v1/ answers,
it also finds the API's article endpoint (for that article) and its changes-since endpoint, from
BENCH_API_ARTICLE and BENCH_API_CHANGES (paths; `{slug}` is replaced by the article's slug) or else
from the OpenAPI schema, and keeps each one that answers 200; without an API they are left out and
the table says so. `measure` warms each
URL up with a few requests (and notes any answer other than 200: a redirect or an error must not
pass for a fast page), runs `wrk` against each page in turn, --rounds times (2; the static file
once more at the end), and appends one JSON line per page to FILE with the mean of its runs (the
static file's mean is the ceiling); with --search it also times the 40 search
queries below one at a time from a single client (one untimed pass, then --search-rounds timed
passes) for median and p95. `table` prints the single summary table from FILE.
"""

import argparse
import datetime
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

HEADERS = {"Host": "localhost", "X-Forwarded-Proto": "https"}
# wrk asks for gzip as every browser does: cached pages and the static file (whitenoise's .gz) both
# answer compressed, so neither side of the ratio is measured in a way no reader would see.
WRK_HEADERS = {**HEADERS, "Accept-Encoding": "gzip"}
WRK_THREADS, WRK_CONNECTIONS = 2, 16
WARMUP_REQUESTS = 5

PAGES = [  # (label in the table, path or a name resolved by find_pages)
    ("static (whitenoise)", "static"),
    ("/", "/"),
    ("/veiledning/", "/veiledning/"),
    ("article page", "article"),
    ("/veiledning/endringer/", "/veiledning/endringer/"),
    ("/bemanning/", "/bemanning/"),
    ("/sok/?q=legevakt", "/sok/?q=legevakt"),
]

# Single words, two-word and longer queries, a few misspellings, words with æ, ø and å, and a word
# found nowhere. Requested one after the other by one client, with the page cache off.
SEARCH_QUERIES = [
    "legevakt", "smittesporing", "sykepleiere", "vaksinering", "karantene", "omsorg", "pensjonister",
    "kommuneoverlege", "testing", "isolasjon", "helsepersonell", "bemanning", "smittevernutstyr", "beredskap",
    "hjemmetjenesten", "fastlege", "sykehjem", "pårørende", "økonomisk rådgivning", "øvelser", "sårbare grupper",
    "smittesporing legevakt", "vaksinering av helsepersonell", "karantene sykepleiere", "testing isolasjon",
    "hurtigtest skole", "munnbind", "utbrudd sykehjem", "frivillige omsorg", "studenter bemanning",
    "permittering lønn", "innleie av helsepersonell", "kriseledelse øvelse", "NAV sosiale tjenester",
    "vaksinasjon eldre", "smitesporing", "vaksinnering", "karantenne", "legevakt natt helg", "kvantefysikk",
]

# The content API (issue 27), measured beside the pages when it answers (find_api).
API_ROOT = "/api/v1/"
API_PAGES = [("API: article", "api_article"), ("API: changes since", "api_changes")]
API_SCHEMAS = ["/api/v1/schema/?format=json", "/api/v1/openapi.json", "/api/v1/schema.json", "/api/v1/schema/",
               "/api/v1/openapi/"]
API_ARTICLE = re.compile(r"/(articles|artikler)/\{[^}]+\}/?$")
API_CHANGES = re.compile(r"/(changes|endringer)[^{}]*$")
API_SINCE = "2022-01-01T00:00:00Z"  # a page of changes at every size (the bench articles span 2020–2022)

# Fixed pages under /veiledning/ that are not articles (guidance.models.Article.reserved_slugs).
NOT_ARTICLES = {"endringer", "nyheter", "sporsmal-og-svar", "lenker", "feed", "tema"}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def get(base, path, timeout=30):
    """(status, body) for one GET with the bench's headers, without following redirects."""
    request = urllib.request.Request(base + path, headers=HEADERS)
    try:
        with OPENER.open(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait(base, limit=60):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            get(base, "/helse/", timeout=5)
            return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"gunicorn did not answer on {base} within {limit} s")


def find_pages(base):
    status, home = get(base, "/")
    if status != 200:
        sys.exit(f"The front page answered HTTP {status}; cannot find the static file to measure.")
    html = home.decode("utf-8", "replace")
    # The ceiling is the same file in every run: the hashed css/portal.css (pages now link a built bundle
    # instead, which is six times larger and would lower the ceiling), found through whitenoise's manifest.
    manifest_status, manifest = get(base, "/static/staticfiles.json")
    pinned = json.loads(manifest).get("paths", {}).get("css/portal.css") if manifest_status == 200 else None
    match = (re.match(r"(.*)", f"/static/{pinned}") if pinned
             else re.search(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', html)
             or re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', html))
    if not match:
        sys.exit("No hashed stylesheet in the front page's HTML (is DJANGO_DEBUG=0 and collectstatic done?).")
    status, listing = get(base, "/veiledning/")
    slugs = [slug for slug in re.findall(r'href="/veiledning/([a-z0-9-]+)/"', listing.decode("utf-8", "replace"))
             if slug not in NOT_ARTICLES]
    if not slugs:
        sys.exit(f"No article linked from /veiledning/ (HTTP {status}).")
    return {"static": match.group(1), "article": f"/veiledning/{slugs[0]}/"}


def find_api(base, article):
    """({"api_article": path, "api_changes": path} for the endpoints that answer 200, a note on what was not found)."""
    try:
        status, _body = get(base, API_ROOT)
    except OSError as error:
        return {}, f"{API_ROOT} did not answer ({error})"
    if status == 404:
        return {}, f"no API ({API_ROOT} answered 404)"
    slug = article.strip("/").rsplit("/", 1)[-1]
    templates = {"api_article": os.environ.get("BENCH_API_ARTICLE"), "api_changes": os.environ.get("BENCH_API_CHANGES")}
    if not all(templates.values()):
        paths = _schema_paths(base)
        templates["api_article"] = templates["api_article"] or next((p for p in paths if API_ARTICLE.search(p)), None)
        templates["api_changes"] = templates["api_changes"] or next((p for p in paths if API_CHANGES.search(p)), None)
    found, missing = {}, []
    for key, template in templates.items():
        if not template:
            missing.append(f"{key}: not in the schema")
            continue
        path = re.sub(r"\{[^}]+\}", slug, template if template.startswith("/api/") else API_ROOT.rstrip("/") + template)
        candidates = [path] if key == "api_article" or "?" in path else [
            f"{path}?{name}={urllib.parse.quote(API_SINCE)}" for name in ("since", "etter", "siden", "fra")] + [path]
        answered = [(candidate, get(base, candidate)[0]) for candidate in candidates]
        ok = next((candidate for candidate, status in answered if status == 200), None)
        if ok:
            found[key] = ok
        else:
            missing.append(f"{key}: {path} answered HTTP {answered[-1][1]}")
    return found, "; ".join(missing)


def _schema_paths(base):
    """The paths an OpenAPI schema (JSON or YAML) names, from the first schema address that answers."""
    for candidate in API_SCHEMAS:
        status, body = get(base, candidate)
        if status != 200:
            continue
        text = body.decode("utf-8", "replace")
        paths = re.findall(r'"(/[^"\s]*)"\s*:\s*\{', text) + re.findall(r"^\s*['\"]?(/[^\s'\":]*)['\"]?:\s*$", text, re.M)
        if paths:
            return list(dict.fromkeys(paths))
    return []


def pages_measured(pages):
    """PAGES, and the API endpoints find_api found."""
    return PAGES + [(label, key) for label, key in API_PAGES if key in pages]


def warm_up(base, path):
    """Statuses other than 200 seen in a few requests (an empty list when all were 200)."""
    statuses = [get(base, path)[0] for _ in range(WARMUP_REQUESTS)]
    return sorted({status for status in statuses if status != 200})


def run_wrk(base, path, seconds, connections=WRK_CONNECTIONS):
    command = ["wrk", f"-t{WRK_THREADS}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    for name, value in WRK_HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(command + [base + path], capture_output=True, text=True, timeout=seconds + 60).stdout
    return parse_wrk(output)


def parse_wrk(output):
    """Requests/sec, the request count, mean latency and any errors from wrk's summary."""
    def number(pattern, default=0.0):
        match = re.search(pattern, output)
        return float(match.group(1)) if match else default

    latency = re.search(r"Latency\s+([\d.]+)(us|ms|s)\b", output)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": number(r"Requests/sec:\s+([\d.]+)"),
        "requests": int(number(r"(\d+) requests in")),
        "latency_ms": float(latency.group(1)) * scale[latency.group(2)] if latency else None,
        "non_2xx_3xx": int(number(r"Non-2xx or 3xx responses:\s+(\d+)")),
        "socket_errors": dict(zip(("connect", "read", "write", "timeout"), map(int, socket.groups())))
        if socket else {},
        "raw": None if "Requests/sec:" in output else output[-500:],
    }


def time_searches(base, rounds):
    """Per-request wall time in ms of every query, one client, one request at a time."""
    host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
    paths = ["/sok/?" + urllib.parse.urlencode({"q": query}) for query in SEARCH_QUERIES]
    timings, failures = {query: [] for query in SEARCH_QUERIES}, {}
    for round_number in range(rounds + 1):  # round 0 warms up and is not counted
        for query, path in zip(SEARCH_QUERIES, paths):
            started = time.perf_counter()
            connection = http.client.HTTPConnection(host, port, timeout=60)
            connection.request("GET", path, headers=HEADERS)
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - started) * 1000
            connection.close()
            if response.status != 200:
                failures[query] = response.status
            elif round_number:
                timings[query].append(elapsed)
    samples = sorted(ms for values in timings.values() for ms in values)
    slowest = sorted(((statistics.median(values), query) for query, values in timings.items() if values),
                     reverse=True)[:3]
    return {
        "queries": len(SEARCH_QUERIES), "rounds": rounds, "samples": len(samples),
        "median_ms": statistics.median(samples) if samples else None,
        "p95_ms": percentile(samples, 95) if samples else None,
        "slowest": [[query, round(ms, 1)] for ms, query in slowest],
        "failures": failures,
    }


def percentile(sorted_values, pct):
    """Nearest-rank percentile of an already sorted list."""
    rank = max(1, -(-len(sorted_values) * pct // 100))
    return sorted_values[int(rank) - 1]


def find(args):
    pages = find_pages(args.base)
    api, note = find_api(args.base, pages["article"])
    pages.update(api, api_note=note)
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(pages, out)
    print(f"   static file {pages['static']}, article {pages['article']}")
    print("   API: " + ", ".join(f"{key} {path}" for key, path in api.items())
          + ("; " if api and note else "") + (f"not measured: {note}" if note else ""))


def measure(args):
    with open(args.pages, encoding="utf-8") as pages_file:
        pages = json.load(pages_file)
    # The machine's load before this mode starts: other work on a shared machine skews every figure.
    load = {"type": "load", "articles": args.articles, "cache": args.cache, "load1": round(os.getloadavg()[0], 1)}
    # Every page is measured in each of --rounds rounds, one page after the other, and the static file
    # once more at the end; a page's figure is the mean of its runs. A passing burst of other work on
    # the machine, or a slow start, then lands on every page alike rather than on whichever came first.
    runs = {}
    measured = pages_measured(pages)
    for label, target in [page for _round in range(args.rounds) for page in measured] + [measured[0]]:
        path = pages.get(target, target)
        bad_statuses = warm_up(args.base, path)
        result = run_wrk(args.base, path, args.seconds)
        run = {"type": "page", "label": label, "path": path, "articles": args.articles, "cache": args.cache,
               "warmup_statuses": bad_statuses, **result}
        problems = errors_text(run)
        print(f"   {label:24} {path:48} {result['rps']:8.0f} req/s" + (f"  {problems}" if problems else ""),
              flush=True)
        runs.setdefault(label, []).append(run)
    rows = [_mean_of_runs(runs[label]) for label, _target in measured]
    if args.search:
        result = time_searches(args.base, args.search_rounds)
        rows.append({"type": "search", "articles": args.articles, "cache": args.cache, **result})
        print(f"   search latency: median {result['median_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms "
              f"({result['samples']} requests); slowest {result['slowest']}"
              + (f"; FAILED {result['failures']}" if result["failures"] else ""), flush=True)
    with open(args.out, "a", encoding="utf-8") as out:
        for row in [load, *rows]:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _mean_of_runs(runs):
    """One row for a page measured several times: the mean req/s, every run's figure, all errors."""
    row = dict(runs[0], socket_errors=dict(runs[0]["socket_errors"]))
    row["rps_runs"] = [run["rps"] for run in runs]
    row["rps"] = statistics.mean(row["rps_runs"])
    row["requests"] = sum(run["requests"] for run in runs)
    row["non_2xx_3xx"] = sum(run["non_2xx_3xx"] for run in runs)
    row["warmup_statuses"] = sorted({status for run in runs for status in run["warmup_statuses"]})
    for run in runs[1:]:
        for name, count in run["socket_errors"].items():
            row["socket_errors"][name] = row["socket_errors"].get(name, 0) + count
        if run.get("raw"):
            row["raw"] = run["raw"]
    return row


def errors_text(row):
    parts = []
    if row.get("warmup_statuses"):
        parts.append("HTTP " + "/".join(map(str, row["warmup_statuses"])) + " in warm-up")
    if row.get("non_2xx_3xx"):
        parts.append(f"{row['non_2xx_3xx']} non-2xx/3xx of {row['requests']}")
    socket = {name: count for name, count in row.get("socket_errors", {}).items() if count}
    if socket:
        parts.append("socket errors " + ", ".join(f"{name} {count}" for name, count in socket.items()))
    runs = row.get("rps_runs")
    if runs and max(runs) > 1.25 * min(runs):
        what = "ceiling drifted during this mode" if row["label"] == PAGES[0][0] else "runs differ"
        parts.append(f"{what}: " + ", ".join(f"{rps:.0f}" for rps in runs))
    if row.get("raw"):
        parts.append("wrk failed: " + " ".join(row["raw"].split())[:120])
    return "; ".join(parts)


def table(args):
    rows = [json.loads(line) for line in open(args.results, encoding="utf-8") if line.strip()]
    pages = [row for row in rows if row["type"] == "page"]
    searches = [row for row in rows if row["type"] == "search"]
    today = datetime.date.today().isoformat()
    rounds = max((len(row.get("rps_runs", [1])) for row in pages if row["label"] != PAGES[0][0]), default=1)
    lines = [
        f"Kommuneportal bench — {today}, {args.machine or f'{os.cpu_count()} cores'}, {args.database}, "
        f"gunicorn {args.workers} workers, wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{args.seconds}s, "
        f"mean of {rounds} runs per page ({rounds + 1} for the static file)"
        + (f", code {args.code}" if args.code else ""),
        f"{'page':26}{'articles':>8}  {'cache':5}{'req/s':>7}  {'share of static':>15}  errors, notes",
    ]
    ceilings = {(row["articles"], row["cache"]): row["rps"] for row in pages if row["label"] == PAGES[0][0]}
    for row in pages:
        ceiling = ceilings.get((row["articles"], row["cache"]))
        share = f"{row['rps'] / ceiling:.2f}" if ceiling else "-"
        lines.append(f"{row['label']:26}{row['articles']:>8}  {row['cache']:5}{row['rps']:>7.0f}  {share:>15}  "
                     f"{errors_text(row)}".rstrip())
    if searches:
        first = searches[0]
        parts = [f"{row['articles']} articles median {row['median_ms']:.0f} ms p95 {row['p95_ms']:.0f} ms"
                 + (f" (FAILED: {row['failures']})" if row["failures"] else "") for row in searches]
        lines.append(f"search latency ({first['queries']} queries × {first['rounds']}, one client, cache off): "
                     + "; ".join(parts))
    paths = sorted({(row["label"], row["path"]) for row in pages if row["label"] != row["path"]})
    lines.append("where: " + ", ".join(f"{label} = {path}" for label, path in paths))
    if args.pages:
        with open(args.pages, encoding="utf-8") as pages_file:
            note = json.load(pages_file).get("api_note")
        if note:
            lines.append(f"API endpoints not measured: {note}")
    loads = [f"{row['articles']}/{row['cache']} {row['load1']}" for row in rows if row["type"] == "load"]
    if loads:
        lines.append(f"1-min load average before each mode ({os.cpu_count()} cores): " + ", ".join(loads))
    print("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("wait")
    command.add_argument("--base", required=True)
    command = commands.add_parser("find")
    command.add_argument("--base", required=True)
    command.add_argument("--out", required=True)
    command = commands.add_parser("measure")
    command.add_argument("--base", required=True)
    command.add_argument("--pages", required=True)
    command.add_argument("--articles", type=int, required=True)
    command.add_argument("--cache", choices=("off", "on"), required=True)
    command.add_argument("--seconds", type=int, default=5)
    command.add_argument("--out", required=True)
    command.add_argument("--search", action="store_true")
    command.add_argument("--search-rounds", type=int, default=3)
    command.add_argument("--rounds", type=int, default=2, help="runs of every page, one page after the other")
    command = commands.add_parser("table")
    command.add_argument("--results", required=True)
    command.add_argument("--database", default="")
    command.add_argument("--workers", default="3")
    command.add_argument("--code", default="")
    command.add_argument("--seconds", type=int, default=5)
    command.add_argument("--machine", default="", help="cores, CPU and load average, for the header")
    command.add_argument("--pages", default="", help="find's file, for its note on the API endpoints")
    args = parser.parse_args()
    loopback = ("127.0.0.1", "localhost", "::1")
    if getattr(args, "base", None) and urllib.parse.urlsplit(args.base).hostname not in loopback:
        sys.exit("The bench only sends traffic to the loopback address.")
    if args.command == "wait":
        wait(args.base)
    elif args.command == "find":
        find(args)
    elif args.command == "measure":
        measure(args)
    else:
        table(args)


if __name__ == "__main__":
    main()
