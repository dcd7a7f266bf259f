//! Text as the workbench draws it: split into what a terminal shows (grapheme
//! clusters), with control characters and layout-breaking format characters
//! made visible, measured and wrapped. The editor and the viewer share this
//! layout, so highlights and the cursor land on the same cells either way.

use std::borrow::Cow;
use std::sync::{Arc, Mutex};

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

/// One unit on screen: a grapheme cluster of the text, or a visible stand-in
/// for a character that must never reach the terminal raw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glyph {
    /// First char (Unicode scalar value) of the text this glyph shows.
    pub start: usize,
    /// One past its last char.
    pub end: usize,
    /// What is drawn.
    pub display: Cow<'static, str>,
    /// Terminal cells it takes.
    pub width: usize,
    pub kind: GlyphKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlyphKind {
    Normal,
    /// Whitespace: a place a line may wrap after.
    Space,
    /// A hard line break (`\n`); takes no cell.
    Newline,
    /// A control or format character shown by a stand-in (e.g. ␛).
    Escaped,
}

/// The stand-in for a character that must not be written to the terminal
/// as is: C0/C1 controls, DEL, and the invisible characters that reorder
/// or hide text (bidi overrides, zero-width no-break space, separators).
/// (The core's table, shared with `chorus check`; here a newline breaks the
/// line and a tab shows as an arrow.) The zero-width characters and the soft
/// hyphen, which would otherwise hide inside a word ("che\u{200b}ap"), show
/// as one dim cell: `·` for a zero-width space or joiner, `¬` for a soft
/// hyphen.
fn stand_in(c: char) -> Option<Cow<'static, str>> {
    match c {
        '\n' => None,
        '\t' => Some(Cow::Borrowed("→")),
        '\u{200b}'..='\u{200d}' | '\u{2060}' => Some(Cow::Borrowed("·")),
        '\u{ad}' => Some(Cow::Borrowed("¬")),
        _ => crate::core::report::escape::stand_in(c),
    }
}

fn needs_escape(c: char) -> bool {
    c == '\n' || stand_in(c).is_some()
}

/// Whether a grapheme cluster has a char to show by a stand-in. A zero-width
/// joiner or non-joiner inside a cluster (an emoji sequence such as 👩‍👩‍👧, a
/// conjunct) is doing its work and is drawn as part of it; one that ends the
/// cluster joins nothing and is shown.
fn cluster_needs_escape(g: &str) -> bool {
    let n = g.chars().count();
    g.chars()
        .enumerate()
        .any(|(i, c)| needs_escape(c) && !(is_joiner(c) && i + 1 < n))
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200c}' | '\u{200d}')
}

/// Printable ASCII, so the glyph of an ASCII character borrows its text
/// instead of allocating one string per character.
const PRINTABLE: &str =
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

fn printable(c: u8) -> Option<&'static str> {
    let i = usize::from(c.checked_sub(b' ')?);
    PRINTABLE.get(i..i + 1)
}

/// Split `text` into glyphs. Char offsets in the glyphs are those of `text`,
/// so review spans (which count chars) map onto them directly.
///
/// A printable ASCII char followed by ASCII (or the end) is a grapheme
/// cluster of its own, so such runs, most of most messages, skip grapheme
/// segmentation; the rest is segmented up to and including the next such
/// char, where a cluster boundary is sure to follow.
pub fn glyphs(text: &str) -> Vec<Glyph> {
    let bytes = text.as_bytes();
    let lone = |i: usize| printable(bytes[i]).is_some() && bytes.get(i + 1).is_none_or(|b| b.is_ascii());
    let mut out = Vec::with_capacity(text.len());
    let mut pos = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        if lone(i) {
            push_ascii(&mut out, bytes[i], pos);
            pos += 1;
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < bytes.len() && !(lone(end) && text.is_char_boundary(end)) {
            end += 1;
        }
        let end = (end + 1).min(bytes.len());
        pos = push_clusters(&mut out, &text[i..end], pos);
        i = end;
    }
    out
}

fn push_ascii(out: &mut Vec<Glyph>, b: u8, pos: usize) {
    if let Some(display) = printable(b) {
        out.push(Glyph {
            start: pos,
            end: pos + 1,
            display: Cow::Borrowed(display),
            width: 1,
            kind: if b == b' ' { GlyphKind::Space } else { GlyphKind::Normal },
        });
    }
}

