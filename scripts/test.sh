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

# The SQLite run goes in the background, beside the PostgreSQL run below, so the two share the machine's
# cores: one after the other they took 15–16 minutes on a busy 2-core VM. Its output follows the
# PostgreSQL run's.
SQLITE_LOG=$(mktemp)
echo "== Test suite on SQLite (in the background; its output follows the PostgreSQL run)"
env -u DATABASE_URL $PY -m pytest -m "not browser" -p no:cacheprovider >"$SQLITE_LOG" 2>&1 &
SQLITE_PID=$!

# A throwaway Redis beside PostgreSQL: tests/portal/test_scale_out.py runs two instances sharing it.
REDIS_DIR=$(mktemp -d)
stop_services() {
  if kill -0 "$SQLITE_PID" 2>/dev/null; then kill "$SQLITE_PID" 2>/dev/null || true; fi
  pg_stop
  if [ -f "$REDIS_DIR/redis.pid" ]; then kill "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$REDIS_DIR" "$SQLITE_LOG"
}
trap stop_services EXIT
pg_start
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

echo "== Test suite on PostgreSQL, with browser and accessibility tests in headless Chromium"
DATABASE_URL="$PG_DATABASE_URL" DJANGO_ALLOW_ASYNC_UNSAFE=true \
  $PY -m pytest -p no:cacheprovider -rs || status=1

wait "$SQLITE_PID" || status=1
echo "== Test suite on SQLite (ran beside the PostgreSQL run)"
cat "$SQLITE_LOG"

if [ $status -eq 0 ]; then echo "== All tests passed on SQLite and PostgreSQL."; else echo "== Tests failed." >&2; fi
exit $status
