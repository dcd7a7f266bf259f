//! Keys that look like a known field misspelt (`internals:`, `audeince:`):
//! loading keeps every unknown key and writes it back, as the schema says,
//! so a typo would otherwise pass in silence while the field it meant is
//! simply missing. These are notices, not errors: the set still loads.
//!
//! The known fields are the decoder's own lists (`decode::*_KEYS`), so a
//! field added to the schema is suggested here without a second list.

use std::fmt;
use std::path::{Path, PathBuf};

use super::decode::{EXTERNAL_KEYS, MESSAGE_KEYS, PILLAR_KEYS, PROGRAMME_KEYS, TOP_KEYS, WAIVER_KEYS};
use super::path::{FieldPath, Step};
use super::{items, yaml};
use crate::core::model::{Extra, MessageSet, Value};

/// Keys never taken for a typo: labelled sets (the rule tests) give each
/// message its expected verdicts under `expect`.
const NEVER_A_TYPO: &[&str] = &["expect"];

/// The most keys one file is told about: placing each costs a pass over
/// the file, and past this many the reader has seen the pattern.
const MAX_NOTICES: usize = 20;

/// Something in a set worth a second look that does not stop it loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub path: PathBuf,
    /// 1-based, like a `LoadError`'s.
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The key as written in the file.
    pub key: String,
    /// The known field it probably meant.
    pub meant: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::problem::located(f, &self.path, self.line, self.column, &self.message)
    }
}