/// Glyphs of `text` by grapheme cluster, the first at char offset `pos`;
/// returns the offset after the last.
fn push_clusters(out: &mut Vec<Glyph>, text: &str, mut pos: usize) -> usize {
    for g in text.graphemes(true) {
        if let &[b] = g.as_bytes() {
            if printable(b).is_some() {
                push_ascii(out, b, pos);
                pos += 1;
                continue;
            }
        }
        let n = g.chars().count();
        if cluster_needs_escape(g) {
            // Take the cluster apart so each dangerous char gets its own stand-in
            // (e.g. "\r\n" is one grapheme cluster).
            for (i, c) in g.chars().enumerate() {
                out.push(char_glyph(c, pos + i));
            }
        } else {
            let width = g.cell_width() as usize;
            let kind = if g.chars().all(char::is_whitespace) {
                GlyphKind::Space
            } else {
                GlyphKind::Normal
            };
            out.push(Glyph {
                start: pos,
                end: pos + n,
                display: Cow::Owned(g.to_string()),
                width,
                kind,
            });
        }
        pos += n;
    }
    pos
}

/// A text split into glyphs and wrapped at one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub glyphs: Vec<Glyph>,
    pub rows: Vec<Row>,
}

impl Layout {
    pub fn new(text: &str, width: usize) -> Layout {
        let glyphs = glyphs(text);
        let rows = wrap(&glyphs, width);
        Layout { glyphs, rows }
    }

    /// Screen position of the char offset `at` (see `locate`).
    pub fn locate(&self, at: usize, width: usize) -> (usize, usize) {
        locate(&self.glyphs, &self.rows, at, width)
    }
}

/// The last layout made, kept while its text and width stay the same: a
/// frame, and the key that led to it, lay the text out once between them,
/// and an arrow key or a scroll does not lay it out at all.
#[derive(Debug, Default)]
pub struct LayoutCache(Mutex<Option<(String, usize, Arc<Layout>)>>);

impl LayoutCache {
    /// The layout of `text` at `width`, made only when either changed.
    pub fn get(&self, text: &str, width: usize) -> Arc<Layout> {
        // A poisoned lock only means a panic elsewhere; the cache is still a cache.
        let mut slot = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((t, w, l)) = slot.as_ref() {
            if *w == width && t == text {
                return Arc::clone(l);
            }
        }
        let layout = Arc::new(Layout::new(text, width));
        *slot = Some((text.to_string(), width, Arc::clone(&layout)));
        layout
    }
}

fn char_glyph(c: char, pos: usize) -> Glyph {
    if c == '\n' {
        return Glyph {
            start: pos,
            end: pos + 1,
            display: Cow::Borrowed(""),
            width: 0,
            kind: GlyphKind::Newline,
        };
    }
    match stand_in(c) {
        Some(display) => Glyph {
            start: pos,
            end: pos + 1,
            width: display.chars().count(),
            display,
            kind: GlyphKind::Escaped,
        },
        None => {
            let s = c.to_string();
            let width = if s.is_empty() { 0 } else { s.cell_width() as usize };
            Glyph {
                start: pos,
                end: pos + 1,
                display: Cow::Owned(s),
                width,
                kind: if c.is_whitespace() {
                    GlyphKind::Space
                } else {
                    GlyphKind::Normal
                },
            }
        }
    }
}

/// A document of paragraphs wrapped at one width, keeping only each
/// paragraph's rows, not its glyphs: a story of a thousand pillars stays a
/// few bytes per row, and the paragraphs in sight are split into glyphs again
/// when drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct DocLayout<M> {
    pub paras: Vec<crate::workbench::marks::Para<M>>,
    /// Row count of each paragraph.
    rows: Vec<usize>,
    /// First row of each paragraph, and the total at the end.
    first: Vec<usize>,
}

impl<M> DocLayout<M> {
    pub fn new(paras: Vec<crate::workbench::marks::Para<M>>, width: usize) -> DocLayout<M> {
        let rows: Vec<usize> = paras.iter().map(|p| wrap(&glyphs(&p.text), width).len()).collect();
        let mut first = Vec::with_capacity(rows.len() + 1);
        let mut total = 0;
        for n in &rows {
            first.push(total);
            total += n;
        }
        first.push(total);
        DocLayout { paras, rows, first }
    }

    /// Rows of the whole document.
    pub fn total(&self) -> usize {
        self.first.last().copied().unwrap_or(0)
    }

