#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster on 127.0.0.1 for tests and trials (as root: runs the server as `postgres`).
#   scripts/pg-cluster.sh start [DIR] [PORT]   → initdb + start; prints `export TEST_DATABASE_URL=…`
#   scripts/pg-cluster.sh stop DIR
# Needs Debian's postgresql-15 (and postgresql-15-rum): apt-get install -y postgresql-15 postgresql-15-rum
set -euo pipefail
B=${PG_BIN:-/usr/lib/postgresql/15/bin}
cmd=${1:-start}
case "$cmd" in
  start)
    D=${2:-$(mktemp -d)}
    PORT=${3:-55433}
    [ -x "$B/initdb" ] || { echo "pg-cluster: $B/initdb not found — install postgresql-15" >&2; exit 1; }
    mkdir -p "$D"
    as=()
    if [ "$(id -u)" = 0 ]; then chown postgres: "$D"; as=(runuser -u postgres --); fi
    "${as[@]}" "$B/initdb" -D "$D/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$D/initdb.log"
    "${as[@]}" "$B/pg_ctl" -D "$D/data" -l "$D/log" -w start \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$D -c fsync=off -c max_connections=200" >/dev/null
    # TEST_DATABASE_URL runs the PostgreSQL backend suites; DATABASE_URL runs the bot on this server.
    echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres PG_CLUSTER_DIR=$D"
    ;;
  stop)
    D=${2:?pg-cluster: stop needs the cluster directory}
    as=()
    if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
    "${as[@]}" "$B/pg_ctl" -D "$D/data" -m fast -w stop >/dev/null
    ;;
  *) echo "usage: $0 start [DIR] [PORT] | stop DIR" >&2; exit 2 ;;
esac
