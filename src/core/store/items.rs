//! Where the messages of a set file start: the lines that open the items
//! of its top-level `internal:` list, found in one scan of the text without
//! parsing it. Saving keeps unchanged messages as the file's own text by
//! them (`splice.rs`); notices place a key by reading its message alone
//! (`notice.rs`).

/// The byte offsets of the lines that open the items of the top-level
/// `internal:` block list, in one pass over the text. `internal` is the
/// last top-level key, so its list runs to the end of the file: every line
/// after it is blank, a comment, an item opener (`- ` at the items'
/// indent) or more indented than that. Anything else gives `None`.
pub fn item_starts(source: &str) -> Option<Vec<usize>> {
    let mut at = 0;
    let mut list = None;
    for line in source.split_inclusive('\n') {
        let key = line.strip_prefix("internal:").map(|rest| rest.trim_start());
        if key.is_some_and(|rest| rest.is_empty() || rest.starts_with('#')) {
            list = Some(at + line.len());
        }
        at += line.len();
    }
    let mut at = list?;
    let mut indent = None;
    let mut starts = Vec::new();
    for line in source[at..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let text = content.trim_start_matches(' ');
        let depth = content.len() - text.len();
        if !(text.is_empty() || text.starts_with('#')) {
            let want = *indent.get_or_insert(depth);
            let opens = text == "-" || text.starts_with("- ") || text.starts_with("-\t");
            if depth == want && opens {
                starts.push(at);
            } else if depth <= want {
                return None;
            }
        }
        at += line.len();
    }
    Some(starts)
}