    /// The paragraphs that rows `from..to` fall in: (paragraph index, its
    /// rows to show as a range within it), found by binary search.
    pub fn window(&self, from: usize, to: usize) -> Vec<(usize, std::ops::Range<usize>)> {
        let to = to.min(self.total());
        let mut out = Vec::new();
        let mut p = self.first.partition_point(|&f| f <= from).saturating_sub(1);
        let mut row = from;
        while row < to && p < self.rows.len() {
            let start = self.first[p];
            let end = start + self.rows[p];
            if end > row {
                out.push((p, row - start..end.min(to) - start));
                row = end.min(to);
            }
            p += 1;
        }
        out
    }
}

/// One value kept while its key stays the same (a layout and what it was
/// made from), shared between the view and the update that draw with it.
#[derive(Debug)]
pub struct Memo<K, V>(Mutex<Option<(K, Arc<V>)>>);

impl<K, V> Default for Memo<K, V> {
    fn default() -> Memo<K, V> {
        Memo(Mutex::new(None))
    }
}

impl<K: PartialEq, V> Memo<K, V> {
    /// The value for `key`, made by `make` only when the key changed.
    pub fn get(&self, key: K, make: impl FnOnce() -> V) -> Arc<V> {
        let mut slot = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((k, v)) = slot.as_ref() {
            if *k == key {
                return Arc::clone(v);
            }
        }
        let v = Arc::new(make());
        *slot = Some((key, Arc::clone(&v)));
        v
    }
}

/// `s` made safe for one line of the screen: stand-ins for controls, and
/// `⏎` for a line break. Use it for every label taken from a file (ids,
/// titles, names, paths).
pub fn visible(s: &str) -> String {
    if !s.chars().any(needs_escape) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for g in s.graphemes(true) {
        if !cluster_needs_escape(g) {
            out.push_str(g);
            continue;
        }
        for c in g.chars() {
            if c == '\n' {
                out.push('⏎');
            } else if let Some(rep) = stand_in(c) {
                out.push_str(&rep);
            } else {
                out.push(c);
            }
        }
    }
    out
}

/// Cells `s` takes once made visible.
pub fn width(s: &str) -> usize {
    visible(s).graphemes(true).map(|g| g.cell_width() as usize).sum()
}

