//! The workbench's model: the open set and its reviews, and everything about
//! the session (selection, focus, mode, filter, the history `u` takes back,
//! unsaved state, the status line). `update` changes it; the view only reads
//! it. Plain data only: no file, journal or lock handle lives here (the event
//! loop's `effects::Runtime` holds those).
//!
//! Holds `modes` (focus, modes, prompts, the history's changes), `scoring`
//! (keeping the reviews current), `sight` (keeping the selection, the
//! cursor and the story in view) and `status` (what the status line says,
//! on as many rows as it needs). May import the core and the workbench's
//! plain-data and layout modules; never `update`, `effects`, `journal`,
//! `files` or `lock`.

mod modes;
mod scoring;
mod sight;
pub mod status;

pub use super::action::Rounds;
pub use modes::{AfterSave, Change, Editor, Focus, Form, Mode, Notice, ProgrammeView, Prompt};

use std::path::PathBuf;

use ratatui::layout::Rect;

use crate::core::model::{Date, Message, MessageSet};
use crate::core::programme::{self, Programme};
use crate::core::verdict::{MessageReview, SetSummary, Span};

use super::engine::Engine;
use super::filter::Filter;
use super::fingerprint::Fingerprint;
use super::glyphs;
use super::layout::{self, Panes};
use super::marks::{self, Item};

pub struct App<'e> {
    pub set: MessageSet,
    /// The file the set is saved to.
    pub path: PathBuf,
    /// The file as we last read or wrote it, to notice changes made by others.
    pub disk: Option<Fingerprint>,
    engine: Box<dyn Engine + 'e>,
    /// One review per message of the set, in the same order.
    pub reviews: Vec<MessageReview>,
    pub summary: SetSummary,
    /// The summary is out of date (text changed); refreshed on `Tick`, so
    /// typing does not pay for the whole set on every key.
    pub summary_stale: bool,
    /// What the last review made while editing kept, so the next
    /// keystroke's review reads again only what follows the edit.
    edit_words: Option<crate::core::review::Reread>,
    /// Index in the set of the selected message.
    pub selected: Option<usize>,
    pub focus: Focus,
    pub mode: Mode,
    pub prompt: Option<Prompt>,
    /// The filter in force (empty: none).
    pub filter: String,
    /// Indices of the messages the filter lets through, in set order.
    pub visible: Vec<usize>,
    /// First visible message shown in the list.
    pub list_offset: usize,
    /// Index of the selected finding of the selected message.
    pub finding: usize,
    /// First row of the message text shown.
    pub text_scroll: usize,
    /// First row of the story pane shown.
    pub story_scroll: usize,
    /// Changes `u` can take back, newest last.
    pub undo: Vec<Change>,
    pub dirty: bool,
    /// Counts edits: bumped by `mark_dirty`, so the event loop can tell
    /// whether the journal is behind.
    pub revision: u64,
    /// The revision last written to the journal (or saved).
    pub journaled: u64,
    pub notice: Option<Notice>,
    /// Terminal size (width, height).
    pub size: (u16, u16),
    /// The session is over: set when the event loop carries out `Effect::Quit`.
    pub quit: bool,
    pub after_save: AfterSave,
    /// Some messages are still pending (a large set being scored).
    pub scoring: bool,
    /// Another live session has the set open: who and since when. Edits
    /// and saves are refused, and no journal is written or removed.
    pub read_only: Option<String>,
    /// The home folder, for a save-as path typed as `~/…` (read once, so
    /// `update` never looks at the environment).
    pub home: Option<PathBuf>,
    /// The folder chorus was started in, against which a relative set path
    /// is shown in full when saving as (read once, like `home`).
    pub started_in: Option<PathBuf>,
    /// The day the programme's timeline is read on, taken once on opening
    /// (so update never reads the clock).
    pub today: Date,
    /// The selected message's text as last laid out, shared by `settle` and
    /// the view so a key lays the text out at most once.
    pub text_layout: glyphs::LayoutCache,
    /// Bumped whenever the story, pillars or segments change (`rebuild`,
    /// `replace_set`): the story pane's layout is kept until then.
    pub story_revision: u64,
    /// What employees said back (a survey round), for the pulse screen:
    /// figures and the quotes the anonymity rules allow, in memory only.
    pub pulse: Option<Box<crate::core::pulse::Pulse>>,
    /// The round before it, when two are compared, and what moved between
    /// them (as `chorus pulse SET A.csv B.csv` shows it).
    pub pulse_before: Option<Box<crate::core::pulse::Pulse>>,
    pub pulse_moved: Vec<crate::core::pulse::compare::Move>,
    /// The story pane laid out, keyed on `story_revision` and the width.
    story_layout: glyphs::Memo<(u64, usize), glyphs::DocLayout<marks::StoryMark>>,
}

/// How many messages are scored before the first frame (a screenful and
/// more); larger sets score the rest while idle.
pub const FIRST_SCORED: usize = 200;

