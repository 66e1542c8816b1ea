#!/usr/bin/env python3
"""Thumbnailing, side by side: Placard's whole processing job versus `vipsthumbnail -s 1280`.

For every fixture photo, both run as whole processes, alternately, RUNS times each (default
10), on the same file; the table gives the median wall time, the ratio Placard / vips, and
each one's peak RSS. Placard's job does more than vips here: both derivatives (1280 and 320),
blurhash and perceptual hash (the SHA-256 is taken at upload), against vips's single 1280 thumbnail.

Progressive JPEGs cost a decoder the most (every refinement scan is read whatever the output
scale), and only one fixture is one: the sequential fixture JPEGs are also timed as
progressive copies made by `jpegtran -progressive` (lossless: the same coefficients, so the
same picture), rows marked "(progressive copy)".

    scripts/bench-media.py [RUNS] [--markdown]

Builds `process_one` in release mode and installs libvips-tools (and libjpeg-turbo-progs, for
jpegtran) when missing.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PHOTOS = os.path.join(ROOT, "tests", "fixtures", "photos")


def run(cmd):
    """Wall time (s) and peak RSS (KiB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed: {err}")
    return elapsed, usage.ru_maxrss


def is_progressive(path):
    """Whether the JPEG's frame header is SOF2 (progressive, Huffman)."""
    data = open(path, "rb").read()
    i = 2
    while i + 4 <= len(data) and data[i] == 0xFF:
        marker = data[i + 1]
        if marker in (0xC0, 0xC1, 0xC2):
            return marker == 0xC2
        i += 2 + int.from_bytes(data[i + 2:i + 4], "big")
    return False


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = int(args[0]) if args else 10
    for tool, package in (("vipsthumbnail", "libvips-tools"), ("jpegtran", "libjpeg-turbo-progs")):
        if shutil.which(tool) is None:
            subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "placard-media", "--example", "process_one"],
                   cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    placard = os.path.join(target, "release", "examples", "process_one")
    out = tempfile.mkdtemp(prefix="placard-bench-")
    rows = []
    photos = [(name, os.path.join(PHOTOS, name)) for name in sorted(os.listdir(PHOTOS))]
    for name, path in list(photos):
        if name.endswith(".jpg") and not is_progressive(path):
            copy = os.path.join(out, "progressive-" + name)
            subprocess.run(["jpegtran", "-copy", "all", "-progressive", "-outfile", copy, path], check=True)
            photos.append((name + " (progressive copy)", copy))
    for name, path in sorted(photos):
        ours, vips, ours_rss, vips_rss = [], [], 0, 0
        run([placard, path, os.path.join(out, "p.jpg")])  # warm the page cache
        for _ in range(runs):
            t, rss = run([placard, path, os.path.join(out, "p.jpg")])
            ours.append(t)
            ours_rss = max(ours_rss, rss)
            t, rss = run(["vipsthumbnail", "-s", "1280", path, "-o", os.path.join(out, "v.jpg[Q=82]")])
            vips.append(t)
            vips_rss = max(vips_rss, rss)
        o, v = statistics.median(ours) * 1000, statistics.median(vips) * 1000
        rows.append((name, o, v, o / v, ours_rss / 1024, vips_rss / 1024))
    shutil.rmtree(out, ignore_errors=True)
    print(f"| photo | Placard job (ms) | vipsthumbnail -s 1280 (ms) | ratio | Placard peak RSS (MiB) | vips peak RSS (MiB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, o, v, r, orss, vrss in rows:
        print(f"| {name} | {o:.0f} | {v:.0f} | {r:.2f} | {orss:.0f} | {vrss:.0f} |")
    print(f"\n{runs} runs each, medians; {os.cpu_count()} cores; `vipsthumbnail --version`: "
          + subprocess.run(["vipsthumbnail", "--version"], capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