/// `s` made visible and cut to at most `max` cells, ending in `…` when cut.
/// It reads no further than the cells it may show, so a label taken from a
/// long message costs the label, not the message.
pub fn truncate(s: &str, max: usize) -> String {
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0usize;
    // Where to cut (bytes of `out`) if the whole does not fit: the last
    // place leaving room for the ellipsis.
    let mut cut: Option<usize> = None;
    let mut add = |unit: &str, w: usize, out: &mut String| -> bool {
        if cut.is_none() && used + w > max - 1 {
            cut = Some(out.len());
        }
        used += w;
        if used > max {
            out.truncate(cut.unwrap_or(0));
            out.push('…');
            return false;
        }
        out.push_str(unit);
        true
    };
    for g in s.graphemes(true) {
        if !cluster_needs_escape(g) {
            if !add(g, g.cell_width() as usize, &mut out) {
                return out;
            }
            continue;
        }
        for c in g.chars() {
            let rep: Cow<'static, str> = if c == '\n' {
                Cow::Borrowed("⏎")
            } else if let Some(rep) = stand_in(c) {
                rep
            } else {
                Cow::Owned(c.to_string())
            };
            for u in rep.graphemes(true) {
                if !add(u, u.cell_width() as usize, &mut out) {
                    return out;
                }
            }
        }
    }
    out
}

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

    #[test]
    fn emoji_cluster_is_one_glyph() {
        let g = glyphs("a👩‍👩‍👧b");
        assert_eq!(g.len(), 3);
        assert_eq!(g[1].start, 1);
        assert_eq!(g[2].start, 6);
    }

    #[test]
    fn controls_are_made_visible() {
        assert_eq!(visible("a\u{1b}[31mb"), "a␛[31mb");
        assert_eq!(visible("x\u{9b}y"), "x\\u{9b}y");
        assert_eq!(visible("rtl\u{202e}txt"), "rtl\\u{202e}txt");
        assert_eq!(visible("a\nb"), "a⏎b");
        let g = glyphs("a\r\nb");
        assert_eq!(g[1].display, "␍");
        assert_eq!(g[2].kind, GlyphKind::Newline);
        assert!(g.iter().all(|g| !g.display.contains(char::is_control)));
    }

    #[test]
    fn zero_width_characters_and_soft_hyphens_take_a_visible_cell() {
        let text = "che\u{200b}ap 4\u{200d}8 x\u{2060}y so\u{ad}ft a\u{200c}b";
        let g = glyphs(text);
        let shown: String = g.iter().map(|g| g.display.as_ref()).collect();
        assert_eq!(shown, "che·ap 4·8 x·y so¬ft a·b");
        for m in g.iter().filter(|g| g.display == "·" || g.display == "¬") {
            assert_eq!((m.kind, m.width, m.end - m.start), (GlyphKind::Escaped, 1, 1), "{m:?}");
        }
        // Offsets still count the text's chars, so the cursor lands right:
        // after the marker of "che\u{200b}ap" is the "a" at char 4, column 4.
        let rows = wrap(&g, 80);
        assert_eq!(locate(&g, &rows, 4, 80), (0, 4));
        assert_eq!(offset_at(&g, &rows, 0, 4), 4);
        assert_eq!(visible("che\u{200b}ap"), "che·ap");
        assert_eq!(visible("so\u{ad}ft"), "so¬ft");
    }

    #[test]
    fn joiners_inside_an_emoji_sequence_are_left_to_it() {
        let g = glyphs("a👩\u{200d}👩\u{200d}👧b");
        assert_eq!(g.len(), 3, "{g:?}");
        assert_eq!(visible("👩\u{200d}👧"), "👩\u{200d}👧");
    }

    /// `glyphs` with every cluster found by grapheme segmentation.
    fn glyphs_segmenting_all(text: &str) -> Vec<Glyph> {
        let mut out = Vec::new();
        push_clusters(&mut out, text, 0);
        out
    }

    #[test]
    fn the_ascii_shortcut_splits_as_segmentation_does() {
        for text in [
            "plain words, and more.",
            "e\u{301}te\u{301} cafe\u{301}",
            "a\r\nb\n\tc\u{1b}[1m",
            "\u{600}1 \u{600}a",
            "日本語 text 👩\u{200d}👩\u{200d}👧 x\u{200b}y so\u{ad}ft",
            "क्षत्रिय and ‍ ok",
            "🇫🇷🇩🇪 flags",
            "x",
            "",
            "\u{301}",
        ] {
            assert_eq!(glyphs(text), glyphs_segmenting_all(text), "{text:?}");
        }
    }

    #[test]
    fn truncates_with_ellipsis() {
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("hi", 6), "hi");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("日本語", 6), "日本語");
        assert_eq!(truncate("a\u{1b}bcdef", 4), "a␛b…");
        assert_eq!(truncate("a\nb", 3), "a⏎b");
        assert_eq!(truncate("x\u{9b}y", 5), "x\\u{…");
        assert_eq!(truncate("hello", 0), "");
        assert_eq!(truncate("", 3), "");
        // The same as cutting the whole visible text, however long.
        let long = "word ".repeat(100_000);
        assert_eq!(truncate(&long, 12), "word word w…");
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
    fn a_document_window_holds_the_rows_asked_for() {
        use crate::workbench::marks::Para;
        let paras: Vec<Para<()>> = ["one two three four", "", "five", "six seven eight"]
            .into_iter()
            .map(|t| {
                let mut p = Para::default();
                p.text = t.to_string();
                p
            })
            .collect();
        let doc = DocLayout::new(paras, 6);
        // Rows: "one ", "two ", "three ", "four" | "" | "five" | "six ", "seven ", "eight"
        assert_eq!(doc.total(), 9);
        assert_eq!(doc.window(0, 9), vec![(0, 0..4), (1, 0..1), (2, 0..1), (3, 0..3)]);
        assert_eq!(doc.window(3, 6), vec![(0, 3..4), (1, 0..1), (2, 0..1)]);
        assert_eq!(doc.window(7, 100), vec![(3, 1..3)]);
        assert_eq!(doc.window(9, 12), vec![]);
    }

    #[test]
    fn the_layout_cache_follows_text_and_width() {
        let cache = LayoutCache::default();
        let a = cache.get("one two three", 5);
        assert!(
            Arc::ptr_eq(&a, &cache.get("one two three", 5)),
            "same text, same layout"
        );
        let b = cache.get("one two three!", 5);
        assert_eq!(*b, Layout::new("one two three!", 5));
        let c = cache.get("one two three!", 9);
        assert_eq!(*c, Layout::new("one two three!", 9));
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
