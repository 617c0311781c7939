#!/usr/bin/env bash
# Serve the demo site in production mode under gunicorn on loopback and measure the main pages.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
export DJANGO_DEBUG=0 DJANGO_SECRET_KEY="bench-only-$(date +%s)-not-secret-xxxxxxxxxxxxxxxxxxxxxxxx" \
  DJANGO_ALLOWED_HOSTS=localhost DJANGO_SECURE_PROXY_SSL_HEADER=1 DJANGO_STATIC_ROOT="$WORK/static" \
  DATABASE_URL="${DATABASE_URL:-sqlite:///$WORK/db.sqlite3}" GUNICORN_BIND=127.0.0.1:8099 GUNICORN_WORKERS=3
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_demo >/dev/null
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/gunicorn -c kommuneportal/gunicorn.conf.py --access-logfile /dev/null --error-logfile "$WORK/gunicorn.log" &
PID=$!
trap 'kill $PID; rm -rf "$WORK"' EXIT
sleep 2
.venv/bin/python bench/pages.py http://127.0.0.1:8099 "${BENCH_SECONDS:-5}"
