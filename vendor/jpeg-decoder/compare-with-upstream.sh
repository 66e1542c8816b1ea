#!/usr/bin/env bash
# Decodes every FILE at scales 1, 1/2, 1/4 and 1/8 with jpeg-decoder 0.3.2 from crates.io and
# with this copy, and diffs the results (pixel hash and length, or the error message).
#   vendor/jpeg-decoder/compare-with-upstream.sh FILE...
# Prints "identical: N decodes" or the differing lines; exits 1 on any difference.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${TMPDIR:-/tmp}/jpeg-decoder-compare"
mkdir -p "$work"
build() { # NAME DEPENDENCY
  mkdir -p "$work/$1/src"
  cat > "$work/$1/Cargo.toml" <<TOML
[package]
name = "$1"
version = "0.1.0"
edition = "2021"
[dependencies]
jpeg-decoder = $2
[workspace]
TOML
  cat > "$work/$1/src/main.rs" <<'RS'
use std::hash::Hasher;
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
        for divisor in [1u16, 2, 4, 8] {
            let mut decoder = jpeg_decoder::Decoder::new(&bytes[..]);
            let result = (|| {
                decoder.read_info()?;
                let info = decoder.info().expect("info");
                decoder.scale(info.width / divisor, info.height / divisor)?;
                decoder.decode()
            })();
            match result {
                Ok(pixels) => {
                    let mut hash = std::collections::hash_map::DefaultHasher::new();
                    hash.write(&pixels);
                    println!("{path} 1/{divisor} ok {} {:016x}", pixels.len(), hash.finish());
                }
                Err(e) => println!("{path} 1/{divisor} err {e}"),
            }
        }
    }
}
RS
  cargo build --release -q --manifest-path "$work/$1/Cargo.toml" --target-dir "$work/target"
}
build upstream '{ version = "=0.3.2", default-features = false }'
build patched "{ path = \"$here\", default-features = false }"
"$work/target/release/upstream" "$@" > "$work/upstream.txt"
"$work/target/release/patched" "$@" > "$work/patched.txt"
if diff "$work/upstream.txt" "$work/patched.txt"; then
  echo "identical: $(wc -l < "$work/upstream.txt") decodes"
else
  exit 1
fi
