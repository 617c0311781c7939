#!/usr/bin/env bash
# `make bench`: throughput of the main pages and search latency, in one run, for two content sizes.
#
# Starts a throwaway PostgreSQL cluster on a free loopback port (unless DATABASE_URL is given: then
# that database gets the demo and bench content), loads the demo content plus synthetic articles
# (manage.py bench_content), and for each size (BENCH_SIZES, default "2000 10000" bench articles)
# serves the site under gunicorn in production mode (3 sync workers, kommuneportal/gunicorn.conf.py,
# persistent database connections) twice: page cache off (DJANGO_PAGE_CACHE_SECONDS=0) and on (600,
# the production default, local memory per worker). bench/report.py runs wrk against each page and
# times the search queries, then prints one table. Only loopback traffic, bounded in time: about
# (7 pages x BENCH_ROUNDS (default 2) + 1) x 4 modes x BENCH_SECONDS (default 5) of wrk, plus
# loading the content.
#
# Everything runs from a copy of the working tree taken at the start, so all four measurements are
# of the same code even if files change during the run (the header names the commit).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=$ROOT/.venv/bin/python
GUNICORN=$ROOT/.venv/bin/gunicorn
. scripts/postgres.sh  # apt_install, pg_bin, pg_start, pg_stop

BENCH_SECONDS=${BENCH_SECONDS:-5}
BENCH_ROUNDS=${BENCH_ROUNDS:-2}
BENCH_SIZES=${BENCH_SIZES:-"2000 10000"}
WORKERS=3
STARTED=$(date +%s)

if ! command -v wrk >/dev/null 2>&1; then
  echo "== Installing wrk (Debian package wrk)"
  apt_install wrk || true
fi
command -v wrk >/dev/null 2>&1 || { echo "wrk is not installed and could not be installed." >&2; exit 1; }
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
start_gunicorn() {  # page cache seconds, log name
  # shellcheck disable=SC2086  # BENCH_GUNICORN_ARGS is a list of extra options
  DJANGO_PAGE_CACHE_SECONDS=$1 "$GUNICORN" -c kommuneportal/gunicorn.conf.py \
    --access-logfile /dev/null ${BENCH_GUNICORN_ARGS:-} >>"$WORK/gunicorn-$2.log" 2>&1 &
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
cleanup() { stop_gunicorn; pg_stop; rm -rf "$WORK"; }
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
unset REDIS_URL CACHE_URL  # the page cache is each worker's local memory, as without Redis
export DJANGO_DEBUG=0 DJANGO_SECRET_KEY="bench-only-$(date +%s)-not-a-secret-xxxxxxxxxxxxxxxxxxxxxxxxxxxx" \
  DJANGO_ALLOWED_HOSTS=localhost DJANGO_SECURE_PROXY_SSL_HEADER=1 DJANGO_STATIC_ROOT="$WORK/static" \
  DJANGO_CONN_MAX_AGE="${DJANGO_CONN_MAX_AGE:-60}" DJANGO_LOG_LEVEL=WARNING \
  GUNICORN_BIND=127.0.0.1:$PORT GUNICORN_WORKERS=$WORKERS

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

echo "== Pages to measure (on the demo content alone)"
start_gunicorn 0 demo
$PY bench/report.py find --base "$BASE" --out "$WORK/pages.json"
stop_gunicorn

RESULTS=$WORK/results.jsonl
for size in $BENCH_SIZES; do
  echo "== Synthetic content: $size bench articles"
  $PY manage.py bench_content --articles "$size"
  for cache in off on; do
    if [ $cache = off ]; then seconds=0; search=--search; else seconds=600; search=; fi
    echo "== $size articles, page cache $cache (DJANGO_PAGE_CACHE_SECONDS=$seconds), gunicorn on $BASE"
    start_gunicorn $seconds "$size-$cache"
    $PY bench/report.py measure --base "$BASE" --pages "$WORK/pages.json" --articles "$size" --cache $cache \
      --seconds "$BENCH_SECONDS" --rounds "$BENCH_ROUNDS" --out "$RESULTS" $search
    stop_gunicorn
    show_errors "$size-$cache"
  done
done

echo
$PY bench/report.py table --results "$RESULTS" --database "$DATABASE" --workers $WORKERS --seconds "$BENCH_SECONDS" \
  --code "$CODE"
elapsed=$(( $(date +%s) - STARTED ))
echo "(bench took $((elapsed / 60)) min $((elapsed % 60)) s)"
