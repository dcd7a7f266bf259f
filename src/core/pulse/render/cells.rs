//! The at-a-glance grid every rendering shares: one row per group shown
//! (the segments, the fold, everyone), one column per figure, as shares.

use crate::core::pulse::summary::{share, Figures, Pulse};

/// What a column of the grid shows, so each rendering colours it alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// More is better: the story landed.
    Echo,
    /// Less is better: drift.
    Drift,
    /// What people say they believe.
    Scale,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub measure: Measure,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: String,
    pub respondents: usize,
    /// Per column: the share in percent, `None` when nobody answered it.
    pub cells: Vec<Option<u32>>,
}

pub fn columns(p: &Pulse) -> Vec<Column> {
    let col = |title: String, measure| Column { title, measure };
    let mut out: Vec<Column> = p.pillars.iter().map(|pl| col(pl.id.clone(), Measure::Echo)).collect();
    out.push(col("any pillar".into(), Measure::Echo));
    out.push(col("contradict".into(), Measure::Drift));
    out.push(col("misremember".into(), Measure::Drift));
    out.push(col("avoided term".into(), Measure::Drift));
    out.extend(p.columns.scales.iter().map(|(h, _)| col(h.clone(), Measure::Scale)));
    out
}

fn row(name: &str, f: &Figures) -> Row {
    let of_read = |n: usize| (f.read > 0).then(|| share(n, f.read));
    let mut cells: Vec<Option<u32>> = f.echo.iter().map(|n| of_read(*n)).collect();
    cells.extend([f.any, f.contradict, f.misremember, f.avoided].map(of_read));
    cells.extend(
        f.scales
            .iter()
            .map(|t| (t.answered > 0).then(|| share(t.agree, t.answered))),
    );
    Row {
        name: name.to_string(),
        respondents: f.respondents,
        cells,
    }
}

/// The rows: each segment shown, the fold, then everyone.
pub fn rows(p: &Pulse) -> Vec<Row> {
    let mut out: Vec<Row> = p.groups.iter().map(|g| row(&g.name, &g.figures)).collect();
    if let Some(o) = &p.other {
        out.push(row("other segments", &o.figures));
    }
    out.push(row("everyone", &p.overall));
    out
}

/// The headline: the say/know gap, or what people can state.
pub fn headline(p: &Pulse) -> String {
    match p.gap() {
        Some((say, know)) => {
            format!("{say}% say they believe the story; {know}% can state a pillar of it in their own words.")
        }
        None => format!(
            "{}% can state a pillar of the story in their own words.",
            share(p.overall.any, p.overall.read)
        ),
    }
}

/// Lines saying what the reader must know: the fold, unmatched segments,
/// answers not read, notices.
pub fn notes(p: &Pulse) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(o) = &p.other {
        out.push(format!(
            "Folded into \"other segments\", so no group of fewer than 5 can be shown or worked out: {}.",
            o.names.join(", ")
        ));
    }
    if !p.unmatched.is_empty() {
        out.push(format!(
            "Segment values that match no segment of the set (their answers are under \"segment not recognised\"): {}.",
            p.unmatched.join(", ")
        ));
    }
    for (language, n, row) in &p.foreign {
        out.push(format!(
            "{n} answer{} in {language} (the first at row {row}): chorus reads English, so {} not scored.",
            if *n == 1 { "" } else { "s" },
            if *n == 1 { "it is" } else { "they are" }
        ));
    }
    if p.blank > 0 {
        out.push(format!(
            "{} empty answer{}.",
            p.blank,
            if p.blank == 1 { "" } else { "s" }
        ));
    }
    out.extend(p.notices.iter().cloned());
    if !p.too_few && p.examples.is_empty() {
        out.push("No answer is quoted: answers are quoted only from a segment of 10 or more.".into());
    }
    out
}

/// The columns read, in one sentence.
pub fn columns_said(p: &Pulse) -> String {
    let c = &p.columns;
    let mut s = format!("Answers from \"{}\"", c.text);
    if let Some(seg) = &c.segment {
        s.push_str(&format!(", segments from \"{seg}\""));
    }
    for (h, points) in &c.scales {
        s.push_str(&format!(", scale \"{h}\" (1-{points})"));
    }
    s.push('.');
    if c.guessed {
        s.push_str(" Guessed from the headers: name them with --text-column, --segment-column and --scale-column, or keep these with --save-columns.");
    }
    s
}

/// "42 answers, 40 read against the story."
pub fn counts(p: &Pulse) -> String {
    format!(
        "{} answers, {} read against the story.",
        p.overall.respondents, p.overall.read
    )
}

pub const WORDS_TITLE: &str = "Words employees use for each pillar";
pub const PHRASES_TITLE: &str = "What answers that echo no pillar say instead";
pub const EXAMPLES_TITLE: &str = "Example answers";

/// The depth as parts each rendering marks up, every text through `esc`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Depth {
    /// Per pillar with words: its id and "fast (12), hours (8)".
    pub words: Vec<(String, String)>,
    /// The phrases of answers echoing no pillar, listed; empty for none.
    pub phrases: String,
    /// (finding, answer) per example.
    pub examples: Vec<(String, String)>,
}

pub fn depth(p: &Pulse, esc: impl Fn(&str) -> String) -> Depth {
    let listed = |list: &[(String, usize)]| {
        let items: Vec<String> = list.iter().map(|(w, n)| format!("{} ({n})", esc(w))).collect();
        items.join(", ")
    };
    Depth {
        words: p
            .pillars
            .iter()
            .zip(&p.words)
            .filter(|(_, w)| !w.is_empty())
            .map(|(pl, w)| (esc(&pl.id), listed(w)))
            .collect(),
        phrases: listed(&p.phrases),
        examples: p.examples.iter().map(|e| (esc(&e.finding), esc(&e.text))).collect(),
    }
}
