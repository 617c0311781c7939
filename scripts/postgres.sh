# A throwaway PostgreSQL server on 127.0.0.1, for scripts/test.sh and bench/run.sh (source this file).
#
#   apt_install PKG…   apt-get install as root (quietly; runs apt-get update once if needed)
#   pg_bin             the newest installed /usr/lib/postgresql/<version>/bin, or nothing
#   pg_start           initdb + start a cluster in a fresh temporary directory on a free loopback
#                      port, with role and database "app" (password "app", CREATEDB); sets PGBIN,
#                      PGROOT, PGPORT and PG_DATABASE_URL
#   pg_stop            stop it and delete its directory (safe to call when nothing was started)
#
# The caller sets the trap, e.g. `trap pg_stop EXIT` before `pg_start`.

apt_install() {
  if [ "$(id -u)" != 0 ]; then echo "Need root to apt-get install $*" >&2; return 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "$@" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "$@" >/dev/null; }
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_start() {
  PGBIN=$(pg_bin)
  if [ -z "$PGBIN" ]; then
    echo "PostgreSQL is not installed and could not be installed." >&2
    return 1
  fi
  PGROOT=$(mktemp -d)
  PGPORT=$("${PY:-python3}" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  chown postgres:postgres "$PGROOT" 2>/dev/null || true
  echo "== Starting PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
  as_postgres "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c full_page_writes=off" start >/dev/null
  as_postgres "$PGBIN/psql" -q -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE app LOGIN PASSWORD 'app' CREATEDB" -c "CREATE DATABASE app OWNER app" >/dev/null
  PG_DATABASE_URL="postgres://app:app@127.0.0.1:$PGPORT/app"
}

pg_stop() {
  [ -n "${PGROOT:-}" ] || return 0
  as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGROOT"
  PGROOT=
}
