#!/usr/bin/env python3
"""A 1,000,000-photo campaign day, replayed second by second against Placard's measured costs.

    scripts/simulate-campaign-day.py [--photos N] [--seed S] [--worker-cores N]
                                     [--concurrency 1|2] [--gallery-views-per-s N]

The day ends at the upload deadline. Arrivals (docs/SCALE.md has the reasoning):
- 30% background, spread over the 24 hours with a ripple (five continents' evenings);
- 10% a spike: a post by someone with many followers six hours before the deadline,
  decaying with a 20-minute time constant;
- 60% the deadline rush: a density growing as exp(-(deadline - t) / 2 h), so that the last
  hour brings a quarter of the day and the last six hours three quarters.
Each second's uploads are drawn from a Poisson law around that curve; each upload is drawn
from the photo mix below (format, size, measured worker CPU, derivative sizes).

Workers are modelled as cores, each running one photo at a time at its measured CPU cost
plus the per-job overhead, at the utilisation measured between jobs (13% idle with one job
per core, PLACARD_WORKER_CONCURRENCY=1; the figure for 2 jobs per core is an assumption,
marked as such). The queue is first in, first out, as Placard's is (`run_at` order).

Without --worker-cores it searches the fewest worker cores that keep the queue's age (the
oldest waiting photo, `placard_queue_oldest_seconds`) under 5 minutes all day, and prints
what that deployment needs: API cores, database statements per second and size, S3
requests per second and storage, what a CDN saves, what saturates first.

Every cost is a constant below with where it was measured; change one and rerun. Standard
library only.
"""
import argparse
import math
import random

DAY = 24 * 3600
TARGET_AGE = 300  # seconds: the queue's age the deployment must stay under

# The photo mix of a phone campaign (shares assumed). CPU: `process_one` (the whole job as a
# process), median of 10, on this project's 2-core machine, 2026-12-03, on files made from
# the fixtures (docs/SCALE.md, "Inputs"), times --cpu-scale; derivative sizes as
# `process_one` printed them; upload sizes as phones send them (assumed).
# (share, upload MB, worker CPU ms, large KB, small KB)
MIX = {
    "phone JPEG, 13 MP baseline": (0.55, 3.5, 72, 182, 23),
    "phone JPEG, 13 MP progressive": (0.10, 3.5, 136, 182, 23),
    "messaging-app JPEG, 1600 px": (0.20, 0.3, 37, 183, 22),
    "WebP, 13 MP": (0.10, 1.0, 72, 177, 22),
    "PNG screenshot, 1170x2400": (0.05, 2.5, 26, 23, 3),
}

# Per photo, beyond the image work (docs/SCALE.md, "Inputs").
WORKER_OVERHEAD_MS = 15  # S3 client, TLS, SigV4, JSON, the job's transactions (worker side)
UTILISATION = {1: 0.87, 2: 0.97}  # busy share of a worker core: measured (1), assumed (2)
API_MS_BASE = 1.5  # per upload: parsing, checks, the transaction
API_MS_PER_MB = 3.1  # streaming, SHA-256, the copy to the store: 69 uploads/s of 9.3 MB on 2 cores
STATUS_POLL_MS = 2.0  # one render of the supporter's status page
DB_STATEMENTS_UPLOAD = 4  # rate limit, campaign, insert photo + job (one transaction)
# claim (2), start (1), exact duplicate (1), finish (update, campaign lock, bands insert, ~16
# band-range lookups for earlier and later near duplicates, flags), complete (1): counted in
# crates/worker/src/photos.rs and crates/storage/src/photos/processing.rs.
DB_STATEMENTS_JOB = 26
DB_STATEMENTS_MODERATION = 3  # next, decide, audit
DB_BYTES_PER_PHOTO = 4_060  # 38.7 MiB for 10,000 photos (scale run, PostgreSQL)
S3_PART_MB = 8  # crates/blob: larger originals go as multipart uploads of 8 MiB parts
API_CORE_BUSY = 0.6  # leave headroom on API cores: latency, not throughput, is the goal
DB_STATEMENTS_PER_CORE = 4_000  # small indexed statements a PostgreSQL core sustains (estimate)
MODERATION_PER_S = 2.0  # decisions per second: 20 moderators at one photo every 10 s
PUBLIC_MAX_AGE = 300  # s: Cache-Control of public thumbnails (crates/http routes/media.rs)
THUMBS_PER_GALLERY_PAGE = 48


def arrival_rate(photos):
    """Expected uploads in each second of the day (a list of DAY floats, summing to photos)."""
    tau, spike_at, spike_tau = 2 * 3600, DAY - 6 * 3600, 20 * 60
    raw_bg = [1 + 0.3 * math.sin(2 * math.pi * t / DAY) for t in range(DAY)]
    raw_rush = [math.exp(-(DAY - t) / tau) for t in range(DAY)]
    raw_spike = [math.exp(-(t - spike_at) / spike_tau) if t >= spike_at else 0.0 for t in range(DAY)]
    parts = ((0.30, raw_bg), (0.60, raw_rush), (0.10, raw_spike))
    rate = [0.0] * DAY
    for share, raw in parts:
        k = share * photos / sum(raw)
        for t in range(DAY):
            rate[t] += k * raw[t]
    return rate


