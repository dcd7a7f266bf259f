//! Where a value sits in a message set file: the steps from the top-level
//! mapping down to it. Conversion and validation name problems by path; only
//! on error is the path turned into a line and column (see `yaml::locate`).

use std::fmt;

/// One step down the tree of a YAML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The value of the entry with this text key (the first such entry).
    Key(String),
    /// The key itself of the mapping's n-th entry (0-based). Used where the
    /// key is the problem (a duplicate or a key that is not text), since a
    /// key cannot be found by its own text when it is not unique.
    KeyAt(usize),
    /// The n-th item (0-based) of a sequence.
    Index(usize),
}

/// A path from the top of the document, e.g. `internal[3].audience[1]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldPath(pub Vec<Step>);

impl FieldPath {
    /// The top-level mapping.
    pub fn root() -> Self {
        FieldPath(Vec::new())
    }

    /// This path with one more step.
    pub fn then(&self, step: Step) -> Self {
        let mut steps = self.0.clone();
        steps.push(step);
        FieldPath(steps)
    }

    /// The value under `key`.
    pub fn key(&self, key: &str) -> Self {
        self.then(Step::Key(key.to_string()))
    }

    /// The `index`-th item of a sequence.
    pub fn index(&self, index: usize) -> Self {
        self.then(Step::Index(index))
    }

    pub fn steps(&self) -> &[Step] {
        &self.0
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(top level)");
        }
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(k) if i == 0 => write!(f, "{k}")?,
                Step::Key(k) => write!(f, ".{k}")?,
                Step::KeyAt(n) => write!(f, "{}(key #{})", if i == 0 { "" } else { "." }, n + 1)?,
                Step::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_like_a_field_access() {
        let p = FieldPath::root().key("internal").index(3).key("audience").index(1);
        assert_eq!(p.to_string(), "internal[3].audience[1]");
        assert_eq!(FieldPath::root().to_string(), "(top level)");
        assert_eq!(
            FieldPath::root().key("external").then(Step::KeyAt(2)).to_string(),
            "external.(key #3)"
        );
    }
}
