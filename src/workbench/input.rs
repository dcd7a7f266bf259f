//! A one-line text input (filter, save-as path, form fields): small enough
//! to own outright, so its keys and its drawing are exactly what we want.

use ratatui_textarea::{Input, Key};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineInput {
    pub text: String,
    /// Cursor position in chars.
    pub cursor: usize,
    /// The whole text is selected, as an offered value is: the first
    /// character typed (or pasted) replaces it, and any editing key
    /// (arrows, Home, End, Backspace) keeps it to edit.
    pub selected: bool,
}

impl LineInput {
    /// An input holding `text`, cursor at the end.
    pub fn new(text: impl Into<String>) -> LineInput {
        let text = text.into();
        let cursor = text.chars().count();
        LineInput {
            text,
            cursor,
            selected: false,
        }
    }

    /// An input offering `text`, all of it selected, cursor at the end.
    pub fn offering(text: impl Into<String>) -> LineInput {
        LineInput {
            selected: true,
            ..LineInput::new(text)
        }
    }

    /// Drop a selected offer, to type in its place.
    fn replace_selected(&mut self) {
        if std::mem::take(&mut self.selected) {
            self.text.clear();
            self.cursor = 0;
        }
    }

    fn byte(&self, at: usize) -> usize {
        self.text
            .char_indices()
            .nth(at)
            .map(|(i, _)| i)
            .unwrap_or(self.text.len())
    }

    pub fn insert_str(&mut self, s: &str) {
        self.replace_selected();
        // One line: a pasted line break becomes a space.
        let s: String = s
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        let at = self.byte(self.cursor);
        self.text.insert_str(at, &s);
        self.cursor += s.chars().count();
    }

    /// Apply an editing key; returns whether the text changed.
    pub fn input(&mut self, input: Input) -> bool {
        if !matches!(input.key, Key::Char(_)) || input.ctrl || input.alt {
            // Not a typed character: the offer stays, to be edited.
            self.selected = false;
        }
        let len = self.text.chars().count();
        match input {
            Input {
                key: Key::Char(c),
                ctrl: false,
                alt: false,
                ..
            } => {
                self.insert_str(&c.to_string());
                true
            }
            Input {
                key: Key::Char('u'),
                ctrl: true,
                ..
            } => {
                let changed = !self.text.is_empty();
                self.text.clear();
                self.cursor = 0;
                changed
            }
            Input {
                key: Key::Backspace, ..
            } if self.cursor > 0 => {
                let from = self.byte(self.cursor - 1);
                let to = self.byte(self.cursor);
                self.text.replace_range(from..to, "");
                self.cursor -= 1;
                true
            }
            Input { key: Key::Delete, .. } if self.cursor < len => {
                let from = self.byte(self.cursor);
                let to = self.byte(self.cursor + 1);
                self.text.replace_range(from..to, "");
                true
            }
            Input { key: Key::Left, .. } => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            Input { key: Key::Right, .. } => {
                self.cursor = (self.cursor + 1).min(len);
                false
            }
            Input { key: Key::Home, .. }
            | Input {
                key: Key::Char('a'),
                ctrl: true,
                ..
            } => {
                self.cursor = 0;
                false
            }
            Input { key: Key::End, .. }
            | Input {
                key: Key::Char('e'),
                ctrl: true,
                ..
            } => {
                self.cursor = len;
                false
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: Key) -> Input {
        Input {
            key: k,
            ..Input::default()
        }
    }

    #[test]
    fn edits_at_the_cursor_in_chars() {
        let mut i = LineInput::new("héllo");
        i.input(key(Key::Left));
        i.input(key(Key::Backspace));
        assert_eq!(i.text, "hélo");
        i.input(key(Key::Char('ł')));
        assert_eq!(i.text, "hélło");
        i.input(key(Key::Home));
        i.input(key(Key::Delete));
        assert_eq!(i.text, "élło");
        i.insert_str("a\nb");
        assert_eq!(i.text, "a bélło");
        assert_eq!(i.cursor, 3);
    }

    #[test]
    fn an_offered_value_is_replaced_by_typing_and_kept_by_editing_keys() {
        let mut i = LineInput::offering("/tmp/nb/ro.yaml");
        for c in "/tmp/nb/copy.yaml".chars() {
            i.input(key(Key::Char(c)));
        }
        assert_eq!(i.text, "/tmp/nb/copy.yaml");
        assert_eq!(i.cursor, i.text.chars().count());

        for (first, then) in [
            (Key::Left, "ro.yamxl"),
            (Key::Home, "xro.yaml"),
            (Key::End, "ro.yamlx"),
            (Key::Backspace, "ro.yamx"),
        ] {
            let mut i = LineInput::offering("ro.yaml");
            i.input(key(first));
            assert!(!i.selected);
            i.input(key(Key::Char('x')));
            assert_eq!(i.text, then, "{first:?} first");
        }
        let mut i = LineInput::offering("ro.yaml");
        i.insert_str("pasted.yaml");
        assert_eq!(i.text, "pasted.yaml");
    }
}
