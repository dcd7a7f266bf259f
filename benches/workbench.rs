//! The workbench's budgets from DESIGN.md, on a 10,000-message set: the
//! first frame (load reviews + layout + draw) under 150 ms, and a keystroke
//! in the editor (rescore the edited message + redraw) under 2 ms median.
//! Drawn into a TestBackend at 120×40, so the terminal itself is not timed.

use std::hint::black_box;
use std::path::PathBuf;

use chorus::core::lexicon::Lexicon;
use chorus::workbench::engine::CoreEngine;
use chorus::workbench::{update, view, Action, App};
use criterion::{criterion_group, criterion_main, Criterion};
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
            update(&mut app, Action::Resize(120, 40));
            term.draw(|f| view::draw(f, &app)).unwrap();
            black_box(&app.reviews);
        })
    });

    let engine = CoreEngine::new(&set, &lexicon);
    let mut app = App::new(set.clone(), PathBuf::from("bench.yaml"), None, Box::new(engine));
    update(&mut app, Action::Resize(120, 40));
    // Steady state: every message scored, as after the first second.
    while app.score_pending(usize::MAX) {}
    update(&mut app, Action::Bottom);
    update(&mut app, Action::Edit);
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
            update(&mut app, k);
            term.draw(|f| view::draw(f, &app)).unwrap();
        })
    });
}

criterion_group!(workbench, benches);
criterion_main!(workbench);
