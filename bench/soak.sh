#!/usr/bin/env bash
# `make soak`: mixed public pages at 16 concurrent clients for SOAK_SECONDS (default 120) against
# gunicorn in production mode on loopback, then requests, errors and the resident memory of the
# gunicorn master and each worker at start and at end. A benchmark, not a test: it fails only when
# the server cannot be set up, never on a number.
#
# Database: DATABASE_URL when given (it gets the demo content), else a throwaway PostgreSQL cluster
# (scripts/postgres.sh) when PostgreSQL is installed, else a throwaway SQLite file (said in the
# output). Production mode: DJANGO_DEBUG=0, kommuneportal/gunicorn.conf.py with 3 sync workers,
# persistent database connections and the page cache at its production default (local memory per
# worker), requests with "Host: localhost" and "X-Forwarded-Proto: https".
#
#   SOAK_SECONDS=30 make soak                               a shorter run
#   SOAK_GUNICORN_ARGS="--max-requests 0" make soak         workers are not recycled (to see growth)
#   DJANGO_PAGE_CACHE_SECONDS=0 make soak                   every request renders its page
#
# Only loopback traffic, bounded in time (SOAK_SECONDS plus about 40 s of setup: migrate, load_demo).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

SOAK_SECONDS=${SOAK_SECONDS:-120}
CLIENTS=16
THREADS=2
WORKERS=3

apt_install_quietly() {
  if [ "$(id -u)" != 0 ]; then echo "Need root to apt-get install $*" >&2; return 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "$@" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "$@" >/dev/null; }
}
if ! command -v wrk >/dev/null 2>&1; then
  echo "== Installing wrk (Debian package wrk)"
  apt_install_quietly wrk || true
fi
command -v wrk >/dev/null 2>&1 || { echo "wrk is not installed and could not be installed." >&2; exit 1; }

WORK=$(mktemp -d)
GUNICORN_PID=
SAMPLER_PID=
PGROOT=
stop_gunicorn() {
  if [ -n "$GUNICORN_PID" ]; then
    kill "$GUNICORN_PID" 2>/dev/null || true
    wait "$GUNICORN_PID" 2>/dev/null || true
    GUNICORN_PID=
  fi
}
cleanup() {
  if [ -n "$SAMPLER_PID" ]; then kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; fi
  stop_gunicorn
  if [ -n "$PGROOT" ]; then pg_stop; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -n "${DATABASE_URL:-}" ]; then
  echo "== Using the database in DATABASE_URL"
elif [ -f scripts/postgres.sh ] && . scripts/postgres.sh && [ -n "$(pg_bin)" ]; then
  pg_start
  export DATABASE_URL=$PG_DATABASE_URL
else
  echo "== PostgreSQL is not available: using a throwaway SQLite file instead (production uses PostgreSQL)"
  export DATABASE_URL="sqlite:///$WORK/soak.sqlite3"
fi

PORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
unset REDIS_URL CACHE_URL  # the page cache is each worker's local memory, as without Redis
export DJANGO_DEBUG=0 DJANGO_SECRET_KEY="soak-only-$(date +%s)-not-a-secret-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" \
  DJANGO_ALLOWED_HOSTS=localhost DJANGO_SECURE_PROXY_SSL_HEADER=1 DJANGO_STATIC_ROOT="$WORK/static" \
  DJANGO_LOG_LEVEL=WARNING GUNICORN_BIND=127.0.0.1:$PORT GUNICORN_WORKERS=$WORKERS

