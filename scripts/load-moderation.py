#!/usr/bin/env python3
"""Moderation under load, on loopback: with N photos (default 100,000) pending review in
PostgreSQL, latency of `POST /moderation/photos/next` and of the first page of
`GET /moderation/photos`, several moderators at once.

    scripts/load-moderation.py [PHOTOS=100000] [MODERATORS=8] [REQUESTS=2000]

Creates a fresh database on PLACARD_TEST_POSTGRES_URL's server (default
postgres://postgres@127.0.0.1:5432/postgres), fills it with SQL, starts its own
`placard serve --roles api` (release build) on it, measures, then drops the database.
Bounded: REQUESTS requests of each kind, then it exits.
"""
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADMIN = os.environ.get("PLACARD_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def psql(db_url, sql):
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", db_url, "-c", sql], check=True,
                   stdout=subprocess.DEVNULL)


def percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main():
    photos = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    moderators = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    requests = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "placard"], cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    binary = os.path.join(target, "release", "placard")
    name = f"placard_load_{uuid.uuid4().hex}"
    psql(ADMIN, f"CREATE DATABASE {name}")
    db = ADMIN.rsplit("/", 1)[0] + "/" + name
    work = tempfile.mkdtemp(prefix="placard-modload-")
    env = dict(os.environ, PLACARD_DATA_DIR=work, PLACARD_DATABASE_URL=db, PLACARD_BIND="127.0.0.1:0",
               PLACARD_LOG="warn", PLACARD_DATABASE_MAX_CONNECTIONS="16")
    try:
        subprocess.run([binary, "migrate"], env=env, check=True)
        tokens = [subprocess.run([binary, "user", "create", "--role", "moderator", "--name", f"mod{i}"], env=env,
                                 capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
                  for i in range(moderators)]
        started = time.perf_counter()
        psql(db, f"""
            INSERT INTO campaigns (id, slug, title, created_at)
            VALUES ('00000000-0000-0000-0000-000000000001', 'load', 'Load', now());
            INSERT INTO photos (id, campaign_id, status, receipt_hash, consent_at, original_key, original_sha256,
                                original_bytes, mime, width, height, small_key, small_width, small_height,
                                large_key, large_width, large_height, blurhash, phash, submitted_at, processed_at)
            SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 'pending_review', md5(g::text),
                   now(), 'originals/' || g, md5(g::text), 1000, 'image/jpeg', 1600, 1200,
                   'derivatives/' || g || '/small.jpg', 320, 240, 'derivatives/' || g || '/large.jpg', 1280, 960,
                   'LEHV6nWB2yk8pyo0adR*.7kCMdnj', g, now() - (({photos} - g) || ' seconds')::interval, now()
            FROM generate_series(1, {photos}) AS g;
            ANALYZE photos;""")
        print(f"seeded {photos} pending photos in {time.perf_counter() - started:.1f} s")
        server = subprocess.Popen([binary, "serve", "--roles", "api"], env=env, stdout=subprocess.PIPE, text=True)
        host, port = server.stdout.readline().strip().removeprefix("listening on http://").split(":")

        def measure(method, path, decide=False):
            lat = []
            lock = threading.Lock()
            per = requests // moderators

            def client(token):
                c = http.client.HTTPConnection(host, int(port))
                for _ in range(per):
                    t = time.perf_counter()
                    c.request(method, path, headers={"Authorization": f"Bearer {token}"})
                    r = c.getresponse()
                    raw = r.read()
                    item_id = [json.loads(raw)["id"]] if decide and r.status == 200 else [None]
                    if r.status not in (200, 204):
                        raise SystemExit(f"{method} {path}: {r.status}")
                    with lock:
                        lat.append((time.perf_counter() - t) * 1000)
                    if decide and r.status == 200:
                        # Approve it, so the next call claims a fresh photo (not timed).
                        c.request("POST", f"/api/v1/moderation/photos/{item_id[0]}/decision",
                                  json.dumps({"decision": "approve"}),
                                  {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
                        d = c.getresponse()
                        d.read()

            threads = [threading.Thread(target=client, args=(t,)) for t in tokens]
            t0 = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - t0
            what = f"{method} {path}" + (" (each followed by an untimed approve)" if decide else "")
            print(f"{what}: {len(lat)} requests, {moderators} at once, {len(lat) / wall:.0f}/s; "
                  f"p50 {statistics.median(lat):.1f} ms, p95 {percentile(lat, 95):.1f} ms, "
                  f"p99 {percentile(lat, 99):.1f} ms, max {max(lat):.1f} ms")

        measure("POST", "/api/v1/moderation/photos/next?campaign=load")
        measure("POST", "/api/v1/moderation/photos/next?campaign=load", decide=True)
        measure("GET", "/api/v1/moderation/photos?campaign=load&limit=50")
        server.terminate()
        server.wait()
    finally:
        psql(ADMIN, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
