#!/usr/bin/env python3
"""Upload path under load, on loopback: peak RSS of an API process while CLIENTS clients
each upload a ~10 MB JPEG at once, and uploads per second over TOTAL uploads.

    scripts/load-upload.py [CLIENTS=32] [TOTAL=256]

Starts its own `placard serve --roles api` (release build, embedded SQLite + files in a
temporary folder, rate limit off), so processing does not compete with receiving; samples
the server's RSS every 10 ms; stops it afterwards. Bounded: TOTAL requests, then it exits.
"""
import http.client
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def big_jpeg(path):
    """A real ~10 MB JPEG (noise at quality 98 compresses badly, as intended)."""
    try:
        from PIL import Image
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pillow"], check=True)
        from PIL import Image
    rnd = random.Random(7)
    img = Image.frombytes("RGB", (3000, 2000), bytes(rnd.getrandbits(8) for _ in range(3000 * 2000 * 3)))
    img.save(path, quality=98)
    return os.path.getsize(path)


def multipart(photo, boundary):
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"consent\"\r\n\r\ntrue\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n"
            f"Content-Type: image/jpeg\r\n\r\n").encode()
    return head + photo + f"\r\n--{boundary}--\r\n".encode()


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    clients = int(sys.argv[1]) if len(sys.argv) > 1 else 32
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 256
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "placard"], cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    binary = os.path.join(target, "release", "placard")
    work = tempfile.mkdtemp(prefix="placard-load-")
    photo_path = os.path.join(work, "big.jpg")
    size = big_jpeg(photo_path)
    photo = open(photo_path, "rb").read()
    env = dict(os.environ, PLACARD_DATA_DIR=work, PLACARD_BIND="127.0.0.1:0",
               PLACARD_RATE_LIMIT_PER_MINUTE="0", PLACARD_LOG="warn")
    token = subprocess.run([binary, "user", "create", "--role", "admin", "--name", "load"], env=env,
                           capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    server = subprocess.Popen([binary, "serve", "--roles", "api"], env=env, stdout=subprocess.PIPE, text=True)
    base = server.stdout.readline().strip().removeprefix("listening on http://")
    host, port = base.split(":")
    conn = http.client.HTTPConnection(host, int(port))
    conn.request("POST", "/api/v1/admin/campaigns", json.dumps({"slug": "load", "title": "Load"}),
                 {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    assert conn.getresponse().status == 201
    idle_rss = rss_kib(server.pid)

    peak = [idle_rss]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], rss_kib(server.pid))
            time.sleep(0.01)

    boundary = "placardloadboundary"
    body = multipart(photo, boundary)
    statuses = []
    lock = threading.Lock()
    remaining = [total]

    def client():
        c = http.client.HTTPConnection(host, int(port), timeout=120)
        while True:
            with lock:
                if remaining[0] == 0:
                    return
                remaining[0] -= 1
            c.request("POST", "/api/v1/campaigns/load/photos", body,
                      {"Content-Type": f"multipart/form-data; boundary={boundary}"})
            r = c.getresponse()
            r.read()
            with lock:
                statuses.append(r.status)

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    stop.set()
    sampler.join()
    server.terminate()
    server.wait()
    ok = statuses.count(202)
    print(f"{total} uploads of {size / 1e6:.1f} MB from {clients} concurrent clients: "
          f"{ok} accepted, {total - ok} refused")
    print(f"wall {elapsed:.2f} s, {total / elapsed:.1f} uploads/s, {total * size / elapsed / 1e6:.0f} MB/s")
    print(f"server RSS: idle {idle_rss / 1024:.0f} MiB, peak {peak[0] / 1024:.0f} MiB "
          f"(the uploads in flight at once total {clients * size / 2**20:.0f} MiB)")
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
