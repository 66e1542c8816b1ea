//! The whole processing job's CPU work on each fixture photo: decode, orient, both
//! derivatives encoded, blurhash, perceptual hash, SHA-256 (`cargo bench -p placard-media`).
//! `scripts/bench-media.py` times the same work beside `vipsthumbnail -s 1280` in one run.

use criterion::{criterion_group, criterion_main, Criterion};
use placard_media::{process, Edits, Limits};
use std::path::PathBuf;
use std::time::Duration;

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/photos");
    let mut all: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    all.sort();
    all
}

fn pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("process");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    for (name, bytes) in fixtures() {
        group.bench_function(&name, |b| {
            b.iter(|| process(&bytes, &Limits::default(), &Edits::default()).map(|p| p.phash))
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
