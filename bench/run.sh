#!/usr/bin/env bash
# `make bench`: two tables in one run, for two content sizes — the per-page table (throughput of the
# main pages, one at a time, and search latency) and the crisis replay (every public URL at once with
# Zipf weights while a publisher makes articles live). docs/bench.md explains every column.
#
# Starts a throwaway PostgreSQL cluster on a free loopback port (unless DATABASE_URL is given: then
# that database gets the demo and bench content), loads the demo content plus synthetic articles
# (manage.py bench_content), and for each size (BENCH_SIZES, default "2000 10000" bench articles)
# serves the site under gunicorn in production mode (3 sync workers, kommuneportal/gunicorn.conf.py,
# persistent database connections):
#  - pages (bench/report.py): page cache off (DJANGO_PAGE_CACHE_SECONDS=0) and on (600, the
#    production default cache without REDIS_URL); wrk against each page in turn, search timing.
#    About (7 pages x BENCH_ROUNDS (2) + 1) x 2 modes x BENCH_SECONDS (5) of wrk per size.
#  - crisis (bench/crisis.py, bench/crisis.lua, manage.py bench_publish): the URL set is planned once
#    per size, then for each of BENCH_CRISIS_MODES ("off default redis": page cache off; the
#    settings' default without REDIS_URL; a throwaway redis-server on a free loopback port) every URL
#    is fetched once, the static file measured, the replay run for BENCH_CRISIS_SECONDS (60) with a
#    publish every BENCH_CRISIS_PUBLISH_EVERY seconds (15, or a quarter of a shorter run; 0 = none),
#    and the static file measured again. About 3 x (warm-up + 60 s + 10 s) per size.
# The whole default run takes about 20-30 minutes on a 2-core machine, most of it at 10 000 articles.
#
#   BENCH_PARTS=crisis make bench                                   only the crisis replay
#   BENCH_PARTS=crisis BENCH_SIZES=200 BENCH_CRISIS_SECONDS=10 make bench    a smoke run (about 2 min)
#   BENCH_CRISIS_MODES="default redis" BENCH_CRISIS_WARM=0 make bench       some modes, no warm-up
#
# Only loopback traffic, bounded in time. Everything runs from a copy of the working tree taken at
# the start, so all measurements are of the same code even if files change during the run (the
# headers name the commit).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=$ROOT/.venv/bin/python
GUNICORN=$ROOT/.venv/bin/gunicorn
. scripts/postgres.sh  # apt_install, pg_bin, pg_start, pg_stop

BENCH_SECONDS=${BENCH_SECONDS:-5}
BENCH_ROUNDS=${BENCH_ROUNDS:-2}
BENCH_SIZES=${BENCH_SIZES:-"2000 10000"}
BENCH_PARTS=${BENCH_PARTS:-"pages crisis"}
BENCH_CRISIS_SECONDS=${BENCH_CRISIS_SECONDS:-60}
BENCH_CRISIS_MODES=${BENCH_CRISIS_MODES:-"off default redis"}
BENCH_CRISIS_PUBLISH_EVERY=${BENCH_CRISIS_PUBLISH_EVERY:-$(awk -v s="$BENCH_CRISIS_SECONDS" 'BEGIN { print (s / 4 < 15) ? s / 4 : 15 }')}
BENCH_CRISIS_WARM=${BENCH_CRISIS_WARM:-1}
WORKERS=3
STARTED=$(date +%s)

has() { case " $1 " in *" $2 "*) return 0 ;; *) return 1 ;; esac; }  # has "list of words" word
for part in $BENCH_PARTS; do
  has "pages crisis" "$part" || { echo "BENCH_PARTS: unknown part «$part» (pages, crisis)" >&2; exit 2; }
done
for mode in $BENCH_CRISIS_MODES; do
  has "off default redis" "$mode" || { echo "BENCH_CRISIS_MODES: unknown mode «$mode» (off, default, redis)" >&2; exit 2; }
done
CRISIS_REDIS=
if has "$BENCH_PARTS" crisis && has "$BENCH_CRISIS_MODES" redis; then CRISIS_REDIS=1; fi

if ! command -v wrk >/dev/null 2>&1; then
  echo "== Installing wrk (Debian package wrk)"
  apt_install wrk || true
fi
command -v wrk >/dev/null 2>&1 || { echo "wrk is not installed and could not be installed." >&2; exit 1; }
if [ -n "$CRISIS_REDIS" ] && ! command -v redis-server >/dev/null 2>&1; then
  echo "== Installing Redis (Debian package redis-server)"
  apt_install redis-server || true
