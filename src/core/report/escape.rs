//! Control characters never reach a terminal or a JSON reader raw: text
//! output shows them as visible pictures, JSON escapes them as \u00XX.

/// `s` with every control character (C0, DEL, C1) made visible:
/// C0 as its Unicode control picture (ESC → ␛), DEL as ␡, C1 as \u{9b}.
/// Newlines and tabs are kept only when `keep_layout` is set.
pub fn visible(s: &str, keep_layout: bool) -> std::borrow::Cow<'_, str> {
    let needs = s
        .chars()
        .any(|c| is_control(c) && !(keep_layout && matches!(c, '\n' | '\t')));
    if !needs {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\t' if keep_layout => out.push(c),
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            '\u{7f}' => out.push('␡'),
            '\u{80}'..='\u{9f}' => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// C0, DEL and C1 control characters.
pub fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
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
    }
}
