//! Which columns of a survey export chorus reads: the open answer, the
//! segment and the scale questions, named by the user (flags or the pulse
//! file) or guessed from the headers and values and then said. A column
//! that looks like names or e-mail addresses is never read, and a file
//! with one is refused unless the user names the columns to use.

use std::path::Path;

use super::problem::PulseError;
use super::scale;
use super::table::Table;

/// Columns as the user names them, by header.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Choice {
    pub text: Option<String>,
    pub segment: Option<String>,
    pub scales: Vec<String>,
}

impl Choice {
    pub fn is_empty(&self) -> bool {
        self.text.is_none() && self.segment.is_none() && self.scales.is_empty()
    }
}

/// A scale question's column and its size.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleColumn {
    pub index: usize,
    pub header: String,
    pub points: u8,
}

/// The columns chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    pub text: usize,
    pub segment: Option<usize>,
    pub scales: Vec<ScaleColumn>,
    /// Guessed by chorus rather than named: said to the user.
    pub guessed: bool,
}

/// Header words that mean a column says who answered.
const PERSONAL_HEADERS: &[&str] = &[
    "name",
    "first name",
    "last name",
    "surname",
    "full name",
    "e-mail",
    "email",
    "mail",
    "phone",
    "respondent",
    "employee id",
    "employee number",
    "staff id",
];
/// Header words of an open question.
const TEXT_CUES: &[&str] = &[
    "in your words",
    "own words",
    "describe",
    "in a sentence",
    "what is",
    "about",
    "tell us",
    // A column named only for what it holds, as survey tools export it.
    "text",
    "answer",
    "answers",
    "response",
    "responses",
    "comment",
    "comments",
];
/// Header words of a segment column.
const SEGMENT_CUES: &[&str] = &[
    "segment",
    "department",
    "dept",
    "team",
    "division",
    "function",
    "region",
    "business unit",
    "group",
    "area",
];

