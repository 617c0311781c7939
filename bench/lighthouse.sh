#!/usr/bin/env bash
# `make lighthouse`: the full Lighthouse sweep, every public page type (LIGHTHOUSE_PAGES=all), in production
# mode on a throwaway PostgreSQL server. `make test` measures one page of each template family only
# (tests/browser/test_lighthouse.py, REPRESENTATIVE_PAGES); this is the check to run after a change to a
# template, a stylesheet or the page cache that one of the other pages alone may feel. About ten seconds a
# page, five minutes in all on a 2-core machine. Prints every page's score and metrics.
#
# Installs what it needs like scripts/test.sh does: Debian's postgresql and chromium, and the npm package
# lighthouse into ~/.cache/kommuneportal/ (outside the repository). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
. scripts/postgres.sh  # apt_install, pg_bin, pg_start, pg_stop

if [ -z "$(pg_bin)" ]; then
  echo "== Installing PostgreSQL (Debian package postgresql)"
  apt_install postgresql || true
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "== Installing Chromium (Debian package chromium)"
  apt_install chromium || true
fi
LIGHTHOUSE_VERSION=12.8.2  # as scripts/test.sh
export LIGHTHOUSE_DIR="${LIGHTHOUSE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kommuneportal/lighthouse-$LIGHTHOUSE_VERSION}"
if [ ! -d "$LIGHTHOUSE_DIR/node_modules/lighthouse" ]; then
  if ! command -v npm >/dev/null 2>&1; then apt_install npm || true; fi
  echo "== Installing Lighthouse (npm package lighthouse $LIGHTHOUSE_VERSION) into $LIGHTHOUSE_DIR"
  npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$LIGHTHOUSE_DIR" "lighthouse@$LIGHTHOUSE_VERSION" || true
fi

trap pg_stop EXIT
pg_start
echo "== Lighthouse on every public page type"
# CI=true: a missing Node, Chromium or Lighthouse is a failure here, never a skip.
CI=true LIGHTHOUSE_PAGES=all DATABASE_URL="$PG_DATABASE_URL" DJANGO_ALLOW_ASYNC_UNSAFE=true \
  $PY -m pytest tests/browser/test_lighthouse.py -p no:cacheprovider -rP "$@"
