//! Control characters never reach a terminal or a JSON reader raw: text
//! output shows them as visible pictures, JSON escapes them as \u00XX.

use std::borrow::Cow;

/// The visible stand-in for a character that must not reach a terminal as
/// is: C0 controls as their control pictures (ESC → ␛, LF → ␊), DEL as ␡,
/// and C1 controls plus the invisible characters that reorder or hide text
/// (bidi marks and overrides, line and paragraph separators, BOM) as
/// `\u{202e}`. `None` for every other character.
pub fn stand_in(c: char) -> Option<Cow<'static, str>> {
    let code = c as u32;
    match c {
        '\u{7f}' => Some(Cow::Borrowed("␡")),
        _ if code < 0x20 => char::from_u32(0x2400 + code).map(|p| Cow::Owned(p.to_string())),
        '\u{80}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}' => Some(Cow::Owned(format!("\\u{{{code:x}}}"))),
        _ => None,
    }
}

/// `s` with every character `stand_in` names made visible. Newlines and
/// tabs are kept as they are when `keep_layout` is set.
pub fn visible(s: &str, keep_layout: bool) -> Cow<'_, str> {
    let keep = |c: char| keep_layout && matches!(c, '\n' | '\t');
    // Most text has nothing to hide: a cheap look first.
    let suspect = |c: char| {
        (c as u32) < 0x20
            || ('\u{7f}'..='\u{9f}').contains(&c)
            || c == '\u{61c}'
            || ('\u{200e}'..='\u{2069}').contains(&c)
            || c == '\u{feff}'
    };
    if !s.chars().any(|c| suspect(c) && !keep(c) && stand_in(c).is_some()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match stand_in(c) {
            Some(p) if !keep(c) => out.push_str(&p),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_shows_controls_visibly() {
        assert_eq!(visible("a\u{1b}[31mb", false), "a␛[31mb");
        assert_eq!(visible("x\u{7f}\u{9b}", false), "x␡\\u{9b}");
        assert_eq!(visible("line\nnext", true), "line\nnext");
        assert_eq!(visible("line\nnext", false), "line␊next");
        assert_eq!(visible("a\u{202e}b\u{2028}", false), "a\\u{202e}b\\u{2028}");
    }
}
