//! Reading a survey export: a header row and one row per respondent, as
//! survey tools and spreadsheets write CSV (UTF-8 with or without a
//! byte-order mark, or Windows-1252 from older spreadsheets; commas,
//! semicolons or tabs; quoted fields holding commas and line breaks).
//! The file is read through the store's reader: regular files only, never
//! more than the limit plus one byte.

use std::path::Path;

use super::problem::PulseError;
use crate::core::store;

/// The largest export chorus reads: 100,000 answers of a paragraph each
/// fit well within it.
pub const MAX_CSV_BYTES: u64 = 64 * 1024 * 1024;

/// One respondent's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// 1-based row of the file (the header is row 1).
    pub row: usize,
    pub fields: Vec<String>,
}

/// A survey export, read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub records: Vec<Record>,
    /// What the reader had to assume, said to the user (an encoding).
    pub notices: Vec<String>,
}

/// Read the CSV file at `path`.
pub fn read_file(path: &Path) -> Result<Table, PulseError> {
    let bytes = store::read_bytes(path, MAX_CSV_BYTES).map_err(|e| PulseError::new(path, 0, e.to_string()))?;
    parse(&bytes, path)
}

/// Read CSV bytes, naming `path` in errors.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Table, PulseError> {
    let err = |row, message: String| PulseError::new(path, row, message);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(err(
            0,
            "the file is empty: a survey export has a header row and one row per respondent".into(),
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(err(
            0,
            "the file is UTF-16 text; export the answers as CSV in UTF-8 (\"CSV UTF-8\" in spreadsheets)".into(),
        ));
    }
    if bytes.contains(&0) {
        return Err(err(0, "this is not a CSV export: it holds binary data".into()));
    }
    let mut notices = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => std::borrow::Cow::Borrowed(t.strip_prefix('\u{feff}').unwrap_or(t)),
        Err(_) => {
            notices.push(
                "the file is not UTF-8: read as Windows-1252, the encoding older spreadsheets use; \
                 check that accented letters look right"
                    .to_string(),
            );
            std::borrow::Cow::Owned(windows_1252(bytes))
        }
    };
    let delimiter = delimiter(&text).ok_or_else(|| {
        err(
            1,
            "this does not look like a CSV export: the header row has no commas, semicolons or tabs \
             between column names"
                .into(),
        )
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let headers: Vec<String> = match records.next() {
        Some(Ok(h)) => h.iter().map(|f| f.trim().to_string()).collect(),
        Some(Err(e)) => return Err(err(1, format!("the header row cannot be read: {e}"))),
        None => return Err(err(0, "the file is empty".into())),
    };
    let mut out = Vec::new();
    for (i, r) in records.enumerate() {
        let row = i + 2;
        let r = r.map_err(|e| err(row, format!("this row cannot be read as CSV: {e}")))?;
        if r.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if r.len() != headers.len() {
            return Err(err(
                row,
                format!(
                    "this row has {} fields and the header has {}: a quote may be missing or a field split in two",
                    r.len(),
                    headers.len()
                ),
            ));
        }
        out.push(Record {
            row,
            fields: r.iter().map(str::to_string).collect(),
        });
    }
    if out.is_empty() {
        return Err(err(0, "the file holds a header row and no answers".into()));
    }
    Ok(Table {
        headers,
        records: out,
        notices,
    })
}

/// The field separator of the header row: the commonest of comma,
/// semicolon (spreadsheets set to a decimal comma) and tab, outside quotes.
fn delimiter(text: &str) -> Option<u8> {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let (i, n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    (*n > 0).then_some([b',', b';', b'\t'][i])
}

/// Windows-1252 bytes as text: ASCII and Latin-1 map to themselves, and
/// 0x80–0x9F to the letters and quotes the code page puts there.
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &[u8]) -> Result<Table, PulseError> {
        parse(s, Path::new("a.csv"))
    }

    #[test]
    fn quoted_fields_keep_commas_and_line_breaks() {
        let t = p(b"\xEF\xBB\xBFteam,answer\nsales,\"fast, and\nfriendly\"\n\nIT,ok\n").unwrap();
        assert_eq!(t.headers, ["team", "answer"]);
        assert_eq!(t.records[0].fields[1], "fast, and\nfriendly");
        assert_eq!(
            (t.records[0].row, t.records[1].row),
            (2, 3),
            "rows count records, as a spreadsheet shows them"
        );
    }

    #[test]
    fn semicolons_tabs_and_windows_1252_are_read() {
        assert_eq!(p(b"a;b\n1;2\n").unwrap().records[0].fields, ["1", "2"]);
        assert_eq!(p(b"a\tb\n1\t2\n").unwrap().records[0].fields, ["1", "2"]);
        let t = p(b"a,b\ncaf\xE9,\x93ok\x94\n").unwrap();
        assert_eq!(t.records[0].fields, ["café", "“ok”"]);
        assert_eq!(t.notices.len(), 1);
    }

    #[test]
    fn bad_input_names_the_row() {
        let e = p(b"a,b\n1,2\n3\n").unwrap_err();
        assert_eq!(e.row, 3);
        assert!(e.to_string().starts_with("a.csv: row 3: this row has 1 fields"), "{e}");
        assert_eq!(p(b"").unwrap_err().row, 0);
        assert!(p(b"a,b\n").unwrap_err().message.contains("no answers"));
        assert!(p(b"just words\nmore\n")
            .unwrap_err()
            .message
            .contains("not look like a CSV"));
        assert!(p(b"\x89PNG\0\0").unwrap_err().message.contains("binary"));
        assert!(p(b"\xFF\xFEa\0").unwrap_err().message.contains("UTF-16"));
    }
}
