//! Shared by the workbench tests: a small message set built in Rust, a fake
//! review engine with simple, predictable rules (so the tests do not depend
//! on the real rules, written elsewhere), and helpers to feed key events
//! through the real key map and update, and to draw into a TestBackend.
#![allow(dead_code)]

use std::cell::Cell;
use std::path::PathBuf;
use std::rc::Rc;

use chorus::core::model::{Audience, Criterion, External, Message, MessageSet, Pillar, Status, Waiver};
use chorus::core::verdict::{
    Alignment, Checklist, CriterionResult, Drift, DriftKind, Finding, MessageReview, SetSummary, Span, Tie,
};
use chorus::workbench::effects::Runtime;
use chorus::workbench::engine::Engine;
use chorus::workbench::keys;
use chorus::workbench::marks::keyword_marks;
use chorus::workbench::state::App;
use chorus::workbench::Action;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

pub fn message(id: &str, text: &str) -> Message {
    Message {
        id: id.into(),
        text: text.into(),
        ..Message::default()
    }
}

/// A Lemonad.ly set: two pillars, five segments, six messages of which
/// some pass everything and some fail or drift under the fake rules.
pub fn fixture() -> MessageSet {
    MessageSet {
        version: 1,
        brand: "Lemonad.ly".into(),
        external: External {
            story: "Lemonad.ly is the fastest, most experienced and most qualified lemonade stand repair company.".into(),
            pillars: vec![
                Pillar {
                    id: "speed".into(),
                    claim: "The fastest lemonade stand repairs".into(),
                    keywords: vec!["fast".into(), "quick".into(), "hours".into()],
                    facts: vec!["Stands are repaired within 24 hours".into()],
                    opposites: vec!["slow".into(), "delay".into()],
                    ..Pillar::default()
                },
                Pillar {
                    id: "expertise".into(),
                    claim: "The most experienced and most qualified repairers".into(),
                    keywords: vec!["experienced".into(), "certified".into(), "trained".into()],
                    ..Pillar::default()
                },
            ],
            avoid: vec!["cheap".into(), "discount".into()],
            ..External::default()
        },
        segments: ["repair crews", "sales", "support", "payroll", "IT"]
            .map(String::from)
            .to_vec(),
        internal: vec![
            Message {
                title: Some("Speed is everyone's job".into()),
                channel: Some("town hall".into()),
                messenger: Some("COO".into()),
                status: Some(Status::Draft),
                ..message(
                    "all-hands-speed",
                    "Every stand we touch should be selling lemonade again within 24 hours, and each of us can take time out of that promise this year.",
                )
            },
            message("best", "We want to be the best."),
            Message {
                audience: Audience::Segments(vec!["sales".into()]),
                ..message(
                    "quote",
                    "When you quote a repair, promise a quick fix by a certified repairer.",
                )
            },
            message("cheap", "We are the cheapest shop in town, so a slow visit is fine."),
            Message {
                waive: vec![Waiver {
                    criterion: Criterion::Realistic,
                    reason: "a stretch goal on purpose".into(),
                    ..Waiver::default()
                }],
                ..message(
                    "dominate",
                    "Our trained crews will dominate every market, fast.",
                )
            },
            message(
                "training",
                "By June every colleague completes the certified course our experienced repairers take.",
            ),
        ],
        ..MessageSet::default()
    }
}

/// How often the fake engine was asked to do what.
#[derive(Clone, Default)]
pub struct Counts {
    pub reviews: Rc<Cell<usize>>,
    pub rebuilds: Rc<Cell<usize>>,
}

/// Predictable rules: vague words fail `specific`, naming one team fails
/// `inclusive`, conquest fails `realistic`; pillar keywords tie; avoided
/// terms and opposites drift, and a message with no tie is off story.
pub struct FakeEngine {
    pillars: Vec<Pillar>,
    avoid: Vec<String>,
    pub counts: Counts,
}

impl FakeEngine {
    pub fn new(set: &MessageSet, counts: Counts) -> FakeEngine {
        FakeEngine {
            pillars: set.external.pillars.clone(),
            avoid: set.external.avoid.clone(),
            counts,
        }
    }
}

const RULES: [(Criterion, &str, &[&str]); 3] = [
    (Criterion::Specific, "vague-superlative", &["best", "greatness"]),
    (Criterion::Inclusive, "one-team", &["Texas", "sales team"]),
    (Criterion::Realistic, "conquest", &["dominate", "world domination"]),
];