def poisson(rng, lam):
    if lam < 30:
        limit, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= rng.random()
            if p <= limit:
                return k
            k += 1
    return max(0, round(rng.gauss(lam, math.sqrt(lam))))


def simulate(rate, worker_cores, concurrency, seed, cpu_scale):
    """Replays the day; returns per-second series and totals."""
    rng = random.Random(seed)
    names = list(MIX)
    weights = [MIX[n][0] for n in names]
    queue = []  # (arrival second, cpu seconds, name)
    head = 0
    budget = 0.0
    capacity = worker_cores * UTILISATION[concurrency]  # CPU-seconds per second
    out = {"age": [], "depth": [], "arrived": [], "done": [], "api_cpu": [], "bytes_in": []}
    done_by_name = {n: 0 for n in names}
    arrived_by_name = {n: 0 for n in names}
    waits = []
    t = 0
    while t < DAY or head < len(queue):
        arrived = poisson(rng, rate[t]) if t < DAY else 0
        api_cpu = 0.0
        bytes_in = 0.0
        for name in rng.choices(names, weights, k=arrived):
            _, mb, cpu_ms, _, _ = MIX[name]
            queue.append((t, (cpu_ms * cpu_scale + WORKER_OVERHEAD_MS) / 1000, name))
            arrived_by_name[name] += 1
            api_cpu += (API_MS_BASE + API_MS_PER_MB * mb) / 1000
            bytes_in += mb
        budget += capacity
        done = 0
        while head < len(queue) and queue[head][1] <= budget:
            at, cost, name = queue[head]
            budget -= cost
            head += 1
            done += 1
            done_by_name[name] += 1
            waits.append(t - at)
        if head == len(queue):
            budget = 0.0  # an idle core's time is lost, not saved for later
        age = t - queue[head][0] if head < len(queue) else 0
        out["age"].append(age)
        out["depth"].append(len(queue) - head)
        out["arrived"].append(arrived)
        out["done"].append(done)
        out["api_cpu"].append(api_cpu)
        out["bytes_in"].append(bytes_in)
        if head > 100_000:  # keep memory flat
            queue = queue[head:]
            head = 0
        t += 1
    out["waits"] = waits
    out["arrived_by_name"] = arrived_by_name
    return out


def peak(series, window=60):
    """The largest mean over `window` consecutive seconds."""
    best, s = 0.0, sum(series[:window])
    best = s
    for i in range(window, len(series)):
        s += series[i] - series[i - window]
        best = max(best, s)
    return best / window


def polls_for(wait):
    """Status-page renders while a supporter waits `wait` s (3 s, then 15 s after a minute)."""
    return min(wait, 60) / 3 + max(0, wait - 60) / 15


def connections(api_cores, worker_cores, concurrency):
    """Pool ceilings: an API process 4 pools of 10, a worker process its jobs + 3, 2 schedulers 2."""
    api_procs, worker_procs = math.ceil(api_cores / 2), math.ceil(worker_cores / 2)
    return api_procs * 40 + worker_procs * (2 * concurrency + 3) + 2 * 2