echo "== Database, demo content and static files"
$PY manage.py migrate --noinput -v0
$PY manage.py load_demo >/dev/null
$PY manage.py collectstatic --noinput -v0
DATABASE=$($PY manage.py shell -v0 -c '
from django.db import connection
connection.ensure_connection()
if connection.vendor == "postgresql":
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        print("PostgreSQL", cursor.fetchone()[0].split()[0])
else:
    print("SQLite", connection.Database.sqlite_version)
')

# shellcheck disable=SC2086  # SOAK_GUNICORN_ARGS is a list of extra options
.venv/bin/gunicorn -c kommuneportal/gunicorn.conf.py --access-logfile /dev/null ${SOAK_GUNICORN_ARGS:-} \
  >"$WORK/gunicorn.log" 2>&1 &
GUNICORN_PID=$!

# Wait for the server, find the article and the hashed stylesheet, and check each path answers once.
$PY - "$BASE" "$WORK/paths" <<'PYTHON'
import re, sys, time, urllib.error, urllib.request

base, out = sys.argv[1], sys.argv[2]
HEADERS = {"Host": "localhost", "X-Forwarded-Proto": "https"}


def get(path):
    request = urllib.request.Request(base + path, headers=HEADERS)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


deadline = time.monotonic() + 60
while True:
    try:
        status, home = get("/")
        break
    except OSError:
        if time.monotonic() > deadline:
            sys.exit("gunicorn did not answer within 60 s")
        time.sleep(0.3)
stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', home)
_status, listing = get("/veiledning/")
not_articles = {"endringer", "nyheter", "sporsmal-og-svar", "lenker", "feed", "tema"}
articles = [slug for slug in re.findall(r'href="/veiledning/([a-z0-9-]+)/"', listing) if slug not in not_articles]
if not stylesheet or not articles:
    sys.exit("No hashed stylesheet on / or no article on /veiledning/ (is collectstatic done and the demo loaded?)")
paths = ["/", "/veiledning/", f"/veiledning/{articles[0]}/", "/veiledning/endringer/", "/bemanning/",
         "/bemanning/finn-tiltak/?naar=i-dag", "/sok/?q=legevakt", "/veiledning/feed/", "/sitemap.xml",
         stylesheet.group(1)]
for path in paths:
    print(f"   {get(path)[0]}  {path}")
with open(out, "w") as file:
    file.write("\n".join(paths) + "\n")
PYTHON
mapfile -t PATHS <"$WORK/paths"

workers_of() { ps -o pid= --ppid "$GUNICORN_PID" | tr -d ' ' | sort -n; }
for _ in $(seq 100); do [ "$(workers_of | wc -l)" -ge $WORKERS ] && break; sleep 0.2; done
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f MB", kb / 1024 }'; }
memory() {  # label
  local total=0 kb pid
  kb=$(rss_kb "$GUNICORN_PID"); total=$((total + kb))
  printf '   %-6s master  pid %-8s %s\n' "$1" "$GUNICORN_PID" "$(mb "$kb")"
  for pid in $(workers_of); do
    kb=$(rss_kb "$pid"); total=$((total + kb))
    printf '   %-6s worker  pid %-8s %s\n' "$1" "$pid" "$(mb "$kb")"
  done
  printf '   %-6s total                %s\n' "$1" "$(mb "$total")"
}
sample() {  # every 2 s: the total RSS and the largest worker, for the peaks
  while true; do
    local total largest=0 kb pid
    total=$(rss_kb "$GUNICORN_PID")
    for pid in $(workers_of); do
      kb=$(rss_kb "$pid"); total=$((total + kb)); [ "$kb" -gt "$largest" ] && largest=$kb
    done
    echo "$total $largest" >>"$WORK/samples"
    sleep 2
  done
}
BOOTED_BEFORE=$(grep -c "Booting worker" "$WORK/gunicorn.log" || true)
START_MEMORY=$(memory start)

PAGE_CACHE=${DJANGO_PAGE_CACHE_SECONDS:-600}
echo "== Soak: $CLIENTS concurrent clients (wrk -t$THREADS -c$CLIENTS) for $SOAK_SECONDS s, ${#PATHS[@]} paths in turn,"
echo "   gunicorn on $BASE ($WORKERS sync workers, DJANGO_DEBUG=0, page cache ${PAGE_CACHE} s${SOAK_GUNICORN_ARGS:+, $SOAK_GUNICORN_ARGS}), $DATABASE"
sample &
SAMPLER_PID=$!
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
wrk -t$THREADS -c$CLIENTS -d"${SOAK_SECONDS}s" --timeout 2s --latency -H "Host: localhost" -H "X-Forwarded-Proto: https" \
  -H "Accept-Encoding: gzip" -s bench/soak.lua "$BASE" -- "${PATHS[@]}" >"$WORK/wrk.out" 2>&1 || true
kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=
END_MEMORY=$(memory end)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
BOOTED_AFTER=$(grep -c "Booting worker" "$WORK/gunicorn.log" || true)

field() { awk -v key="$1" '$1 == "SOAK" && $2 == key { $1 = ""; $2 = ""; sub(/^ +/, ""); print }' "$WORK/wrk.out"; }
if [ -z "$(field requests)" ]; then
  echo "wrk reported nothing:" >&2; cat "$WORK/wrk.out" >&2; exit 1
fi
STATUS_ERRORS=$(field status_errors)
SOCKET=$(field socket_errors)
echo
echo "requests:  $(field requests) in $(field seconds) s ($(field rate) req/s); latency (ms) $(field latency_ms)"
echo "errors:    $((STATUS_ERRORS + ${SOCKET%% *})) (HTTP status >= 400: $STATUS_ERRORS; socket errors: $SOCKET; timeout = no answer in 2 s)"
echo "statuses:  $(field statuses)"
echo "memory (VmRSS from /proc/<pid>/status):"
echo "$START_MEMORY"
echo "$END_MEMORY"
awk '{ if ($1 > total) total = $1; if ($2 > worker) worker = $2 }
     END { printf "   peak   total %.1f MB, largest worker %.1f MB (sampled every 2 s)\n", total / 1024, worker / 1024 }' \
  "$WORK/samples"
echo "machine load average (1, 5, 15 min): $LOAD_BEFORE at start, $LOAD_AFTER at end on $(nproc) cores"
echo "workers started during the soak: $((BOOTED_AFTER - BOOTED_BEFORE)) (a worker is replaced after max_requests: 50 000-55 000 in gunicorn.conf.py)"

# Server-side errors (tracebacks, timeouts) behind any failed request, so they are seen.
if grep -qE "Internal Server Error|Traceback|\[ERROR\]|WORKER TIMEOUT" "$WORK/gunicorn.log"; then
  echo "== Errors logged by gunicorn/Django:"
  grep -E "Internal Server Error|Error:|Exception|\[ERROR\]|WORKER TIMEOUT" "$WORK/gunicorn.log" | sort | uniq -c | sort -rn | head -n 15
fi
