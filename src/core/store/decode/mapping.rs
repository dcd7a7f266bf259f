//! One of the schema's mappings, read as its known fields (taken one by one,
//! each at its path) and the rest (kept as written, for saving back).

use std::collections::HashMap;

use super::scalar::text;
use crate::core::model::{Extra, Value};
use crate::core::store::path::{FieldPath, Step};
use crate::core::store::problem::{describe, Problem};

/// The entries of one of the schema's mappings, split into the fields chorus
/// knows (taken one by one) and the rest (kept as they are, with the order
/// of every key, for writing back).
pub(super) struct Mapping {
    path: FieldPath,
    order: Vec<String>,
    known: Vec<(String, Value)>,
    unknown: Vec<(String, Value)>,
}

impl Mapping {
    pub(super) fn read(value: Value, path: &FieldPath, known: &[&str], expected: &str) -> Result<Self, Problem> {
        let Value::Map(entries) = value else {
            return Err(Problem::new(
                path.clone(),
                format!("expected {expected}; found {}", describe(&value)),
            ));
        };
        let mut map = Mapping {
            path: path.clone(),
            order: Vec::with_capacity(entries.len()),
            known: Vec::new(),
            unknown: Vec::new(),
        };
        // A message has a handful of keys: they are compared with the keys
        // before them (`order`), not hashed; a large mapping gets a map.
        let small = entries.len() <= 16;
        let mut seen: HashMap<String, usize> = HashMap::with_capacity(if small { 0 } else { entries.len() });
        for (i, (key, value)) in entries.into_iter().enumerate() {
            let Value::String(key) = key else {
                return Err(Problem::new(
                    path.then(Step::KeyAt(i)),
                    format!("keys here should be text, found {}", describe(&key)),
                ));
            };
            // Every key so far is text and unique, so its place in `order`
            // is its entry's index.
            let first = if small {
                map.order.iter().position(|k| *k == key)
            } else {
                seen.get(&key).copied()
            };
            if let Some(first) = first {
                return Err(Problem::duplicate(
                    path.then(Step::KeyAt(i)),
                    format!("`{key}` appears twice in the same mapping"),
                    path.then(Step::KeyAt(first)),
                ));
            }
            if !small {
                seen.insert(key.clone(), i);
            }
            map.order.push(key.clone());
            if known.contains(&key.as_str()) {
                map.known.push((key, value));
            } else {
                map.unknown.push((key, value));
            }
        }
        Ok(map)
    }

    /// A required field is missing: the problem, at this mapping, with a hint
    /// when an unknown key is that field spelled differently (`Text:`).
    /// A text field the mapping must have: its value, or a problem that
    /// says what is missing (`missing` is only built when it is).
    pub(super) fn required_text<M: Into<String>>(
        &mut self,
        field: &str,
        ctx: &str,
        missing: impl FnOnce() -> M,
    ) -> Result<String, Problem> {
        match self.take(field) {
            Some((v, p)) => text(v, &p, ctx, field),
            None => Err(self.missing(field, missing())),
        }
    }

    pub(super) fn missing(&self, field: &str, message: impl Into<String>) -> Problem {
        let mut message = message.into();
        let near = self.unknown.iter().find(|(k, _)| k.trim().eq_ignore_ascii_case(field));
        if let Some((k, _)) = near {
            message.push_str(&format!(" (is `{k}` meant to be `{field}`? keys are lower case)"));
        }
        Problem::new(self.path.clone(), message)
    }

    /// The value of a known field and its path, if the file has it.
    pub(super) fn take(&mut self, key: &str) -> Option<(Value, FieldPath)> {
        let i = self.known.iter().position(|(k, _)| k == key)?;
        let (_, value) = self.known.swap_remove(i);
        Some((value, self.path.key(key)))
    }

    pub(super) fn extra(self) -> Extra {
        Extra {
            order: self.order,
            unknown: self.unknown,
        }
    }
}
