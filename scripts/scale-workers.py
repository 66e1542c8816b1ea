#!/usr/bin/env python3
"""Processing throughput with 1, 2, 4 … worker processes on this machine (embedded SQLite +
files, release build).

    scripts/scale-workers.py [PHOTOS=400] [WORKERS=1,2,4]

For each worker count: a fresh data folder, an API process receives PHOTOS distinct ~2 MP
JPEGs (a fixture photo with an index-dependent block painted on, so every hash differs),
then the workers start and the script times them until every photo is pending review.
Bounded: PHOTOS uploads per round, then everything it started is stopped.
"""
import http.client
import io
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "photos", "dragonfly-4224x3168.jpg")


def photos(n):
    try:
        from PIL import Image, ImageDraw
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pillow"], check=True)
        from PIL import Image, ImageDraw
    base = Image.open(FIXTURE).convert("RGB").resize((1632, 1224))
    for i in range(n):
        img = base.copy()
        d = ImageDraw.Draw(img)
        x, y = (i * 97) % 1400, (i * 61) % 1000
        d.rectangle([x, y, x + 200, y + 200], fill=((i * 7) % 256, (i * 13) % 256, (i * 29) % 256))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=85)
        yield buf.getvalue()


def upload(host, port, body):
    boundary = "placardscaleboundary"
    data = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"consent\"\r\n\r\ntrue\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n\r\n").encode() \
        + body + f"\r\n--{boundary}--\r\n".encode()
    c = http.client.HTTPConnection(host, port)
    c.request("POST", "/api/v1/campaigns/scale/photos", data,
              {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    r = c.getresponse()
    r.read()
    assert r.status == 202, r.status


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    counts = [int(x) for x in (sys.argv[2] if len(sys.argv) > 2 else "1,2,4").split(",")]
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "placard"], cwd=ROOT, check=True)
    binary = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "placard")
    images = list(photos(n))
    print(f"{n} photos of {sum(map(len, images)) / n / 1e6:.2f} MB (1632x1224) each; {os.cpu_count()} cores")
    results = []
    for workers in counts:
        work = tempfile.mkdtemp(prefix="placard-scale-")
        env = dict(os.environ, PLACARD_DATA_DIR=work, PLACARD_BIND="127.0.0.1:0", PLACARD_LOG="warn",
                   PLACARD_RATE_LIMIT_PER_MINUTE="0", PLACARD_WORKER_CONCURRENCY="1")
        token = subprocess.run([binary, "user", "create", "--role", "admin", "--name", "a"], env=env,
                               capture_output=True, text=True, check=True).stdout.split()[-1]
        api = subprocess.Popen([binary, "serve", "--roles", "api"], env=env, stdout=subprocess.PIPE, text=True)
        host, port = api.stdout.readline().strip().removeprefix("listening on http://").split(":")
        c = http.client.HTTPConnection(host, int(port))
        c.request("POST", "/api/v1/admin/campaigns", '{"slug":"scale","title":"Scale"}',
                  {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        assert c.getresponse().status == 201
        for body in images:
            upload(host, int(port), body)
        procs = [subprocess.Popen([binary, "serve", "--roles", "worker"], env=env, stdout=subprocess.DEVNULL)
                 for _ in range(workers)]
        started = time.perf_counter()
        db = sqlite3.connect(os.path.join(work, "placard.db"))
        while db.execute("SELECT COUNT(*) FROM photos WHERE status = 'pending_review'").fetchone()[0] < n:
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        for p in procs + [api]:
            p.terminate()
            p.wait()
        subprocess.run(["rm", "-rf", work])
        results.append((workers, elapsed, n / elapsed))
        print(f"{workers} worker process(es): {n} photos in {elapsed:.1f} s = {n / elapsed:.1f} photos/s")
    base = results[0][2]
    print("speed-up: " + ", ".join(f"{w} → {r / base:.2f}×" for w, _, r in results))


if __name__ == "__main__":
    main()
