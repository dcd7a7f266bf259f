//! The programme signals and the report on a generated 10,000-message set
//! (dated, with channels and messengers), given the reviews: each should
//! take well under a second (DESIGN.md, budgets).
//!
//!     cargo bench --bench programme

use std::hint::black_box;
use std::path::PathBuf;

use chorus::core::lexicon::Lexicon;
use chorus::core::model::{Date, MessageSet};
use chorus::core::programme;
use chorus::core::report::{html, markdown, FileReport};
use chorus::core::review::review_set;
use criterion::{criterion_group, criterion_main, Criterion};

#[path = "support.rs"]
mod support;

/// The generated set with a date, channel and messenger on every message.
fn planned_set(n: usize) -> MessageSet {
    let mut set = support::generated_set(n);
    let channels = ["email", "town hall", "huddle", "intranet", "briefing"];
    let messengers = ["COO", "crew leads", "CEO", "support lead"];
    let start = Date::parse("2026-01-05").unwrap().days();
    for (i, m) in set.internal.iter_mut().enumerate() {
        m.channel = Some(channels[i % channels.len()].to_string());
        m.messenger = Some(messengers[i % messengers.len()].to_string());
        m.date = Some(Date::from_days(start + (i % 330) as i64));
    }
    set
}

fn bench(c: &mut Criterion) {
    let set = planned_set(10_000);
    let lexicon = Lexicon::builtin();
    let review = review_set(&set, &lexicon);
    let today = Date::parse("2026-11-02").unwrap();
    let mut g = c.benchmark_group("programme 10k messages");
    g.sample_size(10);
    g.bench_function("signals (coverage, mix, timeline, findings)", |b| {
        b.iter(|| black_box(programme::read(&set, &review.messages, lexicon.programme(), today)))
    });
    let programme = programme::read(&set, &review.messages, lexicon.programme(), today);
    let reports = vec![FileReport::Reviewed {
        notices: Vec::new(),
        path: PathBuf::from("plan.yaml"),
        set: Box::new(set.clone()),
        review,
        programme: Box::new(programme),
    }];
    g.bench_function("html report", |b| b.iter(|| black_box(html::render(&reports, &[]))));
    g.bench_function("markdown report", |b| {
        b.iter(|| black_box(markdown::render(&reports, &[])))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
