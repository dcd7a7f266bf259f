//! `chorus pulse` on 100,000 answers: the answers scored (read against the
//! story), the whole round (CSV parsed, columns chosen, scored, summed up),
//! and the whole process printing JSON. Budget: well under a second.
//!
//!     cargo bench --bench pulse

use std::hint::black_box;
use std::path::Path;
use std::process::Command;

use chorus::core::lexicon::Lexicon;
use chorus::core::pulse::{columns, read_round, reading, table, Choice};
use chorus::core::store;
use criterion::{criterion_group, criterion_main, Criterion};

/// A survey export of `n` answers made from the example pulse's rows.
fn generated_csv(n: usize) -> String {
    let dir = env!("CARGO_MANIFEST_DIR");
    let example = std::fs::read_to_string(format!("{dir}/messages/lemonadly-pulse.csv")).unwrap();
    let mut lines = example.lines();
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.collect();
    let mut out = format!("{header}\n");
    for i in 0..n {
        let row = rows[i % rows.len()];
        // Each answer its own: the open answer (the last field) gains a number.
        match row.strip_suffix('"') {
            Some(quoted) => out.push_str(&format!("{quoted} ({i})\"\n")),
            None => out.push_str(&format!("{row} ({i})\n")),
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let dir = env!("CARGO_MANIFEST_DIR");
    let set_path = Path::new(dir).join("messages/lemonadly.yaml");
    let set = store::open(&set_path).unwrap();
    let lexicon = Lexicon::builtin().for_set(&set, &set_path).unwrap();
    let csv = generated_csv(100_000);
    let folder = tempfile_dir();
    let csv_path = folder.join("answers-100k.csv");
    std::fs::write(&csv_path, &csv).unwrap();
    let parsed = table::parse(csv.as_bytes(), &csv_path).unwrap();
    let keys: Vec<String> = reading::segment_keys(&set, &lexicon).into_keys().collect();
    let cols = columns::choose(&parsed, &Choice::default(), &keys, &csv_path).unwrap();

    let mut g = c.benchmark_group("pulse 100k answers");
    g.sample_size(10);
    g.bench_function("score the answers", |b| {
        b.iter(|| black_box(reading::read_answers(&parsed, &cols, &set, &lexicon, &mut Vec::new())))
    });
    g.bench_function("whole round (parse, score, sum up)", |b| {
        b.iter(|| black_box(read_round(&set, &lexicon, &csv_path, &Choice::default()).unwrap()))
    });
    let bin = env!("CARGO_BIN_EXE_chorus");
    g.bench_function("whole process, --format json", |b| {
        b.iter(|| {
            let out = Command::new(bin)
                .args([
                    "pulse",
                    set_path.to_str().unwrap(),
                    csv_path.to_str().unwrap(),
                    "--format",
                    "json",
                ])
                .output()
                .unwrap();
            assert!(out.status.success());
        })
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&folder);
}

fn tempfile_dir() -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("chorus-bench-pulse-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

criterion_group!(benches, bench);
criterion_main!(benches);

// The same allocator as the chorus binary, so the figures are the user's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
