#!/usr/bin/env python3
"""A campaign-sized run: PHOTOS distinct ~2 MP JPEGs uploaded through the API and processed,
on the embedded default or on PostgreSQL + Garage, reporting wall time, photos per second,
each process's peak RSS, the database size and the stored bytes.

    scripts/campaign-run.py embedded|scale [PHOTOS=10000] [WORKERS=2] [varied|alike] [JOBS=default]

`varied` (the default) crops each photo at random from one of six fixture photographs (and
mirrors half of them), so they differ as a campaign's photos do and few are near duplicates;
`alike` draws two coloured squares on one photograph, so every photo after the first is a
near duplicate of it (the data set of the first runs in docs/PERFORMANCE.md).

`scale` needs scripts/test-services.sh to have run (it reads .test-services/env) and uses a
fresh PostgreSQL database and a fresh prefix in the test bucket, both removed afterwards.
One API process and WORKERS worker processes (JOBS at a time each, their
PLACARD_WORKER_CONCURRENCY: more than one lets a job decode while another waits on the
database or S3; `default`, unset, is what an operator gets: two a core for a worker-only
process, the cores less one beside the API), release build.
Bounded: PHOTOS uploads, then it stops everything it started.
"""
import concurrent.futures
import http.client
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "photos", "dragonfly-4224x3168.jpg")
_base = None


def make(i):
    global _base
    from PIL import Image, ImageDraw
    if _base is None:
        _base = Image.open(FIXTURE).convert("RGB").resize((1632, 1224))
    img = _base.copy()
    d = ImageDraw.Draw(img)
    x, y = (i * 97) % 1400, (i * 61) % 1000
    d.rectangle([x, y, x + 220, y + 220], fill=((i * 7) % 256, (i * 13) % 256, (i * 29) % 256))
    d.rectangle([(i * 31) % 1500, (i * 17) % 1100, (i * 31) % 1500 + 90, (i * 17) % 1100 + 90],
                fill=((i * 11) % 256, 255 - (i % 256), (i * 3) % 256))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


SOURCES = ["dragonfly-4224x3168.jpg", "friends-portrait-2056x3088.jpg", "ladybird-2560x1600.jpg",
           "goldfish-3640x2400.png", "painting-6000x4000.jpg", "wood-4096.webp"]
_sources = None


