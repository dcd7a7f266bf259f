//! The workbench's model: the open set and its reviews, and everything about
//! the session (selection, focus, mode, filter, undo of deletes, unsaved
//! state, the status line). `update` changes it; the view only reads it.

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use crate::core::model::{Message, MessageSet};
use crate::core::verdict::{MessageReview, SetSummary, Span};

use super::engine::Engine;
use super::files::{Dirs, Fingerprint};
use super::form::Target;
use super::input::LineInput;
use super::journal::{Found, Journal};
use super::layout::{self, Panes};
use super::lock::Lock;
use super::marks::{self, Item};
use super::text;

/// The pane that has the keyboard (Tab cycles in this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Message,
    Findings,
    Story,
}

impl Focus {
    pub const ORDER: [Focus; 4] = [Focus::List, Focus::Message, Focus::Findings, Focus::Story];

    pub fn next(self) -> Focus {
        let i = Focus::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        Focus::ORDER[(i + 1) % 4]
    }

    pub fn prev(self) -> Focus {
        let i = Focus::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        Focus::ORDER[(i + 3) % 4]
    }
}

/// The selected message's text being edited in place.
pub struct Editor {
    /// Index of the message in the set.
    pub index: usize,
    pub textarea: TextArea<'static>,
    /// The pane to give the keyboard back to when editing ends.
    pub return_focus: Focus,
    /// The message as it was when editing began, for undo.
    pub before: Message,
}

impl Editor {
    /// Char offset of the cursor in the message's text (lines joined by `\n`).
    pub fn cursor_offset(&self) -> usize {
        let ratatui_textarea::DataCursor(row, col) = self.textarea.cursor();
        let lines = self.textarea.lines();
        lines[..row.min(lines.len())]
            .iter()
            .map(|l| l.chars().count() + 1)
            .sum::<usize>()
            + col
    }

    /// The text as the message stores it.
    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }
}

/// The field editor over a message's details or the story.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub target: Target,
    /// Index of the selected field.
    pub selected: usize,
    /// The selected field's value being typed, when editing it.
    pub input: Option<LineInput>,
    /// Why the last value was refused.
    pub error: Option<String>,
    /// First field row shown.
    pub scroll: usize,
    /// Pillars deleted in this form, most recent last, for `u`.
    pub removed_pillars: Vec<(usize, crate::core::model::Pillar)>,
}

impl Form {
    pub fn new(target: Target) -> Form {
        Form {
            target,
            selected: 0,
            input: None,
            error: None,
            scroll: 0,
            removed_pillars: vec![],
        }
    }
}

/// What the keyboard is doing, below any prompt.
pub enum Mode {
    Normal,
    /// Boxed: the text area is large and the other modes are small.
    Editing(Box<Editor>),
    Help {
        scroll: usize,
    },
    /// `x`: why the selected message scored as it did.
    Explain {
        scroll: usize,
    },
    /// Typing a filter; `before` is restored on Esc.
    Filter {
        input: LineInput,
        before: String,
    },
    Form(Form),
}

/// A question that takes the keyboard until it is answered or cancelled.
#[derive(Debug, Clone, PartialEq)]
pub enum Prompt {
    /// Quit with unsaved changes: save, discard or cancel.
    Unsaved,
    /// The file changed on disk since it was loaded: reload, overwrite or save as.
    Conflict,
    /// On opening: a journal holds unsaved edits of this set from a session
    /// that stopped without saving: restore, discard, or keep for later.
    Restore(Box<Found>),
    /// Saving failed (the error is in the status line too): save as or keep editing.
    SaveFailed(String),
    /// Typing the path to save as.
    SaveAs(LineInput),
    /// The save-as target exists and is another file: overwrite it?
    Overwrite(PathBuf),
}

/// The status line's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// What to do once the current save has succeeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterSave {
    Nothing,
    Quit,
}

