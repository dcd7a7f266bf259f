//! Saving a generated set after editing one message, as the workbench does
//! on `s`: the whole `store::save` (read the old file, splice the edit in,
//! check the result, write it atomically). Budget: 10,000 messages in at
//! most 100 ms. The scaling group doubles the set (N, 2N, 4N): each step
//! should cost about twice the one before.
//!
//!     cargo bench --bench save -- --warm-up-time 1 --measurement-time 2

use std::hint::black_box;
use std::path::Path;

use chorus::core::model::MessageSet;
use chorus::core::store;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

#[path = "support.rs"]
mod support;

/// A set of `n` messages saved to a file of its own, opened for editing
/// as the workbench opens it.
fn saved_set(n: usize, dir: &Path) -> (std::path::PathBuf, MessageSet) {
    let path = dir.join(format!("save-{n}.yaml"));
    std::fs::write(&path, store::to_yaml(&support::generated_set(n))).unwrap();
    let set = store::open(&path).unwrap();
    (path, set)
}

/// Save `set` with one message edited; the edit alternates, so every save
/// changes exactly one message of what is on disk.
fn save_one_edit(path: &Path, set: &mut MessageSet, round: &mut usize) {
    *round += 1;
    let i = set.internal.len() / 2;
    set.internal[i].text = format!("Edited in round {}.", *round % 2);
    store::save(path, black_box(set)).unwrap();
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut g = c.benchmark_group("save after one edit");
    g.sample_size(10);
    let (path, mut set) = saved_set(10_000, dir.path());
    let mut round = 0;
    g.bench_function("10k messages", |b| {
        b.iter(|| save_one_edit(&path, &mut set, &mut round))
    });
    // Two files saved in turn: neither text is the one chorus last read or
    // wrote, so each save parses the old file first (as after a change
    // made by another program, then reloaded).
    let other = dir.path().join("save-10000-other.yaml");
    std::fs::copy(&path, &other).unwrap();
    let mut files = [path.clone(), other];
    g.bench_function("10k messages, old file parsed", |b| {
        b.iter(|| {
            files.swap(0, 1);
            save_one_edit(&files[0], &mut set, &mut round)
        })
    });
    g.finish();

    let mut g = c.benchmark_group("save scaling");
    g.sample_size(10);
    for n in [2_500, 5_000, 10_000, 20_000] {
        let (path, mut set) = saved_set(n, dir.path());
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| save_one_edit(&path, &mut set, &mut round))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
