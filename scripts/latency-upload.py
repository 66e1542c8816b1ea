#!/usr/bin/env python3
"""What a supporter feels: from pressing "send" to their thumbnail, against the bare job.

    scripts/latency-upload.py [PHOTOS=20] [CLIENTS=32] [PER_CLIENT=4]

Starts its own embedded `placard serve` (every role in one process: API, worker, scheduler;
SQLite + files in a temporary folder; release build; rate limit off), idle. Then:

1. One photo at a time, PHOTOS times: the time from the start of the upload request of a
   12 MP JPEG until its status (`GET /api/v1/photos/{id}` with the receipt, polled every
   10 ms) is `pending_review`, next to the bare job time of the same file
   (`process_one`, run just before its upload, so both come from the same minute).
2. CLIENTS uploaders at once, PER_CLIENT photos each, each waiting for its photo before
   sending the next: the same latency's median and p95 while the worker has a queue.

The photos are distinct 12 MP crops (4000×3000) of the dragonfly fixture, rewritten by
`jpegtran` as baseline JPEGs (lossless; installs libjpeg-turbo-progs when missing).
"""
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "photos", "dragonfly-4224x3168.jpg")
BOUNDARY = "placardlatencyboundary"


def photos(work, n):
    """n distinct 4000×3000 baseline JPEGs, each a crop at another offset (multiples of 16)."""
    out = []
    for i in range(n):
        x, y = 16 * (i % 14), 16 * ((i // 14) % 10)
        path = os.path.join(work, f"p{i}.jpg")
        subprocess.run(["jpegtran", "-copy", "none", "-crop", f"4000x3000+{x}+{y}",
                        "-outfile", path, FIXTURE], check=True)
        out.append(path)
    return out


def multipart(photo):
    head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"consent\"\r\n\r\ntrue\r\n"
            f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n"
            f"Content-Type: image/jpeg\r\n\r\n").encode()
    return head + photo + f"\r\n--{BOUNDARY}--\r\n".encode()


def upload_and_wait(host, port, body):
    """Seconds from the start of the upload to `pending_review`."""
    c = http.client.HTTPConnection(host, port, timeout=300)
    started = time.perf_counter()
    c.request("POST", "/api/v1/campaigns/lat/photos", body,
              {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})
    r = c.getresponse()
    receipt = json.loads(r.read())
    if r.status != 202:
        sys.exit(f"upload refused: {r.status} {receipt}")
    auth = {"Authorization": f"Bearer {receipt['receipt_token']}"}
    while True:
        c.request("GET", f"/api/v1/photos/{receipt['id']}", headers=auth)
        r = c.getresponse()
        status = json.loads(r.read())["status"]
        if status == "pending_review":
            return time.perf_counter() - started
        if status not in ("received", "processing"):
            sys.exit(f"photo ended {status}")
        if time.perf_counter() - started > 300:
            sys.exit("a photo took over 5 minutes")
        time.sleep(0.01)


def bare_job(binary, path, out):
    started = time.perf_counter()
    subprocess.run([binary, path, out], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def p95(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]


def main():
    args = [int(a) for a in sys.argv[1:]]
    n, clients, per_client = (args + [20, 32, 4][len(args):])[:3]
    if shutil.which("jpegtran") is None:
        subprocess.run(["apt-get", "install", "-y", "-qq", "libjpeg-turbo-progs"], check=True)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "placard"], cwd=ROOT, check=True)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "placard-media", "--example",
                    "process_one"], cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    binary = os.path.join(target, "release", "placard")
    process_one = os.path.join(target, "release", "examples", "process_one")
    work = tempfile.mkdtemp(prefix="placard-latency-")
    files = photos(work, max(n, clients * per_client))
    env = dict(os.environ, PLACARD_DATA_DIR=os.path.join(work, "data"),
               PLACARD_BIND="127.0.0.1:0", PLACARD_RATE_LIMIT_PER_MINUTE="0",
               PLACARD_LOG="warn")
    os.makedirs(env["PLACARD_DATA_DIR"])
    token = subprocess.run([binary, "user", "create", "--role", "admin", "--name", "lat"], env=env,
                           capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    server = subprocess.Popen([binary, "serve"], env=env, stdout=subprocess.PIPE, text=True)
    try:
        base = server.stdout.readline().strip().removeprefix("listening on http://")
        host, port = base.split(":")
        port = int(port)
        conn = http.client.HTTPConnection(host, port)
        conn.request("POST", "/api/v1/admin/campaigns", json.dumps({"slug": "lat", "title": "Latency"}),
                     {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        assert conn.getresponse().status == 201
        time.sleep(2)  # idle: the scheduler's start-up work done

        size = statistics.mean(os.path.getsize(f) for f in files[:n]) / 1e6
        out = os.path.join(work, "out.jpg")
        bare, felt = [], []
        for path in files[:n]:
            bare.append(bare_job(process_one, path, out))
            felt.append(upload_and_wait(host, port, multipart(open(path, "rb").read())))
            time.sleep(0.2)
        ms = lambda s: f"{s * 1000:.0f} ms"
        print(f"one at a time, {n} photos of 12 MP ({size:.2f} MB average), idle embedded server:")
        print(f"  upload to pending_review: median {ms(statistics.median(felt))}, p95 {ms(p95(felt))}")
        print(f"  bare job (process_one):   median {ms(statistics.median(bare))}, p95 {ms(p95(bare))}")
        print(f"  ratio of medians: {statistics.median(felt) / statistics.median(bare):.2f}")

        # Every client waits for its photo before sending its next one.
        bodies = [multipart(open(f, "rb").read()) for f in files[:clients * per_client]]
        lat, lock = [], threading.Lock()

        def client(k):
            for j in range(per_client):
                t = upload_and_wait(host, port, bodies[k * per_client + j])
                with lock:
                    lat.append(t)

        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        print(f"{clients} uploaders at once, {per_client} photos each ({len(lat)} photos, "
              f"{wall:.1f} s, {len(lat) / wall:.1f} photos/s):")
        print(f"  upload to pending_review: median {ms(statistics.median(lat))}, p95 {ms(p95(lat))}, "
              f"max {ms(max(lat))}")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