fn has_cue(header: &str, cues: &[&str]) -> bool {
    let h = header.to_lowercase();
    cues.iter().any(|c| {
        h.match_indices(c).any(|(i, _)| {
            let before = h[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after = h[i + c.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            before && after
        })
    })
}

/// A segment name as values are matched: lower case, spaces squeezed, a
/// plural's final s dropped ("Repair Crew" is "repair crews").
pub fn segment_key(v: &str) -> String {
    let l = v.trim().to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    match l.strip_suffix('s') {
        Some(stem) if stem.chars().count() > 2 => stem.to_string(),
        _ => l,
    }
}

fn looks_like_email(v: &str) -> bool {
    let v = v.trim();
    match v.split_once('@') {
        Some((user, host)) => !user.is_empty() && host.contains('.') && !v.contains(char::is_whitespace),
        None => false,
    }
}

/// Whether column `i` looks like it says who answered: by its header, or
/// by its values (one in five an e-mail address).
pub fn is_personal(table: &Table, i: usize) -> bool {
    if has_cue(&table.headers[i], PERSONAL_HEADERS) {
        return true;
    }
    let filled = table.records.iter().filter(|r| !r.fields[i].trim().is_empty()).count();
    let mails = table.records.iter().filter(|r| looks_like_email(&r.fields[i])).count();
    mails > 0 && mails * 5 >= filled
}

/// How many rows a guess looks at: enough to tell a department column
/// from open answers, without reading a large export once per column.
const GUESS_ROWS: usize = 2000;

/// Column `i` of the first `GUESS_ROWS` rows.
fn sample(table: &Table, i: usize) -> impl Iterator<Item = &str> {
    table.records.iter().take(GUESS_ROWS).map(move |r| r.fields[i].as_str())
}

fn values(table: &Table, i: usize) -> impl ExactSizeIterator<Item = &str> {
    table.records.iter().map(move |r| r.fields[i].as_str())
}

/// The headers a user may name (none of a personal column), for messages.
fn known(table: &Table) -> String {
    let names: Vec<String> = (0..table.headers.len())
        .filter(|&i| !is_personal(table, i))
        .map(|i| format!("\"{}\"", table.headers[i]))
        .collect();
    names.join(", ")
}

fn find(table: &Table, header: &str, path: &Path, flag: &str) -> Result<usize, PulseError> {
    let want = header.trim().to_lowercase();
    let i = table
        .headers
        .iter()
        .position(|h| h.to_lowercase() == want)
        .ok_or_else(|| {
            PulseError::new(
                path,
                1,
                format!(
                    "no column is headed \"{header}\" ({flag}); the columns are {}",
                    known(table)
                ),
            )
        })?;
    if is_personal(table, i) {
        return Err(PulseError::new(
            path,
            1,
            format!(
                "column {} looks like names or e-mail addresses; chorus keeps answers anonymous and does not read it",
                i + 1
            ),
        ));
    }
    Ok(i)
}

/// Choose the columns of `table`: those `choice` names, the rest guessed;
/// `segments` are the set's segment names and aliases, lower case.
pub fn choose(table: &Table, choice: &Choice, segments: &[String], path: &Path) -> Result<Columns, PulseError> {
    let personal: Vec<usize> = (0..table.headers.len()).filter(|&i| is_personal(table, i)).collect();
    if choice.text.is_none() {
        if let Some(&i) = personal.first() {
            return Err(PulseError::new(
                path,
                1,
                format!(
                    "column {} looks like names or e-mail addresses; chorus keeps answers anonymous and \
                     reads no such column. Remove it from the export, or name the columns to read: \
                     --text-column HEADER (and --segment-column, --scale-column)",
                    i + 1
                ),
            ));
        }
    }
    let free = |i: &usize| !personal.contains(i);
    let scales_named = !choice.scales.is_empty();
    let mut scales = Vec::new();
    for h in &choice.scales {
        let i = find(table, h, path, "--scale-column")?;
        let points = scale::points_of(values(table, i)).ok_or_else(|| {
            PulseError::new(
                path,
                1,
                format!("the column \"{h}\" is not a scale: its answers are not 1-5, 1-7 or labels such as \"Agree\""),
            )
        })?;
        scales.push(ScaleColumn {
            index: i,
            header: table.headers[i].clone(),
            points,
        });
    }
    let segment = match &choice.segment {
        Some(h) => Some(find(table, h, path, "--segment-column")?),
        None if choice.is_empty() => guess_segment(table, segments, &personal),
        None => None,
    };
    let text = match &choice.text {
        Some(h) => find(table, h, path, "--text-column")?,
        None => {
            let taken = |i: usize| Some(i) == segment || scales.iter().any(|s| s.index == i);
            guess_text(table, |i| free(&i) && !taken(i)).ok_or_else(|| {
                PulseError::new(
                    path,
                    1,
                    format!(
                        "no column looks like open answers; name it with --text-column HEADER (the columns are {})",
                        known(table)
                    ),
                )
            })?
        }
    };
    if !scales_named && choice.is_empty() {
        for i in (0..table.headers.len()).filter(|i| free(i) && *i != text && Some(*i) != segment) {
            if let Some(points) = scale::points_of(values(table, i)) {
                scales.push(ScaleColumn {
                    index: i,
                    header: table.headers[i].clone(),
                    points,
                });
            }
        }
    }
    Ok(Columns {
        text,
        segment,
        scales,
        guessed: choice.text.is_none(),
    })
}

fn guess_segment(table: &Table, segments: &[String], personal: &[usize]) -> Option<usize> {
    let candidates = (0..table.headers.len()).filter(|i| !personal.contains(i));
    let rows = table.records.len().min(GUESS_ROWS);
    let matched = |i: usize| sample(table, i).filter(|v| segments.contains(&segment_key(v))).count();
    let mut best: Option<(usize, usize)> = None;
    for i in candidates {
        let hits = matched(i);
        let cue = has_cue(&table.headers[i], SEGMENT_CUES);
        if (cue || hits * 2 >= rows) && best.is_none_or(|(_, b)| hits > b) {
            best = Some((i, hits));
        }
    }
    best.map(|(i, _)| i)
}

fn guess_text(table: &Table, allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let rows = table.records.len().clamp(1, GUESS_ROWS);
    let mean_len = |i: usize| sample(table, i).map(|v| v.chars().count()).sum::<usize>() / rows;
    let open: Vec<usize> = (0..table.headers.len())
        .filter(|&i| allowed(i) && scale::points_of(values(table, i)).is_none())
        .collect();
    open.iter()
        .copied()
        .find(|&i| has_cue(&table.headers[i], TEXT_CUES) && mean_len(i) >= 8)
        .or_else(|| {
            open.iter()
                .copied()
                .filter(|&i| mean_len(i) >= 15)
                .max_by_key(|&i| mean_len(i))
        })
}
