//! `chorus check` on a generated 10,000-message set: reviewing the set in
//! memory, parsing it, writing the JSON report, and the whole process.
//!
//!     cargo bench --bench check

use std::hint::black_box;
use std::process::Command;

use chorus::core::lexicon::Lexicon;
use chorus::core::model::Date;
use chorus::core::programme;
use chorus::core::report::{self, FileReport};
use chorus::core::review::review_set;
use chorus::core::store;
use criterion::{criterion_group, criterion_main, Criterion};

#[path = "support.rs"]
mod support;

fn bench(c: &mut Criterion) {
    let set = support::generated_set(10_000);
    let lexicon = Lexicon::builtin();
    let yaml = store::to_yaml(&set);
    let path = std::env::temp_dir().join("chorus-bench-10k.yaml");
    std::fs::write(&path, &yaml).unwrap();

    let mut g = c.benchmark_group("check 10k messages");
    g.sample_size(10);
    g.bench_function("review (score and drift)", |b| {
        b.iter(|| black_box(review_set(&set, &lexicon)))
    });
    g.bench_function("parse", |b| b.iter(|| black_box(store::parse(&yaml, &path).unwrap())));
    let review = review_set(&set, &lexicon);
    let reports = vec![FileReport::Reviewed {
        notices: Vec::new(),
        path: path.clone(),
        set: Box::new(set.clone()),
        programme: Box::new(programme::read(
            &set,
            &review.messages,
            lexicon.programme(),
            Date::today(),
        )),
        review,
    }];
    g.bench_function("json report", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(1 << 24);
            report::json::write(&reports, &mut out).unwrap();
            black_box(out)
        })
    });
    g.bench_function("whole process: chorus check --format json", |b| {
        b.iter(|| {
            let out = Command::new(env!("CARGO_BIN_EXE_chorus"))
                .args(["check", "--format", "json"])
                .arg(&path)
                .output()
                .unwrap();
            black_box(out.stdout.len())
        })
    });
    g.finish();
    c.bench_function("review one message (a keystroke's rescore)", |b| {
        let reviewer = chorus::core::review::Reviewer::new(&set, &lexicon);
        let m = &set.internal[3];
        b.iter(|| black_box(reviewer.review(m)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
