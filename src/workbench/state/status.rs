//! What the status line says, as plain text for a width: the file and its
//! flags, the filter, and the latest notice, word-wrapped onto more rows
//! when one is not enough (a failed save naming a long path, the "open in
//! another chorus" notice). Shared by the layout, which gives the status
//! line the rows it needs, and the view, which draws them, so both agree.

use crate::workbench::filter::Filter;
use crate::workbench::glyphs;

use super::{App, Mode};

/// The most rows the status line takes; a notice longer than that ends in
/// `…` (none chorus writes is, at 80 columns).
pub const MAX_ROWS: usize = 3;

/// What comes before the notice on the first row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// ` NAME`, the file's name.
    Name(String),
    Dirty,
    ReadOnly,
    Separator,
    /// The filter that is on, said on every frame.
    Filter(String),
}

impl Part {
    pub fn text(&self) -> &str {
        match self {
            Part::Name(s) | Part::Filter(s) => s,
            Part::Dirty => " [+]",
            Part::ReadOnly => " [read-only]",
            Part::Separator => " │ ",
        }
    }
}

/// The status line's text at `width` cells: the parts before the notice,
/// and the notice's rows (none without a notice). The first notice row
/// fits after the parts; later rows are a cell in from the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusText {
    pub parts: Vec<Part>,
    pub notice: Vec<String>,
}

impl StatusText {
    /// Rows the status line needs: one, or as many as the notice takes.
    pub fn rows(&self) -> u16 {
        self.notice.len().max(1) as u16
    }

    /// Cells the parts take.
    pub fn used(&self) -> usize {
        self.parts.iter().map(|p| glyphs::width(p.text())).sum()
    }
}

impl App<'_> {
    /// What the status line says at `width` cells (see `StatusText`).
    pub fn status_text(&self, width: usize) -> StatusText {
        let name = glyphs::truncate(&self.file_name(), (width / 3).max(8));
        let mut parts = vec![Part::Name(format!(" {name}"))];
        if self.dirty {
            parts.push(Part::Dirty);
        }
        if self.read_only.is_some() {
            parts.push(Part::ReadOnly);
        }
        parts.push(Part::Separator);
        // While filtering the line is the filter's input: one row.
        if matches!(self.mode, Mode::Filter { .. }) {
            return StatusText { parts, notice: vec![] };
        }
        if !self.filter.is_empty() {
            let used: usize = parts.iter().map(|p| glyphs::width(p.text())).sum();
            let said = format!("filter: {}", Filter::parse(&self.filter).describe());
            let t = glyphs::truncate(&glyphs::visible(&said), width.saturating_sub(used) / 2);
            parts.push(Part::Filter(t));
            parts.push(Part::Separator);
        }
        let notice = match &self.notice {
            Some(n) => {
                let used: usize = parts.iter().map(|p| glyphs::width(p.text())).sum();
                wrap(
                    &glyphs::visible(&n.text),
                    width.saturating_sub(used),
                    width.saturating_sub(1),
                )
            }
            None => vec![],
        };
        StatusText { parts, notice }
    }

    /// Rows the status line takes now.
    pub fn status_rows(&self) -> u16 {
        self.status_text(usize::from(self.size.0)).rows()
    }
}

/// `text` in rows of at most `first` cells, then `rest` cells, broken
/// between words (a word wider than a row is broken where the row ends),
/// at most `MAX_ROWS` rows. Text that does not fit has its longest path
/// shortened from the front (`…/sets/plan.yaml`), so the file's name and
/// what follows it (the reason a save failed) stay; past that, the last
/// row ends in `…`.
pub fn wrap(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut text = text.to_string();
    loop {
        let (rows, cut) = rows(&text, first, rest);
        match cut.then(|| shorter_path(&text)).flatten() {
            Some(shorter) => text = shorter,
            None => return rows,
        }
    }
}

/// `text` with its longest path one folder shorter at the front, if it
/// has a path with a folder left to drop.
fn shorter_path(text: &str) -> Option<String> {
    let (at, word) = text
        .split(' ')
        .scan(0, |pos, w| {
            let at = *pos;
            *pos += w.len() + 1;
            Some((at, w))
        })
        .filter(|(_, w)| w.trim_start_matches("…/").contains('/'))
        .max_by_key(|(_, w)| w.len())?;
    let rest = word.strip_prefix("…/").unwrap_or(word).trim_start_matches('/');
    let (_, tail) = rest.split_once('/')?;
    Some(format!("{}…/{tail}{}", &text[..at], &text[at + word.len()..]))
}

