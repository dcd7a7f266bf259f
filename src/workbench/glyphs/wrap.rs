//! Wrapping glyphs into screen rows at a width, and finding a char offset's
//! row and column in them (and back), as the editor and the viewer both do.

use super::{Glyph, GlyphKind};

/// One screen row of wrapped text: glyphs `start..end` of the glyph list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
    /// Cells used (trailing spaces that hang past the edge not counted).
    pub width: usize,
}

/// Wrap glyphs into rows of at most `width` cells: at spaces when it can,
/// inside a word when the word alone is wider than a row, and always at
/// line breaks. A space that does not fit hangs at the row's end (it is
/// clipped when drawn) so rows never start with the space that broke them.
/// There is always at least one row.
pub fn wrap(glyphs: &[Glyph], width: usize) -> Vec<Row> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut start = 0usize;
    let mut used = 0usize;
    // Glyph index just after the last space of the current row, and the width up to it.
    let mut brk: Option<(usize, usize)> = None;
    let mut i = 0usize;
    while i < glyphs.len() {
        let g = &glyphs[i];
        // A line break ends the row; so does a space that does not fit,
        // which hangs on this row. The next row starts after either.
        let overflowing_space = g.kind == GlyphKind::Space && used + g.width > width;
        if g.kind == GlyphKind::Newline || overflowing_space {
            rows.push(Row {
                start,
                end: i + 1,
                width: used,
            });
            start = i + 1;
            used = 0;
            brk = None;
            i += 1;
            continue;
        }
        if g.kind == GlyphKind::Space {
            used += g.width;
            brk = Some((i + 1, used));
            i += 1;
            continue;
        }
        if used + g.width > width && i > start {
            match brk {
                Some((after, w)) if after > start => {
                    rows.push(Row {
                        start,
                        end: after,
                        width: w,
                    });
                    used -= w;
                    start = after;
                }
                _ => {
                    rows.push(Row {
                        start,
                        end: i,
                        width: used,
                    });
                    start = i;
                    used = 0;
                }
            }
            brk = None;
            // Re-check the same glyph against the new row.
            continue;
        }
        used += g.width;
        i += 1;
    }
    rows.push(Row {
        start,
        end: glyphs.len(),
        width: used,
    });
    rows
}

/// Screen position (row, cell column) of the char offset `at`: the glyph that
/// starts there, or the end of the text. Columns are clamped to the row
/// width so the cursor never leaves the pane. Finds the row by binary
/// search and walks only that row, so it costs a row, not the text.
pub fn locate(glyphs: &[Glyph], rows: &[Row], at: usize, width: usize) -> (usize, usize) {
    let max_col = width.saturating_sub(1);
    let Some(last) = rows.len().checked_sub(1) else {
        return (0, 0);
    };
    // Width of glyphs `from..to`, stopping at a line break.
    let cells = |from: usize, to: usize| -> usize {
        glyphs[from..to]
            .iter()
            .take_while(|g| g.kind != GlyphKind::Newline)
            .map(|g| g.width)
            .sum()
    };
    let gi = glyphs.partition_point(|g| g.end <= at);
    if gi < glyphs.len() && glyphs[gi].start <= at {
        // The first row holding that glyph (a position at a row boundary
        // belongs to the next row).
        let r = rows.partition_point(|row| row.end <= gi).min(last);
        let row = rows[r];
        if row.start <= gi {
            return (r, cells(row.start, gi).min(max_col));
        }
    }
    // The end of the text: the end of the last row.
    let row = rows[last];
    (last, cells(row.start, row.end).min(max_col))
}

/// The char offset at screen position (row, cell column), for moving the
/// cursor up and down between wrapped rows and for mouse clicks.
pub fn offset_at(glyphs: &[Glyph], rows: &[Row], row: usize, col: usize) -> usize {
    let Some(r) = rows.get(row.min(rows.len().saturating_sub(1))) else {
        return 0;
    };
    let mut x = 0usize;
    for g in &glyphs[r.start..r.end] {
        if g.kind == GlyphKind::Newline || x + g.width > col {
            return g.start;
        }
        x += g.width;
    }
    // Past the end of the row: the row's end, which is the next row's start
    // when the row was wrapped; stay on this row by pointing at its last glyph.
    if r.end < glyphs.len() && r.end > r.start {
        let last = &glyphs[r.end - 1];
        if last.kind == GlyphKind::Space {
            return last.start;
        }
        return glyphs[r.end].start;
    }
    glyphs.last().map(|g| g.end).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbench::glyphs::{glyphs, Layout};

    fn rows_text(text: &str, width: usize) -> Vec<String> {
        let g = glyphs(text);
        wrap(&g, width)
            .iter()
            .map(|r| g[r.start..r.end].iter().map(|g| g.display.as_ref()).collect())
            .collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(rows_text("the quick brown fox", 10), vec!["the quick ", "brown fox"]);
    }

    #[test]
    fn breaks_long_words() {
        assert_eq!(rows_text("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn keeps_hard_breaks() {
        assert_eq!(rows_text("a\nb", 10), vec!["a", "b"]);
        assert_eq!(rows_text("a\n", 10), vec!["a", ""]);
    }

    #[test]
    fn wide_chars_do_not_overflow() {
        let g = glyphs("日本語のテキスト");
        for r in wrap(&g, 5) {
            assert!(r.width <= 5, "{r:?}");
        }
        assert_eq!(g[0].width, 2);
    }

    /// `locate` as a walk over every row from the top.
    fn locate_walking(glyphs: &[Glyph], rows: &[Row], at: usize, width: usize) -> (usize, usize) {
        let max_col = width.saturating_sub(1);
        for (r, row) in rows.iter().enumerate() {
            let mut x = 0usize;
            for g in &glyphs[row.start..row.end] {
                if at < g.end && at >= g.start {
                    return (r, x.min(max_col));
                }
                if g.kind == GlyphKind::Newline {
                    break;
                }
                x += g.width;
            }
            if r + 1 == rows.len() {
                return (r, x.min(max_col));
            }
        }
        (0, 0)
    }

    #[test]
    fn locate_by_search_agrees_with_walking_the_rows() {
        for text in [
            "the quick brown fox",
            "a\n\nb  c\n",
            "日本語のテキスト a👩‍👩‍👧b",
            "wordswithoutanyspacesatall and then some",
            "",
        ] {
            for width in [1, 3, 7, 12, 40] {
                let l = Layout::new(text, width);
                for at in 0..=text.chars().count() + 1 {
                    assert_eq!(
                        l.locate(at, width + 1),
                        locate_walking(&l.glyphs, &l.rows, at, width + 1),
                        "{text:?} width {width} at {at}"
                    );
                }
            }
        }
    }

    #[test]
    fn locate_and_offset_round_trip() {
        let text = "the quick brown fox";
        let g = glyphs(text);
        let rows = wrap(&g, 10);
        assert_eq!(locate(&g, &rows, 0, 10), (0, 0));
        assert_eq!(locate(&g, &rows, 10, 10), (1, 0));
        assert_eq!(locate(&g, &rows, 19, 10), (1, 9));
        for at in 0..=text.len() {
            let (r, c) = locate(&g, &rows, at, 11);
            assert_eq!(offset_at(&g, &rows, r, c), at, "at {at}");
        }
    }
}
