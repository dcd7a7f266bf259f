//! Each open answer read as chorus reads a message: the pillars it echoes
//! (with the words), what it contradicts, the figures it misremembers, the
//! avoided terms it uses, or that it echoes no pillar. An answer not in
//! English is named and not read. Each answer is also placed in its segment
//! (values matched to the set's segments and the lexicon's aliases).

use std::collections::HashMap;

use super::columns::{segment_key, Columns};
use super::scale;
use super::table::Table;
use crate::core::lexicon::Lexicon;
use crate::core::model::MessageSet;
use crate::core::review::Reviewer;
use crate::core::text::phrases::FastHash;
use crate::core::verdict::Reading;

/// The group of answers whose segment value matches none of the set's.
pub const UNMATCHED: &str = "segment not recognised";
/// The group of answers with no segment value.
pub const NO_SEGMENT: &str = "no segment given";
/// The one group when the export has no segment column.
pub const EVERYONE: &str = "everyone";

/// One respondent's answer, read. Held in memory only.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The row of the file (the header is row 1).
    pub row: usize,
    /// Index into `Groups::names`.
    pub group: usize,
    pub text: String,
    pub reading: Reading,
    /// Per scale column: the point, when the answer gives one on the scale.
    pub scales: Vec<Option<u8>>,
}

impl Answer {
    /// Empty, so not read.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Read against the story (English, not empty).
    pub fn is_read(&self) -> bool {
        !self.is_blank() && self.reading.language.is_none()
    }
}

/// The segments answers fall into.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Groups {
    pub names: Vec<String>,
    /// Segment values that match no segment of the set, each once.
    pub unmatched: Vec<String>,
}

/// The set's segment names and aliases as values are matched, each with
/// its segment's index.
pub fn segment_keys(set: &MessageSet, lexicon: &Lexicon) -> HashMap<String, usize> {
    let mut keys = HashMap::new();
    for (i, s) in set.segments.iter().enumerate() {
        keys.entry(segment_key(s)).or_insert(i);
        for alias in lexicon.segment_aliases(s) {
            keys.entry(segment_key(alias)).or_insert(i);
        }
    }
    keys
}

/// Read every answer of `table`; `notices` gains what the user should know
/// (answers off the scale).
pub fn read_answers(
    table: &Table,
    columns: &Columns,
    set: &MessageSet,
    lexicon: &Lexicon,
    notices: &mut Vec<String>,
) -> (Vec<Answer>, Groups) {
    let keys = segment_keys(set, lexicon);
    let mut groups = Groups::default();
    let (unmatched, blank) = match columns.segment {
        Some(_) => {
            groups.names = set.segments.clone();
            groups.names.push(UNMATCHED.to_string());
            groups.names.push(NO_SEGMENT.to_string());
            (set.segments.len(), set.segments.len() + 1)
        }
        None => {
            groups.names.push(EVERYONE.to_string());
            (0, 0)
        }
    };
    let mut off_scale = vec![(0usize, 0usize); columns.scales.len()];
    // Per scale column, the point of each distinct answer: a column holds a
    // handful, read once each rather than once per respondent.
    let mut points: Vec<HashMap<&str, Option<u8>, FastHash>> = vec![HashMap::default(); columns.scales.len()];
    let mut answers = Vec::with_capacity(table.records.len());
    for r in &table.records {
        let group = match columns.segment {
            None => 0,
            Some(c) if r.fields[c].trim().is_empty() => blank,
            Some(c) => match keys.get(&segment_key(&r.fields[c])) {
                Some(&i) => i,
                None => {
                    let v = r.fields[c].trim().to_string();
                    if !groups.unmatched.contains(&v) {
                        groups.unmatched.push(v);
                    }
                    unmatched
                }
            },
        };
        let scales = columns
            .scales
            .iter()
            .zip(off_scale.iter_mut())
            .zip(points.iter_mut())
            .map(|((s, off), known)| {
                let field = r.fields[s.index].as_str();
                let v = *known.entry(field).or_insert_with(|| scale::value(field, s.points));
                if v.is_none() && !field.trim().is_empty() {
                    if off.0 == 0 {
                        off.1 = r.row;
                    }
                    off.0 += 1;
                }
                v
            })
            .collect();
        answers.push(Answer {
            row: r.row,
            group,
            text: r.fields[columns.text].clone(),
            reading: Reading::default(),
            scales,
        });
    }
    for (s, (n, row)) in columns.scales.iter().zip(off_scale) {
        if n > 0 {
            notices.push(format!(
                "{n} answer{} to \"{}\" {} not on its 1-{} scale (the first at row {row}): left out",
                if n == 1 { "" } else { "s" },
                s.header,
                if n == 1 { "is" } else { "are" },
                s.points
            ));
        }
    }
    read_all(&Reviewer::new(set, lexicon), &mut answers);
    (answers, groups)
}

/// Read the answers' texts, large rounds shared across every core (answers
/// are independent).
pub fn read_all(reviewer: &Reviewer, answers: &mut [Answer]) {
    let read = |part: &mut [Answer]| {
        for a in part.iter_mut().filter(|a| !a.is_blank()) {
            a.reading = reviewer.read(&a.text);
        }
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads < 2 || answers.len() < 1024 {
        return read(answers);
    }
    let chunk = answers.len().div_ceil(threads);
    std::thread::scope(|s| {
        for part in answers.chunks_mut(chunk) {
            s.spawn(move || read(part));
        }
    });
}
