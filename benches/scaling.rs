//! How the cost grows: each group doubles one size (a message's length, a
//! lexicon extension's entries, a story's pillars) so that the ratio of
//! successive times shows the growth, about 2x per doubling when linear.
//!
//!     cargo bench --bench scaling -- --warm-up-time 1 --measurement-time 2

use std::hint::black_box;

use chorus::core::lexicon::extend::Extension;
use chorus::core::lexicon::{Lexicon, List, Origin};
use chorus::core::model::{Message, MessageSet, Pillar};
use chorus::core::review::Reviewer;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "support.rs"]
mod support;

/// One message of about `words` words, from the example messages end to end.
fn long_message(words: usize) -> Message {
    let examples = support::generated_set(40);
    let mut text = String::new();
    let mut n = 0;
    for m in examples.internal.iter().cycle() {
        if n >= words {
            break;
        }
        n += m.text.split_whitespace().count();
        text.push_str(&m.text);
        text.push(' ');
    }
    Message {
        id: "long".into(),
        text,
        ..Default::default()
    }
}

fn message_length(c: &mut Criterion) {
    let set = support::generated_set(1);
    let lexicon = Lexicon::builtin();
    let reviewer = Reviewer::new(&set, &lexicon);
    let mut g = c.benchmark_group("scaling: message length (words)");
    g.sample_size(10);
    for n in [25_000, 50_000, 100_000, 200_000] {
        let m = long_message(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &m, |b, m| {
            b.iter(|| black_box(reviewer.review(m)))
        });
    }
    g.finish();
}

fn lexicon_size(c: &mut Criterion) {
    let base = Lexicon::builtin();
    let mut g = c.benchmark_group("scaling: lexicon extension (entries)");
    g.sample_size(10);
    for n in [12_500, 25_000, 50_000, 100_000] {
        let ext = Extension {
            add: vec![
                (List::Buzzwords, (0..n / 2).map(|i| format!("blue sky w{i}")).collect()),
                (List::Hyperbole, (0..n / 2).map(|i| format!("mega{i}")).collect()),
            ],
            off: vec![(List::Buzzwords, (0..n / 4).map(|i| format!("blue sky w{i}")).collect())],
            ..Default::default()
        };
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &ext, |b, ext| {
            b.iter(|| black_box(base.extended(ext, Origin::Builtin)))
        });
    }
    g.finish();
}

/// A story of `pillars` pillars, each with `keywords` keywords of its own.
/// Keywords begin like the examples' words ("repair…", "fresh…"), so a
/// message's words meet as many near-misses as a real story's would.
fn story(pillars: usize, keywords: usize) -> MessageSet {
    let mut set = support::generated_set(1);
    let mut stems: Vec<String> = support::generated_set(40)
        .internal
        .iter()
        .flat_map(|m| {
            m.text
                .split(|c: char| !c.is_ascii_alphabetic())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .filter(|w| w.len() >= 3)
        .collect();
    stems.sort();
    stems.dedup();
    set.external.pillars = (0..pillars)
        .map(|p| Pillar {
            id: format!("p{p}"),
            claim: format!("Claim {p}"),
            keywords: (0..keywords)
                .map(|k| format!("{}q{p}x{k}", stems[(p * keywords + k) % stems.len()]))
                .collect(),
            facts: vec![format!("Stands are repaired within {} hours", p % 48 + 1)],
            opposites: vec![format!("opp{p}")],
            ..Default::default()
        })
        .collect();
    set
}

fn pillar_count(c: &mut Criterion) {
    let lexicon = Lexicon::builtin();
    let message = long_message(5_000);
    let mut g = c.benchmark_group("scaling: pillars of 900 keywords, one 5,000-word message");
    g.sample_size(10);
    for n in [125, 250, 500, 1_000] {
        let set = story(n, 900);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("prepare and review", n), &set, |b, set| {
            b.iter(|| {
                let reviewer = Reviewer::new(set, &lexicon);
                black_box(reviewer.review(&message))
            })
        });
        let reviewer = Reviewer::new(&set, &lexicon);
        g.bench_with_input(BenchmarkId::new("review (a keystroke)", n), &message, |b, m| {
            b.iter(|| black_box(reviewer.review(m)))
        });
    }
    g.finish();
}

criterion_group!(benches, message_length, lexicon_size, pillar_count);
criterion_main!(benches);
