#!/usr/bin/env bash
# Runs the whole suite twice: on SQLite, then on a throwaway PostgreSQL server
# started here on 127.0.0.1 (with the browser and accessibility tests).
# Under CI=true a missing PostgreSQL or Chromium is a failure, never a skip.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

apt_install() {
  if [ "$(id -u)" != 0 ]; then echo "Need root to apt-get install $*" >&2; return 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "$@" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "$@" >/dev/null; }
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(pg_bin)" ]; then
  echo "== Installing PostgreSQL (Debian package postgresql)"
  apt_install postgresql || true
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "== Installing Chromium (Debian package chromium)"
  apt_install chromium || true
fi

status=0

echo "== Test suite on SQLite"
env -u DATABASE_URL $PY -m pytest -m "not browser" -p no:cacheprovider || status=1

PGBIN=$(pg_bin)
if [ -z "$PGBIN" ]; then
  echo "PostgreSQL is not installed and could not be installed." >&2
  exit 1
fi

PGROOT=$(mktemp -d)
PGPORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
chown postgres:postgres "$PGROOT" 2>/dev/null || true
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() {
  as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGROOT"
}
trap stop_pg EXIT

echo "== Starting PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
as_postgres "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c full_page_writes=off" start >/dev/null
as_postgres "$PGBIN/psql" -q -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE app LOGIN PASSWORD 'app' CREATEDB" -c "CREATE DATABASE app OWNER app" >/dev/null

echo "== Test suite on PostgreSQL, with browser and accessibility tests in headless Chromium"
DATABASE_URL="postgres://app:app@127.0.0.1:$PGPORT/app" DJANGO_ALLOW_ASYNC_UNSAFE=true \
  $PY -m pytest -p no:cacheprovider -rs || status=1

if [ $status -eq 0 ]; then echo "== All tests passed on SQLite and PostgreSQL."; else echo "== Tests failed." >&2; fi
exit $status
