#!/usr/bin/env bash
# The Debian package: builds it with cpack from this build tree (config/debian/package.cmake) and checks
# its control data (dependencies found by dpkg-shlibdeps for every library the binary loads), its files
# against the source tree (every YAML, template and static file; owners and modes; conffiles), the
# maintainer scripts (run against stand-in commands), the systemd unit (systemd-analyze verify, its
# hardening and exposure score), and that the packaged tree runs: check-config on the installed
# configuration, then serve, log in, a page and a static file.
# Usage: package_test.sh <build dir> <source dir>
set -uo pipefail
build=$1
src=$2
source "$(dirname "$0")/check_lib.sh"
same_lists() {  # same_lists "what" EXPECTED ACTUAL: sorted line sets equal, the difference shown
  if diff <(sort -u "$2") <(sort -u "$3") >"$work/diff"; then return 0; fi
  echo "$1 differ (< expected, > in the package):"; cat "$work/diff"; return 1
}

(cd "$build" && cpack -G DEB -B "$work/out") >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
debs=("$work"/out/lacuna_*.deb)
check "cpack makes one package" test "${#debs[@]}" -eq 1 -a -f "${debs[0]}"
deb=${debs[0]}
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")

# Control data.
check "Package is lacuna" test "$(dpkg-deb -f "$deb" Package)" = lacuna
check "Version is the project's ($version)" test "$(dpkg-deb -f "$deb" Version)" = "$version"
check "Architecture is this machine's" test "$(dpkg-deb -f "$deb" Architecture)" = "$(dpkg --print-architecture)"
depends=$(dpkg-deb -f "$deb" Depends)
check "Depends on adduser (postinst)" grep -q '\badduser\b' <<<"$depends"
dpkg-deb -x "$deb" "$work/root"
root=$work/root
# Every shared library the binary loads must come from a package the Depends names.
objdump -p "$root/usr/bin/lacuna" | awk '/NEEDED/ {print $2}' >"$work/needed"
check "the binary needs shared libraries" test -s "$work/needed"
while read -r soname; do
  path=$(ldconfig -p | awk -v s="$soname" '$1 == s {print $NF; exit}')
  owner=$(dpkg -S "$(realpath "$path")" 2>/dev/null | head -1 | cut -d: -f1)
  [ -z "$owner" ] && owner=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1)
  check "Depends names $owner, which holds $soname" \
    grep -qxF "$owner" <(tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//')
done <"$work/needed"

# Files, owners and modes.
dpkg-deb -c "$deb" >"$work/listing"
check "every file belongs to root:root" test -z "$(awk '$2 != "root/root"' "$work/listing")"
awk '$1 ~ /^-/ {sub(/^\.\//, "/", $6); print $6}' "$work/listing" >"$work/files"
mode() { awk -v f=".$1" '$6 == f {print $1}' "$work/listing"; }
check "the binary is /usr/bin/lacuna, executable" test "$(mode /usr/bin/lacuna)" = "-rwxr-xr-x"
check "the secrets file is not world-readable" test "$(mode /etc/lacuna/lacuna.env)" = "-rw-r-----"
check "the unit is in /lib/systemd/system" grep -qx /lib/systemd/system/lacuna.service "$work/files"
check "the copyright file is there" grep -qx /usr/share/doc/lacuna/copyright "$work/files"
check "nothing lands in /usr/local" test -z "$(grep '^/usr/local' "$work/files")"
(cd "$src/config" && find . -name '*.yaml' -not -path './nginx/*' | sed 's|^\.|/etc/lacuna|') >"$work/want-etc"
echo /etc/lacuna/lacuna.env >>"$work/want-etc"
grep '^/etc/' "$work/files" >"$work/got-etc"
check "/etc/lacuna holds every YAML of config/ and the secrets file" same_lists "files in /etc" "$work/want-etc" "$work/got-etc"
(cd "$src/web" && find templates static -type f | sed 's|^|/usr/share/lacuna/web/|') >"$work/want-web"
grep '^/usr/share/lacuna/' "$work/files" >"$work/got-web"
check "/usr/share/lacuna/web holds every template and static file" same_lists "web files" "$work/want-web" "$work/got-web"
for f in $(cd "$src/config" && find . -name '*.yaml' -not -name lacuna.yaml -not -path './nginx/*'); do
  check "/etc/lacuna/$f is config/$f" cmp -s "$src/config/$f" "$root/etc/lacuna/$f"
done
check "the static files are the source's" diff -r "$src/web/static" "$root/usr/share/lacuna/web/static"

# conffiles: exactly the files in /etc, so an administrator's edits survive upgrades.
mkdir "$work/control"
dpkg-deb -e "$deb" "$work/control"
check "conffiles are exactly the files in /etc" same_lists "conffiles" "$work/got-etc" "$work/control/conffiles"
for script in postinst prerm postrm; do
  check "$script is there and executable" test -x "$work/control/$script"
  check "$script is valid sh" sh -n "$work/control/$script"
done

# The maintainer scripts against stand-in commands that record their calls.
mkdir "$work/bin"
for cmd in adduser install chown chmod systemctl; do
  printf '#!/bin/sh\necho "%s $*" >>"%s"\n' "$cmd" "$work/calls" >"$work/bin/$cmd"
done
printf '#!/bin/sh\n[ -n "$GETENT_FINDS" ]\n' >"$work/bin/getent"
chmod 755 "$work/bin"/*
PATH="$work/bin:$PATH" sh "$work/control/postinst" configure >/dev/null 2>&1
check "postinst configure succeeds" test $? -eq 0
check "postinst makes the lacuna system user" grep -q '^adduser --system --group .*lacuna$' "$work/calls"
check "postinst makes /var/lib/lacuna lacuna's, 0750" grep -qx 'install -d -o lacuna -g lacuna -m 0750 /var/lib/lacuna' "$work/calls"
check "postinst gives the secrets file to root:lacuna" grep -qx 'chown root:lacuna /etc/lacuna/lacuna.env' "$work/calls"
check "postinst makes the secrets file 0640" grep -qx 'chmod 0640 /etc/lacuna/lacuna.env' "$work/calls"
rm "$work/calls"
GETENT_FINDS=1 PATH="$work/bin:$PATH" sh "$work/control/postinst" configure 0.1.0 >/dev/null 2>&1
check "postinst on upgrade keeps the existing user" test -z "$(grep '^adduser' "$work/calls")"
rm -f "$work/calls"
PATH="$work/bin:$PATH" sh "$work/control/postrm" purge >/dev/null 2>"$work/purge.log"
check "purge keeps the store and says so" grep -q "/var/lib/lacuna.* kept" "$work/purge.log"

# The unit.
unit=$root/lib/systemd/system/lacuna.service
for directive in "User=lacuna" "Group=lacuna" "EnvironmentFile=/etc/lacuna/lacuna.env" \
    "ExecStart=/usr/bin/lacuna serve --config /etc/lacuna/lacuna.yaml" "StateDirectory=lacuna" \
    "WorkingDirectory=/var/lib/lacuna" "ProtectSystem=strict" "NoNewPrivileges=yes" "ProtectHome=yes" \
    "PrivateTmp=yes" "PrivateDevices=yes" "CapabilityBoundingSet=" "SystemCallFilter=@system-service" \
    "MemoryDenyWriteExecute=yes" "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX"; do
  check "the unit sets $directive" grep -qx "$directive" "$unit"
done
check "the unit reads no secret from the command line" test -z "$(grep -i 'password' "$unit" | grep -v '^#')"
# systemd-analyze checks the unit in the packaged tree (the ExecStart binary must exist there), beside a
# copy of this machine's own units (the targets it is ordered against); an unknown key is only a warning.
cp -a "$root" "$work/vroot"
cp -rn /lib/systemd/system/. "$work/vroot/lib/systemd/system/"
systemd-analyze verify --root="$work/vroot" /lib/systemd/system/lacuna.service >"$work/verify.log" 2>&1
check "systemd-analyze verify passes the unit without a warning" test $? -eq 0 -a ! -s "$work/verify.log"
[ -s "$work/verify.log" ] && cat "$work/verify.log"
systemd-analyze security --offline=yes --root="$root" /lib/systemd/system/lacuna.service >"$work/security.log" 2>&1
exposure=$(sed -n 's/.*Overall exposure level for lacuna.service: \([0-9.]*\).*/\1/p' "$work/security.log")
check "systemd rates the unit's exposure ($exposure) at most 2.0, 'OK'" \
  awk -v e="$exposure" 'BEGIN { exit !(e != "" && e <= 2.0) }'

# The installed configuration: absolute paths, and it is valid as shipped.
yaml=$root/etc/lacuna/lacuna.yaml
check "the store is in /var/lib/lacuna" grep -q '^data_dir: /var/lib/lacuna ' "$yaml"
check "the pages' files are in /usr/share/lacuna/web" grep -q '^  directory: /usr/share/lacuna/web ' "$yaml"
check "apart from those two lines it is config/lacuna.yaml" \
  test "$(diff "$src/config/lacuna.yaml" "$yaml" | grep -c '^[<>]')" -eq 4
check "check-config accepts the installed configuration" "$root/usr/bin/lacuna" check-config "$yaml"

# The packaged tree serves: its templates and static files, the installed YAML (paths moved into the
# extracted tree, as the package's own are absolute).
LACUNA_WEB_DIR=$root/usr/share/lacuna/web LACUNA_ADMIN_PASSWORD='admin password 1' \
  "$root/usr/bin/lacuna" serve --config "$yaml" --data "$work/data" --host 127.0.0.1 --port 0 \
  >"$work/serve.log" 2>&1 &
server_pid=$!
wait_listening "$work/serve.log"
check "the packaged binary serves" test -n "$port"
check "health answers" bash -c "curl -sf http://127.0.0.1:$port/healthz | grep -q '\"status\":\"ok\"'"
login=$(curl -s -XPOST "http://127.0.0.1:$port/api/v1/session" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"admin password 1"}')
check "the admin logs in" grep -q '"token"' <<<"$login"
curl -sf "http://127.0.0.1:$port/login" >"$work/login.html"
check "the login page is rendered from the packaged templates" grep -q 'dir="rtl"' "$work/login.html"
htmx=$(grep -o '/static/htmx[^"]*\.js' "$work/login.html" | head -1)
check "the page names htmx's static URL" test -n "$htmx"
check "a static file is served from the packaged tree" \
  bash -c "curl -sf 'http://127.0.0.1:$port$htmx' | cmp -s - '$src/web/static/htmx.min.js'"
kill -TERM "$server_pid"
wait "$server_pid"; rc=$?
server_pid=""
check "the service stops on SIGTERM with exit 0" test "$rc" -eq 0

finish
