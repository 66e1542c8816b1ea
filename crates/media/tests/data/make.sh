#!/usr/bin/env bash
# Regenerates the progressive-JPEG test pairs from the fixture photos (tests/fixtures/photos) with jpegtran
# (libjpeg-turbo-progs). jpegtran rewrites only the entropy coding: every progressive file here
# holds exactly the DCT coefficients of its `*-sequential.jpg`, so both must decode to the same
# pixels at every scale (tests/progressive_jpeg.rs).
set -euo pipefail
cd "$(dirname "$0")"
photos=../../../../tests/fixtures/photos
rm -f ./*.jpg
pair() { # NAME SOURCE CROP [jpegtran options for the sequential file]
  local name=$1 source=$2 crop=$3; shift 3
  jpegtran -copy none -crop "$crop" "$@" -outfile "$name-sequential.jpg" "$photos/$source"
  jpegtran -copy none -progressive -outfile "$name-progressive.jpg" "$name-sequential.jpg"
  jpegtran -copy none -progressive -restart 5B -outfile "$name-restarts.jpg" "$name-sequential.jpg"
  if [ "$(jpeginfo_components "$name-sequential.jpg")" = 3 ]; then
    jpegtran -copy none -scans deep-refinement.scans -outfile "$name-deep.jpg" "$name-sequential.jpg"
    jpegtran -copy none -scans split-bands.scans -outfile "$name-split.jpg" "$name-sequential.jpg"
  fi
}
jpeginfo_components() { python3 - "$1" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
i = data.index(b"\xff\xc0")
print(data[i + 9])
PY
}
pair ladybird ladybird-2560x1600.jpg 520x328+640+400
pair dragonfly dragonfly-4224x3168.jpg 600x400+1800+1200
pair portrait friends-portrait-2056x3088.jpg 333x251+700+900
pair grey ladybird-2560x1600.jpg 264x200+1200+600 -grayscale

# Small WebPs, fuzz seeds for the libwebp route (scripts/fuzz.sh): lossy, and lossless with an
# alpha channel. Made with vips (libvips-tools), unlike the JPEG pairs above.
rm -f ./*.webp
vips thumbnail "$photos/ladybird-2560x1600.jpg" "ladybird-small.webp[Q=75,strip]" 400
# The fixture's alpha is all opaque (the encoder would drop it): its colours, 63% opaque.
vips thumbnail "$photos/goldfish-3640x2400.png" /tmp/goldfish-small.v 300
vips extract_band /tmp/goldfish-small.v /tmp/goldfish-small-rgb.v 0 --n 3
vips bandjoin_const /tmp/goldfish-small-rgb.v "goldfish-small-alpha.webp[lossless,strip]" 160
rm -f /tmp/goldfish-small.v /tmp/goldfish-small-rgb.v
