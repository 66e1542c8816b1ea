#!/usr/bin/env bash
# Property-based tests of the API against its own served OpenAPI document, with schemathesis
# (from PyPI, in a virtualenv under .test-services/). A real `placard serve` (SQLite and
# files in a temporary folder) with an admin token, a campaign and a contest to aim at; then
# every operation, with generated valid and invalid inputs, checked for: no server error,
# responses that match their documented schema and content type.
#   scripts/schemathesis.sh [MAX_EXAMPLES]    (default 25 per operation; CI runs this)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
examples="${1:-25}"
venv=.test-services/schemathesis
if ! "$venv/bin/st" --version 2>/dev/null | grep -q "4.32.5"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check schemathesis==4.32.5
fi
cargo build -p placard
bin=target/debug/placard
data="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$data"; }
trap cleanup EXIT
export PLACARD_DATA_DIR="$data" PLACARD_BIND=127.0.0.1:0 PLACARD_RATE_LIMIT_PER_MINUTE=0 \
  PLACARD_LOG=warn
token="$("$bin" user create --role admin --name schemathesis | tail -n 1)"
"$bin" serve >"$data/stdout" 2>"$data/stderr" &
server=$!
for _ in $(seq 100); do
  base="$(sed -n 's/^listening on //p' "$data/stdout")"
  [ -n "$base" ] && break
  sleep 0.2
done
[ -n "$base" ] || { cat "$data/stderr"; echo "placard serve did not start"; exit 1; }
auth=(-H "Authorization: Bearer $token" -H "Content-Type: application/json")
curl -fsS "${auth[@]}" -d '{"slug":"sdp","title":"Support. Don'\''t Punish"}' "$base/api/v1/admin/campaigns" >/dev/null
curl -fsS "${auth[@]}" -d "{\"slug\":\"sdp\",\"title\":\"Slogans\",\"entries_close_at\":\"2030-01-01T00:00:00Z\",\"announce_at\":\"2030-02-01T00:00:00Z\"}" \
  "$base/api/v1/admin/contests" >/dev/null

# The admin's own token is left alone: rotating or revoking it would end the run early (both
# are tested end to end elsewhere). One worker: CPython 3.11's `ast` is not safe across the
# threads Hypothesis would use.
"$venv/bin/st" --config-file scripts/schemathesis.toml run "$base/api/v1/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,response_schema_conformance,content_type_conformance \
  --max-examples "$examples" \
  --exclude-path-regex '/api/v1/admin/staff/\{id\}/(rotate|revoke)' \
  --workers 1 --seed 17 \
  --report junit --report-dir target/schemathesis \
  --no-color && status=0 || status=$?
# A 5xx is logged once, as "request failed" with its cause (the middleware); a panic as such.
# (actix's own "stream error" lines are clients' malformed requests, answered with 400.)
if grep -qE "panicked|request failed" "$data/stderr"; then
  echo "== the server logged failures:"; grep -E "panicked|request failed" "$data/stderr" | head -20
  status=1
fi
exit $status
