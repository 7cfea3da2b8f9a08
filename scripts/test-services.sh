#!/usr/bin/env bash
# Makes sure the real Redis (127.0.0.1:6379) and PostgreSQL (127.0.0.1:5432, trust auth, database
# "test") that the storage tests talk to are running. Starts them from Debian's packages when they
# are not; does nothing when they already answer. Needs root only when something must be installed.
set -uo pipefail

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then echo "test-services: no apt-get; start $* yourself" >&2; return 1; fi
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

wait_port() { for _ in $(seq 1 60); do port_open "$1" && return 0; sleep 0.5; done; return 1; }

if ! port_open 6379; then
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  mkdir -p /tmp/hyosan-redis
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir /tmp/hyosan-redis --logfile /tmp/hyosan-redis/redis.log
  wait_port 6379 && echo "test-services: started Redis" || echo "test-services: Redis did not start" >&2
fi

if ! port_open 5432; then
  ls /etc/postgresql >/dev/null 2>&1 || apt_install postgresql
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1)
  conf="/etc/postgresql/$version/main"
  # Local test server: trust authentication on the loopback address only.
  if [ -f "$conf/pg_hba.conf" ] && ! grep -q '^host all all 127.0.0.1/32 trust' "$conf/pg_hba.conf"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\nlocal all all trust' "$conf/pg_hba.conf"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || pg_ctlcluster "$version" main start
  wait_port 5432 && echo "test-services: started PostgreSQL" || echo "test-services: PostgreSQL did not start" >&2
fi

# The tests use the database "test"; create it when missing.
if command -v psql >/dev/null 2>&1 && port_open 5432; then
  psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='test'" 2>/dev/null | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE test' >/dev/null 2>&1 || true
fi
exit 0
