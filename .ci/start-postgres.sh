#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1 for the test suite and print its URL.
# PostgreSQL refuses to run as root, so the cluster belongs to the `postgres` user.
set -euo pipefail
PORT="${WORKBENCH_PG_PORT:-54329}"
DATA="${WORKBENCH_PG_DATA:-/tmp/workbench-pg-$PORT}"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  rm -rf "$DATA"
  mkdir -p "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres "$DATA"
  as_pg "$BIN/initdb" -D "$DATA" -U workbench --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-h 127.0.0.1 -p $PORT -k /tmp -c fsync=off -c synchronous_commit=off" start >/dev/null
  as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U workbench workbench_test
fi
echo "postgresql+psycopg://workbench@127.0.0.1:$PORT/workbench_test"