fi
if [ -n "$CRISIS_REDIS" ] && ! command -v redis-server >/dev/null 2>&1; then
  echo "redis-server is not installed and could not be installed (or leave redis out of BENCH_CRISIS_MODES)." >&2
  exit 1
fi
if [ -z "${DATABASE_URL:-}" ] && [ -z "$(pg_bin)" ]; then
  echo "== Installing PostgreSQL (Debian package postgresql)"
  apt_install postgresql || true
fi

WORK=$(mktemp -d)
CODE="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain --untracked-files=normal 2>/dev/null)" ]; then
  CODE="$CODE + uncommitted changes"
fi
tar -C "$ROOT" --exclude=./.venv --exclude=./.git --exclude=./db.sqlite3 --exclude=./staticfiles \
  --exclude=./tests --exclude=__pycache__ -cf - . | { mkdir "$WORK/src" && tar -C "$WORK/src" -xf -; }
GUNICORN_PID=
start_gunicorn() {  # log name, then `env` arguments for this mode (e.g. DJANGO_PAGE_CACHE_SECONDS=0 -u REDIS_URL)
  local log=$1
  shift
  # shellcheck disable=SC2086  # BENCH_GUNICORN_ARGS is a list of extra options
  env "$@" "$GUNICORN" -c kommuneportal/gunicorn.conf.py \
    --access-logfile /dev/null ${BENCH_GUNICORN_ARGS:-} >>"$WORK/gunicorn-$log.log" 2>&1 &
  GUNICORN_PID=$!
  $PY bench/report.py wait --base "$BASE"
}
show_errors() {  # log name: what the server logged about failed requests, so errors are seen, not counted as fast
  local log="$WORK/gunicorn-$1.log"
  if grep -qE "Internal Server Error|Service Unavailable|Traceback|\[(ERROR|CRITICAL)\]|WORKER TIMEOUT" "$log"; then
    echo "   !! errors logged by gunicorn/Django ($1), most frequent first:"
    grep -E "Internal Server Error|Service Unavailable|Error:|Exception|\[(ERROR|CRITICAL)\]|WORKER TIMEOUT" "$log" \
      | sed -E 's/^\[[^]]*\] \[[0-9]+\] //' | sort | uniq -c | sort -rn | head -n 8 | sed 's/^/   /'
  fi
}
stop_gunicorn() {
  if [ -n "$GUNICORN_PID" ]; then
    kill "$GUNICORN_PID" 2>/dev/null || true
    wait "$GUNICORN_PID" 2>/dev/null || true
    GUNICORN_PID=
  fi
}
REDIS_DIR=
REDIS_URL_OF_MODE=
start_redis() {  # a throwaway redis-server on a free loopback port, empty, no persistence (as scripts/test.sh)
  local port
  REDIS_DIR=$(mktemp -d)
  port=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --pidfile "$REDIS_DIR/redis.pid" \
    --dir "$REDIS_DIR" --save '' --appendonly no >/dev/null
  for _ in $(seq 50); do [ -s "$REDIS_DIR/redis.pid" ] && break; sleep 0.1; done
  REDIS_URL_OF_MODE="redis://127.0.0.1:$port/0"
  echo "   redis-server $(redis-server --version | grep -o 'v=[0-9.]*' | cut -c3-) on 127.0.0.1:$port"
}
stop_redis() {
  if [ -n "$REDIS_DIR" ]; then
    if [ -s "$REDIS_DIR/redis.pid" ]; then kill "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null || true; fi
    sleep 0.2
    rm -rf "$REDIS_DIR"
    REDIS_DIR=
  fi
}
cleanup() { stop_gunicorn; stop_redis; pg_stop; rm -rf "$WORK"; }
trap cleanup EXIT

if [ -z "${DATABASE_URL:-}" ]; then
  pg_start
  export DATABASE_URL=$PG_DATABASE_URL
else
  echo "== Using the database in DATABASE_URL"
fi

cd "$WORK/src"  # the copy of the code
PORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
unset REDIS_URL CACHE_URL DJANGO_PAGE_CACHE_SECONDS  # each mode says what it uses
export DJANGO_DEBUG=0 DJANGO_SECRET_KEY="bench-only-$(date +%s)-not-a-secret-xxxxxxxxxxxxxxxxxxxxxxxxxxxx" \
  DJANGO_ALLOWED_HOSTS=localhost DJANGO_SECURE_PROXY_SSL_HEADER=1 DJANGO_STATIC_ROOT="$WORK/static" \
  DJANGO_CONN_MAX_AGE="${DJANGO_CONN_MAX_AGE:-60}" DJANGO_LOG_LEVEL=WARNING \
  GUNICORN_BIND=127.0.0.1:$PORT GUNICORN_WORKERS=$WORKERS
