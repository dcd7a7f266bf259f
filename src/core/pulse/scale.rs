//! Scale questions ("I believe in the story we tell customers", 1–5): which
//! size of scale a column uses, and the point of each answer, numbers or
//! the labels in `scales.yaml` (data, so a new label needs no new code).

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::core::store::yaml;
use crate::core::text::phrases::FastHash;

#[derive(Debug, Deserialize)]
struct Labels {
    five: BTreeMap<String, u8>,
    seven: BTreeMap<String, u8>,
}

fn labels() -> &'static Labels {
    static LABELS: OnceLock<Labels> = OnceLock::new();
    LABELS.get_or_init(|| yaml::from_str(include_str!("scales.yaml")).expect("the built-in scale labels parse"))
}

/// The number an answer is written with: "4", "4 - Agree" or "Agree (4)";
/// a number inside a sentence ("ticket 4") is no point of a scale.
fn number(s: &str) -> Option<u32> {
    let s = s.trim();
    // The leading digits as a number; none, or too many for a u32, is none
    // (as `str::parse` says), without collecting them into a string first.
    let digits = |t: &str| -> Option<u32> {
        let run = t.bytes().take_while(u8::is_ascii_digit);
        let mut any = false;
        let mut n: u32 = 0;
        for b in run {
            any = true;
            n = n.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
        }
        any.then_some(n)
    };
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        return digits(s);
    }
    let inner = s.strip_suffix(')')?.rsplit_once('(')?.1.trim();
    inner
        .chars()
        .all(|c| c.is_ascii_digit())
        .then(|| digits(inner))
        .flatten()
}

fn label(s: &str) -> String {
    if !s.is_ascii() {
        return s.trim().to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    }
    // ASCII: the same words, lower-cased one byte at a time and joined by
    // one space, in one string (every answer to a scale question is read).
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().map(|c| c.to_ascii_lowercase()));
    }
    out
}

/// What one answer says of its column's scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Point {
    /// On a scale of five (or seven).
    Five,
    /// Only on a scale of seven.
    Seven,
    Off,
}

fn point(v: &str) -> Point {
    match number(v) {
        Some(1..=5) => Point::Five,
        Some(6..=7) => Point::Seven,
        Some(_) => Point::Off,
        None => {
            let l = label(v);
            if labels().five.contains_key(&l) {
                Point::Five
            } else if labels().seven.contains_key(&l) {
                Point::Seven
            } else {
                Point::Off
            }
        }
    }
}

/// The size of scale (5 or 7) a column's values use, if they are a scale:
/// at least four in five of its non-empty values read as one. A column of
/// open answers is given up as soon as more than a fifth of all its values
/// are off every scale, so guessing costs little on a large export.
pub fn points_of<'a>(values: impl ExactSizeIterator<Item = &'a str>) -> Option<u8> {
    let total = values.len();
    let (mut filled, mut read, mut seven) = (0usize, 0usize, false);
    // A scale column holds a handful of distinct answers: each is read once.
    let mut known: HashMap<&str, Point, FastHash> = HashMap::default();
    for v in values.map(str::trim).filter(|v| !v.is_empty()) {
        filled += 1;
        if (filled - 1 - read) * 5 > total {
            return None;
        }
        let point = *known.entry(v).or_insert_with(|| point(v));
        read += usize::from(point != Point::Off);
        seven |= point == Point::Seven;
    }
    (filled > 0 && read * 5 >= filled * 4).then_some(if seven { 7 } else { 5 })
}

/// The point of one answer on a scale of `points`, if it is on it.
pub fn value(s: &str, points: u8) -> Option<u8> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(n) = number(s) {
        return (1..=u32::from(points)).contains(&n).then_some(n as u8);
    }
    let table = if points == 7 { &labels().seven } else { &labels().five };
    table.get(&label(s)).copied()
}

/// Whether a point says yes: above the middle of the scale (4 and 5 of 5).
pub fn agrees(point: u8, points: u8) -> bool {
    u32::from(point) * 2 > u32::from(points) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_labels_are_read_on_their_scale() {
        assert_eq!(points_of(["1", "5", "3", ""].into_iter()), Some(5));
        assert_eq!(points_of(["Agree", "Strongly  agree", "Disagree"].into_iter()), Some(5));
        assert_eq!(points_of(["Somewhat agree", "agree"].into_iter()), Some(7));
        assert_eq!(points_of(["2", "7"].into_iter()), Some(7));
        assert_eq!(points_of(["we are fast", "Agree"].into_iter()), None);
        assert_eq!(value("4 - Agree", 5), Some(4));
        assert_eq!(value("Agree", 7), Some(6));
        assert_eq!(value("Strongly agree", 5), Some(5));
        assert_eq!(value("9", 7), None);
        assert_eq!(value("maybe", 5), None);
        assert_eq!(value("Agree (4)", 5), Some(4));
        assert_eq!(points_of(["love it 1", "call 2", "job 3"].into_iter()), None);
    }

    #[test]
    fn agreeing_is_above_the_middle() {
        assert!(agrees(4, 5) && !agrees(3, 5));
        assert!(agrees(5, 7) && !agrees(4, 7));
    }
}
