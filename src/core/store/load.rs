//! Loading a set: the file's text → YAML → `MessageSet` → cross-field
//! checks, with every problem placed at its line and column.

use std::path::Path;

use super::notice::{notices, Notice};
use super::problem::{LoadError, Problem};
use super::{decode, read, validate, yaml};
use crate::core::model::{MessageSet, Value};

/// Read and validate the set at `path`.
pub fn load(path: &Path) -> Result<MessageSet, LoadError> {
    let source = read::read_source(path)?;
    parse(&source, path)
}

/// `load`, with the notices of the file: keys that look like a known
/// field misspelt, which loading keeps as the team's own.
pub fn load_noting(path: &Path) -> Result<(MessageSet, Vec<Notice>), LoadError> {
    let source = read::read_source(path)?;
    let set = parse(&source, path)?;
    let notices = notices(&source, path, &set);
    Ok((set, notices))
}

/// Parse and validate `source`; `path` is only used to name the file in errors.
pub fn parse(source: &str, path: &Path) -> Result<MessageSet, LoadError> {
    let at = |line, column, message| LoadError {
        path: path.to_path_buf(),
        line,
        column,
        message,
    };
    // Notepad starts UTF-8 files with a byte-order mark; it is no content.
    let source = source.strip_prefix(read::BOM).unwrap_or(source);
    let value = yaml::parse(source).map_err(|e| at(e.line, e.column, e.message))?;
    if value == Value::Null && is_blank(source) {
        return Err(at(
            1,
            1,
            "the file is empty: a message set starts with `version: 1`, then `brand`, \
             `external`, `segments` and `internal` (`chorus new FILE` writes one to start from)"
                .into(),
        ));
    }
    let set = decode::message_set(value).map_err(|p| locate(source, path, p))?;
    validate::validate(&set).map_err(|p| locate(source, path, p))?;
    Ok(set)
}

/// Whether `source` holds nothing but blank lines and comments.
fn is_blank(source: &str) -> bool {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    source.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#')
    })
}

/// A problem found by path, as an error at the line and column of that path
/// (or of the nearest enclosing node that exists).
fn locate(source: &str, path: &Path, problem: Problem) -> LoadError {
    let (line, column) = yaml::locate(source, problem.path.steps()).unwrap_or((1, 1));
    let mut message = problem.message;
    if let Some((first_line, _)) = problem
        .first
        .as_ref()
        .and_then(|first| yaml::locate(source, first.steps()))
    {
        message.push_str(&format!(" (first on line {first_line})"));
    }
    LoadError {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
}