def make_varied(i):
    global _sources
    import random
    from PIL import Image, ImageDraw, ImageOps
    if _sources is None:
        _sources = []
        for name in SOURCES:
            im = Image.open(os.path.join(ROOT, "tests", "fixtures", "photos", name)).convert("RGB")
            im.thumbnail((2400, 2400))
            _sources.append(im)
    rnd = random.Random(i)
    src = _sources[i % len(_sources)]
    w, h = src.size
    cw = int(min(w, h * 4 / 3) * rnd.uniform(0.45, 1.0))
    ch = cw * 3 // 4
    x, y = rnd.randint(0, w - cw), rnd.randint(0, h - ch)
    img = src.crop((x, y, x + cw, y + ch)).resize((1632, 1224), Image.BILINEAR)
    if rnd.random() < 0.5:
        img = ImageOps.mirror(img)
    d = ImageDraw.Draw(img)
    x, y = rnd.randint(0, 1400), rnd.randint(0, 1000)
    d.rectangle([x, y, x + 90, y + 90], fill=(rnd.randint(0, 255), rnd.randint(0, 255), rnd.randint(0, 255)))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def hwm_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "embedded"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    workers = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    kind = sys.argv[4] if len(sys.argv) > 4 else "varied"
    assert kind in ("varied", "alike"), kind
    jobs = sys.argv[5] if len(sys.argv) > 5 else "default"
    try:
        import PIL  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pillow"], check=True)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "placard"], cwd=ROOT, check=True)
    binary = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "placard")
    work = tempfile.mkdtemp(prefix="placard-campaign-")
    env = dict(os.environ, PLACARD_DATA_DIR=work, PLACARD_BIND="127.0.0.1:0", PLACARD_LOG="warn",
               PLACARD_RATE_LIMIT_PER_MINUTE="0")
    env.pop("PLACARD_WORKER_CONCURRENCY", None)
    if jobs != "default":
        env["PLACARD_WORKER_CONCURRENCY"] = jobs
    admin_url = db_name = None
    if mode == "scale":
        services = dict(l.split("=", 1) for l in open(os.path.join(ROOT, ".test-services", "env")).read().split())
        admin_url = services["PLACARD_TEST_POSTGRES_URL"]
        db_name = f"placard_campaign_{uuid.uuid4().hex}"
        subprocess.run(["psql", "-q", admin_url, "-c", f"CREATE DATABASE {db_name}"], check=True)
        prefix = f"campaign-{uuid.uuid4().hex}"
        env.update(PLACARD_DATABASE_URL=admin_url.rsplit("/", 1)[0] + "/" + db_name,
                   PLACARD_STORAGE_URL=f"s3://{services['PLACARD_TEST_S3_BUCKET']}/{prefix}",
                   PLACARD_S3_ENDPOINT=services["PLACARD_TEST_S3_ENDPOINT"],
                   AWS_ACCESS_KEY_ID=services["PLACARD_TEST_S3_ACCESS_KEY"],
                   AWS_SECRET_ACCESS_KEY=services["PLACARD_TEST_S3_SECRET_KEY"],
                   AWS_REGION=services["PLACARD_TEST_S3_REGION"])
    procs = []
    try:
        token = subprocess.run([binary, "user", "create", "--role", "admin", "--name", "a"], env=env,
                               capture_output=True, text=True, check=True).stdout.split()[-1]
        # The scheduler role too: it exports the database-derived gauges the loop below reads
        # (placard_review_queue_depth), as a deployment's scheduler does.
        api = subprocess.Popen([binary, "serve", "--roles", "api,scheduler"], env=env, stdout=subprocess.PIPE, text=True)
        procs.append(("api", api))
        host, port = api.stdout.readline().strip().removeprefix("listening on http://").split(":")
        port = int(port)
        c = http.client.HTTPConnection(host, port)
        c.request("POST", "/api/v1/admin/campaigns", '{"slug":"campaign","title":"Campaign"}',
                  {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        assert c.getresponse().status == 201
        for i in range(workers):
            procs.append((f"worker{i + 1}", subprocess.Popen([binary, "serve", "--roles", "worker"], env=env,
                                                             stdout=subprocess.DEVNULL)))
        boundary = "placardcampaignboundary"
        sent = [0]
        total_bytes = [0]
        lock = threading.Lock()

        def send(body):
            data = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"consent\"\r\n\r\ntrue\r\n"
                    f"--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n\r\n"
                    ).encode() + body + f"\r\n--{boundary}--\r\n".encode()
            h = http.client.HTTPConnection(host, port, timeout=120)
            h.request("POST", "/api/v1/campaigns/campaign/photos", data,
                      {"Content-Type": f"multipart/form-data; boundary={boundary}"})
            r = h.getresponse()
            r.read()
            assert r.status == 202, r.status
            with lock:
                sent[0] += 1
                total_bytes[0] += len(body)

        # The photos are made once, before timing (and kept for the next run).
        cache = os.path.join(tempfile.gettempdir(), f"placard-campaign-photos-{kind}-{n}")
        if not os.path.isdir(cache) or len(os.listdir(cache)) < n:
            os.makedirs(cache, exist_ok=True)
            with concurrent.futures.ProcessPoolExecutor(max_workers=os.cpu_count()) as makers:
                maker = make_varied if kind == "varied" else make
                for i, body in enumerate(makers.map(maker, range(n), chunksize=32)):
                    with open(os.path.join(cache, f"{i:06}.jpg"), "wb") as f:
                        f.write(body)

        def read(i):
            with open(os.path.join(cache, f"{i:06}.jpg"), "rb") as f:
                return f.read()

        started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as uploaders:
            list(uploaders.map(lambda i: send(read(i)), range(n)))
        uploaded = time.perf_counter() - started

        def processed():
            h = http.client.HTTPConnection(host, port)
            h.request("GET", "/metrics")
            text = h.getresponse().read().decode()
            for line in text.splitlines():
                if line.startswith('placard_review_queue_depth{campaign="campaign"}'):
                    return int(float(line.split()[-1]))
            return 0

        while processed() < n:
            time.sleep(0.5)
        elapsed = time.perf_counter() - started
        rss = {name: hwm_kib(p.pid) / 1024 for name, p in procs}

        def flagged(kind):
            count, cursor = 0, None
            while True:
                h = http.client.HTTPConnection(host, port)
                h.request("GET", f"/api/v1/moderation/photos?campaign=campaign&flag={kind}&limit=200"
                          + (f"&cursor={cursor}" if cursor else ""), headers={"Authorization": f"Bearer {token}"})
                page = json.loads(h.getresponse().read())
                count += len(page["items"])
                cursor = page["next_cursor"]
                if not cursor:
                    return count
        if mode == "embedded":
            db_size = sum(os.path.getsize(os.path.join(work, f)) for f in os.listdir(work) if f.startswith("placard.db"))
            stored = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(work, "objects")) for f in fs)
        else:
            db_size = int(subprocess.run(["psql", "-At", env["PLACARD_DATABASE_URL"], "-c",
                                          "SELECT pg_database_size(current_database())"],
                                         capture_output=True, text=True, check=True).stdout)
            stored = None
        print(f"{mode}: {n} {kind} photos ({total_bytes[0] / n / 1e6:.2f} MB, 1632x1224 each), 1 API + {workers} workers of {jobs} jobs, "
              f"{os.cpu_count()} cores")
        print(f"uploads done after {uploaded:.1f} s; all processed after {elapsed:.1f} s = {n / elapsed:.1f} photos/s")
        print(f"flagged: {flagged('duplicate')} duplicates, {flagged('near_duplicate')} near duplicates")
        print("peak RSS: " + ", ".join(f"{k} {v:.0f} MiB" for k, v in rss.items()))
        print(f"database {db_size / 2**20:.1f} MiB" + (f", objects {stored / 2**20:.0f} MiB" if stored else
                                                       ", objects: see `garage bucket info placard-test`"))
    finally:
        for _, p in procs:
            p.terminate()
            p.wait()
        if db_name:
            subprocess.run(["psql", "-q", admin_url, "-c", f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)"])
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
