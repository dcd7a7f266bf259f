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

/// C0, DEL and C1 control characters, plus the bidirectional overrides
/// that can make a terminal show text in another order than it is.
pub fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// Escape the control characters serde_json leaves raw (DEL and C1) and
/// turn its short escapes (\n, \t, ...) into \u00XX, so every C0, DEL and
/// C1 character in the output is written as \u00XX. Safe on serialized
/// JSON: these characters can only occur inside strings.
pub fn json_controls(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut chars = json.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                in_string = !in_string;
                out.push(c);
            }
            '\\' if in_string => {
                let next = chars.next().unwrap_or('\\');
                let code = match next {
                    'n' => Some(0x0a),
                    't' => Some(0x09),
                    'r' => Some(0x0d),
                    'b' => Some(0x08),
                    'f' => Some(0x0c),
                    _ => None,
                };
                match code {
                    Some(code) => out.push_str(&format!("\\u{code:04x}")),
                    None => {
                        out.push('\\');
                        out.push(next);
                    }
                }
            }
            '\u{7f}'..='\u{9f}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            _ => out.push(c),
        }
    }
    out
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

    #[test]
    fn json_escapes_every_control_as_u00xx() {
        let raw = serde_json::to_string("a\u{1b}\n\t\u{7f}\u{85}\"\\").unwrap();
        let esc = json_controls(&raw);
        assert_eq!(esc, r#""a\u001b\u000a\u0009\u007f\u0085\"\\""#);
        let back: String = serde_json::from_str(&esc).unwrap();
        assert_eq!(back, "a\u{1b}\n\t\u{7f}\u{85}\"\\");
    }
}
