//! The parts of the model that say what the keyboard is doing: the focused
//! pane, the mode and its editor or form, the prompt, the status line's
//! notice, and the changes of the history `u` takes back.

use std::path::PathBuf;

use ratatui_textarea::TextArea;

use crate::core::model::{Message, MessageSet};
use crate::core::programme::Programme;
use crate::workbench::form::Target;
use crate::workbench::input::LineInput;
use crate::workbench::unsaved::Found;

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
}

impl Form {
    pub fn new(target: Target) -> Form {
        Form {
            target,
            selected: 0,
            input: None,
            error: None,
            scroll: 0,
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
    /// `p`: the set as a comms plan, read when opened.
    Programme(Box<ProgrammeView>),
    /// `v`: what employees said back, read against the story.
    Pulse {
        scroll: usize,
    },
}

/// The programme screen: the programme read when it was opened, the
/// selected cell of the coverage grid, and the cell's messages when listed.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeView {
    pub programme: Programme,
    /// Segment (row) and pillar (column) of the selected cell.
    pub row: usize,
    pub col: usize,
    /// The selected message of the cell, while its messages are listed.
    pub listing: Option<usize>,
}

impl ProgrammeView {
    /// The messages behind the selected cell.
    pub fn cell(&self) -> &[usize] {
        self.programme
            .coverage
            .get(self.row)
            .and_then(|r| r.get(self.col))
            .map_or(&[], Vec::as_slice)
    }
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
    /// Typing the path of a survey export (CSV) for the pulse screen.
    PulsePath(LineInput),
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

/// One change to the set, kept so `u` can take it back (newest last).
#[derive(Debug, Clone, PartialEq)]
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
