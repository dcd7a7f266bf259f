//! The message list's filter: plain words match a message's id, title or
//! text; `field:value` terms match one of its details (`segment:sales`,
//! `status:draft`, `by:CEO`, `channel:email`, `kind:update`,
//! `date:2026-10`, `date:>2026-10-01`). Terms combine: a message shows when
//! it matches them all. The fields are declared once here, for the
//! matching, the help and the status line.

use crate::core::model::{Audience, Message};

/// A detail the filter can match, with the word typed for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Segment,
    Status,
    By,
    Channel,
    Kind,
    Date,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Segment,
        Field::Status,
        Field::By,
        Field::Channel,
        Field::Kind,
        Field::Date,
    ];

    /// The word before the colon.
    pub fn word(self) -> &'static str {
        match self {
            Field::Segment => "segment",
            Field::Status => "status",
            Field::By => "by",
            Field::Channel => "channel",
            Field::Kind => "kind",
            Field::Date => "date",
        }
    }

    fn parse(word: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.word().eq_ignore_ascii_case(word))
    }
}

/// The filter as typed, read into its terms.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    /// The plain words, matched together as one piece of text (lower case).
    pub text: String,
    /// Each `field:value`, the value in lower case.
    pub fields: Vec<(Field, String)>,
}

impl Filter {
    /// Read `typed`: `field:value` terms (a value with spaces in quotes,
    /// `segment:"repair crews"`), the rest plain text.
    pub fn parse(typed: &str) -> Filter {
        let mut filter = Filter::default();
        let mut words: Vec<&str> = Vec::new();
        let mut rest = typed.trim_start();
        while !rest.is_empty() {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let term = &rest[..end];
            let field = term.split_once(':').and_then(|(f, _)| Field::parse(f));
            match field {
                Some(field) => {
                    let after = &rest[rest.find(':').map_or(0, |i| i + 1)..];
                    let (value, next) = match after.strip_prefix('"') {
                        Some(quoted) => match quoted.find('"') {
                            Some(close) => (&quoted[..close], &quoted[close + 1..]),
                            None => (quoted, ""),
                        },
                        None => {
                            let stop = after.find(char::is_whitespace).unwrap_or(after.len());
                            (&after[..stop], &after[stop..])
                        }
                    };
                    filter.fields.push((field, value.to_lowercase()));
                    rest = next.trim_start();
                    continue;
                }
                None => words.push(term),
            }
            rest = rest[end..].trim_start();
        }
        filter.text = words.join(" ").to_lowercase();
        filter
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.fields.is_empty()
    }

    /// Whether `m` matches every term.
    pub fn matches(&self, m: &Message) -> bool {
        let text_ok = self.text.is_empty()
            || m.id.to_lowercase().contains(&self.text)
            || m.text.to_lowercase().contains(&self.text)
            || m.title
                .as_deref()
                .is_some_and(|t| t.to_lowercase().contains(&self.text));
        text_ok && self.fields.iter().all(|(f, v)| field_matches(*f, v, m))
    }

    /// What the status line says: "segment sales · status draft · "speed"".
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = self.fields.iter().map(|(f, v)| format!("{} {v}", f.word())).collect();
        if !self.text.is_empty() {
            parts.push(format!("\"{}\"", self.text));
        }
        parts.join(" · ")
    }
}

fn contains(have: Option<&str>, want: &str) -> bool {
    have.is_some_and(|h| h.to_lowercase().contains(want))
}

fn field_matches(field: Field, want: &str, m: &Message) -> bool {
    match field {
        // A message for everyone reaches every segment.
        Field::Segment => match &m.audience {
            Audience::All => true,
            Audience::Segments(names) => names.iter().any(|n| n.to_lowercase().contains(want)),
        },
        Field::Status => match m.status {
            Some(s) => s.as_str().starts_with(want),
            None => want == "none",
        },
        Field::By => contains(m.messenger.as_deref(), want),
        Field::Channel => contains(m.channel.as_deref(), want),
        Field::Kind => m.kind().starts_with(want),
        // Days written YYYY-MM-DD sort as text: `>` and `<` compare so,
        // anything else is the start of the day ("2026-10" for October).
        Field::Date => match (m.date.map(|d| d.to_string()), want.chars().next()) {
            (None, _) => want == "none",
            (Some(d), Some('>')) => d.as_str() > &want[1..],
            (Some(d), Some('<')) => d.as_str() < &want[1..],
            (Some(d), _) => d.starts_with(want),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Date, Status};

    fn message() -> Message {
        Message {
            id: "crew-pay".into(),
            text: "Pay day moves to Friday.".into(),
            audience: Audience::Segments(vec!["repair crews".into(), "payroll".into()]),
            status: Some(Status::Draft),
            messenger: Some("Head of Payroll".into()),
            channel: Some("Email".into()),
            kind: Some("update".into()),
            date: Some(Date::parse("2026-10-14").unwrap()),
            ..Message::default()
        }
    }

    #[test]
    fn terms_are_read_with_quotes_and_the_rest_is_text() {
        let f = Filter::parse("segment:\"repair crews\" pay status:draft  day");
        assert_eq!(
            f.fields,
            [
                (Field::Segment, "repair crews".to_string()),
                (Field::Status, "draft".to_string())
            ]
        );
        assert_eq!(f.text, "pay day");
        assert_eq!(f.describe(), "segment repair crews · status draft · \"pay day\"");
        // A word with a colon that names no field is text.
        assert_eq!(Filter::parse("note:1").text, "note:1");
    }

    #[test]
    fn each_field_matches_its_detail_and_all_terms_must_match() {
        let m = message();
        for yes in [
            "segment:payroll",
            "segment:repair",
            "status:draft",
            "by:payroll",
            "channel:email",
            "kind:update",
            "date:2026-10",
            "date:>2026-10-01",
            "date:<2026-11-01",
            "by:head pay",
            "status:dr friday",
        ] {
            assert!(Filter::parse(yes).matches(&m), "{yes}");
        }
        for no in [
            "segment:sales",
            "status:approved",
            "by:CEO",
            "channel:town",
            "kind:story",
            "date:2026-11",
            "date:>2026-10-14",
            "date:none",
            "status:draft monday",
        ] {
            assert!(!Filter::parse(no).matches(&m), "{no}");
        }
        let everyone = Message {
            audience: Audience::All,
            ..message()
        };
        assert!(
            Filter::parse("segment:sales").matches(&everyone),
            "all reaches every segment"
        );
    }
}