/// The known field `key` is probably a misspelling of, if any: within two
/// edits (a swap of two letters counts as one, case is ignored), one for a
/// field of three letters or fewer (else any two-letter key would be `id`).
pub fn meant(key: &str, known: &[&'static str]) -> Option<&'static str> {
    if NEVER_A_TYPO.contains(&key) {
        return None;
    }
    let lower = key.trim().to_lowercase();
    known
        .iter()
        .map(|k| (osa_distance(&lower, k), *k))
        .filter(|(d, k)| *d <= if k.chars().count() <= 3 { 1 } else { 2 })
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// The notices for `set`, read from `source` (the text it was parsed
/// from, to place each key); `path` names the file in them.
pub fn notices(source: &str, path: &Path, set: &MessageSet) -> Vec<Notice> {
    let mut found: Vec<(FieldPath, String, &'static str)> = Vec::new();
    let root = FieldPath::root();
    look(&set.extra, &root, TOP_KEYS, &mut found);
    look(&set.programme.extra, &root.key("programme"), PROGRAMME_KEYS, &mut found);
    let external = root.key("external");
    look(&set.external.extra, &external, EXTERNAL_KEYS, &mut found);
    for (i, p) in set.external.pillars.iter().enumerate() {
        look(&p.extra, &external.key("pillars").index(i), PILLAR_KEYS, &mut found);
    }
    for (i, m) in set.internal.iter().enumerate() {
        let at = root.key("internal").index(i);
        look(&m.extra, &at, MESSAGE_KEYS, &mut found);
        for (j, w) in m.waive.iter().enumerate() {
            look(&w.extra, &at.key("waive").index(j), WAIVER_KEYS, &mut found);
        }
        if found.len() > MAX_NOTICES {
            break;
        }
    }
    let more = found.len().saturating_sub(MAX_NOTICES);
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let items = Items::of(
        source,
        set.internal.len(),
        found.iter().any(|(at, ..)| at.steps().len() > 1),
    );
    let mut out: Vec<Notice> = found
        .into_iter()
        .take(MAX_NOTICES)
        .map(|(at, key, meant)| {
            let (line, column) = items
                .locate(source, at.steps())
                .or_else(|| yaml::locate(source, at.steps()))
                .unwrap_or((1, 1));
            let mut message = format!(
                "unknown key `{key}`: did you mean `{meant}`? (chorus keeps it as written and reads no `{meant}` here)"
            );
            if at.steps().len() == 1 && meant == "internal" && set.internal.is_empty() {
                let held = match set.extra.get(&key) {
                    Some(Value::Seq(items)) if items.len() == 1 => {
                        format!(" (the entry under `{key}` is not checked)")
                    }
                    Some(Value::Seq(items)) => format!(" (the {} entries under `{key}` are not checked)", items.len()),
                    _ => String::new(),
                };
                message = format!(
                    "unknown key `{key}`: did you mean `{meant}`? As written, the set has no internal messages{held}"
                );
            }
            Notice {
                path: path.to_path_buf(),
                line,
                column,
                message,
                key,
                meant: meant.to_string(),
            }
        })
        .collect();
    if more > 0 {
        if let Some(last) = out.last_mut() {
            last.message
                .push_str(" — and more keys like it in this file, not listed");
        }
    }
    out
}

/// Where each message of `internal` starts in the file, so a key inside
/// one is placed by reading that message alone: placing a key by the
/// whole file costs a pass over all of it, for each key.
struct Items {
    /// Byte offset and 1-based line of each item's first line.
    starts: Vec<(usize, usize)>,
}

impl Items {
    /// The items' starts, when one scan finds exactly `messages` of them
    /// (a `- ` line inside a quoted text would make one too many: then
    /// none, and keys are placed by the whole file). Only looked for when
    /// `wanted`.
    fn of(source: &str, messages: usize, wanted: bool) -> Items {
        let heads = match wanted.then(|| items::item_starts(source)).flatten() {
            Some(h) if h.len() == messages => h,
            _ => return Items { starts: vec![] },
        };
        let mut line = 1;
        let mut last = 0;
        let starts = heads
            .into_iter()
            .map(|at| {
                line += source.as_bytes()[last..at].iter().filter(|&&b| b == b'\n').count();
                last = at;
                (at, line)
            })
            .collect();
        Items { starts }
    }

    /// The line and column of the node at `steps`, when it is inside a
    /// message found here.
    fn locate(&self, source: &str, steps: &[Step]) -> Option<(usize, usize)> {
        let [Step::Key(top), Step::Index(i), rest @ ..] = steps else {
            return None;
        };
        if top != "internal" || rest.is_empty() {
            return None;
        }
        let &(start, line) = self.starts.get(*i)?;
        let end = self.starts.get(i + 1).map_or(source.len(), |&(s, _)| s);
        let mut inner = vec![Step::Index(0)];
        inner.extend_from_slice(rest);
        // The item alone is a list of one; its lines count from its own.
        let (l, column) = yaml::locate(&source[start..end], &inner)?;
        Some((line + l - 1, column))
    }
}

/// Every unknown key of one mapping that looks like one of its `known` fields.
fn look(extra: &Extra, at: &FieldPath, known: &[&'static str], found: &mut Vec<(FieldPath, String, &'static str)>) {
    for (key, _) in &extra.unknown {
        // Beside the field it resembles, the key is a field of the team's
        // own, written on purpose.
        let near = meant(key, known).filter(|m| !extra.order.iter().any(|k| k == m));
        if let Some(meant) = near {
            // The key itself, by its place: a key is found by position, not
            // by its text (see `Step::KeyAt`).
            let index = extra.order.iter().position(|k| k == key).unwrap_or(0);
            found.push((at.then(Step::KeyAt(index)), key.clone(), meant));
        }
    }
}

/// Edits (insert, delete, change, or swap two neighbours) from `a` to `b`:
/// the optimal string alignment distance, on chars. Keys are short.
fn osa_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_and_slips_are_near_other_words_are_not() {
        assert_eq!(osa_distance("audeince", "audience"), 1);
        assert_eq!(osa_distance("internals", "internal"), 1);
        assert_eq!(meant("internals", TOP_KEYS), Some("internal"));
        assert_eq!(meant("audeince", MESSAGE_KEYS), Some("audience"));
        assert_eq!(meant("Text", MESSAGE_KEYS), Some("text"));
        assert_eq!(meant("chanel", MESSAGE_KEYS), Some("channel"));
        assert_eq!(meant("expect", MESSAGE_KEYS), None);
        assert_eq!(meant("owner", MESSAGE_KEYS), None);
        assert_eq!(meant("notes", TOP_KEYS), None);
        // Two letters are not taken for `id`.
        assert_eq!(meant("to", MESSAGE_KEYS), None);
        assert_eq!(meant("ids", MESSAGE_KEYS), Some("id"));
    }
}
