//! Glyphs: text as the workbench draws it, split into what a terminal shows
//! (grapheme clusters), with control characters and layout-breaking format
//! characters made visible, measured, and cut to fit. The editor and the
//! viewer share this, so highlights and the cursor land on the same cells
//! either way.
//!
//! Holds `wrap` (rows of glyphs at a width, and finding an offset in them)
//! and `cache` (layouts kept while their text and width stay the same). May
//! import the core and `marks` (a document's paragraphs); nothing that draws
//! or does I/O.

mod cache;
mod wrap;

pub use cache::{DocLayout, Layout, LayoutCache, Memo};
pub use wrap::{locate, offset_at, wrap, Row};

use std::borrow::Cow;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
