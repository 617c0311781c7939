#!/usr/bin/env bash
# Runs the whole suite twice, side by side: on SQLite, and on a throwaway PostgreSQL server
# started here on 127.0.0.1 (with the browser and accessibility tests).
# Under CI=true a missing PostgreSQL or Chromium is a failure, never a skip.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

# apt_install, pg_bin, pg_start, pg_stop (shared with bench/run.sh)
. scripts/postgres.sh

if [ -z "$(pg_bin)" ]; then
  echo "== Installing PostgreSQL (Debian package postgresql)"
  apt_install postgresql || true
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "== Installing Chromium (Debian package chromium)"
  apt_install chromium || true
fi
if ! command -v redis-server >/dev/null 2>&1; then
  echo "== Installing Redis (Debian package redis-server) for the scale-out test"
  apt_install redis-server || true
fi

# The Nu HTML Checker for tests/portal/test_html_validity.py: vnu.jar from the npm package vnu-jar,
# kept in a cache folder outside the repository (nothing is committed), run on Java.
VNU_VERSION=26.9.27
VNU_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/kommuneportal/vnu-$VNU_VERSION"
export VNU_JAR="$VNU_DIR/node_modules/vnu-jar/build/dist/vnu.jar"
if ! command -v java >/dev/null 2>&1; then
  echo "== Installing Java (Debian package default-jre-headless) for the Nu HTML Checker"
  apt_install default-jre-headless || true
fi
if [ ! -f "$VNU_JAR" ]; then
  if ! command -v npm >/dev/null 2>&1; then apt_install npm || true; fi
  echo "== Installing the Nu HTML Checker (npm package vnu-jar $VNU_VERSION) into $VNU_DIR"
  # --ignore-scripts: the package's postinstall would download a Java runtime; we use the system's.
  npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$VNU_DIR" "vnu-jar@$VNU_VERSION" || true
fi

# Lighthouse for tests/browser/test_lighthouse.py (issue 28): the npm package lighthouse in a cache folder outside
# the repository (nothing is committed), run by scripts/lighthouse.mjs on Node with Debian's Chromium, offline.
LIGHTHOUSE_VERSION=12.8.2
export LIGHTHOUSE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/kommuneportal/lighthouse-$LIGHTHOUSE_VERSION"
if [ ! -d "$LIGHTHOUSE_DIR/node_modules/lighthouse" ]; then
  if ! command -v npm >/dev/null 2>&1; then apt_install npm || true; fi
  echo "== Installing Lighthouse (npm package lighthouse $LIGHTHOUSE_VERSION) into $LIGHTHOUSE_DIR"
  # --ignore-scripts: nothing of it needs to run at install; it uses the system's Chromium.
  npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$LIGHTHOUSE_DIR" "lighthouse@$LIGHTHOUSE_VERSION" || true
fi

status=0

# Three runs side by side, so that both cores stay busy to the end (one after the other they took 15-16
# minutes on a busy 2-core VM; with the PostgreSQL run in one piece, one core idled for its last 14 minutes):
#  - the suite on SQLite without the browser tests (in the background);
#  - on PostgreSQL, the browser tests (in the background, in a database of their own on the same server);
#  - on PostgreSQL, everything else (in the foreground, with Redis for the scale-out tests) but the tests
#    marked database_independent (pytest.ini), which use no database of the suite's kind and so run the
#    same in the SQLite run.
# The browser run and the foreground run together are the whole suite on PostgreSQL but for those. The
# background runs' output follows the foreground run's.
SQLITE_LOG=$(mktemp)
BROWSER_LOG=$(mktemp)
echo "== Test suite on SQLite (in the background; its output follows)"
env -u DATABASE_URL $PY -m pytest -m "not browser" -p no:cacheprovider >"$SQLITE_LOG" 2>&1 &
SQLITE_PID=$!
BROWSER_PID=

# A throwaway Redis beside PostgreSQL: tests/portal/test_scale_out.py runs two instances sharing it.
REDIS_DIR=$(mktemp -d)
stop_services() {
  for pid in "$SQLITE_PID" $BROWSER_PID; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
  done
  pg_stop
  if [ -f "$REDIS_DIR/redis.pid" ]; then kill "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$REDIS_DIR" "$SQLITE_LOG" "$BROWSER_LOG"
}
trap stop_services EXIT
pg_start
# The browser run's own database, so that its test database (test_app_browser) is not the other run's.
as_postgres "$PGBIN/psql" -q -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 \
  -c "CREATE DATABASE app_browser OWNER app" >/dev/null
PG_BROWSER_DATABASE_URL="${PG_DATABASE_URL%/app}/app_browser"

echo "== Browser and accessibility tests on PostgreSQL in headless Chromium (in the background; output follows)"
DATABASE_URL="$PG_BROWSER_DATABASE_URL" DJANGO_ALLOW_ASYNC_UNSAFE=true \
  $PY -m pytest -m browser -p no:cacheprovider -rs >"$BROWSER_LOG" 2>&1 &
BROWSER_PID=$!

if command -v redis-server >/dev/null 2>&1; then
  REDIS_PORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --pidfile "$REDIS_DIR/redis.pid" \
    --dir "$REDIS_DIR" --save '' --appendonly no >/dev/null
  export TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
  echo "== Started Redis on 127.0.0.1:$REDIS_PORT"
elif [ "${CI:-}" = "true" ]; then
  echo "Redis is not installed and could not be installed." >&2
  exit 1
fi

echo "== Test suite on PostgreSQL, without the browser tests and those that run the same in the SQLite run"
DATABASE_URL="$PG_DATABASE_URL" DJANGO_ALLOW_ASYNC_UNSAFE=true \
  $PY -m pytest -m "not browser and not database_independent" -p no:cacheprovider -rs || status=1

wait "$BROWSER_PID" || status=1
echo "== Browser and accessibility tests on PostgreSQL (ran beside the other runs)"
cat "$BROWSER_LOG"
wait "$SQLITE_PID" || status=1
echo "== Test suite on SQLite (ran beside the other runs)"
cat "$SQLITE_LOG"

if [ $status -eq 0 ]; then echo "== All tests passed on SQLite and PostgreSQL."; else echo "== Tests failed." >&2; fi
exit $status
