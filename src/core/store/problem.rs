//! A problem found in a message set, named by where it is (a `FieldPath`)
//! rather than by line and column: conversion and validation work on values
//! that carry no positions; the store turns the path into a position only
//! when it reports the problem, as a `LoadError` at a line and column.

use std::fmt;
use std::path::{Path, PathBuf};

use super::path::FieldPath;
use crate::core::model::Value;

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The value at fault (or the mapping that lacks a field).
    pub path: FieldPath,
    /// What is wrong and what was expected, for the person editing the file.
    pub message: String,
    /// The other place the problem involves: the first of two duplicates.
    pub first: Option<FieldPath>,
}

impl Problem {
    pub fn new(path: FieldPath, message: impl Into<String>) -> Self {
        Problem {
            path,
            message: message.into(),
            first: None,
        }
    }

    pub fn duplicate(path: FieldPath, message: impl Into<String>, first: FieldPath) -> Self {
        Problem {
            path,
            message: message.into(),
            first: Some(first),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for Problem {}

/// How a value found in the file is named in a message.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the text \"{}\"", shorten(s)),
        Value::Seq(_) => "a list".into(),
        Value::Map(_) => "a mapping (`key: value` lines)".into(),
        Value::Tagged(tag, _) => format!("a value tagged !{tag}"),
    }
}

/// Long text cut to a readable length for error messages.
fn shorten(s: &str) -> String {
    const MAX: usize = 40;
    let first_line = s.lines().next().unwrap_or("");
    if first_line.chars().count() > MAX || first_line.len() < s.len() {
        let cut: String = first_line.chars().take(MAX).collect();
        format!("{cut}…")
    } else {
        s.to_string()
    }
}

/// A file that could not be read or understood, with the place to look.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub path: PathBuf,
    /// 1-based; 0 when the problem is the whole file (unreadable, too large).
    pub line: usize,
    /// 1-based; 0 when the problem is the whole file.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A problem with the whole file (unreadable, too large) has no place in it.
        if self.line == 0 {
            return write!(f, "{}: {}", self.path.display(), self.message);
        }
        located(f, &self.path, self.line, self.column, &self.message)
    }
}

/// `FILE:LINE:COLUMN: message`, as errors and notices both name their place.
pub(super) fn located(
    f: &mut fmt::Formatter<'_>,
    path: &Path,
    line: usize,
    column: usize,
    message: &str,
) -> fmt::Result {
    write!(f, "{}:{}:{}: {}", path.display(), line, column, message)
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_values_plainly() {
        assert_eq!(describe(&Value::Number("5".into())), "the number 5");
        assert_eq!(describe(&Value::Seq(vec![])), "a list");
        assert_eq!(describe(&Value::Null), "nothing");
        assert_eq!(describe(&Value::String("a\nb".into())), "the text \"a…\"");
        assert_eq!(
            describe(&Value::String("x".repeat(50))),
            format!("the text \"{}…\"", "x".repeat(40))
        );
    }
}
