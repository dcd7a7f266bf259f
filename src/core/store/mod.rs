//! The store: reading and writing message set files (schema v1).
//!
//! Loading goes text → `Value` (`yaml/`, the only module that names the YAML
//! library, so swapping it touches that folder alone) → `MessageSet`
//! (`decode/`) → cross-field checks (`validate.rs`). Problems are found by
//! path and only then turned into a line and column, so loading stays one
//! fast pass.
//! Keys that look like a known field misspelt are noticed, not refused
//! (`notice.rs`), each placed by reading its own message (`items.rs`).
//! Saving goes `MessageSet` → a tree in the file's key order (`encode.rs`) →
//! YAML text (`emit/`) → an atomic write (`write.rs`, with its temporary
//! files in `temp.rs`).
//!
//! Unknown keys and the order of keys are kept. The YAML library does not
//! report comments, so a set written afresh has none; saving over a file
//! keeps its text, comments included, for what did not change (`splice.rs`).
//! Every file is read through one reader (`read::read_regular`): regular
//! files only, within a stated limit.
//!
//! The store imports only `model` of the core: it knows files and the
//! schema, not what the checks make of a message.

mod decode;
mod emit;
mod encode;
mod items;
mod limits;
mod load;
mod notice;
pub mod path;
mod problem;
mod read;
mod splice;
mod temp;
mod template;
mod validate;
mod write;
pub mod yaml;

use std::io;
use std::path::Path;

use crate::core::model::MessageSet;

pub use decode::VERSION;
pub use encode::to_yaml;
pub use limits::{MAX_FILE_BYTES, MAX_MESSAGES, MAX_TEXT_CHARS, MAX_WRITTEN_BYTES};
pub use load::{load, load_noting, parse};
pub use notice::{notices, Notice};
pub use path::{FieldPath, Step};
pub use problem::{LoadError, Problem};
pub use read::{read_bytes, read_named, read_regular, read_stream};
pub use template::{CONFIG_SCHEMA, SET_SCHEMA, SET_SCHEMA_FILE, TEMPLATE};
pub use validate::validate;
pub use write::{is_changed_on_disk, write_atomic, write_atomic_with_mode, ChangedOnDisk};

pub use yaml::MAX_VALUES;

/// Write the set to `path` atomically (temporary file in the same folder,
/// flushed, then renamed over the target). On error the file at `path` is
/// untouched, and the error message names it. The set is written even if
/// `validate` finds a problem in it, so no edit is ever lost; such a file
/// reports the problem, with its position, when it is loaded.
///
/// Saving over an existing set keeps that file's own text (comments, line
/// breaks, quoting) for every part that did not change (see `splice.rs`),
/// its byte-order mark and its line endings (CRLF stays CRLF). If the file
/// changes on disk while saving, the save is refused (`is_changed_on_disk`)
/// rather than overwrite that change; a set whose file would exceed
/// `MAX_FILE_BYTES` is refused before anything is written.
pub fn save(path: &Path, set: &MessageSet) -> io::Result<()> {
    // Whatever chorus writes, it can read back: a message past the text
    // limit is refused here, as it would be on opening.
    if let Some((i, m)) = set
        .internal
        .iter()
        .enumerate()
        .find(|(_, m)| m.text.len() > MAX_TEXT_CHARS)
    {
        if m.text.chars().count() > MAX_TEXT_CHARS {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "cannot save {}: message #{} (`{}`) has over {MAX_TEXT_CHARS} characters, more than \
                     chorus checks in one message; nothing was written (split it)",
                    path.display(),
                    i + 1,
                    m.id
                ),
            ));
        }
    }
    let old = match read::read_bytes(path, MAX_WRITTEN_BYTES) {
        Ok(bytes) => Some(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Some(None),
        // Not readable as a file: nothing to keep, nothing to compare.
        Err(_) => None,
    };
    let source = old
        .as_ref()
        .and_then(|o| o.as_deref())
        .and_then(|b| std::str::from_utf8(b).ok());
    let (text, plain) = render(set, source);
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "cannot save {}: the set would take {} bytes, over the {MAX_FILE_BYTES} bytes \
                 ({} MiB) chorus can open again; nothing was written (split the set, or shorten it)",
                path.display(),
                text.len(),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let expected = old.as_ref().map(|o| o.as_deref());
    write::replace(path, text.as_bytes(), 0o666, expected)?;
    splice::remember(plain, set.clone());
    Ok(())
}

/// `load`, for a set about to be edited and saved: the store remembers the
/// file's text, so the first save need not parse it again.
pub fn open(path: &Path) -> Result<MessageSet, LoadError> {
    open_noting(path).map(|(set, _)| set)
}

/// `open`, with the notices of the file (keys that look misspelt).
pub fn open_noting(path: &Path) -> Result<(MessageSet, Vec<Notice>), LoadError> {
    let source = read::read_source(path)?;
    let set = parse(&source, path)?;
    let notices = notices(&source, path, &set);
    splice::remember(lf(&source).into_owned(), set.clone());
    Ok((set, notices))
}

/// The text with CRLF line endings made LF, when the file uses CRLF (its
/// first line break tells).
fn lf(text: &str) -> std::borrow::Cow<'_, str> {
    if text.find('\n').is_some_and(|i| text[..i].ends_with('\r')) {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The text to save for `set` over a file that held `source`: the file's
/// byte-order mark and line ending are kept, and as much of its text as
/// still says the same thing. Also the same text without mark and with LF
/// line endings, as the store remembers it.
fn render(set: &MessageSet, source: Option<&str>) -> (String, String) {
    let Some(source) = source else {
        let text = to_yaml(set);
        return (text.clone(), text);
    };
    let (bom, body) = match source.strip_prefix(read::BOM) {
        Some(rest) => (read::BOM, rest),
        None => ("", source),
    };
    let plain_source = lf(body);
    let crlf = matches!(plain_source, std::borrow::Cow::Owned(_));
    let text = splice::preserving(set, &plain_source).unwrap_or_else(|| to_yaml(set));
    let mut out = String::with_capacity(text.len() + text.len() / 16 + bom.len());
    out.push_str(bom);
    if crlf {
        out.push_str(&text.replace('\n', "\r\n"));
    } else {
        out.push_str(&text);
    }
    (out, text)
}

/// Start a new set at `path` from `TEMPLATE`. Refuses to overwrite an
/// existing file (error kind `AlreadyExists`, naming the file). The set's
/// schema is written beside it unless a file of that name is there;
/// returns its path when it was written.
pub fn new_file(path: &Path) -> io::Result<Option<std::path::PathBuf>> {
    write::write_new(path, TEMPLATE)?;
    let schema = path.with_file_name(SET_SCHEMA_FILE);
    match write::write_new(&schema, SET_SCHEMA) {
        Ok(()) => Ok(Some(schema)),
        // Already there (a folder of sets shares one), or not writable: the
        // set itself is written, and an editor without the schema still
        // reads it.
        Err(_) => Ok(None),
    }
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
