#!/usr/bin/env python3
"""Measures the streamed ZIP export of a large campaign: throughput and the server's peak
memory, at several campaign sizes (memory should not grow with the campaign).

    scripts/measure-export.py [--bin target/release/placard] [--sizes 1000,10000]

For each size it starts `placard serve` on a fresh data folder (SQLite + files), makes a
campaign with one real approved photo through the API, then clones that photo's row to
the size wanted (new ids and receipts; the thumbnails hard-linked, so 10,000 photos cost no
disk), restarts the server and downloads `export.zip`, reading the server's VmHWM (peak RSS)
from /proc before and after.
"""

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROLES = "api"
PHOTO = os.path.join(ROOT, "tests/fixtures/photos/ladybird-2560x1600.jpg")


def start(bin_, data, roles="api,worker,scheduler"):
    env = dict(os.environ, PLACARD_DATA_DIR=data, PLACARD_BIND="127.0.0.1:0", PLACARD_LOG="warn",
               PLACARD_RATE_LIMIT_PER_MINUTE="0")
    p = subprocess.Popen([bin_, "serve", "--roles", roles], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = p.stdout.readline()
    assert line.startswith("listening on "), line
    return p, line.split()[-1]


def call(method, url, token=None, body=None, headers=None):
    h = dict(headers or {})
    if token:
        h["Authorization"] = "Bearer " + token
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, headers=h, method=method)
    with urllib.request.urlopen(req) as r:
        return r.status, r.read()


def upload(base, path):
    boundary = "placard" + uuid.uuid4().hex
    with open(path, "rb") as f:
        photo = f.read()
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"consent\"\r\n\r\ntrue\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n"
            f"Content-Type: image/jpeg\r\n\r\n").encode() + photo + f"\r\n--{boundary}--\r\n".encode()
    req = urllib.request.Request(base + "/api/v1/campaigns/big/photos", data=body, method="POST",
                                 headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())


def hwm_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def measure(bin_, size):
    data = tempfile.mkdtemp(prefix="placard-export-")
    try:
        token = subprocess.run([bin_, "user", "create", "--role", "admin", "--name", "ops"],
                               env=dict(os.environ, PLACARD_DATA_DIR=data), capture_output=True,
                               text=True, check=True).stdout.strip().splitlines()[-1]
        p, base = start(bin_, data)
        call("POST", base + "/api/v1/admin/campaigns", token, {"slug": "big", "title": "Big"})
        receipt = upload(base, PHOTO)
        pid_ = receipt["id"]
        for _ in range(600):
            _, s = call("GET", base + f"/api/v1/photos/{pid_}", receipt["receipt_token"])
            if json.loads(s)["status"] == "pending_review":
                break
            time.sleep(0.1)
        call("POST", base + f"/api/v1/moderation/photos/{pid_}/decision", token, {"decision": "approve"})
        p.terminate()
        p.wait()

        db = sqlite3.connect(os.path.join(data, "placard.db"))
        cols = [r[1] for r in db.execute("PRAGMA table_info(photos)")]
        row = dict(zip(cols, db.execute("SELECT * FROM photos").fetchone()))
        objects = os.path.join(data, "objects")
        src = {k: os.path.join(objects, row[k]) for k in ("small_key", "large_key")}
        for i in range(1, size):
            new = dict(row)
            nid = uuid.uuid4()
            new["id"] = nid.bytes
            new["receipt_hash"] = uuid.uuid4().hex + uuid.uuid4().hex
            for k in ("small_key", "large_key"):
                key = row[k].replace(str(uuid.UUID(bytes=row["id"])), str(nid))
                new[k] = key
                dst = os.path.join(objects, key)
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                os.link(src[k], dst)
            db.execute(f"INSERT INTO photos ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                       [new[c] for c in cols])
        db.commit()
        db.close()

        # The API alone: a worker or scheduler starting beside it (the startup sweep walks
        # every object) would be measured with it.
        p, base = start(bin_, data, ROLES)
        call("GET", base + "/api/v1/campaigns/big", None)
        before = hwm_kib(p.pid)
        t = time.time()
        req = urllib.request.Request(base + "/api/v1/admin/campaigns/big/export.zip",
                                     headers={"Authorization": "Bearer " + token})
        got = 0
        with urllib.request.urlopen(req) as r:
            while True:
                chunk = r.read(1 << 20)
                if not chunk:
                    break
                got += len(chunk)
        secs = time.time() - t
        after = hwm_kib(p.pid)
        p.terminate()
        p.wait()
        print(f"{size:>6} photos: {got / 1e6:8.1f} MB in {secs:6.2f} s = {got / 1e6 / secs:6.1f} MB/s; "
              f"server peak RSS {before / 1024:6.1f} MiB before, {after / 1024:6.1f} MiB after")
    finally:
        shutil.rmtree(data, ignore_errors=True)


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--roles", default="api",
                   help="roles of the measured server (default: api)")
    a.add_argument("--bin", default=os.path.join(ROOT, "target/debug/placard"))
    a.add_argument("--sizes", default="1000,10000")
    args = a.parse_args()
    for size in [int(s) for s in args.sizes.split(",")]:
        global ROLES
        ROLES = args.roles
        measure(args.bin, size)


if __name__ == "__main__":
    sys.exit(main())
