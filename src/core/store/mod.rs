//! The store: reading and writing message set files (schema v1).
//!
//! Loading goes text → `Value` (`yaml.rs`, the only file that names the YAML
//! library, so swapping it is a one-file change) → `MessageSet` (`decode.rs`)
//! → cross-field checks (`validate.rs`). Problems are found by path and only
//! then turned into a line and column, so loading stays one fast pass.
//! Saving goes `MessageSet` → a tree in the file's key order (`encode.rs`) →
//! YAML text (`emit.rs`) → an atomic write (`file.rs`).
//!
//! Unknown keys and the order of keys are kept; comments are not (the YAML
//! library does not report them), so saving a file drops its comments.

mod decode;
mod emit;
mod encode;
mod file;
pub mod path;
mod problem;
mod splice;
mod template;
mod validate;
pub mod yaml;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::core::model::{MessageSet, Value};

pub use decode::VERSION;
pub use file::write_atomic;
pub use path::{FieldPath, Step};
pub use problem::Problem;
pub use template::TEMPLATE;
pub use validate::validate;

/// Set files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Sets with more messages are refused: reviewing one takes memory, and
/// at this size `chorus check` stays near a couple of hundred MB.
pub const MAX_MESSAGES: usize = 50_000;

pub use yaml::MAX_VALUES;

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
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

impl std::error::Error for LoadError {}

/// Read and validate the set at `path`.
pub fn load(path: &Path) -> Result<MessageSet, LoadError> {
    let source = file::read_source(path)?;
    parse(&source, path)
}

/// Parse and validate `source`; `path` is only used to name the file in errors.
pub fn parse(source: &str, path: &Path) -> Result<MessageSet, LoadError> {
    let at = |line, column, message| LoadError {
        path: path.to_path_buf(),
        line,
        column,
        message,
    };
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

/// The set as YAML: unknown fields kept, key and message order kept, long
/// prose folded near 80 columns, short word lists in `[a, b]` style.
/// Comments of the file the set was loaded from are not kept.
pub fn to_yaml(set: &MessageSet) -> String {
    emit::document(&encode::message_set(set))
}

/// Write the set to `path` atomically (temporary file in the same folder,
/// flushed, then renamed over the target). On error the file at `path` is
/// untouched, and the error message names it. The set is written even if
/// `validate` finds a problem in it, so no edit is ever lost; such a file
/// reports the problem, with its position, when it is loaded.
///
/// Saving over an existing set keeps that file's own text (comments, line
/// breaks, quoting) for every part that did not change (see `splice.rs`).
pub fn save(path: &Path, set: &MessageSet) -> io::Result<()> {
    let text = std::fs::read_to_string(path)
        .ok()
        .and_then(|source| splice::preserving(set, &source))
        .unwrap_or_else(|| to_yaml(set));
    file::write_atomic(path, text.as_bytes())
}

/// Start a new set at `path` from `TEMPLATE`. Refuses to overwrite an
/// existing file (error kind `AlreadyExists`, naming the file).
pub fn new_file(path: &Path) -> io::Result<()> {
    file::write_new(path, TEMPLATE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(source: &str) -> LoadError {
        parse(source, Path::new("set.yaml")).unwrap_err()
    }

    #[test]
    fn empty_files_say_what_a_set_starts_with() {
        for source in ["", "\n\n", "# only a comment\n  # another\n", "\u{feff}# BOM\n"] {
            let e = err(source);
            assert_eq!((e.line, e.column), (1, 1));
            assert!(e.message.starts_with("the file is empty"), "{e}");
        }
        let e = err("~\n");
        assert!(e.message.ends_with("found nothing"), "{e}");
    }

    #[test]
    fn problems_are_placed_at_their_node() {
        let source = "version: 1\nbrand: B\nexternal:\n  story: S\nsegments: [a]\ninternal:\n  \
                      - id: x\n    text: t\n  - id: x\n    text: u\n";
        let e = err(source);
        assert_eq!(
            e.to_string(),
            "set.yaml:9:9: duplicate message id `x` (first on line 7)"
        );
    }

    #[test]
    fn template_parses_and_validates() {
        let set = parse(TEMPLATE, Path::new("template.yaml")).unwrap();
        assert_eq!(set.version, 1);
        assert_eq!(set.external.pillars.len(), 2);
        assert_eq!(set.internal.len(), 3);
        // It shows a message of each sort: a story and a practical note.
        assert_eq!(set.internal[0].kind(), "story");
        assert_eq!(set.internal[2].kind(), "update");
    }

    #[test]
    fn to_yaml_round_trips_the_template() {
        let set = parse(TEMPLATE, Path::new("t")).unwrap();
        let text = to_yaml(&set);
        assert_eq!(parse(&text, Path::new("t")).unwrap(), set);
        assert!(!text.contains('#'), "comments are not written back");
    }
}
