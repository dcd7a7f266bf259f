//! The workbench's budgets from DESIGN.md, on a 10,000-message set: the
//! first frame (load reviews + layout + draw) under 150 ms, and a keystroke
//! in the editor (rescore the edited message + redraw) under 2 ms median.
//! Drawn into a TestBackend at 120×40, so the terminal itself is not timed.

use std::hint::black_box;
use std::path::PathBuf;

use chorus::core::lexicon::Lexicon;
use chorus::core::model::{Message, MessageSet};
use chorus::workbench::engine::CoreEngine;
use chorus::workbench::{update, view, Action, App};
use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use ratatui_textarea::{Input, Key};

const TEXTS: [&str; 4] = [
    "Every stand we touch should be selling lemonade again within 24 hours, and each of us can take time out of that promise this year.",
    "We want to be the best.",
    "When you quote a repair, promise our 24-hour turnaround and name the certified repairer who will arrive.",
    "We are the cheapest repair shop in town, so a slow visit now and then is fine.",
];

fn big_set() -> MessageSet {
    let mut set = MessageSet {
        version: 1,
        brand: "Lemonad.ly".into(),
        segments: vec!["sales".into(), "support".into()],
        ..MessageSet::default()
    };
    set.external.story = "The fastest, most experienced lemonade stand repair company.".into();
    set.internal = (0..10_000)
        .map(|i| Message {
            id: format!("m{i:05}"),
            text: TEXTS[i % TEXTS.len()].into(),
            ..Message::default()
        })
        .collect();
    set
}

fn key(k: Key) -> Action {
    Action::Type(Input {
        key: k,
        ..Input::default()
    })
}

fn benches(c: &mut Criterion) {
    let set = big_set();
    let lexicon = Lexicon::builtin();
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();

    c.bench_function("first frame, 10k messages", |b| {
        b.iter(|| {
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
