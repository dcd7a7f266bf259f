//! Colours and styles, in one place so every pane agrees (one colour per
//! pillar, the same red for failing and drifting everywhere).

use ratatui::style::{Color, Modifier, Style};

use crate::workbench::marks::{Mark, StoryMark};

const PILLARS: [Color; 6] = [
    Color::Cyan,
    Color::Magenta,
    Color::Green,
    Color::Blue,
    Color::Yellow,
    Color::LightRed,
];

/// The colour of the pillar with this index in the story.
pub fn pillar(i: usize) -> Color {
    PILLARS[i % PILLARS.len()]
}

pub fn pass() -> Style {
    Style::new().fg(Color::Green)
}

pub fn fail() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn waived() -> Style {
    Style::new().fg(Color::Yellow)
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn label() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(Color::DarkGray)
    }
}

pub fn editing_border() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
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
    Style::new().fg(Color::Magenta).add_modifier(Modifier::DIM)
}

pub fn error() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD)
}

/// How a mark over a message's text looks (painted over what is below).
pub fn mark(m: Mark) -> Style {
    match m {
        Mark::Tie(i) => Style::new().fg(Color::Black).bg(pillar(i)),
        Mark::Drift => Style::new()
            .fg(Color::LightRed)
            .add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        Mark::Selected => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
    }
}

pub fn story_mark(m: StoryMark) -> Style {
    match m {
        StoryMark::Keyword(i) => Style::new().fg(pillar(i)),
        StoryMark::Tied(i) => Style::new().fg(Color::Black).bg(pillar(i)).add_modifier(Modifier::BOLD),
        StoryMark::Pillar(i) => Style::new().fg(pillar(i)).add_modifier(Modifier::BOLD),
        StoryMark::Label => dim(),
        StoryMark::Warn => Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    }
}
