//! Where each pane goes for a terminal size. Shared by the view (to draw)
//! and by update (to hit-test clicks and keep selections in sight), so both
//! always agree.

use ratatui::layout::Rect;

/// Smallest terminal the workbench draws panes in; below it, one line says so.
pub const MIN_WIDTH: u16 = 64;
pub const MIN_HEIGHT: u16 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub list: Rect,
    pub message: Rect,
    pub story: Rect,
    pub checklist: Rect,
    pub findings: Rect,
    pub status: Rect,
}

impl Panes {
    /// The message's text inside the message pane: below the one-line
    /// details, above the one-line list of supported pillars.
    pub fn message_text(&self) -> Rect {
        let inner = inner(self.message);
        Rect {
            y: inner.y + 1,
            height: inner.height.saturating_sub(2),
            ..inner
        }
    }

    /// Cells per row of the message's text; one column is kept free so the
    /// cursor fits after the last character of a full row.
    pub fn text_width(&self) -> usize {
        self.message_text().width.saturating_sub(1).max(1) as usize
    }

    /// Rows of the list that show messages.
    pub fn list_rows(&self) -> usize {
        inner(self.list).height as usize
    }
}

/// A bordered pane's inside.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x + 1,
        y: r.y + 1,
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// The panes for a terminal of this size, or `None` when it is too small.
pub fn panes(area: Rect) -> Option<Panes> {
    panes_with(area, 1)
}

/// The panes, with `status_rows` rows for the status line (a long notice
/// wraps onto more than one; see `state::status`).
pub fn panes_with(area: Rect, status_rows: u16) -> Option<Panes> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let status_rows = status_rows.clamp(1, 3);
    let status = Rect {
        y: area.y + area.height - status_rows,
        height: status_rows,
        ..area
    };
    let body_h = area.height - status_rows;
    // The checklist needs 4 score rows plus alignment and waivers; it grows a
    // little on tall terminals, the message and story get the rest.
    let check_h = (body_h / 3 + 1).clamp(9, 14);
    let top_h = body_h - check_h;
    // Widened before multiplying: a terminal wider than 2,340 columns would overflow u16.
    let list_w = (u32::from(area.width) * 28 / 100).clamp(22, 56) as u16;
    let rest_w = area.width - list_w;
    let message_w = rest_w / 2;
    let story_w = rest_w - message_w;
    let check_w = (u32::from(area.width) * 45 / 100).clamp(36, 56) as u16;
    let y = area.y;
    Some(Panes {
        list: Rect::new(area.x, y, list_w, top_h),
        message: Rect::new(area.x + list_w, y, message_w, top_h),
        story: Rect::new(area.x + list_w + message_w, y, story_w, top_h),
        checklist: Rect::new(area.x, y + top_h, check_w, check_h),
        findings: Rect::new(area.x + check_w, y + top_h, area.width - check_w, check_h),
        status,
    })
}

/// The findings pane's inside: the list of findings above, the selected
/// finding's explanation and suggestion below.
/// The findings pane: the list of findings above, the selected finding's
/// explanation and suggestion below. The explanation gets the rows it needs
/// (`detail_rows`), so advice is never cut off while rows remain; the list
/// keeps at least the selected finding's row.
pub fn findings_split(area: Rect, items: usize, detail_rows: u16) -> (Rect, Rect) {
    let inner = inner(area);
    let items = u16::try_from(items.max(1)).unwrap_or(u16::MAX);
    // The list takes what the explanation leaves, and no more than it needs,
    // so the explanation sits right under its finding.
    let list_h = inner
        .height
        .saturating_sub(detail_rows)
        .max(1)
        .min(items)
        .min(inner.height);
    let list = Rect {
        height: list_h,
        ..inner
    };
    let detail = Rect {
        y: inner.y + list_h,
        height: inner.height - list_h,
        ..inner
    };
    (list, detail)
}

/// Rows a finding's explanation and suggestion take, word-wrapped at `width`.
pub fn detail_rows(message: &str, suggestion: Option<&str>, width: u16) -> u16 {
    let rows = |s: &str| -> usize {
        let width = usize::from(width.max(1));
        let mut lines = 1;
        let mut used = 0;
        for word in s.split_whitespace() {
            let w = crate::workbench::glyphs::width(word);
            if used > 0 && used + 1 + w > width {
                lines += 1 + (w.saturating_sub(1)) / width;
                used = w % width;
            } else {
                used += if used > 0 { 1 + w } else { w };
            }
        }
        lines
    };
    let total = rows(message) + suggestion.map(|s| rows(&format!("→ {s}"))).unwrap_or(0);
    u16::try_from(total).unwrap_or(u16::MAX)
}

/// First row to show so that row `selected` is in a window of `height` rows.
pub fn scroll_for(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}

/// A box of at most `width`×`height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_tile_the_screen() {
        for (w, h) in [(80, 24), (120, 40), (64, 20), (300, 100)] {
            let area = Rect::new(0, 0, w, h);
            let p = panes(area).unwrap();
            let cells: u32 = [p.list, p.message, p.story, p.checklist, p.findings, p.status]
                .iter()
                .map(|r| r.area())
                .sum();
            assert_eq!(cells, area.area(), "{w}x{h}");
            assert!(p.message_text().height >= 3);
        }
        assert!(panes(Rect::new(0, 0, 63, 24)).is_none());
        assert!(panes(Rect::new(0, 0, 80, 19)).is_none());
    }
}
