#!/usr/bin/env bash
# Starts the real services Placard's tests talk to, and writes their coordinates to
# .test-services/env (read by the tests, and sourced by scripts/test.sh):
#   - PostgreSQL on 127.0.0.1:5432 (trust auth), started if it is installed but stopped;
#   - Garage, a real S3-compatible object store, single node on 127.0.0.1:3900,
#     installed with `cargo install garage --locked` when it is not on the PATH
#     (the first build takes 15-25 minutes on two cores; the binary stays in ~/.cargo/bin).
#   - a second PostgreSQL cluster on 127.0.0.1:5433 that accepts TLS only, with a test CA;
#   - headless Chromium and its ChromeDriver for the page tests (Debian's chromium and
#     chromium-driver), installed with apt-get when /usr/bin/chromedriver is missing.
#   - axe-core (npm, pinned), the accessibility check the page tests run on every page.
# Safe to run again: what is already running is left as it is.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state="$root/.test-services"
mkdir -p "$state"
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf 'test-services: %s\n' "$*" >&2; }

# --- PostgreSQL -------------------------------------------------------------------------
pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
if ! pg_up; then
  if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null; then
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
  fi
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  pg_up || { log "PostgreSQL is not running on 127.0.0.1:5432 and could not be started"; exit 1; }
fi
log "PostgreSQL is up on 127.0.0.1:5432"

# --- PostgreSQL over TLS (the TLS tests) ----------------------------------------------------
# A second cluster of the same installation on 127.0.0.1:5433 that accepts TLS connections
# only, with a server certificate for `localhost` signed by a test CA made here (and a second,
# unrelated CA, to show that verification refuses it).
tls="$state/pg-tls"
mkdir -p "$tls"
if [ ! -f "$tls/server.pem" ]; then
  log "making the test CA and PostgreSQL's server certificate"
  ossl() { openssl "$@" >/dev/null 2>&1; }
  ossl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=Placard test CA" \
    -keyout "$tls/ca.key" -out "$tls/ca.pem"
  ossl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=Another CA" \
    -keyout "$tls/other-ca.key" -out "$tls/other-ca.pem"
  ossl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$tls/server.key" -out "$tls/server.csr"
  printf 'subjectAltName=DNS:localhost\n' >"$tls/san.ext"
  ossl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial \
    -days 3650 -extfile "$tls/san.ext" -out "$tls/server.pem"
fi
pg_version=$(ls /etc/postgresql | sort -V | tail -n1)
# Whole answers are read before matching (no `grep -q` in a pipe: its early exit is a broken
# pipe for the writer, which pipefail turns into a wrong answer).
clusters=$(pg_lsclusters -h)
if ! awk '$2 == "placard_tls" {found = 1} END {exit !found}' <<<"$clusters"; then
  log "creating the PostgreSQL cluster placard_tls (port 5433, TLS only)"
  pg_createcluster "$pg_version" placard_tls -p 5433 -- --auth=trust >/dev/null
fi
pg_tls_conf="/etc/postgresql/$pg_version/placard_tls"
install -o postgres -g postgres -m 0600 "$tls/server.key" "$pg_tls_conf/server.key"
install -o postgres -g postgres -m 0644 "$tls/server.pem" "$pg_tls_conf/server.pem"
mkdir -p "$pg_tls_conf/conf.d"
cat >"$pg_tls_conf/conf.d/placard-tls.conf" <<CONF
listen_addresses = '127.0.0.1'
port = 5433
ssl = on
ssl_cert_file = '$pg_tls_conf/server.pem'
ssl_key_file = '$pg_tls_conf/server.key'
CONF
cat >"$pg_tls_conf/pg_hba.conf" <<HBA
local     all all                trust
hostssl   all all 127.0.0.1/32   trust
hostnossl all all 127.0.0.1/32   reject
HBA
chown -R postgres:postgres "$pg_tls_conf"
if pg_lsclusters -h | awk '$2 == "placard_tls" && $4 == "online" {found = 1} END {exit !found}'; then
  pg_ctlcluster "$pg_version" placard_tls reload
else
  pg_ctlcluster "$pg_version" placard_tls start
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5433 && break; sleep 0.5; done
pg_isready -q -h 127.0.0.1 -p 5433 || { log "the TLS PostgreSQL did not start on 5433"; exit 1; }
log "PostgreSQL with TLS only is up on 127.0.0.1:5433 (CA $tls/ca.pem)"

# --- Chromium (browser tests) ------------------------------------------------------------
if [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/chromium ]; then
  log "installing chromium and chromium-driver (apt-get)"
  sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  $sudo_ apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -q chromium chromium-driver >/dev/null
