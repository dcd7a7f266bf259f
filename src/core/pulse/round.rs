//! One round of a survey: the CSV read, its columns chosen (from the
//! user's flags, else the pulse file beside the CSV, else guessed), its
//! answers read and summed up. The pulse file holds only column headers,
//! never an answer, so the next round in the same folder needs no flags.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::columns;
pub use super::columns::Choice;
use super::problem::PulseError;
use super::reading;
use super::summary::{self, Pulse};
use super::table;
use crate::core::lexicon::Lexicon;
use crate::core::model::MessageSet;
use crate::core::store::{self, yaml};

/// The pulse file's name, in the CSV's folder. Hidden, so `chorus check`
/// on the folder does not take it for a message set.
pub const PULSE_FILE: &str = ".chorus-pulse.yaml";

/// The pulse file for the CSV at `csv`.
pub fn pulse_file_for(csv: &Path) -> PathBuf {
    csv.parent().unwrap_or(Path::new("")).join(PULSE_FILE)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedChoice {
    text_column: Option<String>,
    segment_column: Option<String>,
    #[serde(default)]
    scale_columns: Vec<String>,
}

/// The columns saved in the pulse file at `path`, if there is one.
pub fn read_choice(path: &Path) -> Result<Option<Choice>, PulseError> {
    if !path.exists() {
        return Ok(None);
    }
    let text = store::read_regular(path, 64 * 1024).map_err(|e| PulseError::new(path, 0, e.message))?;
    let saved: SavedChoice = yaml::from_str(&text)
        .map_err(|e| PulseError::new(path, 0, format!("line {}, column {}: {}", e.line, e.column, e.message)))?;
    Ok(Some(Choice {
        text: saved.text_column,
        segment: saved.segment_column,
        scales: saved.scale_columns,
    }))
}

/// The pulse file's text for `choice`: headers only.
pub fn choice_text(choice: &Choice) -> String {
    // A JSON string is a YAML double-quoted string: any header is safe.
    let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut out = String::from(
        "# Which columns of the survey exports in this folder chorus reads\n\
         # (`chorus pulse`). Column headers only: no answer is kept here.\n",
    );
    if let Some(t) = &choice.text {
        out.push_str(&format!("text_column: {}\n", q(t)));
    }
    if let Some(s) = &choice.segment {
        out.push_str(&format!("segment_column: {}\n", q(s)));
    }
    let scales: Vec<String> = choice.scales.iter().map(|s| q(s)).collect();
    out.push_str(&format!("scale_columns: [{}]\n", scales.join(", ")));
    out
}

/// A round read and its columns chosen, before it is summed up.
struct Read {
    table: table::Table,
    columns: columns::Columns,
    answers: Vec<reading::Answer>,
    groups: reading::Groups,
    notices: Vec<String>,
    used: Choice,
}

fn read(set: &MessageSet, lexicon: &Lexicon, csv: &Path, flags: &Choice) -> Result<Read, PulseError> {
    let table = table::read_file(csv)?;
    let mut notices = table.notices.clone();
    let pulse_file = pulse_file_for(csv);
    let choice = if flags.is_empty() {
        match read_choice(&pulse_file)? {
            Some(saved) => {
                notices.push(format!("columns as saved in {}", pulse_file.display()));
                saved
            }
            None => Choice::default(),
        }
    } else {
        flags.clone()
    };
    let keys: Vec<String> = reading::segment_keys(set, lexicon).into_keys().collect();
    let columns = columns::choose(&table, &choice, &keys, csv)?;
    let (answers, groups) = reading::read_answers(&table, &columns, set, lexicon, &mut notices);
    let used = Choice {
        text: Some(table.headers[columns.text].clone()),
        segment: columns.segment.map(|i| table.headers[i].clone()),
        scales: columns.scales.iter().map(|s| s.header.clone()).collect(),
    };
    Ok(Read {
        table,
        columns,
        answers,
        groups,
        notices,
        used,
    })
}

fn summarize(set: &MessageSet, r: &Read, csv: &Path, forced: &BTreeSet<String>) -> Pulse {
    let mut pulse = summary::summarize(
        set,
        &r.table,
        &r.columns,
        &r.answers,
        &r.groups,
        r.notices.clone(),
        forced,
    );
    pulse.source = csv.to_path_buf();
    pulse
}

/// Read the round in `csv` against `set`, with the columns `flags` name
/// (when it names none: the pulse file's, else guessed). Returns the
/// summary and the columns used, by header.
pub fn read_round(
    set: &MessageSet,
    lexicon: &Lexicon,
    csv: &Path,
    flags: &Choice,
) -> Result<(Pulse, Choice), PulseError> {
    let r = read(set, lexicon, csv, flags)?;
    let pulse = summarize(set, &r, csv, &BTreeSet::new());
    Ok((pulse, r.used))
}

/// The groups folded in any of `pulses`.
fn folded(pulses: &[Pulse]) -> BTreeSet<String> {
    pulses
        .iter()
        .filter_map(|p| p.other.as_ref())
        .flat_map(|o| o.names.iter().cloned())
        .collect()
}

/// Read rounds to compare, folding consistently: a group folded in one
/// round is folded in every round, so no one can be worked out by
/// subtracting one round's figures from another's. A forced fold may take
/// the next-smallest group with it, which is then folded everywhere too,
/// until the folds agree.
pub fn read_rounds(
    set: &MessageSet,
    lexicon: &Lexicon,
    csvs: &[PathBuf],
    flags: &Choice,
) -> Result<Vec<(Pulse, Choice)>, PulseError> {
    let reads = csvs
        .iter()
        .map(|csv| read(set, lexicon, csv, flags))
        .collect::<Result<Vec<_>, _>>()?;
    let mut forced = BTreeSet::new();
    let sum = |forced: &BTreeSet<String>| -> Vec<Pulse> {
        reads
            .iter()
            .zip(csvs)
            .map(|(r, csv)| summarize(set, r, csv, forced))
            .collect()
    };
    let mut pulses = sum(&forced);
    let alone: Vec<BTreeSet<String>> = pulses.iter().map(|p| folded(std::slice::from_ref(p))).collect();
    // The folds only grow, and there are finitely many groups: this ends.
    loop {
        let all = folded(&pulses);
        if all == forced {
            break;
        }
        forced = all;
        pulses = sum(&forced);
    }
    for (p, alone) in pulses.iter_mut().zip(&alone) {
        let more: Vec<String> = p
            .other
            .iter()
            .flat_map(|o| o.names.iter())
            .filter(|n| !alone.contains(*n))
            .cloned()
            .collect();
        if !more.is_empty() {
            p.notices.push(format!(
                "also folded in this round, as in the other, so one round cannot be subtracted from the other: {}",
                more.join(", ")
            ));
        }
    }
    Ok(pulses.into_iter().zip(reads).map(|(p, r)| (p, r.used)).collect())
}
