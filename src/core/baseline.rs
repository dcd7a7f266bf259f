//! A baseline: the problems a set already had when a team adopted chorus,
//! so that `chorus check --baseline FILE` reports and fails only on what is
//! new or changed. Each problem is keyed by file, message id and rule (a
//! criterion or a drift kind), with a fingerprint of the message's text:
//! editing a message makes its problems count again.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::core::model::{Criterion, MessageSet};
use crate::core::verdict::SetReview;

/// The version of the baseline file's format.
pub const VERSION: u32 = 1;

/// One known problem.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The set file, relative to the baseline's folder where it can be.
    pub file: String,
    pub message: String,
    /// A criterion (`aspirational`) or a drift kind (`off_story`).
    pub rule: String,
    /// `fingerprint` of the message's text when the problem was recorded.
    pub text: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    entries: Vec<Entry>,
}

/// The known problems, and where the baseline file lives (paths in it are
/// relative to its folder).
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    folder: PathBuf,
    entries: HashSet<Entry>,
}

/// A short, stable fingerprint of a text (64-bit FNV-1a, in hex): the same
/// text gives the same fingerprint on every machine and in every version.
pub fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

impl Baseline {
    /// An empty baseline for a file to be written at `file`.
    pub fn new(file: &Path) -> Baseline {
        Baseline {
            folder: folder_of(file),
            entries: HashSet::new(),
        }
    }

    /// Read a baseline file's text; `file` is where it was read from.
    /// Errors give the line and column serde_json found.
    pub fn parse(text: &str, file: &Path) -> Result<Baseline, (usize, usize, String)> {
        let parsed: File = serde_json::from_str(text).map_err(|e| {
            (
                e.line(),
                e.column(),
                format!("not a chorus baseline: {e} (write one with `chorus check --write-baseline FILE`)"),
            )
        })?;
        if parsed.version != VERSION {
            return Err((
                1,
                1,
                format!(
                    "baseline version {} is not one this chorus reads (it reads {VERSION})",
                    parsed.version
                ),
            ));
        }
        Ok(Baseline {
            folder: folder_of(file),
            entries: parsed.entries.into_iter().collect(),
        })
    }

    /// The baseline as the text of its file: entries sorted, one per line
    /// group, so a change to it reads well in a diff.
    pub fn to_json(&self) -> String {
        let mut entries: Vec<Entry> = self.entries.iter().cloned().collect();
        entries.sort();
        let mut text = serde_json::to_string_pretty(&File {
            version: VERSION,
            entries,
        })
        .unwrap_or_default();
        text.push('\n');
        text
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Record every problem `review` finds in the set at `path`.
    pub fn record(&mut self, path: &Path, set: &MessageSet, review: &SetReview) {
        let file = self.key_of(path);
        for (r, m) in review.messages.iter().zip(&set.internal) {
            let text = fingerprint(&m.text);
            let entry = |rule: &str| Entry {
                file: file.clone(),
                message: m.id.clone(),
                rule: rule.to_string(),
                text: text.clone(),
            };
            for c in Criterion::ALL {
                let res = r.checklist.get(c);
                if res.applies && !res.pass {
                    self.entries.insert(entry(c.as_str()));
                }
            }
            for d in &r.drift {
                self.entries.insert(entry(d.kind.as_str()));
            }
        }
    }

    /// Set aside the problems of `review` that the baseline knows: a known
    /// failing criterion counts as waived ("in the baseline"), known drift
    /// is dropped. What is new or changed stays. Returns how many were set
    /// aside.
    pub fn apply(&self, path: &Path, set: &MessageSet, review: &mut SetReview, name: &str) -> usize {
        if self.entries.is_empty() {
            return 0;
        }
        let file = self.key_of(path);
        let mut known = 0;
        for (r, m) in review.messages.iter_mut().zip(&set.internal) {
            let text = fingerprint(&m.text);
            let has = |rule: &str| {
                self.entries.contains(&Entry {
                    file: file.clone(),
                    message: m.id.clone(),
                    rule: rule.to_string(),
                    text: text.clone(),
                })
            };
            for res in r.checklist.results.iter_mut() {
                if res.applies && !res.pass && has(res.criterion.as_str()) {
                    res.pass = true;
                    res.waived = Some(format!("known in the baseline {name}"));
                    known += 1;
                }
            }
            let before = r.drift.len();
            r.drift.retain(|d| !has(d.kind.as_str()));
            known += before - r.drift.len();
        }
        known
    }

    /// How the baseline names the set at `path`: relative to the
    /// baseline's folder when the set is inside it, with `/` separators,
    /// so the same file has the same key on every machine.
    fn key_of(&self, path: &Path) -> String {
        let full = std::fs::canonicalize(path).ok();
        let base = std::fs::canonicalize(&self.folder).ok();
        let relative = match (&full, &base) {
            (Some(f), Some(b)) => f.strip_prefix(b).ok().map(Path::to_path_buf),
            _ => None,
        };
        let shown = relative.unwrap_or_else(|| path.to_path_buf());
        let parts: Vec<String> = shown
            .components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        parts.join("/")
    }
}

fn folder_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lexicon::Lexicon;
    use crate::core::review::review_set;
    use crate::core::store;