impl Engine for FakeEngine {
    fn rebuild(&mut self, set: &MessageSet) {
        self.counts.rebuilds.set(self.counts.rebuilds.get() + 1);
        self.pillars = set.external.pillars.clone();
        self.avoid = set.external.avoid.clone();
    }

    fn review(&self, m: &Message) -> MessageReview {
        self.counts.reviews.set(self.counts.reviews.get() + 1);
        let text = &m.text;
        let results = Criterion::ALL.map(|c| {
            let findings: Vec<Finding> = RULES
                .iter()
                .filter(|(rc, _, _)| *rc == c)
                .flat_map(|(_, rule, words)| {
                    keyword_marks(text, words.iter().map(|w| (*w, ())))
                        .into_iter()
                        .map(move |(span, ())| Finding {
                            rule: rule.to_string(),
                            span,
                            message: format!("{rule}: this says little a colleague can act on."),
                            suggestion: Some("Say what, for whom, by when.".into()),
                        })
                })
                .collect();
            let waived = m.waiver(c).map(|w| w.reason.clone());
            let score = if findings.is_empty() { 90 } else { 40 };
            // As the rubric has it: only a story message must be aspirational.
            let applies = m.kind() == "story" || c != Criterion::Aspirational;
            CriterionResult {
                criterion: c,
                score,
                pass: findings.is_empty() || waived.is_some() || !applies,
                applies,
                pass_mark: 60,
                could_gain: vec![],
                waived,
                findings: if applies { findings } else { vec![] },
                breakdown: vec![],
            }
        });
        let ties: Vec<Tie> = keyword_marks(
            text,
            self.pillars
                .iter()
                .flat_map(|p| p.keywords.iter().map(move |k| (k.as_str(), (p.id.clone(), k.clone())))),
        )
        .into_iter()
        .map(|(span, (pillar, keyword))| Tie { pillar, span, keyword })
        .collect();
        let pillars: Vec<String> = self
            .pillars
            .iter()
            .filter(|p| ties.iter().any(|t| t.pillar == p.id))
            .map(|p| p.id.clone())
            .collect();
        let mut drift: Vec<Drift> = keyword_marks(text, self.avoid.iter().map(|a| (a.as_str(), ())))
            .into_iter()
            .map(|(span, ())| Drift {
                kind: DriftKind::AvoidedTerm,
                pillar: None,
                span: Some(span),
                message: "The brand avoids this word.".into(),
                suggestion: Some("Talk about speed or expertise instead.".into()),
            })
            .collect();
        for p in &self.pillars {
            for (span, ()) in keyword_marks(text, p.opposites.iter().map(|o| (o.as_str(), ()))) {
                drift.push(Drift {
                    kind: DriftKind::Contradiction,
                    pillar: Some(p.id.clone()),
                    span: Some(span),
                    message: format!("This contradicts the {} pillar.", p.id),
                    suggestion: None,
                });
            }
        }
        if ties.is_empty() && m.kind() == "story" {
            drift.push(Drift {
                kind: DriftKind::OffStory,
                pillar: None,
                span: None,
                message: "Supports no pillar of the story.".into(),
                suggestion: Some("Tie it to speed or expertise.".into()),
            });
        }
        MessageReview {
            id: m.id.clone(),
            kind: m.kind().to_string(),
            checklist: Checklist { results },
            alignment: Alignment {
                score: (pillars.len() * 50).min(100) as u8,
                pillars,
                ties,
            },
            drift,
            segments: Vec::new(),
            pending: false,
            language: None,
        }
    }

    fn summarize(&self, set: &MessageSet, reviews: &[MessageReview]) -> SetSummary {
        SetSummary {
            uncovered_pillars: self
                .pillars
                .iter()
                .filter(|p| !reviews.iter().any(|r| r.alignment.pillars.contains(&p.id)))
                .map(|p| p.id.clone())
                .collect(),
            unaddressed_segments: set
                .segments
                .iter()
                .filter(|s| {
                    !set.internal.iter().any(|m| match &m.audience {
                        Audience::All => true,
                        Audience::Segments(v) => v.contains(s),
                    })
                })
                .cloned()
                .collect(),
        }
    }
}

/// An app over `set` at 80×24, saving to `path`.
pub fn app_with(set: MessageSet, path: PathBuf) -> (App<'static>, Counts) {
    let counts = Counts::default();
    let engine = FakeEngine::new(&set, counts.clone());
    let mut app = App::new(set, path, None, Box::new(engine));
    step(&mut app, Action::Resize(80, 24));
    (app, counts)
}

