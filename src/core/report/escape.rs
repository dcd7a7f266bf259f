//! Control characters never reach a terminal or a JSON reader raw: text
//! output shows them as visible pictures, JSON escapes them as \u00XX.
//! In the HTML and Markdown reports every text from a set is escaped too,
//! so `<script>` or `**` in a message shows as the characters it is.

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

/// The entity HTML needs for `c`, if any.
fn entity(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        _ => None,
    }
}

/// `s` for HTML text or a quoted attribute: controls made visible (line
/// breaks kept), and `& < > " '` written as entities.
pub fn html(s: &str) -> String {
    let shown = visible(s, true);
    let mut out = String::with_capacity(shown.len() + 16);
    for c in shown.chars() {
        match entity(c) {
            Some(e) => out.push_str(e),
            None => out.push(c),
        }
    }
    out
}

/// `s` as literal Markdown text on one line: controls made visible, line
/// breaks folded to spaces, every character Markdown would read as markup
/// escaped with a backslash, and `& <` written as entities (Markdown
/// renderers pass HTML through).
pub fn markdown(s: &str) -> String {
    let folded = s.replace(['\n', '\t'], " ");
    let shown = visible(&folded, false);
    let mut out = String::with_capacity(shown.len() + 16);
    for c in shown.chars() {
        match c {
            '&' | '<' | '>' => out.push_str(entity(c).unwrap_or_default()),
            // Parentheses and `!` mean something only beside `[`, which is escaped.
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '+' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_markdown_text_cannot_open_markup() {
        assert_eq!(
            html("<script>a&b</script>\u{1b}\"'"),
            "&lt;script&gt;a&amp;b&lt;/script&gt;␛&quot;&#39;"
        );
        assert_eq!(
            markdown("**x** <b>|`y`\n[z](u)"),
            "\\*\\*x\\*\\* &lt;b&gt;\\|\\`y\\` \\[z\\](u)"
        );
    }

    #[test]
    fn text_shows_controls_visibly() {
        assert_eq!(visible("a\u{1b}[31mb", false), "a␛[31mb");
        assert_eq!(visible("x\u{7f}\u{9b}", false), "x␡\\u{9b}");
        assert_eq!(visible("line\nnext", true), "line\nnext");
        assert_eq!(visible("line\nnext", false), "line␊next");
        assert_eq!(visible("a\u{202e}b\u{2028}", false), "a\\u{202e}b\\u{2028}");
    }
}
