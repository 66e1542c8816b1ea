#!/usr/bin/env bash
# The whole test suite, as CI runs it: starts PostgreSQL and Garage (scripts/test-services.sh),
# builds the binary the end-to-end tests run, then runs every test of the workspace.
# Nothing is skipped: without the services the PostgreSQL and S3 suites fail and say why.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/test-services.sh
set -a
. .test-services/env
set +a
cargo build -p placard
if command -v cargo-nextest >/dev/null; then
  cargo nextest run --workspace --no-fail-fast "$@"
  cargo test --workspace --doc
else
  cargo test --workspace --no-fail-fast "$@"
fi
