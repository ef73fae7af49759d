#!/usr/bin/env bash
# The lacuna command as a newcomer uses it: help, version, check-config, user add, export and import, serve --demo
# (twice, seeding once), login over HTTP, and a graceful stop on SIGTERM.
# Usage: cli_test.sh <lacuna binary> <source dir>
set -uo pipefail
bin=$1
src=$2
source "$(dirname "$0")/check_lib.sh"

check "--help prints usage" bash -c "'$bin' --help | grep -q 'lacuna serve'"
check "--version prints the version" bash -c "'$bin' --version | grep -Eq '^lacuna [0-9]+\.[0-9]+\.[0-9]+$'"
check "check-config accepts the shipped config" "$bin" check-config "$src/config/lacuna.yaml"

cp -r "$src/config" "$work/config"
sed -i 's/^  threads: 64 .*/  thread: 64/' "$work/config/lacuna.yaml"
line=$(grep -n '^  thread: 64' "$work/config/lacuna.yaml" | cut -d: -f1)
"$bin" check-config "$work/config/lacuna.yaml" >"$work/check1.log" 2>&1; rc=$?
check "check-config exits 1 on an unknown key" test "$rc" -eq 1
check "check-config names file, line and key" grep -q "lacuna.yaml:$line:3: unknown key 'thread'" "$work/check1.log"
cp "$src/config/lacuna.yaml" "$work/config/lacuna.yaml"
sed -i 's/roles: \[liaison_officer\]/roles: [liaison]/' "$work/config/workflows/gap.yaml"
"$bin" check-config "$work/config/lacuna.yaml" >"$work/check2.log" 2>&1; rc=$?
check "check-config exits 1 on an unknown role" test "$rc" -eq 1
check "check-config names the workflow file and line" grep -q "gap.yaml:[0-9]*:[0-9]*: unknown role 'liaison'" "$work/check2.log"
cp -r "$src/config/workflows" "$work/config/"
sed -i 's/^    port: 3306$/    port: 3306\n    hosts: [db1:3306]/' "$work/config/lacuna.yaml"
"$bin" check-config "$work/config/lacuna.yaml" >"$work/check4.log" 2>&1; rc=$?
check "check-config refuses storage.mysql.hosts beside host and port" grep -q "either 'hosts' or 'host' and 'port'" "$work/check4.log"
sed -i -e '/^    host: 127.0.0.1$/d' -e '/^    port: 3306$/d' -e 's/^    hosts: \[db1:3306\]$/    hosts: [db1:3306, "db2:99999"]/' "$work/config/lacuna.yaml"
"$bin" check-config "$work/config/lacuna.yaml" >"$work/check5.log" 2>&1; rc=$?
check "check-config names a host of storage.mysql.hosts with a bad port" \
  bash -c "test $rc -eq 1 && grep -q \"lacuna.yaml:[0-9]*:[0-9]*: storage.mysql.hosts: 'db2:99999': the port must be between 1 and 65535\" '$work/check5.log'"
cp "$src/config/lacuna.yaml" "$work/config/lacuna.yaml"
sed -i 's/^    mmap_mib: 1024 .*/    mmap_mib: -1/' "$work/config/lacuna.yaml"
line=$(grep -n '^    mmap_mib: -1' "$work/config/lacuna.yaml" | cut -d: -f1)
"$bin" check-config "$work/config/lacuna.yaml" >"$work/check6.log" 2>&1; rc=$?
check "check-config names storage.sqlite.mmap_mib out of its range" \
  bash -c "test $rc -eq 1 && test -n '$line' && grep -q \"lacuna.yaml:$line:[0-9]*: .*mmap_mib\" '$work/check6.log'"
cp "$src/config/lacuna.yaml" "$work/config/lacuna.yaml"
sed -i 's|^    ca_file: "" .*|    ca_file: certs/city-ca.pem|' "$work/config/lacuna.yaml"
line=$(grep -n '^    ca_file: certs/city-ca.pem' "$work/config/lacuna.yaml" | cut -d: -f1)
"$bin" check-config "$work/config/lacuna.yaml" >"$work/check7.log" 2>&1; rc=$?
check "check-config names a mail.smtp.ca_file that is not there, resolved beside the config" \
  bash -c "test $rc -eq 1 && test -n '$line' && grep -q \"lacuna.yaml:$line:[0-9]*: mail.smtp.ca_file: no readable file at $work/config/certs/city-ca.pem\" '$work/check7.log'"