    const SET: &str = "version: 1\nbrand: B\nexternal:\n  story: We deliver fast.\n  pillars:\n    - id: speed\n      \
                       claim: Fast delivery\n      keywords: [fast]\ninternal:\n  - id: vague\n    text: We will be \
                       the best.\n  - id: good\n    text: From 3 May every depot opens at six so drivers can \
                       deliver fast to 40 shops.\n";

    fn reviewed(source: &str) -> (MessageSet, SetReview) {
        let set = store::parse(source, Path::new("s.yaml")).unwrap();
        let review = review_set(&set, &Lexicon::builtin());
        (set, review)
    }

    #[test]
    fn fingerprints_are_stable_and_tell_texts_apart() {
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
        assert_ne!(fingerprint("We will be the best."), fingerprint("We will be the best!"));
    }

    #[test]
    fn a_recorded_baseline_sets_aside_exactly_what_it_knew() {
        let t = tempfile::tempdir().unwrap();
        let path = t.path().join("s.yaml");
        std::fs::write(&path, SET).unwrap();
        let (set, review) = reviewed(SET);
        assert!(!review.is_clean(), "the vague message fails");
        let mut b = Baseline::new(&t.path().join(".chorus-baseline.json"));
        b.record(&path, &set, &review);
        assert!(!b.is_empty());
        let text = b.to_json();
        assert!(text.contains("\"file\": \"s.yaml\""), "{text}");
        let back = Baseline::parse(&text, &t.path().join(".chorus-baseline.json")).unwrap();
        assert_eq!(back.len(), b.len());

        // The same set: everything known, nothing fails.
        let mut again = review.clone();
        let known = back.apply(&path, &set, &mut again, "b.json");
        assert_eq!(known, b.len());
        assert!(again.is_clean());
        let waived = again.messages[0]
            .checklist
            .results
            .iter()
            .find(|r| r.waived.is_some())
            .unwrap();
        assert_eq!(waived.waived.as_deref(), Some("known in the baseline b.json"));

        // An edited message fails again, the others stay set aside.
        let edited = SET.replace("We will be the best.", "We will be the very best.");
        std::fs::write(&path, &edited).unwrap();
        let (set2, mut review2) = reviewed(&edited);
        let of_vague = b.entries.iter().filter(|e| e.message == "vague").count();
        assert!(of_vague > 0);
        assert_eq!(back.apply(&path, &set2, &mut review2, "b.json"), b.len() - of_vague);
        assert!(!review2.messages[0].is_clean(), "the edited message fails again");
        assert!(review2.messages[1].is_clean(), "the unchanged one stays set aside");
    }

    #[test]
    fn broken_baselines_are_refused_with_a_place() {
        let f = Path::new("b.json");
        let (line, column, message) = Baseline::parse("{\n  \"version\": 1,\n  \"entries\": 3\n}", f).unwrap_err();
        assert_eq!((line, column), (3, 14));
        assert!(message.starts_with("not a chorus baseline"), "{message}");
        let (_, _, message) = Baseline::parse("{\"version\": 9, \"entries\": []}", f).unwrap_err();
        assert!(message.contains("version 9"), "{message}");
    }
}
