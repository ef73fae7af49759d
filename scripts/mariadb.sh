#!/usr/bin/env bash
# A private MariaDB server for tests and trials, in a directory of its own, reachable only on its
# Unix socket (or, given a PORT, also on 127.0.0.1:PORT); it never touches a system-wide database.
#   scripts/mariadb.sh start DIR [PORT]   initialises DIR if needed, starts the server, prints the Lacuna URL
#   scripts/mariadb.sh stop DIR    stops it
#   scripts/mariadb.sh kill DIR    kills it with SIGKILL (crash tests)
set -euo pipefail
cmd=${1:?usage: $0 start|stop|kill DIR}
dir=${2:?usage: $0 start|stop|kill DIR}
port=${3:-}
network_args=(--skip-networking)
[ -n "$port" ] && network_args=(--bind-address=127.0.0.1 --port="$port")
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
socket="$dir/mysqld.sock"
pidfile="$dir/mysqld.pid"

source "$(dirname "$0")/server_account.sh"

case "$cmd" in
  start)
    if [ ! -d "$dir/data/mysql" ]; then
      mariadb-install-db --no-defaults "${user_args[@]}" --datadir="$dir/data" \
        --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1 \
        || { cat "$dir/install.log" >&2; exit 1; }
    fi
    mariadbd --no-defaults "${user_args[@]}" --datadir="$dir/data" --socket="$socket" --pid-file="$pidfile" \
      "${network_args[@]}" --log-error="$dir/error.log" --character-set-server=utf8mb4 \
      --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=1 --sync-binlog=1 \
      --max-connections=500 >/dev/null 2>&1 &
    for _ in $(seq 1 300); do
      if mariadb-admin --no-defaults --socket="$socket" -uroot ping >/dev/null 2>&1; then
        mariadb --no-defaults --socket="$socket" -uroot -e \
          "CREATE DATABASE IF NOT EXISTS lacuna CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
        if [ -n "$port" ]; then
          mariadb --no-defaults --socket="$socket" -uroot -e \
            "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION"
          echo "mysql://root@127.0.0.1:$port/lacuna"
        else
          echo "mysql://root@localhost/lacuna?socket=$socket"
        fi
        exit 0
      fi
      sleep 0.1
    done
    echo "MariaDB did not start; see $dir/error.log" >&2
    tail -20 "$dir/error.log" >&2 || true
    exit 1
    ;;
  stop)
    if [ -f "$pidfile" ]; then
      pid=$(cat "$pidfile")
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
    ;;
  kill)
    [ -f "$pidfile" ] && kill -KILL "$(cat "$pidfile")" 2>/dev/null || true
    ;;
  *) echo "usage: $0 start|stop|kill DIR" >&2; exit 2 ;;
esac
