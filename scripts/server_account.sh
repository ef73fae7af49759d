# Sourced by mariadb.sh and galera.sh with $dir set: as root, a private server runs as the unprivileged
# 'mysql' account the Debian package creates, so $dir becomes that account's and every parent of it
# traversable; sets user_args for mariadb-install-db and mariadbd.
user_args=()
if [ "$(id -u)" -eq 0 ]; then
  user_args=(--user=mysql)
  chown mysql:mysql "$dir"
  p=$dir
  while [ "$p" != "/" ]; do p=$(dirname "$p"); chmod o+x "$p" 2>/dev/null || true; done
fi