/// A deleted message, kept so `u` can put it back where it was.
#[derive(Debug, Clone, PartialEq)]
/// One change to the set, kept so `u` can take it back (newest last).
pub enum Change {
    /// A message's text or details changed; `before` is how it was.
    Edited { index: usize, before: Message },
    /// The brand, story, pillars or segments changed; the set as it was
    /// (its messages left out).
    Story { before: Box<MessageSet> },
    /// A message was added or duplicated at `index`.
    Inserted { index: usize },
    /// A message was deleted from `index`.
    Removed { index: usize, message: Message },
    /// A message moved from `from` to `to`.
    Moved { from: usize, to: usize },
}

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
    /// Where unsaved edits are journaled (none in tests unless given).
    pub journal: Option<Journal>,
    pub notice: Option<Notice>,
    /// Terminal size (width, height).
    pub size: (u16, u16),
    pub quit: bool,
    pub after_save: AfterSave,
    /// Where to remember the last opened set (none in tests).
    pub dirs: Option<Dirs>,
    /// Some messages are still pending (a large set being scored).
    pub scoring: bool,
    /// This session's hold on the set (none when another session has it,
    /// or in tests unless given); released when the app is dropped.
    pub lock: Option<Lock>,
    /// Another live session has the set open: who and since when. Edits
    /// and saves are refused, and no journal is written or removed.
    pub read_only: Option<String>,
    /// The selected message's text as last laid out, shared by `settle` and
    /// the view so a key lays the text out at most once.
    pub text_layout: text::LayoutCache,
    /// Bumped whenever the story, pillars or segments change (`rebuild`,
    /// `replace_set`): the story pane's layout is kept until then.
    pub story_revision: u64,
    /// The story pane laid out, keyed on `story_revision` and the width.
    story_layout: text::Memo<(u64, usize), text::DocLayout<marks::StoryMark>>,
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
            journal: None,
            notice: None,
            size: (80, 24),
            quit: false,
            after_save: AfterSave::Nothing,
            dirs: None,
            lock: None,
            read_only: None,
            text_layout: text::LayoutCache::default(),
            story_revision: 0,
            story_layout: text::Memo::default(),
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

    // --- unsaved edits and the journal ------------------------------------

    /// The set was edited.
    pub fn mark_dirty(&mut self) {
        self.dirty = true;
        self.revision += 1;
    }

    /// Unsaved edits the journal does not hold yet.
    /// The kinds of message the lexicon knows, for the details form.
    pub fn kinds(&self) -> Vec<String> {
        self.engine.kinds()
    }

    pub fn journal_due(&self) -> bool {
        self.dirty && self.journal.is_some() && self.revision != self.journaled
    }

    /// Write the unsaved edits to this session's journal. `None` when
    /// there is no journal (no state folder) or nothing unsaved.
    pub fn write_journal(&mut self) -> Option<std::io::Result<PathBuf>> {
        if !self.dirty {
            return None;
        }
        let journal = self.journal.as_mut()?;
        let written = journal.write(&self.path, self.disk.as_ref(), &self.set);
        if written.is_ok() {
            self.journaled = self.revision;
        }
        Some(written)
    }

    /// `write_journal` on a background thread (the event loop's periodic
    /// write). Returns the error of the previous background write, if any.
    pub fn write_journal_in_background(&mut self) -> Option<std::io::Error> {
        if !self.dirty {
            return None;
        }
        let journal = self.journal.as_mut()?;
        let error = journal.write_in_background(&self.path, self.disk.clone(), self.set.clone());
        self.journaled = self.revision;
        error
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

    /// The edits were saved or discarded: this session's journal goes.
    pub fn clear_journal(&mut self) {
        if let Some(j) = self.journal.as_mut() {
            j.clear();
        }
        self.journaled = self.revision;
    }

    // --- scoring ---------------------------------------------------------

    /// Score every message. A large set is scored a screenful first and
    /// the rest while the user reads it (`score_pending`), so the first
    /// frame does not wait for ten thousand reviews.
    pub fn rescore_all(&mut self) {
        let n = self.set.internal.len();
        if n <= FIRST_SCORED {
            self.reviews = self.engine.review_all(&self.set.internal);
            self.scoring = false;
            self.refresh_summary();
            return;
        }
        let mut reviews = self.engine.review_all(&self.set.internal[..FIRST_SCORED]);
        reviews.extend(
            self.set.internal[FIRST_SCORED..]
                .iter()
                .map(|m| MessageReview::pending(&m.id)),
        );
        self.reviews = reviews;
        self.scoring = true;
    }

    /// Score up to `budget` messages still pending; returns whether any
    /// remain. The set summary is refreshed once the last is scored.
    pub fn score_pending(&mut self, budget: usize) -> bool {
        let mut left = budget;
        let mut i = 0;
        while left > 0 && i < self.reviews.len() {
            if !self.reviews[i].pending {
                i += 1;
                continue;
            }
            let mut end = i;
            while end < self.reviews.len() && self.reviews[end].pending && end - i < left {
                end += 1;
            }
            let scored = self.engine.review_all(&self.set.internal[i..end]);
            left -= end - i;
            self.reviews.splice(i..end, scored);
            i = end;
        }
        if self.reviews.iter().any(|r| r.pending) {
            return true;
        }
        if self.scoring {
            self.scoring = false;
            self.refresh_summary();
        }
        false
    }

    /// Score message `i` now if it is still pending (it is on screen).
    pub fn ensure_scored(&mut self, i: usize) {
        if self.reviews.get(i).is_some_and(|r| r.pending) {
            self.reviews[i] = self.engine.review(&self.set.internal[i]);
        }
    }

    /// Rescore one message (the one being edited); the set summary is
    /// marked stale and refreshed when typing pauses.
    pub fn rescore(&mut self, i: usize) {
        if let Some(m) = self.set.internal.get(i) {
            let r = self.engine.review(m);
            self.reviews[i] = r;
            self.summary_stale = true;
        }
    }

    /// The story, pillars or segments changed.
    pub fn rebuild(&mut self) {
        self.story_revision += 1;
        self.engine.rebuild(&self.set);
        self.rescore_all();
    }

    pub fn refresh_summary(&mut self) {
        if self.scoring {
            // Summarised once every message is scored.
            return;
        }
        self.summary = self.engine.summarize(&self.set, &self.reviews);
        self.summary_stale = false;
    }

    pub(crate) fn review_of(&self, m: &Message) -> MessageReview {
        self.engine.review(m)
    }

    // --- selection -------------------------------------------------------

    /// Recompute which messages the filter lets through (id, title or text,
    /// ignoring case), keeping the selection on a visible message.
    pub fn refilter(&mut self) {
        let f = self.filter.to_lowercase();
        self.visible = self
            .set
            .internal
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                f.is_empty()
                    || m.id.to_lowercase().contains(&f)
                    || m.text.to_lowercase().contains(&f)
                    || m.title.as_deref().is_some_and(|t| t.to_lowercase().contains(&f))
            })
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
        layout::panes(Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// The file name shown in the status line and prompts.
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

    /// Keep what the user is looking at in sight after a change: the selected
    /// message in the list, the cursor or the selected finding in the text.
    pub fn settle(&mut self) {
        if let Some(s) = self.selected {
            if s >= self.set.internal.len() {
                self.selected = self.visible.last().copied();
            }
        }
        let n = self.findings().len();
        if self.finding >= n {
            self.finding = n.saturating_sub(1);
        }
        let Some(p) = self.panes() else { return };
        let rows = p.list_rows().max(1);
        if let Some(pos) = self.visible_pos() {
            if pos < self.list_offset {
                self.list_offset = pos;
            } else if pos >= self.list_offset + rows {
                self.list_offset = pos + 1 - rows;
            }
        }
        self.list_offset = self.list_offset.min(self.visible.len().saturating_sub(rows));

        // The message text: keep the cursor, else the selected finding, in sight.
        let height = p.message_text().height.max(1) as usize;
        let width = p.text_width();
        let Some(m) = self.current_message() else {
            self.text_scroll = 0;
            return;
        };
        let layout = self.text_layout.get(&m.text, width);
        let rows = &layout.rows;
        let target = match self.editor() {
            Some(e) => Some(e.cursor_offset()),
            None => self.selected_span().map(|s| s.start),
        };
        if let Some(at) = target {
            let (row, _) = layout.locate(at, width + 1);
            if row < self.text_scroll {
                self.text_scroll = row;
            } else if row >= self.text_scroll + height {
                self.text_scroll = row + 1 - height;
            }
        }
        self.text_scroll = self.text_scroll.min(rows.len().saturating_sub(height));
        if let Some((total, shown)) = self.story_rows() {
            self.story_scroll = self.story_scroll.min(total.saturating_sub(shown));
        }
    }

    /// Rows of the story pane's scrolling part, and how many of them fit
    /// (the set summary is pinned below them).
    pub fn story_rows(&self) -> Option<(usize, usize)> {
        Some(self.story_rows_in(layout::inner(self.panes()?.story)))
    }

    /// `story_rows` for a story pane whose inside is `inner`.
    pub fn story_rows_in(&self, inner: Rect) -> (usize, usize) {
        let width = inner.width.max(1) as usize;
        // The summary takes at most half the pane, so the story stays readable.
        let height = inner.height as usize;
        let pinned: usize = marks::summary_doc(&self.summary)
            .iter()
            .map(|p| text::wrap(&text::glyphs(&p.text), width).len())
            .sum();
        let total = self.story_layout(width).total();
        (total, height.saturating_sub(pinned.min(height / 2)))
    }

    /// The story pane's paragraphs (before the selected message's ties are
    /// marked) wrapped at `width`, made again only when the story changed.
    pub fn story_layout(&self, width: usize) -> Arc<text::DocLayout<marks::StoryMark>> {
        self.story_layout.get((self.story_revision, width), || {
            text::DocLayout::new(marks::story_doc_plain(&self.set), width)
        })
    }
}