fi
log "Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}') and its driver are installed"

# --- axe-core (the browser tests' accessibility check) ------------------------------------
# Deque's axe-core from the npm registry, pinned; the tests inject it into each page.
axe_version=4.14.1
axe="$state/axe/node_modules/axe-core/axe.min.js"
if [ ! -f "$axe" ] || ! grep -q "axe v$axe_version" "$axe"; then
  log "installing axe-core $axe_version (npm)"
  npm install --silent --no-save --no-audit --no-fund --prefix "$state/axe" "axe-core@$axe_version" >/dev/null
fi
log "axe-core $axe_version is at $axe"

# --- Garage -----------------------------------------------------------------------------
if ! command -v garage >/dev/null; then
  log "installing Garage (cargo install garage --locked); the first build takes a while"
  cargo install garage --locked
fi

gdir="$state/garage"
mkdir -p "$gdir/meta" "$gdir/data"
conf="$gdir/garage.toml"
if [ ! -f "$conf" ]; then
  cat >"$conf" <<TOML
metadata_dir = "$gdir/meta"
data_dir = "$gdir/data"
db_engine = "sqlite"
replication_factor = 1
rpc_bind_addr = "127.0.0.1:3901"
rpc_public_addr = "127.0.0.1:3901"
rpc_secret = "$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')"

[s3_api]
s3_region = "garage"
api_bind_addr = "127.0.0.1:3900"
root_domain = ".s3.garage.localhost"

[admin]
api_bind_addr = "127.0.0.1:3903"
TOML
fi
g() { garage -c "$conf" "$@"; }
# A fresh cluster takes a moment before it accepts keys and buckets: retry until it does.
retry() {
  local out
  for _ in $(seq 1 60); do
    if out=$("$@" 2>&1); then return 0; fi
    sleep 0.5
  done
  log "giving up on: $* ($out)"
  return 1
}

s3_up() { (exec 3<>/dev/tcp/127.0.0.1/3900) 2>/dev/null; }
if ! s3_up; then
  log "starting Garage"
  nohup garage -c "$conf" server >"$gdir/server.log" 2>&1 &
  echo $! >"$gdir/pid"
  for _ in $(seq 1 60); do s3_up && g status >/dev/null 2>&1 && break; sleep 0.5; done
  s3_up || { log "Garage did not start; see $gdir/server.log"; tail -n 20 "$gdir/server.log" >&2; exit 1; }
fi

if ! g status >/dev/null 2>&1; then
  log "something listens on 127.0.0.1:3900 but it is not this checkout's Garage ($conf);"
  log "stop it (another checkout's .test-services/garage/pid) and run this script again"
  exit 1
fi

# A single-node layout, applied once. Read the layout until Garage answers: a fresh server
# can accept `status` and still fail `layout show` for a moment (and skipping the layout then
# leaves every key import failing with "Layout not ready").
# Read the whole answer before matching it: `grep -q` stops reading at the first match, and
# Garage then panics on the broken pipe, which (with pipefail) skipped the layout on a fresh
# machine.
retry g layout show >/dev/null
layout=$(g layout show 2>&1 || true)
if [[ "$layout" == *"No nodes currently have a role"* ]]; then
  node=$(g node id -q | cut -d@ -f1)
  retry g layout assign -z dc1 -c 1G "$node"
  retry g layout apply --version 1
  log "Garage layout applied"
fi

# A fixed test key and bucket (imported, so the coordinates never change).
key_id="GK0123456789abcdef01234567"
secret="0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
bucket="placard-test"
g key info "$key_id" >/dev/null 2>&1 || retry g key import --yes -n placard-test "$key_id" "$secret"
g bucket info "$bucket" >/dev/null 2>&1 || retry g bucket create "$bucket"
retry g bucket allow --read --write --owner "$bucket" --key "$key_id"

cat >"$state/env" <<ENV
PLACARD_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres
PLACARD_TEST_S3_ENDPOINT=http://127.0.0.1:3900
PLACARD_TEST_S3_BUCKET=$bucket
PLACARD_TEST_S3_ACCESS_KEY=$key_id
PLACARD_TEST_S3_SECRET_KEY=$secret
PLACARD_TEST_S3_REGION=garage
PLACARD_TEST_POSTGRES_TLS_HOST=localhost
PLACARD_TEST_POSTGRES_TLS_PORT=5433
PLACARD_TEST_POSTGRES_TLS_CA=$tls/ca.pem
PLACARD_TEST_POSTGRES_TLS_OTHER_CA=$tls/other-ca.pem
ENV
log "Garage is up on http://127.0.0.1:3900 (bucket $bucket); coordinates in .test-services/env"
