//! What happens to the workbench, as plain data. An `Action` is what the
//! user asked for (independent of which key or click said it) or what came
//! of an effect; `keys` turns terminal events into actions and `update`
//! applies them to the model. An `Effect` is what `update` asks of the world
//! (save, reload, journal, quit): only the event loop carries effects out
//! (`effects`), and what came of each returns to `update` as an action.

use std::path::PathBuf;

use ratatui_textarea::Input;

use crate::core::model::MessageSet;

use super::fingerprint::Fingerprint;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Move within the focused pane (list selection, finding, scroll, form field).
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    FocusNext,
    FocusPrev,
    /// Enter or `e`: edit the selected message's text (the story from the
    /// story pane; the selected field in a form).
    Edit,
    /// `f`: the selected message's details (audience, title, status, waivers…).
    EditFields,
    /// `s`: the external story, its pillars and the segments.
    EditStory,
    Save,
    SaveAs,
    Quit,
    Help,
    /// `x`: the breakdown of the selected message's scores.
    Explain,
    Filter,
    /// `p`: the programme screen (the set as a comms plan).
    Programme,
    /// Across the programme's coverage grid.
    Left,
    Right,
    /// `p`: the pulse screen (asks for a survey export when none is loaded).
    Pulse,
    NextProblem,
    PrevProblem,
    /// `a`: a new message (a new pillar in the story form).
    Add,
    Duplicate,
    /// `D`: delete the selected message (its pillar in the story form).
    Delete,
    /// `u`: take back the last change (in the story form too: a pillar
    /// added or deleted there is one change like any other).
    Undo,
    MoveDown,
    MoveUp,
    /// Esc: close the overlay, cancel the prompt, leave the editor.
    Cancel,
    /// Enter in a one-line input.
    Confirm,
    /// A prompt's answer key (e.g. `s`ave, `d`iscard).
    Choose(char),
    /// A key for the text being typed (editor, filter, path, form field).
    Type(Input),
    /// Bracketed paste.
    Paste(String),
    Click {
        column: u16,
        row: u16,
    },
    Scroll {
        down: bool,
        column: u16,
        row: u16,
    },
    Resize(u16, u16),
    /// Typing paused: refresh what was put off (the set summary).
    Tick,

    // --- what came of an effect ---------------------------------------
    /// The set was written to `path`, which now looks like `disk`.
    Saved {
        path: PathBuf,
        disk: Option<Fingerprint>,
    },
    /// The save did not happen; the message says why.
    SaveFailed(String),
    /// Someone else changed the set's file since we read it: not saved.
    ChangedOnDisk,
    /// A save-as target is another file that exists: not saved.
    Exists(PathBuf),
    /// The set as the file holds it now.
    Reloaded {
        set: Box<MessageSet>,
        disk: Option<Fingerprint>,
        /// What the store noticed in the file (keys that look misspelt).
        notices: Vec<crate::core::store::Notice>,
    },
    ReloadFailed(String),
    /// The journal holds the edits up to this revision.
    Journaled(u64),
    /// Writing the journal failed; the message says why.
    JournalFailed(String),
    /// A survey export was read, or two rounds to compare (or why they
    /// could not be).
    PulseLoaded(Result<Box<Rounds>, String>),
    /// After a discard, the edits another stopped session left, offered in
    /// turn.
    OfferRestore(Box<crate::workbench::unsaved::Found>),
}

/// What the pulse screen shows: the latest round, and the round before it
/// when two are compared.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rounds {
    pub latest: crate::core::pulse::Pulse,
    pub before: Option<crate::core::pulse::Pulse>,
}

impl Action {
    /// Whether this reports what came of an effect rather than what the
    /// user asked for.
    pub fn is_outcome(&self) -> bool {
        matches!(
            self,
            Action::Saved { .. }
                | Action::SaveFailed(_)
                | Action::ChangedOnDisk
                | Action::Exists(_)
                | Action::Reloaded { .. }
                | Action::ReloadFailed(_)
                | Action::Journaled(_)
                | Action::JournalFailed(_)
                | Action::PulseLoaded(_)
                | Action::OfferRestore(_)
        )
    }
}

/// What `update` asks the event loop to do; the model never does these itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the set to `path`. `check_disk`: first make sure nobody changed
    /// the file since we read it (else `ChangedOnDisk`). `overwrite: false`:
    /// a file already at `path` is not written over (else `Exists`). Saving
    /// to another set's file takes that set's lock first, so a set open in
    /// another session is never written over (else `SaveFailed`).
    Save {
        path: PathBuf,
        check_disk: bool,
        overwrite: bool,
    },
    /// Read the set's file again (answered by `Reloaded` or `ReloadFailed`).
    Reload,
    /// This session's journal goes: its edits were saved or discarded.
    DropJournal,
    /// A journal a stopped session left goes (the user discarded it); an
    /// older one left beside it is offered next (`OfferRestore`).
    DiscardJournal(PathBuf),
    /// Journal the unsaved edits now (`Journaled`), then remove `replacing`
    /// (a stopped session's journal whose edits are this session's now).
    WriteJournal { replacing: Option<PathBuf> },
    /// Read the survey export at this path for the pulse screen, or two
    /// rounds to compare, oldest first (answered by `PulseLoaded`). Nothing
    /// of it is written anywhere.
    LoadPulse(Vec<PathBuf>),
    /// Remember this set as the one to open next time.
    RememberPath(PathBuf),
    /// End the session.
    Quit,
}
