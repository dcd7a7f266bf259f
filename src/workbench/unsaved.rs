//! Unsaved edits a stopped session left in its journal, as plain data: the
//! set they hold and how it differs from the file, for the restore prompt.
//! The journal finds them; the model and the view only read them.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::SystemTime;

use crate::core::model::MessageSet;

use super::fingerprint::Fingerprint;

/// A journal found for the set being opened, and how it differs from the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The journal (removed once its edits are restored or discarded).
    pub file: PathBuf,
    pub set: MessageSet,
    pub diff: Diff,
    /// The fingerprint of the set file the edits were based on, and when
    /// the journal was written.
    pub base: Option<Fingerprint>,
    pub modified: Option<SystemTime>,
    /// When the older journals other stopped sessions left for the set
    /// were written, newest first: offered in turn, after a discard or on
    /// a later opening.
    pub older: Vec<Option<SystemTime>>,
}

/// What a journal's set changes compared with the file's.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diff {
    pub changed: Vec<String>,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    /// The same messages in another order.
    pub reordered: bool,
    pub story: bool,
    pub pillars: bool,
    pub segments: bool,
    /// Anything else: brand, avoided terms, fields chorus does not know.
    pub other: bool,
}

impl Diff {
    pub fn between(file: &MessageSet, journal: &MessageSet) -> Diff {
        let mut d = Diff::default();
        for m in &journal.internal {
            match file.internal.iter().find(|o| o.id == m.id) {
                Some(o) if o != m => d.changed.push(m.id.clone()),
                Some(_) => {}
                None => d.added.push(m.id.clone()),
            }
        }
        for o in &file.internal {
            if !journal.internal.iter().any(|m| m.id == o.id) {
                d.removed.push(o.id.clone());
            }
        }
        let order = |s: &MessageSet, other: &MessageSet| -> Vec<String> {
            s.internal
                .iter()
                .filter(|m| other.internal.iter().any(|o| o.id == m.id))
                .map(|m| m.id.clone())
                .collect()
        };
        d.reordered = order(file, journal) != order(journal, file);
        let (a, b) = (&file.external, &journal.external);
        d.story = a.story != b.story;
        d.pillars = a.pillars != b.pillars;
        d.segments = file.segments != journal.segments;
        let mut a_rest = file.clone();
        let mut b_rest = journal.clone();
        for s in [&mut a_rest, &mut b_rest] {
            s.internal.clear();
            s.external.story.clear();
            s.external.pillars.clear();
            s.segments.clear();
        }
        d.other = a_rest != b_rest;
        d
    }

    pub fn is_empty(&self) -> bool {
        *self == Diff::default()
    }

    /// One line per kind of change, for the restore prompt.
    pub fn lines(&self) -> Vec<String> {
        let ids = |what: &str, v: &[String]| {
            let mut s = format!("{what} ({}): ", v.len());
            for (i, id) in v.iter().enumerate() {
                if s.chars().count() > 36 {
                    let _ = write!(s, " and {} more", v.len() - i);
                    break;
                }
                if i > 0 {
                    s.push_str(", ");
                }
                s.push_str(id);
            }
            s
        };
        let mut out = vec![];
        if !self.changed.is_empty() {
            out.push(ids("changed", &self.changed));
        }
        if !self.added.is_empty() {
            out.push(ids("added", &self.added));
        }
        if !self.removed.is_empty() {
            out.push(ids("removed", &self.removed));
        }
        if self.reordered {
            out.push("messages reordered".into());
        }
        let parts: Vec<&str> = [
            (self.story, "the story"),
            (self.pillars, "the pillars"),
            (self.segments, "the segments"),
            (self.other, "other fields"),
        ]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, what)| what)
        .collect();
        if !parts.is_empty() {
            out.push(format!("changed {}", parts.join(", ")));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Message;
    use crate::workbench::scratch::template as set;

    #[test]
    fn diff_names_what_changed() {
        let a = set();
        let mut b = a.clone();
        b.internal[0].text.push('!');
        let removed = b.internal.remove(1);
        b.internal.push(Message {
            id: "fresh".into(),
            ..Message::default()
        });
        b.external.story.push_str(" More.");
        let d = Diff::between(&a, &b);
        assert_eq!(d.changed, vec![a.internal[0].id.clone()]);
        assert_eq!(d.added, vec!["fresh".to_string()]);
        assert_eq!(d.removed, vec![removed.id]);
        assert!(d.story && !d.pillars && !d.segments && !d.other && !d.reordered);
        assert!(Diff::between(&a, &a).is_empty());
        let mut c = a.clone();
        c.internal.reverse();
        c.brand = "Other".into();
        let d = Diff::between(&a, &c);
        assert!(d.reordered && d.other && d.changed.is_empty());
        assert_eq!(d.lines(), vec!["messages reordered", "changed other fields"]);
    }
}
