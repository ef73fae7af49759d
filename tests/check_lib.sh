# Shared by the shell test scripts (cli_test.sh, package_test.sh): a scratch directory removed at exit
# with any service the script started ($server_pid), `check "what" command…` that counts, and `finish`.
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
passes=0
check() {  # check "what" command...
  local what=$1; shift
  if "$@"; then passes=$((passes + 1)); else echo "FAILED: $what"; failures=$((failures + 1)); fi
}
finish() {  # the summary line; the exit status says whether every check passed
  echo "$passes passed, $failures failed"
  [ "$failures" -eq 0 ]
}
wait_listening() {  # wait_listening LOG: waits for `lacuna serve` to say where it listens; sets $port
  for _ in $(seq 1 100); do
    grep -q "listening on" "$1" && break
    sleep 0.1
  done
  port=$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$1")
}
