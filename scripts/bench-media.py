#!/usr/bin/env python3
"""Thumbnailing, side by side: Placard's whole processing job versus `vipsthumbnail -s 1280`.

For every fixture photo, both run as whole processes, alternately, RUNS times each (default
10), on the same file; the table gives the median wall time, the ratio Placard / vips, and
each one's peak RSS. Placard's job does more than vips here: both derivatives (1280 and 320),
blurhash and perceptual hash (the SHA-256 is taken at upload), against vips's single 1280 thumbnail.

Every format and variant a phone or a messaging app hands out is timed, from the fixtures
and from copies made of them here:
- "(progressive copy)": the sequential fixture JPEGs rewritten by `jpegtran -progressive`
  (lossless: the same coefficients, so the same picture). Progressive JPEGs cost a decoder
  the most (every refinement scan is read whatever the output scale).
- "(lossless WebP copy)", "(WebP with alpha)": the PNG fixture saved by vips as a lossless
  WebP, and the same with an alpha channel (a transparent band), as screenshots and
  stickers are.
- "(PNG with alpha)": the PNG fixture with that alpha channel.

    scripts/bench-media.py [RUNS] [--before PATH]

`--before PATH` adds an earlier build of `process_one` (copy it aside before changing the
code) to the same alternating runs, so that old and new figures come from one run.
The last line gives the figure to size a worker by: the largest peak RSS of one job.

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


def variants(out):
    """Copies of the fixtures in the formats no fixture has, made with vips (named, path)."""
    png = os.path.join(PHOTOS, "goldfish-3640x2400.png")
    made = []
    lossless = os.path.join(out, "goldfish-lossless.webp")
    subprocess.run(["vips", "copy", png, lossless + "[lossless]"], check=True)
    made.append(("goldfish-3640x2400.png (lossless WebP copy)", lossless))
    # An alpha channel that is used: opaque but for a transparent band across the top tenth.
    alpha_png = os.path.join(out, "goldfish-alpha.png")
    v = lambda name: os.path.join(out, name + ".v")
    subprocess.run(["vips", "black", v("zero"), "3640", "2400"], check=True)
    subprocess.run(["vips", "linear", v("zero"), v("full"), "1", "255", "--uchar"], check=True)
    subprocess.run(["vips", "black", v("band"), "3640", "240"], check=True)
    subprocess.run(["vips", "insert", v("full"), v("band"), v("alpha"), "0", "0"], check=True)
    # The fixture is RGBA already, all opaque: its colour bands get the new alpha.
    subprocess.run(["vips", "extract_band", png, v("rgb"), "0", "--n", "3"], check=True)
    subprocess.run(["vips", "bandjoin", f"{v('rgb')} {v('alpha')}", alpha_png], check=True)
    made.append(("goldfish-3640x2400.png (PNG with alpha)", alpha_png))
    alpha_webp = os.path.join(out, "goldfish-alpha.webp")
    subprocess.run(["vips", "copy", alpha_png, alpha_webp + "[Q=80]"], check=True)
    made.append(("goldfish-3640x2400.png (WebP with alpha)", alpha_webp))
    return made


def main():
    argv = sys.argv[1:]
    before = None
    if "--before" in argv:
        i = argv.index("--before")
        before = os.path.abspath(argv[i + 1])
        del argv[i:i + 2]
    args = [a for a in argv if not a.startswith("--")]
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
    photos += variants(out)
    contenders = [("placard", [placard]), ("vips", ["vipsthumbnail", "-s", "1280"])]
    if before:
        contenders.append(("before", [before]))

    def command(who, path):
        if who == "vips":
            return contenders[1][1] + [path, "-o", os.path.join(out, "v.jpg[Q=82]")]
        return dict(contenders)[who] + [path, os.path.join(out, "p.jpg")]

    for name, path in sorted(photos):
        times = {who: [] for who, _ in contenders}
        peaks = {who: 0 for who, _ in contenders}
        run(command("placard", path))  # warm the page cache
        for _ in range(runs):
            for who, _ in contenders:
                t, rss = run(command(who, path))
                times[who].append(t)
                peaks[who] = max(peaks[who], rss)
        ms = {who: statistics.median(t) * 1000 for who, t in times.items()}
        rows.append((name, ms, {who: p / 1024 for who, p in peaks.items()}))
    shutil.rmtree(out, ignore_errors=True)
    head = "| photo | Placard job (ms) | vipsthumbnail -s 1280 (ms) | ratio | Placard peak RSS (MiB) | vips peak RSS (MiB) |"
    rule = "|---|---:|---:|---:|---:|---:|"
    if before:
        head += " before (ms) | before ratio | before peak RSS (MiB) |"
        rule += "---:|---:|---:|"
    print(head)
    print(rule)
    for name, ms, rss in rows:
        line = (f"| {name} | {ms['placard']:.0f} | {ms['vips']:.0f} | {ms['placard'] / ms['vips']:.2f} "
                f"| {rss['placard']:.0f} | {rss['vips']:.0f} |")
        if before:
            line += f" {ms['before']:.0f} | {ms['before'] / ms['vips']:.2f} | {rss['before']:.0f} |"
        print(line)
    print(f"\n{runs} runs each, alternating, medians; {os.cpu_count()} cores; `vipsthumbnail --version`: "
          + subprocess.run(["vipsthumbnail", "--version"], capture_output=True, text=True).stdout.strip())
    print(f"Size a worker by: {max(r['placard'] for _, _, r in rows):.0f} MiB per concurrent job "
          "(the largest peak RSS of one whole job above, process included).")


if __name__ == "__main__":
    main()
