//! Keeping what the user looks at in view after every change: the selected
//! message in the list, the cursor or the selected finding in the text, and
//! the story pane within its rows (laid out once per story change).

use std::sync::Arc;

use ratatui::layout::Rect;

use crate::workbench::glyphs;
use crate::workbench::layout;
use crate::workbench::marks;

use super::App;

impl App<'_> {
    /// Keep what the user is looking at in sight after a change: the selected
    /// message in the list, the cursor or the selected finding in the text.
    pub fn settle(&mut self) {
        if let Some(s) = self.selected {
            if s >= self.set.internal.len() {
                self.selected = self.visible.last().copied();
            }
        }
        let n = self.findings().len();
        if self.finding >= n {
            self.finding = n.saturating_sub(1);
        }
        let Some(p) = self.panes() else { return };
        let rows = p.list_rows().max(1);
        if let Some(pos) = self.visible_pos() {
            if pos < self.list_offset {
                self.list_offset = pos;
            } else if pos >= self.list_offset + rows {
                self.list_offset = pos + 1 - rows;
            }
        }
        self.list_offset = self.list_offset.min(self.visible.len().saturating_sub(rows));

        // The message text: keep the cursor, else the selected finding, in sight.
        let height = p.message_text().height.max(1) as usize;
        let width = p.text_width();
        let Some(m) = self.current_message() else {
            self.text_scroll = 0;
            return;
        };
        let layout = self.text_layout.get(&m.text, width);
        let rows = &layout.rows;
        let target = match self.editor() {
            Some(e) => Some(e.cursor_offset()),
            None => self.selected_span().map(|s| s.start),
        };
        if let Some(at) = target {
            let (row, _) = layout.locate(at, width + 1);
            if row < self.text_scroll {
                self.text_scroll = row;
            } else if row >= self.text_scroll + height {
                self.text_scroll = row + 1 - height;
            }
        }
        self.text_scroll = self.text_scroll.min(rows.len().saturating_sub(height));
        if let Some((total, shown)) = self.story_rows() {
            self.story_scroll = self.story_scroll.min(total.saturating_sub(shown));
        }
    }

    /// Rows of the story pane's scrolling part, and how many of them fit
    /// (the set summary is pinned below them).
    pub fn story_rows(&self) -> Option<(usize, usize)> {
        Some(self.story_rows_in(layout::inner(self.panes()?.story)))
    }

    /// `story_rows` for a story pane whose inside is `inner`.
    pub fn story_rows_in(&self, inner: Rect) -> (usize, usize) {
        let width = inner.width.max(1) as usize;
        // The summary takes at most half the pane, so the story stays readable.
        let height = inner.height as usize;
        let pinned: usize = marks::summary_doc(&self.summary)
            .iter()
            .map(|p| glyphs::wrap(&glyphs::glyphs(&p.text), width).len())
            .sum();
        let total = self.story_layout(width).total();
        (total, height.saturating_sub(pinned.min(height / 2)))
    }

    /// The story pane's paragraphs (before the selected message's ties are
    /// marked) wrapped at `width`, made again only when the story changed.
    pub fn story_layout(&self, width: usize) -> Arc<glyphs::DocLayout<marks::StoryMark>> {
        self.story_layout.get((self.story_revision, width), || {
            glyphs::DocLayout::new(marks::story_doc_plain(&self.set), width)
        })
    }
}
