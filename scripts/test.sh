#!/usr/bin/env bash
# Runs the whole suite twice: on SQLite, then on a throwaway PostgreSQL server
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

status=0

echo "== Test suite on SQLite"
env -u DATABASE_URL $PY -m pytest -m "not browser" -p no:cacheprovider || status=1

trap pg_stop EXIT
pg_start

echo "== Test suite on PostgreSQL, with browser and accessibility tests in headless Chromium"
DATABASE_URL="$PG_DATABASE_URL" DJANGO_ALLOW_ASYNC_UNSAFE=true \
  $PY -m pytest -p no:cacheprovider -rs || status=1

if [ $status -eq 0 ]; then echo "== All tests passed on SQLite and PostgreSQL."; else echo "== Tests failed." >&2; fi
exit $status
