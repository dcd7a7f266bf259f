//! The pulse in the terminal: the say/know gap as the headline, a grid of
//! shares per segment (coloured when the output is a terminal), then the
//! depth: the words employees use per pillar, the phrases of answers that
//! echo no pillar, and examples. Every text is made visible (no control
//! character reaches the terminal).

use super::cells::{self, Measure};
use crate::core::pulse::summary::Pulse;
use crate::core::report::escape::visible;

#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
}

/// The colour a share gets: green where the story landed (or no drift),
/// yellow between, red where it did not.
pub fn tone(measure: Measure, v: u32) -> Tone {
    match measure {
        Measure::Echo | Measure::Scale if v >= 60 => Tone::Good,
        Measure::Echo | Measure::Scale if v >= 30 => Tone::Fair,
        Measure::Echo | Measure::Scale => Tone::Poor,
        Measure::Drift if v == 0 => Tone::Good,
        Measure::Drift if v < 20 => Tone::Fair,
        Measure::Drift => Tone::Poor,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Fair,
    Poor,
}

fn paint(s: &str, tone: Tone, style: Style) -> String {
    if !style.color {
        return s.to_string();
    }
    let code = match tone {
        Tone::Good => "32",
        Tone::Fair => "33",
        Tone::Poor => "31",
    };
    format!("\x1b[{code}m{s}\x1b[0m")
}

/// A header cut to `width` characters, for the grid.
pub fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
    t.push('…');
    t
}

/// The whole pulse as terminal text.
pub fn render(p: &Pulse, style: Style) -> String {
    let v = |s: &str| visible(s, false).into_owned();
    let mut out = format!("{} pulse: {}\n", v(&p.brand), v(&p.source.display().to_string()));
    if p.too_few {
        cells::notes(p)
            .iter()
            .for_each(|n| out.push_str(&format!("{}\n", v(n))));
        return out;
    }
    out.push_str(&format!("{}\n{}\n\n", cells::counts(p), v(&cells::columns_said(p))));
    out.push_str(&format!("  {}\n\n", cells::headline(p)));
    out.push_str(&grid(p, style));
    for n in cells::notes(p) {
        out.push_str(&format!("{}\n", v(&n)));
    }
    out.push_str(&depth(p));
    out
}

/// The grid: segments down, figures across.
pub fn grid(p: &Pulse, style: Style) -> String {
    let cols = cells::columns(p);
    let rows = cells::rows(p);
    let name_w = rows.iter().map(|r| r.name.chars().count()).max().unwrap_or(8).max(8);
    let widths: Vec<usize> = cols.iter().map(|c| cut(&c.title, 14).chars().count().max(4)).collect();
    let mut out = format!("{:<name_w$}  {:>7}", "segment", "answers");
    for (c, w) in cols.iter().zip(&widths) {
        out.push_str(&format!("  {:>w$}", visible(&cut(&c.title, 14), false)));
    }
    out.push('\n');
    for r in &rows {
        out.push_str(&format!("{:<name_w$}  {:>7}", visible(&r.name, false), r.respondents));
        for ((cell, c), w) in r.cells.iter().zip(&cols).zip(&widths) {
            let text = match cell {
                Some(n) => format!("{:>w$}", format!("{n}%")),
                None => format!("{:>w$}", "-"),
            };
            let painted = match cell {
                Some(n) => paint(&text, tone(c.measure, *n), style),
                None => text,
            };
            out.push_str("  ");
            out.push_str(&painted);
        }
        out.push('\n');
    }
    out.push('\n');
    out
}

/// The depth, for whoever reads on.
pub fn depth(p: &Pulse) -> String {
    let d = cells::depth(p, |s| visible(s, false).into_owned());
    let mut out = String::new();
    if !d.words.is_empty() {
        out.push_str(&format!(
            "\n{} (words to borrow in the next messages):\n",
            cells::WORDS_TITLE
        ));
        d.words
            .iter()
            .for_each(|(id, w)| out.push_str(&format!("  {id}: {w}\n")));
    }
    if !d.phrases.is_empty() {
        out.push_str(&format!("\n{}:\n  {}\n", cells::PHRASES_TITLE, d.phrases));
    }
    if !d.examples.is_empty() {
        out.push_str(&format!("\n{}:\n", cells::EXAMPLES_TITLE));
        d.examples
            .iter()
            .for_each(|(f, t)| out.push_str(&format!("  {f}: \"{t}\"\n")));
    }
    out
}
