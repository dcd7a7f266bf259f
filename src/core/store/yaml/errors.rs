//! serde_yaml's errors in chorus's words: the message, a hint for the
//! mistakes people make most, and the position of the part at fault.

/// serde_yaml's own limit on nesting (it refuses deeper documents).
pub const MAX_DEPTH: usize = 128;

/// A document that could not be read as YAML at all.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
}

pub const BUDGET_MESSAGE: &str = "the file expands to too many values through aliases (`*name`); \
     chorus refuses it (an alias bomb?)";

pub const MERGE_MESSAGE: &str = "YAML merge keys (`<<: *name`) are not supported: chorus would \
     miss the merged fields; write those fields out in this mapping instead";

pub(super) fn too_deep() -> String {
    format!("lists and mappings are nested too deeply (more than {MAX_DEPTH} levels)")
}

/// Turn a serde_yaml error into our message, without serde_yaml's position
/// suffix (the caller prints line and column in its own way).
pub(super) fn syntax_error(err: &serde_yaml::Error, source: &str) -> SyntaxError {
    let (line, column) = err.location().map(|l| (l.line(), l.column())).unwrap_or((1, 1));
    let raw = err.to_string();
    let message = if raw.contains(BUDGET_MESSAGE) {
        BUDGET_MESSAGE.to_string()
    } else if raw.contains(MERGE_MESSAGE) {
        let (line, column) = merge_key_after(source, line, column).unwrap_or((line, column));
        return SyntaxError {
            line,
            column,
            message: MERGE_MESSAGE.to_string(),
        };
    } else if raw.starts_with("recursion limit exceeded") {
        too_deep()
    } else if raw.starts_with("repetition limit exceeded") {
        "aliases (`*name`) are repeated too often; chorus refuses the file (an alias bomb?)".to_string()
    } else if raw.starts_with("unknown anchor") {
        "this alias (`*name`) refers to no anchor (`&name`) defined before it".to_string()
    } else {
        let text = raw.replacen(&format!(" at line {line} column {column}"), "", 1);
        format!("YAML syntax error: {text}{}", hint(&text, source, line, column))
    };
    SyntaxError { line, column, message }
}

/// serde_yaml places an error raised in a mapping at the mapping's start;
/// the `<<` key itself is the first `<<` followed by `:` from there.
fn merge_key_after(source: &str, line: usize, column: usize) -> Option<(usize, usize)> {
    for (n, text) in source.lines().enumerate().skip(line.saturating_sub(1)) {
        let from = if n + 1 == line {
            text.char_indices()
                .nth(column.saturating_sub(1))
                .map_or(text.len(), |(i, _)| i)
        } else {
            0
        };
        for (i, _) in text[from..].match_indices("<<") {
            let at = from + i;
            if text[at + 2..].trim_start().starts_with(':') {
                return Some((n + 1, text[..at].chars().count() + 1));
            }
        }
    }
    None
}

/// A plain-language hint for the syntax errors people meet most.
fn hint(text: &str, source: &str, line: usize, column: usize) -> &'static str {
    let at = source
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.chars().nth(column.saturating_sub(1)));
    if at == Some('\t') || (text.contains("tab") && source.contains('\t')) {
        " (indent with spaces; YAML does not allow tabs there)"
    } else if text.starts_with("mapping values are not allowed") {
        " (a `: ` inside a value? put the value in quotes)"
    } else if text.contains("did not find expected key") {
        " (check the indentation of this line and the one before)"
    } else {
        ""
    }
}

/// Where the second document of a stream starts: the second `---` line (the
/// first one is skipped when it opens the first document), else 1:1.
pub(super) fn second_document_start(source: &str) -> (usize, usize) {
    let mut seen_content = false;
    for (n, line) in source.lines().enumerate() {
        let is_marker = line == "---" || line.starts_with("--- ") || line.starts_with("...");
        if is_marker && seen_content {
            return (n + 1, 1);
        }
        let trimmed = line.trim_start();
        if !trimmed.is_empty() && !trimmed.starts_with('#') {
            seen_content = true;
        }
    }
    (1, 1)
}