def report(args, rate, cores, sim):
    photos = sum(sim["arrived"])
    arrived_rate = sim["arrived"]
    peak_up = peak(arrived_rate)
    peak_done = peak(sim["done"])
    last_hour = sum(arrived_rate[DAY - 3600:DAY]) / photos
    last_6h = sum(arrived_rate[DAY - 6 * 3600:DAY]) / photos
    ages = sim["age"]
    waits = sorted(sim["waits"])
    p = lambda q: waits[min(len(waits) - 1, int(q * len(waits)))]
    print(f"photos uploaded: {photos:,} (last hour {last_hour:.0%}, last 6 hours {last_6h:.0%})")
    print(f"peak upload rate: {peak_up:.1f}/s (busiest minute), {max(arrived_rate)}/s (busiest second)")
    print(f"worker cores: {cores} ({math.ceil(cores / 2)} worker processes of 2 cores, "
          f"PLACARD_WORKER_CONCURRENCY={2 * args.concurrency} each, "
          f"~{15 + 2 * args.concurrency * 51} MiB each at 51 MiB a job)")
    print(f"queue age: max {max(ages)} s (target < {TARGET_AGE} s); photo wait p50 {p(0.5)} s, "
          f"p95 {p(0.95)} s, p99 {p(0.99)} s; deepest queue {max(sim['depth']):,} photos")
    print(f"last photo processed {len(ages) - DAY} s after the deadline")
    # The API: uploads plus the supporters' status polls while they wait.
    # Supporters at the peak wait about the last hour's mean queue age, and poll meanwhile.
    polls = polls_for(sum(ages[DAY - 3600:DAY]) / 3600)
    api_peak = peak(sim["api_cpu"]) + peak_up * polls * STATUS_POLL_MS / 1000
    api_cores = math.ceil(api_peak / API_CORE_BUSY)
    print(f"API: {api_peak:.2f} cores busy at the peak minute (uploads and status polls) -> "
          f"{api_cores} cores at {API_CORE_BUSY:.0%} busy ({math.ceil(api_cores / 2)} API processes of 2 cores); "
          f"ingress {peak(sim['bytes_in']):.0f} MB/s")
    # The database.
    stmts = (peak_up * DB_STATEMENTS_UPLOAD + peak_done * DB_STATEMENTS_JOB
             + MODERATION_PER_S * DB_STATEMENTS_MODERATION
             + peak_up * polls)
    db_gb = photos * DB_BYTES_PER_PHOTO / 1e9
    print(f"database: {stmts:,.0f} statements/s at the peak minute "
          f"(~{stmts / DB_STATEMENTS_PER_CORE:.1f} PostgreSQL cores at {DB_STATEMENTS_PER_CORE:,}/s a core); "
          f"{db_gb:.1f} GB after the day (with indexes); connections at most "
          f"{connections(api_cores, cores, args.concurrency)} (deploy/README.md, Connections)")
    # S3.
    by = sim["arrived_by_name"]
    mean = lambda i: sum(MIX[n][i] * by[n] for n in MIX) / photos
    parts = sum(by[n] * max(1, math.ceil(MIX[n][1] / S3_PART_MB)) for n in MIX) / photos
    puts_per_upload = parts if parts <= 1 else parts + 2  # create + parts + complete
    s3_put = peak_up * puts_per_upload + peak_done * 2
    s3_get = peak_done * 1
    views = args.gallery_views_per_s
    thumbs = views * THUMBS_PER_GALLERY_PAGE
    stored_gb = photos * (mean(1) * 1e6 + (mean(3) + mean(4)) * 1e3) / 1e9
    derived_gb = photos * (mean(3) + mean(4)) * 1e3 / 1e9
    print(f"S3: {s3_put:.0f} PUT/s and {s3_get:.0f} GET/s at the peak minute "
          f"(originals: {puts_per_upload:.2f} requests each; worker: 1 GET + 2 PUT), "
          f"+{thumbs:,.0f} GET/s for the gallery without a CDN; "
          f"{stored_gb / 1e3:.2f} TB stored after the day, of which derivatives {derived_gb:.0f} GB; "
          f"{photos * 3 / 1e6:.1f} M objects")
    # Public thumbnails, with and without a CDN.
    small_kb = mean(4)
    no_cdn_mb = thumbs * small_kb / 1e3
    # With a CDN: each distinct thumbnail is fetched once per max-age per edge (revalidated
    # with its ETag: a 304 that reads the database but no object). Assumed: the views spread
    # over the 2,000 most recent thumbnails (the gallery's first pages) and 10 edges.
    distinct, edges = 2_000, 10
    cdn_origin = min(thumbs, distinct * edges / PUBLIC_MAX_AGE)
    print(f"gallery at {views:.0f} page views/s: {thumbs:,.0f} thumbnail requests/s, "
          f"{no_cdn_mb:.0f} MB/s out of Placard without a CDN; with a CDN "
          f"{cdn_origin:,.0f} revalidations/s reach Placard ({cdn_origin / thumbs:.1%}), "
          f"almost no bytes")
    return {"api_cores": api_cores, "db_statements": stmts, "s3_put": s3_put}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--photos", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--worker-cores", type=int)
    ap.add_argument("--concurrency", type=int, choices=(1, 2), default=1)
    ap.add_argument("--gallery-views-per-s", type=float, default=50.0)
    ap.add_argument("--cpu-scale", type=float, default=1.5,
                    help="worker CPU times this: real phone photos hold more detail than the "
                    "files timed, and the shared machine was 2x slower on some days")
    args = ap.parse_args()
    rate = arrival_rate(args.photos)
    run = lambda cores: simulate(rate, cores, args.concurrency, args.seed, args.cpu_scale)
    if args.worker_cores:
        cores = args.worker_cores
        sim = run(cores)
    else:
        # What the day's mean needs is a lower bound (the queue must drain): grow from there.
        mean_cost = sum(MIX[n][0] * (MIX[n][2] * args.cpu_scale + WORKER_OVERHEAD_MS)
                        for n in MIX) / 1000
        cores = max(1, math.ceil(args.photos / DAY * mean_cost / UTILISATION[args.concurrency]))
        print(f"mean worker CPU per photo: {mean_cost * 1000:.0f} ms")
        while True:
            sim = run(cores)
            if max(sim["age"]) < TARGET_AGE:
                break
            print(f"{cores} worker cores: queue age reaches {max(sim['age'])} s")
            cores += 1
    report(args, rate, cores, sim)


if __name__ == "__main__":
    main()
