//! What the user asked for, independent of which key or click said it.
//! `keys` turns terminal events into these; `update` carries them out.

use ratatui_textarea::Input;

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
    NextProblem,
    PrevProblem,
    /// `a`: a new message (a new pillar in the story form).
    Add,
    Duplicate,
    /// `D`: delete the selected message (its pillar in the story form).
    Delete,
    /// `u`: put back the last deleted message (pillar in the story form).
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
}