impl<'e> App<'e> {
    pub fn new(set: MessageSet, path: PathBuf, disk: Option<Fingerprint>, engine: Box<dyn Engine + 'e>) -> App<'e> {
        let mut app = App {
            set,
            path,
            disk,
            engine,
            reviews: vec![],
            summary: SetSummary::default(),
            summary_stale: false,
            edit_words: None,
            scoring: false,
            selected: None,
            focus: Focus::List,
            mode: Mode::Normal,
            prompt: None,
            filter: String::new(),
            visible: vec![],
            list_offset: 0,
            finding: 0,
            text_scroll: 0,
            story_scroll: 0,
            undo: vec![],
            dirty: false,
            revision: 0,
            journaled: 0,
            notice: None,
            size: (80, 24),
            quit: false,
            after_save: AfterSave::Nothing,
            read_only: None,
            home: std::env::var_os("HOME").map(PathBuf::from),
            started_in: std::env::current_dir().ok(),
            today: Date::today(),
            text_layout: glyphs::LayoutCache::default(),
            story_revision: 0,
            story_layout: glyphs::Memo::default(),
            pulse: None,
            pulse_before: None,
            pulse_moved: Vec::new(),
        };
        app.rescore_all();
        app.refilter();
        app.selected = app.visible.first().copied();
        app
    }

    /// Replace the set (after a reload): the reviewer is rebuilt, every
    /// message rescored, and the selection kept where it still makes sense.
    pub fn replace_set(&mut self, set: MessageSet, disk: Option<Fingerprint>) {
        let keep = self.current_message().map(|m| m.id.clone());
        self.set = set;
        self.disk = disk;
        self.story_revision += 1;
        self.engine.rebuild(&self.set);
        self.rescore_all();
        self.undo.clear();
        self.dirty = false;
        self.refilter();
        self.selected = keep
            .and_then(|id| self.set.internal.iter().position(|m| m.id == id))
            .filter(|i| self.visible.contains(i))
            .or_else(|| self.visible.first().copied());
        self.finding = 0;
    }

    // --- unsaved edits ----------------------------------------------------

    /// The set was edited.
    pub fn mark_dirty(&mut self) {
        self.dirty = true;
        self.revision += 1;
    }

    /// Unsaved edits the journal does not hold yet.
    pub fn journal_behind(&self) -> bool {
        self.dirty && self.revision != self.journaled
    }

    /// The kinds of message the lexicon knows, for the details form.
    pub fn kinds(&self) -> Vec<String> {
        self.engine.kinds()
    }

    /// Refuse an edit or a save when the set is open read-only; returns
    /// whether it was refused.
    pub fn refuse_if_read_only(&mut self) -> bool {
        let Some(holder) = &self.read_only else {
            return false;
        };
        let msg = format!("Read-only, open in another chorus ({holder}): quit it to edit here, or start with --force");
        self.error(msg);
        true
    }

    // --- selection -------------------------------------------------------

    /// Recompute which messages the filter lets through (its words in the
    /// id, title or text, ignoring case; its `field:value` terms in the
    /// details), keeping the selection on a visible message.
    pub fn refilter(&mut self) {
        let f = Filter::parse(&self.filter);
        self.visible = self
            .set
            .internal
            .iter()
            .enumerate()
            .filter(|(_, m)| f.matches(m))
            .map(|(i, _)| i)
            .collect();
        if !self.selected.is_some_and(|s| self.visible.contains(&s)) {
            self.selected = self.visible.first().copied();
        }
    }

    /// Position of the selected message in the visible list.
    pub fn visible_pos(&self) -> Option<usize> {
        let s = self.selected?;
        self.visible.iter().position(|&i| i == s)
    }

    pub fn current_message(&self) -> Option<&Message> {
        self.selected.and_then(|i| self.set.internal.get(i))
    }

    pub fn current_review(&self) -> Option<&MessageReview> {
        self.selected.and_then(|i| self.reviews.get(i))
    }

    /// The findings of the selected message.
    pub fn findings(&self) -> Vec<Item<'_>> {
        self.current_review().map(marks::items).unwrap_or_default()
    }

    /// The span of the selected finding, shown in the text while the
    /// findings pane has the keyboard.
    pub fn selected_span(&self) -> Option<Span> {
        if self.focus != Focus::Findings || self.editor().is_some() {
            return None;
        }
        self.findings().get(self.finding).and_then(|f| f.span)
    }

    pub fn editor(&self) -> Option<&Editor> {
        match &self.mode {
            Mode::Editing(e) => Some(e),
            _ => None,
        }
    }

    pub fn panes(&self) -> Option<Panes> {
        layout::panes_with(Rect::new(0, 0, self.size.0, self.size.1), self.status_rows())
    }

    /// The file name shown in the status line and prompts.
    /// The set read as a programme, from the reviews held, as of `today`.
    pub fn programme(&self) -> Programme {
        let config = self.engine.programme_config();
        programme::read(&self.set, &self.reviews, &config, self.today)
    }

    /// Read one survey export, or two rounds to compare (oldest first),
    /// against the set as it is now.
    pub fn read_pulse(&self, csvs: &[PathBuf]) -> Result<Rounds, String> {
        let mut read = self.engine.read_pulses(&self.set, csvs)?;
        let latest = read.pop().ok_or("no survey export to read")?;
        Ok(Rounds {
            latest,
            before: read.pop(),
        })
    }

    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string())
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: true,
        });
    }

    /// Tell what loading the set noticed (keys that look misspelt): the
    /// first, by the file's name, line and column, and how many more. Shown
    /// as an error so it stays until something replaces it: a field the
    /// set silently lacks is worth not missing.
    pub fn tell_load_notices(&mut self, notices: &[crate::core::store::Notice]) {
        let Some(first) = notices.first() else { return };
        let mut text = format!(
            "{}:{}:{}: {}",
            glyphs::visible(&self.file_name()),
            first.line,
            first.column,
            glyphs::visible(&first.message)
        );
        if notices.len() > 1 {
            text.push_str(&format!(" (and {} more: `chorus check` lists them)", notices.len() - 1));
        }
        self.error(text);
    }
}
