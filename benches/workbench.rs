//! The workbench's budgets from DESIGN.md, on a 10,000-message set: the
//! first frame (load reviews + layout + draw) under 150 ms, and a keystroke
//! in the editor (rescore the edited message + redraw) under 2 ms median.
//! Drawn into a TestBackend at 120×40, so the terminal itself is not timed.
//!
//! Then the redraw's own costs: a keystroke in a 5,000-word message with a
//! 1,000-keyword story, an arrow key in a 20,000-word message, the story
//! pane of 1,000 pillars × 900 keywords, and two scaling groups that double
//! the message's length: a redraw after an edit (about 2× per doubling, the
//! text being laid out again) and an arrow key (flat: only what is in sight
//! is drawn).

use std::hint::black_box;
use std::path::PathBuf;

use chorus::core::lexicon::Lexicon;
use chorus::core::model::{Message, MessageSet, Pillar};
use chorus::workbench::engine::CoreEngine;
use chorus::workbench::{update, view, Action, App};

/// `update` for the keys measured here, which ask for no effect (no save,
/// no quit): there is nothing for an event loop to carry out.
fn step(app: &mut App, action: Action) {
    let effects = update(app, action);
    debug_assert!(effects.is_empty(), "{effects:?}");
}
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use ratatui_textarea::{Input, Key};

#[path = "support.rs"]
mod support;

fn key(k: Key) -> Action {
    Action::Type(Input {
        key: k,
        ..Input::default()
    })
}

fn benches(c: &mut Criterion) {
    let set = support::generated_set(10_000);
    let yaml = chorus::core::store::to_yaml(&set);
    let lexicon = Lexicon::builtin();
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();

    // Load (parse the file's text), score every message, lay out and draw.
    c.bench_function("first frame, 10k messages", |b| {
        b.iter(|| {
            let set = chorus::core::store::parse(&yaml, std::path::Path::new("bench.yaml")).unwrap();
            let engine = CoreEngine::new(&set, &lexicon);
            let mut app = App::new(set.clone(), PathBuf::from("bench.yaml"), None, Box::new(engine));
            step(&mut app, Action::Resize(120, 40));
            term.draw(|f| view::draw(f, &app)).unwrap();
            black_box(&app.reviews);
        })
    });

    let engine = CoreEngine::new(&set, &lexicon);
    let mut app = App::new(set.clone(), PathBuf::from("bench.yaml"), None, Box::new(engine));
    step(&mut app, Action::Resize(120, 40));
    // Steady state: every message scored, as after the first second.
    while app.score_pending(usize::MAX) {}
    step(&mut app, Action::Bottom);
    step(&mut app, Action::Edit);
    let mut typed = false;
    c.bench_function("keystroke in the editor, 10k messages", |b| {
        b.iter(|| {
            // Type and erase in turn, so the text stays the same size.
            let k = if typed {
                key(Key::Backspace)
            } else {
                key(Key::Char('x'))
            };
            typed = !typed;
            step(&mut app, k);
            term.draw(|f| view::draw(f, &app)).unwrap();
        })
    });
}

/// A message of `words` words, made of the example messages' sentences.
fn long_text(words: usize) -> String {
    let base = support::generated_set(12);
    let all: Vec<&str> = base.internal.iter().flat_map(|m| m.text.split_whitespace()).collect();
    all.iter().cycle().take(words).copied().collect::<Vec<_>>().join(" ")
}

/// The example story with `pillars` pillars of `keywords` keywords each (the
/// example's own pillars first, so real ties exist), and one message of
/// `words` words.
fn story_set(pillars: usize, keywords: usize, words: usize) -> MessageSet {
    let mut set = support::generated_set(1);
    let own = set.external.pillars.len();
    for p in &mut set.external.pillars {
        let mut k = 0;
        while p.keywords.len() < keywords {
            p.keywords.push(format!("{}{k}", p.id));
            k += 1;
        }
    }
    for n in own..pillars {
        set.external.pillars.push(Pillar {
            id: format!("pillar{n}"),
            claim: format!("Claim {n} of the story"),
            keywords: (0..keywords).map(|k| format!("word{n}x{k}")).collect(),
            ..Pillar::default()
        });
    }
    set.internal = vec![Message {
        id: "long".into(),
        text: long_text(words),
        ..Default::default()
    }];
    set
}

/// A workbench at 120×40 editing the set's only message, cursor at its end.
fn editing<'l>(set: MessageSet, lexicon: &'l Lexicon) -> App<'l> {
    let engine = CoreEngine::new(&set, lexicon);
    let mut app = App::new(set, PathBuf::from("bench.yaml"), None, Box::new(engine));
    step(&mut app, Action::Resize(120, 40));
    step(&mut app, Action::Edit);
    app
}

fn redraw(c: &mut Criterion) {
    let lexicon = Lexicon::builtin();
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();

    // 10 pillars of 100 keywords: a 1,000-keyword story.
    let mut app = editing(story_set(10, 100, 5_000), &lexicon);
    let mut typed = false;
    c.bench_function("keystroke, 5k-word message, 1k-keyword story", |b| {
        b.iter(|| {
            let k = if typed { Key::Backspace } else { Key::Char('x') };
            typed = !typed;
            step(&mut app, key(k));
            term.draw(|f| view::draw(f, &app)).unwrap();
        })
    });
    // The same without the rescore: the text changes, the review stays.
    let mut other = app.set.internal[0].text.clone();
    other.push('x');
    c.bench_function("redraw after an edit, 5k-word message, 1k-keyword story", |b| {
        b.iter(|| {
            std::mem::swap(&mut app.set.internal[0].text, &mut other);
            term.draw(|f| view::draw(f, &app)).unwrap();
        })
    });

    let mut app = editing(story_set(10, 10, 20_000), &lexicon);
    let mut left = false;
    c.bench_function("arrow key, 20k-word message", |b| {
        b.iter(|| {
            let k = if left { Key::Right } else { Key::Left };
            left = !left;
            step(&mut app, key(k));
            term.draw(|f| view::draw(f, &app)).unwrap();
        })
    });

    // The story pane laid out afresh (as after opening or a story edit) and drawn.
    let mut app = editing(story_set(1_000, 900, 100), &lexicon);
    let mut g = c.benchmark_group("story pane");
    g.sample_size(10);
    g.bench_function("first draw, 1,000 pillars x 900 keywords", |b| {
        b.iter(|| {
            app.story_revision += 1;
            term.draw(|f| view::draw(f, &app)).unwrap();
        })
    });
    g.finish();

    let mut g = c.benchmark_group("redraw after an edit, by message length");
    for words in [2_500, 5_000, 10_000, 20_000, 40_000] {
        let mut app = editing(story_set(10, 10, words), &lexicon);
        let mut other = app.set.internal[0].text.clone();
        other.push('x');
        g.bench_with_input(BenchmarkId::from_parameter(words), &words, |b, _| {
            b.iter(|| {
                std::mem::swap(&mut app.set.internal[0].text, &mut other);
                term.draw(|f| view::draw(f, &app)).unwrap();
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("arrow key, by message length");
    for words in [2_500, 5_000, 10_000, 20_000, 40_000] {
        let mut app = editing(story_set(10, 10, words), &lexicon);
        let mut left = false;
        g.bench_with_input(BenchmarkId::from_parameter(words), &words, |b, _| {
            b.iter(|| {
                let k = if left { Key::Right } else { Key::Left };
                left = !left;
                step(&mut app, key(k));
                term.draw(|f| view::draw(f, &app)).unwrap();
            })
        });
    }
    g.finish();
}

criterion_group!(workbench, benches, redraw);
criterion_main!(workbench);