# The open API's limit is per client address, and the bench is one client doing the work of thousands:
# a limit no run reaches, so every API request is still counted (its cost measured) and none refused.
export API_RATE_LIMIT=1000000000

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
    print(connection.display_name, connection.Database.sqlite_version if connection.vendor == "sqlite" else "")
')

MACHINE="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//; s/  */ /g'))"
MACHINE="$MACHINE, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"

if has "$BENCH_PARTS" pages; then
  echo "== Pages to measure (on the demo content alone)"
  start_gunicorn demo DJANGO_PAGE_CACHE_SECONDS=0
  $PY bench/report.py find --base "$BASE" --out "$WORK/pages.json"
  stop_gunicorn
fi

crisis_env() {  # mode: the `env` arguments that make it
  case $1 in
    off) echo "DJANGO_PAGE_CACHE_SECONDS=0" ;;
    # Whatever the settings make of production without Redis, in a cache folder of its own (measured below).
    default) echo "-u DJANGO_PAGE_CACHE_SECONDS DJANGO_CACHE_DIR=$WORK/cache-$size-default" ;;
    redis) echo "-u DJANGO_PAGE_CACHE_SECONDS REDIS_URL=$REDIS_URL_OF_MODE" ;;
  esac
}

RESULTS=$WORK/results.jsonl
CRISIS_RESULTS=$WORK/crisis.jsonl
for size in $BENCH_SIZES; do
  echo "== Synthetic content: $size bench articles"
  $PY manage.py bench_content --articles "$size"
  if has "$BENCH_PARTS" pages; then
    for cache in off on; do
      if [ $cache = off ]; then seconds=0; search=--search; else seconds=600; search=; fi
      echo "== $size articles, page cache $cache (DJANGO_PAGE_CACHE_SECONDS=$seconds), gunicorn on $BASE"
      start_gunicorn "$size-$cache" DJANGO_PAGE_CACHE_SECONDS=$seconds
      $PY bench/report.py measure --base "$BASE" --pages "$WORK/pages.json" --articles "$size" --cache $cache \
        --seconds "$BENCH_SECONDS" --rounds "$BENCH_ROUNDS" --out "$RESULTS" $search
      stop_gunicorn
      show_errors "$size-$cache"
    done
  fi
  if has "$BENCH_PARTS" crisis; then
    # Planned once per size, before anything is published, so every mode replays the same URLs.
    echo "== $size articles, crisis replay: the URLs and their weights (page cache off)"
    start_gunicorn "$size-crisis-plan" DJANGO_PAGE_CACHE_SECONDS=0
    $PY bench/crisis.py plan --base "$BASE" --out "$WORK/crisis-$size"
    stop_gunicorn
    for mode in $BENCH_CRISIS_MODES; do
      if [ "$mode" = redis ]; then start_redis; fi
      # shellcheck disable=SC2046  # crisis_env gives several env arguments
      set -- $(crisis_env "$mode")
      echo "== $size articles, crisis replay, page cache $mode ($*), ${BENCH_CRISIS_SECONDS} s, gunicorn on $BASE"
      start_gunicorn "$size-crisis-$mode" "$@"
      warm=; if [ "$BENCH_CRISIS_WARM" = 0 ]; then warm=--no-warm; fi
      # The publisher (manage.py bench_publish, started by crisis.py) gets the same environment as the server.
      env "$@" $PY bench/crisis.py run --base "$BASE" --plan "$WORK/crisis-$size" --articles "$size" --mode "$mode" \
        --seconds "$BENCH_CRISIS_SECONDS" --static-seconds "$BENCH_SECONDS" \
        --publish-every "$BENCH_CRISIS_PUBLISH_EVERY" --out "$CRISIS_RESULTS" $warm
      stop_gunicorn
      show_errors "$size-crisis-$mode"
      if [ "$mode" = default ]; then
        echo "   the default cache on disk after the run: $(du -sh "$WORK/cache-$size-default" | cut -f1)" \
          "(every URL of the plan fetched at least once)"
      fi
      stop_redis
    done
  fi
done

echo
if has "$BENCH_PARTS" pages; then
  $PY bench/report.py table --results "$RESULTS" --database "$DATABASE" --workers $WORKERS --seconds "$BENCH_SECONDS" \
    --code "$CODE" --machine "$MACHINE" --pages "$WORK/pages.json"
  echo
fi
if has "$BENCH_PARTS" crisis; then
  $PY bench/crisis.py table --results "$CRISIS_RESULTS" --database "$DATABASE" --workers $WORKERS --code "$CODE" \
    --machine "$MACHINE"
fi
elapsed=$(( $(date +%s) - STARTED ))
echo "(bench took $((elapsed / 60)) min $((elapsed % 60)) s; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
