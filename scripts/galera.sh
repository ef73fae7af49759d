#!/usr/bin/env bash
# A private three-node MariaDB Galera cluster (Debian's galera-4) for tests and trials: each node in its own
# directory under DIR, listening only on 127.0.0.1 (client ports BASE, BASE+1, BASE+2; group communication,
# state transfer and incremental state transfer on ports above those); nothing system-wide is touched.
#   scripts/galera.sh start DIR [BASE]   initialises and starts the three nodes (node 1 bootstraps the
#                                        cluster, 2 and 3 join it by rsync state transfer), prints the
#                                        Lacuna URL naming all three (BASE defaults to 14300)
#   scripts/galera.sh stop DIR           stops the nodes (3, 2, then 1)
#   scripts/galera.sh kill DIR N         SIGKILLs node N (1–3)
#   scripts/galera.sh restart DIR N      starts node N again; it rejoins the cluster
set -euo pipefail
cmd=${1:?usage: $0 start|stop|kill|restart DIR [BASE|N]}
dir=${2:?usage: $0 start|stop|kill|restart DIR [BASE|N]}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

source "$(dirname "$0")/server_account.sh"

port_of() { sed -n "s/^port=//p" "$dir/ports"; }

node_dir() { echo "$dir/node$1"; }

client_port() { echo $(( $(port_of) + $1 - 1 )); }

# Writes node N's option file: its ports follow from BASE (client BASE+N-1, group 10+…, SST 20+…, IST 30+…).
write_config() {
  local n=$1 base
  base=$(port_of)
  local nd
  nd=$(node_dir "$n")
  mkdir -p "$nd"
  [ "$(id -u)" -eq 0 ] && chown mysql:mysql "$nd"
  local members="127.0.0.1:$((base + 10)),127.0.0.1:$((base + 11)),127.0.0.1:$((base + 12))"
  cat >"$nd/my.cnf" <<EOF
[mariadbd]
datadir=$nd/data
socket=$nd/mysqld.sock
pid-file=$nd/mysqld.pid
log-error=$nd/error.log
bind-address=127.0.0.1
port=$((base + n - 1))
character-set-server=utf8mb4
innodb-buffer-pool-size=128M
innodb-flush-log-at-trx-commit=1
max-connections=500
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=lacuna_test
wsrep_cluster_address=gcomm://$members
wsrep_node_name=node$n
wsrep_node_address=127.0.0.1:$((base + 9 + n))
wsrep_provider_options=gmcast.listen_addr=tcp://127.0.0.1:$((base + 9 + n));ist.recv_addr=127.0.0.1:$((base + 29 + n));gcache.size=64M
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$((base + 19 + n))
EOF
}

# Starts node N (with extra arguments) and waits until it is synced with the cluster.
start_node() {
  local n=$1; shift
  local nd
  nd=$(node_dir "$n")
  if [ ! -d "$nd/data/mysql" ]; then
    mariadb-install-db --defaults-file="$nd/my.cnf" "${user_args[@]}" --auth-root-authentication-method=normal \
      --skip-test-db >"$nd/install.log" 2>&1 || { cat "$nd/install.log" >&2; exit 1; }
  fi
  mariadbd --defaults-file="$nd/my.cnf" "${user_args[@]}" "$@" >/dev/null 2>&1 &
  wait_synced "$n" 1
}

# Waits until node N is synced, ready and sees at least SIZE members: a joining node copies the whole store
# first (rsync), which on a loaded machine takes minutes — but not more than 300 s in all.
wait_synced() {
  local n=$1 size=$2 nd state until=$((SECONDS + 300))
  nd=$(node_dir "$n")
  while [ "$SECONDS" -lt "$until" ]; do
    state=$(timeout 10 mariadb --no-defaults --connect-timeout=5 --socket="$nd/mysqld.sock" -uroot -N -e \
      "SELECT GROUP_CONCAT(VARIABLE_VALUE ORDER BY VARIABLE_NAME SEPARATOR ' ') FROM information_schema.GLOBAL_STATUS
       WHERE VARIABLE_NAME IN ('WSREP_CLUSTER_SIZE', 'WSREP_LOCAL_STATE_COMMENT', 'WSREP_READY')" 2>/dev/null || true)
    read -r members comment ready <<<"$state"
    [ "$comment" = "Synced" ] && [ "$ready" = "ON" ] && [ "${members:-0}" -ge "$size" ] && return 0
    sleep 0.1
  done
  echo "Galera node $n did not reach Synced with $size members; see $nd/error.log" >&2
  tail -30 "$nd/error.log" >&2 || true
  exit 1
}

stop_node() {
  local pidfile
  pidfile="$(node_dir "$1")/mysqld.pid"
  [ -f "$pidfile" ] || return 0
  local pid
  pid=$(cat "$pidfile")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

case "$cmd" in
  start)
    echo "port=${3:-14300}" >"$dir/ports"
    for n in 1 2 3; do write_config "$n"; done
    start_node 1 --wsrep-new-cluster
    nd=$(node_dir 1)
    # A TCP account for the service and the tests (root@localhost is the socket's); the cluster replicates it.
    mariadb --no-defaults --socket="$nd/mysqld.sock" -uroot -e \
      "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
       CREATE DATABASE IF NOT EXISTS lacuna CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
    start_node 2
    start_node 3
    # The donor of the last state transfer may still be catching up: every node must be back before any use.
    for n in 1 2 3; do wait_synced "$n" 3; done
    echo "mysql://root@127.0.0.1:$(client_port 1),127.0.0.1:$(client_port 2),127.0.0.1:$(client_port 3)/lacuna"
    ;;
  stop)
    for n in 3 2 1; do stop_node "$n"; done
    ;;
  kill)
    n=${3:?usage: $0 kill DIR N}
    pidfile="$(node_dir "$n")/mysqld.pid"
    [ -f "$pidfile" ] && kill -KILL "$(cat "$pidfile")" 2>/dev/null || true
    ;;
  restart)
    n=${3:?usage: $0 restart DIR N}
    start_node "$n"
    ;;
  *) echo "usage: $0 start|stop|kill|restart DIR [BASE|N]" >&2; exit 2 ;;
esac
