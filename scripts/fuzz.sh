#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets) for SECONDS each (default 20: the short run CI
# makes), or the targets named after it:
#   scripts/fuzz.sh            # 20 s each, every target (CI)
#   scripts/fuzz.sh 1800 form  # the documented long run of one target
# Each target's corpus lives in target/fuzz-corpus/<target>, seeded from the fixtures on the
# first run and kept between runs; a crash is written to fuzz/artifacts/<target>/ and fails
# the script (turn it into a regression test: README, "Fuzzing").
#
# The machine has one stable toolchain. cargo-fuzz runs on it with `--sanitizer none`:
# coverage-guided libFuzzer, debug assertions and overflow checks on, but no AddressSanitizer
# (Placard's own crates forbid `unsafe`; ASan would need a nightly compiler).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds="${1:-20}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(inspect strip exif text form pipeline)
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --version 0.13.2
# PLACARD_FUZZ_DEV=1 (CI's short run) builds without optimisations: minutes sooner, fewer
# executions per second; the long runs keep the optimised build.
profile=()
[ "${PLACARD_FUZZ_DEV:-0}" = 1 ] && profile=(--dev)
fuzz() { cargo fuzz "$1" --fuzz-dir fuzz --sanitizer none --debug-assertions "${profile[@]}" --target-dir target/fuzz "${@:2}"; }

# Seeds: small real files of every accepted type, the broken ones, and texts.
seed() { # TARGET FILE...
  local dir="target/fuzz-corpus/$1"
  mkdir -p "$dir"
  shift
  for f in "$@"; do
    [ -f "$f" ] && [ "$(stat -c %s "$f")" -le 200000 ] && cp -n "$f" "$dir/" || true
  done
}
images=(crates/media/tests/data/*.jpg crates/media/tests/data/*.webp tests/fixtures/bad/* tests/fixtures/photos/gradient-rotated6-meta-640x400.png)
seed inspect "${images[@]}"
seed strip "${images[@]}"
seed pipeline crates/media/tests/data/*.jpg crates/media/tests/data/*.webp tests/fixtures/bad/tiny-100x80.png tests/fixtures/bad/truncated-half.jpg
mkdir -p target/fuzz-corpus/exif target/fuzz-corpus/text target/fuzz-corpus/form
python3 - <<'PY'
import pathlib, struct
# EXIF blocks as they appear after the APP1 "Exif\0\0": both byte orders, orientation 6.
exif = pathlib.Path("target/fuzz-corpus/exif")
for order, pack in ((b"II*\0", "<"), (b"MM\0*", ">")):
    ifd = struct.pack(pack + "H", 1) + struct.pack(pack + "HHIHH", 0x0112, 3, 1, 6, 0) + struct.pack(pack + "I", 0)
    (exif / f"orientation-{pack == '<' and 'le' or 'be'}").write_bytes(order + struct.pack(pack + "I", 8) + ifd)
text = pathlib.Path("target/fuzz-corpus/text")
for i, s in enumerate(["Support. Don't Punish", "Apoyo, no castigo", "Поддержка, а не наказание",
                       "ادعم لا تعاقب", "Zoë\u200b \u202eevil", "  \u200b\u200b  ", "ﬁne ＦＵＬＬ"]):
    (text / f"seed-{i}").write_text(s)
form = pathlib.Path("target/fuzz-corpus/form")
body = (b"--b\r\nContent-Disposition: form-data; name=\"consent\"\r\n\r\ntrue\r\n"
        b"--b\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n"
        b"Content-Type: image/jpeg\r\n\r\n\xff\xd8\xff\xe0 photo bytes\r\n--b--\r\n")
(form / "photo-form").write_bytes(b"\x07" + body)
PY

fuzz build
status=0
for t in "${targets[@]}"; do
  echo "== fuzz $t (${seconds} s)"
  log="target/fuzz-$t.log"
  if ! fuzz run "$t" "target/fuzz-corpus/$t" -- -max_total_time="$seconds" -max_len=262144 \
      -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "fuzz $t failed: the input is in fuzz/artifacts/$t/, the log in $log"
    status=1
  fi
  grep -E "^#[0-9]+[[:space:]]+DONE|^stat::number_of_executed_units|^stat::peak_rss_mb" "$log" || true
done
exit $status