mkdir -p "$work/config/certs" && touch "$work/config/certs/city-ca.pem"
check "check-config accepts a mail.smtp.ca_file that is there" "$bin" check-config "$work/config/lacuna.yaml"
cp "$src/config/lacuna.yaml" "$work/config/lacuna.yaml"
"$bin" check-config "$src/config/lacuna.yaml" --db "mysql://lacuna@127.0.0.1:1/lacuna" >"$work/check3.log" 2>&1; rc=$?
check "check-config exits 1 when the MySQL server cannot be reached" test "$rc" -eq 1
check "check-config says which server and why" grep -q "mysql lacuna@127.0.0.1:1/lacuna cannot be used: MySQL error" "$work/check3.log"
"$bin" serve --db "postgres://x@y/z" >"$work/baddb.log" 2>&1; rc=$?
check "a database URL of an unknown kind is refused with exit 2" test "$rc" -eq 2
check "the refusal says which URLs work" grep -q "must start with sqlite: or mysql://" "$work/baddb.log"

data="$work/data"
LACUNA_PASSWORD='long enough pw' "$bin" user add --username shiraz.director --role legal_director \
  --municipality shiraz --data "$data" --config "$src/config/lacuna.yaml" >"$work/useradd.log" 2>&1
check "user add creates an account" grep -q "Created user 'shiraz.director'" "$work/useradd.log"
LACUNA_PASSWORD='short' "$bin" user add --username x.y --role legal_director --data "$data" \
  --config "$src/config/lacuna.yaml" >"$work/useradd2.log" 2>&1; rc=$?
check "user add refuses bad input with exit 1" test "$rc" -eq 1
check "user add names the fields" bash -c "grep -q '^password:' '$work/useradd2.log' && grep -q '^municipality:' '$work/useradd2.log'"
LACUNA_PASSWORD='long enough pw' "$bin" user add --username yazd.director --role legal_director \
  --municipality yazd --db "sqlite:$data/lacuna.db" --config "$src/config/lacuna.yaml" >"$work/useradd3.log" 2>&1; rc=$?
check "user add takes the store as --db URL" test "$rc" -eq 0
check "user add --db creates the account there" grep -q "Created user 'yazd.director'" "$work/useradd3.log"

cfg=(--config "$src/config/lacuna.yaml")
"$bin" export --data "$data" "${cfg[@]}" >"$work/export.jsonl" 2>"$work/export.log"; rc=$?
check "export exits 0" test "$rc" -eq 0
check "export says on standard error what it wrote" grep -q "^Exported sqlite .* tables, [0-9]* rows$" "$work/export.log"
check "export starts with its header" bash -c "head -1 '$work/export.jsonl' | grep -q '\"format\":\"lacuna-export\",\"version\":1'"
check "export's standard output is the export alone" test -z "$(grep -v -e '^\[' -e '^{"table"' -e '^{"format"' -e '^{"end"' "$work/export.jsonl")"
check "the export holds the users added" grep -q '"shiraz.director"' "$work/export.jsonl"
"$bin" import --db "sqlite:$work/copy/lacuna.db" "${cfg[@]}" <"$work/export.jsonl" >"$work/import.log" 2>&1; rc=$?
check "import into a new store exits 0" test "$rc" -eq 0
check "import says what it loaded" grep -q "^Imported into sqlite .* tables, [0-9]* rows$" "$work/import.log"
"$bin" export --db "sqlite:$work/copy/lacuna.db" "${cfg[@]}" >"$work/export2.jsonl" 2>/dev/null
check "the copy exports the same rows" cmp -s <(tail -n +2 "$work/export.jsonl") <(tail -n +2 "$work/export2.jsonl")
"$bin" import --db "sqlite:$work/copy/lacuna.db" "${cfg[@]}" <"$work/export.jsonl" >"$work/import2.log" 2>&1; rc=$?
check "import into a store with records exits 1" test "$rc" -eq 1
check "and says it loads only into an empty store" grep -q "already holds records" "$work/import2.log"
head -n 20 "$work/export.jsonl" | "$bin" import --db "sqlite:$work/cut/lacuna.db" "${cfg[@]}" >"$work/import3.log" 2>&1; rc=$?
check "a cut export is refused with exit 1" test "$rc" -eq 1
check "naming the line and saying nothing was loaded" \
  bash -c "grep -q 'import: line 20: the file ends without its closing line' '$work/import3.log' && grep -q 'nothing was loaded' '$work/import3.log'"
"$bin" export extra --data "$data" "${cfg[@]}" >/dev/null 2>"$work/export3.log"; rc=$?
check "export refuses an argument with exit 2" test "$rc" -eq 2

