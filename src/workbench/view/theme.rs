//! Colours and styles, in one place so every pane agrees (one colour per
//! pillar, the same red for failing and drifting everywhere). The colours
//! come from a palette: the dark one (for dark backgrounds), the light one,
//! or one a theme file made. The palette is set once, before drawing, for
//! the thread that draws; every style below reads it.

use std::cell::Cell;

use ratatui::style::{Color, Modifier, Style};

use crate::workbench::marks::{Mark, StoryMark};

/// The colours of one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub pillars: [Color; 6],
    /// A criterion that passes.
    pub pass: Color,
    /// A failure or drift.
    pub fail: Color,
    /// A failure the team waived.
    pub waived: Color,
    /// Legends, labels of lesser weight, unfocused borders.
    pub dim: Color,
    /// The focused pane's border, and keys in the help and prompts.
    pub accent: Color,
    /// What is being edited: the editor's border, a field's value, a path.
    pub edit: Color,
    /// Stand-ins for control characters.
    pub escaped: Color,
    /// Drifting words in a message.
    pub drift: Color,
    /// Words on a pillar's colour (a tie in the text).
    pub on_pillar: Color,
    /// The error line's text and background.
    pub error_fg: Color,
    pub error_bg: Color,
}

impl Palette {
    /// For a dark background (the terminal's default colours on black).
    pub const DARK: Palette = Palette {
        pillars: [
            Color::Cyan,
            Color::Magenta,
            Color::Green,
            Color::Blue,
            Color::Yellow,
            Color::LightRed,
        ],
        pass: Color::Green,
        fail: Color::Red,
        waived: Color::Yellow,
        dim: Color::DarkGray,
        accent: Color::Cyan,
        edit: Color::Yellow,
        escaped: Color::Magenta,
        drift: Color::LightRed,
        on_pillar: Color::Black,
        error_fg: Color::White,
        error_bg: Color::Red,
    };

    /// For a light background: deeper colours from the 256-colour table,
    /// which keep their contrast on white (yellow and cyan do not).
    pub const LIGHT: Palette = Palette {
        pillars: [
            Color::Indexed(25),  // deep blue
            Color::Indexed(127), // plum
            Color::Indexed(28),  // green
            Color::Indexed(130), // brown-orange
            Color::Indexed(31),  // teal
            Color::Indexed(161), // raspberry
        ],
        pass: Color::Indexed(28),
        fail: Color::Indexed(160),
        waived: Color::Indexed(130),
        dim: Color::Indexed(244),
        accent: Color::Indexed(25),
        edit: Color::Indexed(94),
        escaped: Color::Indexed(127),
        drift: Color::Indexed(160),
        on_pillar: Color::White,
        error_fg: Color::White,
        error_bg: Color::Indexed(160),
    };

    /// A built-in palette by name.
    pub fn named(name: &str) -> Option<Palette> {
        match name {
            "dark" => Some(Palette::DARK),
            "light" => Some(Palette::LIGHT),
            _ => None,
        }
    }
}

thread_local! {
    static CURRENT: Cell<Palette> = const { Cell::new(Palette::DARK) };
}

/// Draw with `p` on this thread from now on.
pub fn set(p: Palette) {
    CURRENT.with(|c| c.set(p));
}

/// The palette in force on this thread.
pub fn palette() -> Palette {
    CURRENT.with(|c| c.get())
}

/// The colour of the pillar with this index in the story.
pub fn pillar(i: usize) -> Color {
    let p = palette().pillars;
    p[i % p.len()]
}

pub fn pass() -> Style {
    Style::new().fg(palette().pass)
}

pub fn fail() -> Style {
    Style::new().fg(palette().fail).add_modifier(Modifier::BOLD)
}

pub fn waived() -> Style {
    Style::new().fg(palette().waived)
}

pub fn dim() -> Style {
    Style::new().fg(palette().dim)
}

pub fn label() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(palette().accent).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(palette().dim)
    }
}

pub fn editing_border() -> Style {
    Style::new().fg(palette().edit).add_modifier(Modifier::BOLD)
}

/// The selected row of a list: reversed while its pane has the keyboard.
pub fn selected_row(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    }
}

/// A stand-in for a control character (␛, \u{202e}…), so it reads as one.
pub fn escaped() -> Style {
    Style::new().fg(palette().escaped).add_modifier(Modifier::DIM)
}

pub fn error() -> Style {
    Style::new()
        .fg(palette().error_fg)
        .bg(palette().error_bg)
        .add_modifier(Modifier::BOLD)
}

/// How a mark over a message's text looks (painted over what is below).
pub fn mark(m: Mark) -> Style {
    match m {
        Mark::Tie(i) => Style::new().fg(palette().on_pillar).bg(pillar(i)),
        Mark::Drift => Style::new()
            .fg(palette().drift)
            .add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        Mark::Selected => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
    }
}

pub fn story_mark(m: StoryMark) -> Style {
    match m {
        StoryMark::Keyword(i) => Style::new().fg(pillar(i)),
        StoryMark::Tied(i) => Style::new()
            .fg(palette().on_pillar)
            .bg(pillar(i))
            .add_modifier(Modifier::BOLD),
        StoryMark::Pillar(i) => Style::new().fg(pillar(i)).add_modifier(Modifier::BOLD),
        StoryMark::Label => dim(),
        StoryMark::Warn => Style::new().fg(palette().waived).add_modifier(Modifier::BOLD),
    }
}

/// Keys named in the help screen and the prompts.
pub fn key() -> Style {
    Style::new().fg(palette().accent)
}

/// What is being typed or edited: a field's value, a path.
pub fn typed() -> Style {
    Style::new().fg(palette().edit)
}