/// An app over the fixture, with a path that is never written.
pub fn app() -> App<'static> {
    app_with(fixture(), PathBuf::from("/nonexistent/chorus-test/lemonadly.yaml")).0
}

pub fn key_event(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

/// What the tests drive: an app alone (its effects carried out by a
/// runtime with no journal, folders or lock, as in a session without a
/// state folder), or a `Bench`, an app with its own runtime.
pub trait Drive {
    fn app(&self) -> &App<'_>;
    /// Run `update` and carry out its effects, as the event loop does.
    fn step(&mut self, action: Action);
}

impl Drive for App<'_> {
    fn app(&self) -> &App<'_> {
        self
    }

    fn step(&mut self, action: Action) {
        Runtime::default().apply(self, action);
    }
}

/// An app and the runtime the event loop would own for it.
pub struct Bench {
    pub app: App<'static>,
    pub rt: Runtime,
}

impl Bench {
    pub fn new(app: App<'static>) -> Bench {
        Bench {
            app,
            rt: Runtime::default(),
        }
    }

    pub fn write_journal(&mut self) -> Option<std::io::Result<PathBuf>> {
        self.rt.write_journal(&mut self.app)
    }

    pub fn clear_journal(&mut self) {
        self.rt.clear_journal(&mut self.app);
    }

    pub fn journal_due(&self) -> bool {
        self.rt.journal_due(&self.app)
    }
}

impl std::ops::Deref for Bench {
    type Target = App<'static>;
    fn deref(&self) -> &App<'static> {
        &self.app
    }
}

impl std::ops::DerefMut for Bench {
    fn deref_mut(&mut self) -> &mut App<'static> {
        &mut self.app
    }
}

impl Drive for Bench {
    fn app(&self) -> &App<'_> {
        &self.app
    }

    fn step(&mut self, action: Action) {
        self.rt.apply(&mut self.app, action);
    }
}

/// Run `update` with `action` and carry out the effects, as the loop does.
pub fn step(app: &mut impl Drive, action: Action) {
    app.step(action);
}

/// Feed a terminal event through the real key map and update.
pub fn send(app: &mut impl Drive, event: Event) {
    if let Some(a) = keys::action_for(app.app(), &event) {
        app.step(a);
    }
}

pub fn press(app: &mut impl Drive, code: KeyCode) {
    let m = match code {
        KeyCode::Char(c) if c.is_ascii_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    send(app, key_event(code, m));
}

pub fn ctrl(app: &mut impl Drive, c: char) {
    send(app, key_event(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// Press a key per character of `s`.
pub fn keys(app: &mut impl Drive, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Open the details form's field `key`, type `value`, Enter.
pub fn set_field(app: &mut App, key: chorus::workbench::form::FieldKey, value: &str) {
    let chorus::workbench::state::Mode::Form(f) = &app.mode else {
        panic!("no form")
    };
    let fields = chorus::workbench::form::fields(&app.set, f.target);
    let pos = fields.iter().position(|x| x.key == key).unwrap();
    press(app, KeyCode::Home);
    for _ in 0..pos {
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Enter);
    ctrl(app, 'u');
    keys(app, value);
    press(app, KeyCode::Enter);
}

pub fn selected_id(app: &App) -> String {
    app.current_message().map(|m| m.id.clone()).unwrap_or_default()
}

/// Draw the app into a TestBackend of `w`×`h` (telling it the size first,
/// as the event loop does).
pub fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    step(app, Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| chorus::workbench::view::draw(f, app)).unwrap();
    t
}

/// The screen as text, one line per row.
pub fn screen(app: &mut App, w: u16, h: u16) -> String {
    let t = draw(app, w, h);
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| {
            let mut line = String::new();
            for x in 0..w {
                line.push_str(buf[(x, y)].symbol());
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The span `s` of `text`, as chars.
pub fn quote(text: &str, s: Span) -> String {
    s.quote(text).to_string()
}

/// A set file holding the fixture, in a fresh folder with a state folder.
pub struct Place {
    pub _dir: tempfile::TempDir,
    pub file: std::path::PathBuf,
    pub state: std::path::PathBuf,
}

pub fn place() -> Place {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lemonadly.yaml");
    chorus::core::store::save(&file, &fixture()).unwrap();
    let state = dir.path().join("state");
    Place { file, state, _dir: dir }
}