start_server() {  # start_server <log>; sets server_pid and port
  LACUNA_ADMIN_PASSWORD='admin password 1' LACUNA_DEMO_PASSWORD='demo password 1' \
    "$bin" serve --demo --port 0 --data "$data" --config "$src/config/lacuna.yaml" >"$1" 2>&1 &
  server_pid=$!
  wait_listening "$1"
}

start_server "$work/serve1.log"
check "serve starts and prints its port" test -n "$port"
check "the demo is seeded on first start" grep -q "Seeded demo users" "$work/serve1.log"
check "health answers" bash -c "curl -sf http://127.0.0.1:$port/healthz | grep -q '\"status\":\"ok\"'"
check "liveness answers" bash -c "curl -sf http://127.0.0.1:$port/healthz/live | grep -q '\"status\":\"ok\"'"
"$bin" serve --port "$port" --data "$work/other" --config "$src/config/lacuna.yaml" >"$work/second.log" 2>&1; rc=$?
check "a second service on a port in use refuses to start (exit 1)" test "$rc" -eq 1
check "and says why" grep -q "cannot listen on .*:$port" "$work/second.log"
login=$(curl -s -XPOST "http://127.0.0.1:$port/api/v1/session" -H 'Content-Type: application/json' \
  -d '{"username":"tehran.director","password":"demo password 1"}')
check "a demo user logs in" grep -q '"token"' <<<"$login"
login=$(curl -s -XPOST "http://127.0.0.1:$port/api/v1/session" -H 'Content-Type: application/json' \
  -d '{"username":"shiraz.director","password":"long enough pw"}')
check "a user added on the command line logs in" grep -q '"token"' <<<"$login"
login=$(curl -s -XPOST "http://127.0.0.1:$port/api/v1/session" -H 'Content-Type: application/json' \
  -d '{"username":"yazd.director","password":"long enough pw"}')
check "a user added with --db logs in to the service on that store" grep -q '"token"' <<<"$login"
passwd() {  # passwd PASSWORD USERNAME LOG: runs `lacuna user passwd` on the running service's store; sets rc
  LACUNA_PASSWORD="$1" "$bin" user passwd --username "$2" --data "$data" "${cfg[@]}" >"$work/$3" 2>&1; rc=$?
}
me_status() {  # me_status TOKEN: the HTTP status of GET /api/v1/me with that bearer token
  curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/me" -H "Authorization: Bearer $1"
}
shiraz_token=$(curl -s -XPOST "http://127.0.0.1:$port/api/v1/session" -H 'Content-Type: application/json' \
  -d '{"username":"shiraz.director","password":"long enough pw"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
passwd 'short' shiraz.director passwd1.log
check "user passwd refuses a short password with exit 1, naming it" \
  bash -c "test $rc -eq 1 && grep -q '^password: at least 10 characters' '$work/passwd1.log'"
passwd 'a new long pw' nobody.here passwd2.log
check "user passwd refuses an unknown username with exit 1" \
  bash -c "test $rc -eq 1 && grep -q 'nobody.here' '$work/passwd2.log'"
check "a refused passwd ends no session" test "$(me_status "$shiraz_token")" = 200
passwd 'a new long pw' shiraz.director passwd3.log
check "user passwd changes the password, while the service runs" \
  bash -c "test $rc -eq 0 && grep -q \"Changed the password of 'shiraz.director'\" '$work/passwd3.log'"
check "the account's session in the running service ends at once" test "$(me_status "$shiraz_token")" = 401
login=$(curl -s -XPOST "http://127.0.0.1:$port/api/v1/session" -H 'Content-Type: application/json' \
  -d '{"username":"shiraz.director","password":"a new long pw"}')
check "the new password logs in" grep -q '"token"' <<<"$login"
kill -TERM "$server_pid"
wait "$server_pid"; rc=$?
server_pid=""
check "SIGTERM stops the service with exit 0" test "$rc" -eq 0
check "the service says it stops gracefully" grep -q "finishing requests in flight" "$work/serve1.log"

start_server "$work/serve2.log"
check "a second start seeds nothing twice" grep -q "seeded before; nothing added" "$work/serve2.log"
token=$(curl -s -XPOST "http://127.0.0.1:$port/api/v1/session" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"admin password 1"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
count=$(curl -s "http://127.0.0.1:$port/api/v1/gaps?limit=100" -H "Authorization: Bearer $token" | grep -o '"reference"' | wc -l)
check "the demo gaps are there once ($count)" test "$count" -eq 5
kill -INT "$server_pid"
wait "$server_pid"; rc=$?
server_pid=""
check "SIGINT stops the service with exit 0" test "$rc" -eq 0

finish