/// `wrap` without shortening: the rows, and whether text was left over.
fn rows(text: &str, first: usize, rest: usize) -> (Vec<String>, bool) {
    let mut rows: Vec<String> = vec![String::new()];
    let mut room = first;
    let mut used = 0;
    let mut cut = false;
    'words: for word in text.split(' ') {
        let mut word = word.to_string();
        loop {
            let w = glyphs::width(&word);
            let gap = usize::from(used > 0);
            if used + gap + w <= room {
                let row = rows.last_mut().expect("one row at least");
                if gap > 0 {
                    row.push(' ');
                }
                row.push_str(&word);
                used += gap + w;
                continue 'words;
            }
            if w > rest && used + gap < room {
                // Too long for any row: as much as fits here, the rest below.
                let (head, tail) = split_at_width(&word, room - used - gap);
                let row = rows.last_mut().expect("one row at least");
                if gap > 0 {
                    row.push(' ');
                }
                row.push_str(&head);
                word = tail;
            }
            if rows.len() == MAX_ROWS {
                cut = true;
                break 'words;
            }
            rows.push(String::new());
            room = rest;
            used = 0;
        }
    }
    if cut {
        let last = rows.last_mut().expect("one row at least");
        if glyphs::width(last) < room {
            last.push('…');
        } else {
            // Cut to a cell short of the row, so it ends in `…`.
            *last = glyphs::truncate(last, room.saturating_sub(1).max(1));
        }
    }
    (rows, cut)
}

/// The first `max` cells of `word` and the rest: broken after a `/` when
/// one is in reach, so a path reads by its folders.
fn split_at_width(word: &str, max: usize) -> (String, String) {
    let mut end = word.len();
    let mut used = 0;
    for (i, c) in word.char_indices() {
        let w = glyphs::width(&c.to_string());
        if used + w > max {
            end = i;
            break;
        }
        used += w;
    }
    let head = &word[..end];
    let end = match head.rfind('/') {
        Some(slash) if end < word.len() && slash > 0 => slash + 1,
        _ => end,
    };
    (word[..end].to_string(), word[end..].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_one_row_and_long_text_breaks_between_words() {
        assert_eq!(wrap("Saved set.yaml", 40, 79), ["Saved set.yaml"]);
        assert_eq!(wrap("one two three", 8, 20), ["one two", "three"]);
        let rows = wrap(&"word ".repeat(60), 30, 40);
        assert_eq!(rows.len(), MAX_ROWS);
        assert!(rows[2].ends_with('…'), "{rows:?}");
        assert!(rows.iter().all(|r| glyphs::width(r) <= 40), "{rows:?}");
        // A path wider than a row is broken where the row ends.
        let rows = wrap(&format!("at /{}", "d".repeat(50)), 20, 30);
        assert_eq!(rows[0], format!("at /{}", "d".repeat(16)));
        // A path, after one of its folders.
        let rows = wrap("at /home/ana/communications/plan.yaml: gone", 20, 30);
        assert_eq!(rows[0], "at /home/ana/");
        assert!(rows.iter().all(|r| glyphs::width(r) <= 30), "{rows:?}");
    }

    #[test]
    fn a_path_too_long_for_the_rows_keeps_its_file_name_and_the_reason() {
        let path = format!("/{}sets/plan.yaml", "folder/".repeat(40));
        let text = format!("Could not save {path}: Permission denied (os error 13)");
        let rows = wrap(&text, 60, 79);
        assert!(rows.len() <= MAX_ROWS);
        assert!(rows[0].starts_with("Could not save …/folder/"), "{rows:?}");
        let all = rows.concat().replace(' ', "");
        assert!(all.ends_with("/sets/plan.yaml:Permissiondenied(oserror13)"), "{rows:?}");
        // A path that fits is left whole.
        let text = "Could not save /home/ana/sets/plan.yaml: Permission denied";
        assert_eq!(wrap(text, 60, 79).join(" "), text);
    }
}
