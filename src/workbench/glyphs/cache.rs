//! Layouts kept while what they were made from stays the same: the
//! selected message's text at a width, a document of paragraphs (the story
//! pane), and any one value behind a key.

use std::sync::{Arc, Mutex};

use super::{glyphs, locate, wrap, Glyph, GlyphKind, Row};

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
/// and an arrow key or a scroll does not lay it out at all. When the text
/// changed, the rows before the edit are kept and only the rest is laid out
/// again (see `Layout::relayout`), so a keystroke near the end of a long
/// message costs its last rows, not the whole text.
#[derive(Debug, Default)]
pub struct LayoutCache(Mutex<Option<(String, usize, Arc<Layout>)>>);

impl LayoutCache {
    /// The layout of `text` at `width`, made only when either changed.
    pub fn get(&self, text: &str, width: usize) -> Arc<Layout> {
        // A poisoned lock only means a panic elsewhere; the cache is still a cache.
        let mut slot = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match slot.take() {
            Some((t, w, l)) if w == width && t == text => {
                *slot = Some((t, w, Arc::clone(&l)));
                l
            }
            Some((mut t, w, l)) if w == width => {
                // Reuse the old layout's memory when no frame still holds it.
                let mut old = Arc::try_unwrap(l).unwrap_or_else(|shared| (*shared).clone());
                old.relayout(&t, text, width);
                let layout = Arc::new(old);
                t.clear();
                t.push_str(text);
                *slot = Some((t, width, Arc::clone(&layout)));
                layout
            }
            _ => {
                let layout = Arc::new(Layout::new(text, width));
                *slot = Some((text.to_string(), width, Arc::clone(&layout)));
                layout
            }
        }
    }
}

/// Bytes `old` and `new` share from their start, compared a block at a time.
fn common_prefix(old: &[u8], new: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let n = old.len().min(new.len());
    let mut at = 0;
    while at + BLOCK <= n && old[at..at + BLOCK] == new[at..at + BLOCK] {
        at += BLOCK;
    }
    while at < n && old[at] == new[at] {
        at += 1;
    }
    at
}

impl Layout {
    /// Make this layout, of `old` at `width`, that of `new`. Wrapping is
    /// greedy and starts each row afresh, and `glyphs` starts afresh after a
    /// lone ASCII char, so from a row that follows such a space (and lies
    /// before the first changed byte) both give what they would from the
    /// start: the glyphs and rows before it are kept, the rest made again.
    pub fn relayout(&mut self, old: &str, new: &str, width: usize) {
        let same = common_prefix(old.as_bytes(), new.as_bytes());
        let mut cut = same;
        while !old.is_char_boundary(cut) {
            cut -= 1;
        }
        let (bytes, shared) = (new.as_bytes(), &old[..cut]);
        let same_chars = if shared.is_ascii() {
            shared.len()
        } else {
            shared.chars().count()
        };
        // The row holding the first changed glyph, then back two rows more:
        // a row's end is settled by a glyph of the next row (the one that
        // did not fit), and the glyph just before the change may itself
        // change (a combining mark typed after it).
        let gi = self.glyphs.partition_point(|g| g.end <= same_chars);
        let mut r = self.rows.partition_point(|row| row.end <= gi).saturating_sub(2);
        // Walk back to a row whose first glyph follows a lone ASCII space of
        // the shared text: (glyph index, byte after the space).
        let restart = loop {
            if r == 0 {
                break None;
            }
            let k = self.rows[r].start;
            if k == 0 {
                break None;
            }
            let space = &self.glyphs[k - 1];
            if space.kind == GlyphKind::Space && space.end == space.start + 1 {
                let b = if shared.is_ascii() {
                    Some(space.start)
                } else {
                    shared.char_indices().nth(space.start).map(|(b, _)| b)
                };
                if let Some(b) = b {
                    if b + 2 <= same && bytes[b] == b' ' && bytes[b + 1].is_ascii() {
                        break Some((k, b + 1));
                    }
                }
            }
            r -= 1;
        };
        let Some((k, b)) = restart else {
            *self = Layout::new(new, width);
            return;
        };
        let pos = self.glyphs[k - 1].end;
        self.glyphs.truncate(k);
        self.glyphs.extend(glyphs(&new[b..]).into_iter().map(|mut g| {
            g.start += pos;
            g.end += pos;
            g
        }));
        self.rows.truncate(r);
        self.rows
            .extend(wrap(&self.glyphs[k..], width).into_iter().map(|mut row| {
                row.start += k;
                row.end += k;
                row
            }));
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

#[cfg(test)]
mod tests {
    use super::*;

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

    /// Small pseudo-random numbers, so the edits below are many and repeatable.
    fn next(seed: &mut u64) -> usize {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        (*seed >> 33) as usize
    }

    #[test]
    fn a_layout_made_again_after_an_edit_is_the_fresh_one() {
        // Pieces that wrap, break words, join clusters and need stand-ins.
        let pieces = [
            "word ",
            "a ",
            "longerwordthanarow ",
            "  ",
            "\n",
            "e\u{301} ",
            "\u{301}",
            "👩\u{200d}👩 ",
            "\t",
            "é",
            " ",
            "x",
            "\r\n",
            "日本 ",
            "\u{200b}",
            "🇫🇷🇩🇪 ",
        ];
        let cache = LayoutCache::default();
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for width in [1, 4, 9, 30] {
            let mut text: String = (0..60).map(|i| pieces[i * 7 % pieces.len()]).collect();
            for _ in 0..300 {
                let chars: Vec<char> = text.chars().collect();
                let at = next(&mut seed) % (chars.len() + 1);
                let mut edited: String = chars[..at].iter().collect();
                // Type a piece, or erase a few chars, mostly near the end as when typing.
                if next(&mut seed).is_multiple_of(3) && at > 0 {
                    edited = chars[..at - 1 - next(&mut seed) % at.min(3)].iter().collect();
                } else {
                    edited.push_str(pieces[next(&mut seed) % pieces.len()]);
                }
                edited.extend(&chars[at..]);
                text = edited;
                assert_eq!(
                    *cache.get(&text, width),
                    Layout::new(&text, width),
                    "{text:?} at {width}"
                );
            }
        }
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
}
