//! Layouts kept while what they were made from stays the same: the
//! selected message's text at a width, a document of paragraphs (the story
//! pane), and any one value behind a key.

use std::sync::{Arc, Mutex};

use super::{glyphs, locate, wrap, Glyph, Row};

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
