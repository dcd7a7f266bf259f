//! The report's charts, drawn by chorus as inline SVG (no chart library,
//! nothing fetched): the channel mix per segment as stacked bars, face to
//! face against digital. Every label is escaped.

use std::fmt::Write as _;

use super::escape::html;
use crate::core::programme::Programme;

/// Colours that print in grey scale apart too (dark, mid, light).
pub const FACE: &str = "#1b7a4b";
pub const DIGITAL: &str = "#4a7fc1";
pub const UNNAMED: &str = "#c9ced6";

const LABEL: usize = 130;
const BAR: usize = 360;
const ROW: usize = 26;

/// The channel mix of every segment as a chart with its own legend.
pub fn channel_mix(p: &Programme) -> String {
    let most = p
        .channels
        .iter()
        .map(|c| c.face_to_face + c.digital + c.unnamed)
        .max()
        .unwrap_or(0)
        .max(1);
    let width = LABEL + BAR + 60;
    let height = ROW * p.segments.len() + 34;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="Channel mix per segment: face to face against digital">"#
    );
    for (row, (segment, mix)) in p.segments.iter().zip(&p.channels).enumerate() {
        let y = row * ROW;
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" text-anchor="end" font-size="13">{}</text>"#,
            LABEL - 8,
            y + 16,
            html(segment)
        );
        let mut x = LABEL;
        for (n, colour, what) in [
            (mix.face_to_face, FACE, "face to face"),
            (mix.digital, DIGITAL, "digital"),
            (mix.unnamed, UNNAMED, "no channel named"),
        ] {
            if n == 0 {
                continue;
            }
            let w = (n * BAR).div_ceil(most);
            let _ = write!(
                s,
                r#"<rect x="{x}" y="{}" width="{w}" height="18" fill="{colour}"><title>{}: {n} {what}</title></rect>"#,
                y + 3,
                html(segment)
            );
            x += w;
        }
        let total = mix.face_to_face + mix.digital + mix.unnamed;
        let _ = write!(s, r#"<text x="{}" y="{}" font-size="12">{total}</text>"#, x + 6, y + 16);
    }
    let legend = ROW * p.segments.len() + 20;
    let mut x = LABEL;
    for (colour, what) in [(FACE, "face to face"), (DIGITAL, "digital"), (UNNAMED, "no channel")] {
        let _ = write!(
            s,
            r#"<rect x="{x}" y="{}" width="12" height="12" fill="{colour}"/><text x="{}" y="{}" font-size="12">{what}</text>"#,
            legend - 10,
            x + 16,
            legend
        );
        x += 110;
    }
    s.push_str("</svg>");
    s
}
