//! The seam between the workbench and the core's review: what the workbench
//! needs to score messages, behind a trait so tests can drive the UI with
//! review results they chose (the real rules are written elsewhere).

use std::path::PathBuf;

use crate::core::lexicon::{Lexicon, ProgrammeConfig};
use crate::core::model::{Message, MessageSet};
use crate::core::pulse::round::read_rounds;
use crate::core::pulse::{Choice, Pulse};
use crate::core::review::{Reread, Reviewer};
use crate::core::verdict::{MessageReview, SetSummary};

/// Scores messages of one set.
pub trait Engine {
    /// The story, pillars or segments changed: prepare for the new set.
    fn rebuild(&mut self, set: &MessageSet);
    /// Review one message (called on every keystroke while editing it).
    fn review(&self, message: &Message) -> MessageReview;
    /// Review the message being edited, given what its last review kept,
    /// which this one replaces: the core reads again only what follows the
    /// edit.
    fn review_edit(&self, message: &Message, last: &mut Option<Reread>) -> MessageReview {
        *last = None;
        self.review(message)
    }
    /// Review every message (on opening, and when the story changes).
    fn review_all(&self, messages: &[Message]) -> Vec<MessageReview> {
        messages.iter().map(|m| self.review(m)).collect()
    }
    /// What the set as a whole leaves out.
    fn summarize(&self, set: &MessageSet, reviews: &[MessageReview]) -> SetSummary;
    /// Survey exports read against `set` (the pulse screen), oldest
    /// first, with the columns of the pulse file beside each or guessed,
    /// and folded alike so two rounds compare; the built-in lexicon's words
    /// unless the engine reads another.
    fn read_pulses(&self, set: &MessageSet, csvs: &[PathBuf]) -> Result<Vec<Pulse>, String> {
        read_rounds(set, &Lexicon::builtin(), csvs, &Choice::default())
            .map(|r| r.into_iter().map(|(p, _)| p).collect())
            .map_err(|e| e.to_string())
    }
    /// The kinds of message a message may be given (the built-in lexicon's
    /// unless the engine reads another).
    /// Face-to-face channels and the programme's limits (the built-in
    /// lexicon's unless the engine reads another).
    fn programme_config(&self) -> ProgrammeConfig {
        Lexicon::builtin().programme().clone()
    }
    fn kinds(&self) -> Vec<String> {
        static BUILTIN: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        BUILTIN
            .get_or_init(|| Lexicon::builtin().kinds().map(|(n, _, _)| n.to_string()).collect())
            .clone()
    }
}

/// The core's reviewer. It is built once per set, because building it
/// prepares the pillar and segment matchers; reviewing is then cheap.
pub struct CoreEngine<'l> {
    lexicon: &'l Lexicon,
    reviewer: Reviewer<'l>,
}

impl<'l> CoreEngine<'l> {
    pub fn new(set: &MessageSet, lexicon: &'l Lexicon) -> CoreEngine<'l> {
        CoreEngine {
            lexicon,
            reviewer: Reviewer::new(set, lexicon),
        }
    }
}

impl Engine for CoreEngine<'_> {
    fn rebuild(&mut self, set: &MessageSet) {
        self.reviewer = Reviewer::new(set, self.lexicon);
    }

    fn review(&self, message: &Message) -> MessageReview {
        self.reviewer.review(message)
    }

    fn review_edit(&self, message: &Message, last: &mut Option<Reread>) -> MessageReview {
        self.reviewer.review_again(message, last)
    }

    fn review_all(&self, messages: &[Message]) -> Vec<MessageReview> {
        self.reviewer.review_all(messages)
    }

    fn summarize(&self, set: &MessageSet, reviews: &[MessageReview]) -> SetSummary {
        self.reviewer.summarize(set, reviews)
    }

    fn programme_config(&self) -> ProgrammeConfig {
        self.lexicon.programme().clone()
    }

    fn read_pulses(&self, set: &MessageSet, csvs: &[PathBuf]) -> Result<Vec<Pulse>, String> {
        read_rounds(set, self.lexicon, csvs, &Choice::default())
            .map(|r| r.into_iter().map(|(p, _)| p).collect())
            .map_err(|e| e.to_string())
    }

    fn kinds(&self) -> Vec<String> {
        self.lexicon.kinds().map(|(n, _, _)| n.to_string()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbench::{update, Action, App};
    use ratatui_textarea::{Input, Key};

    /// Typing into a message through the workbench keeps the words of the
    /// last review and reads again only the edited tail: after every key
    /// the review must be the one made from the text afresh.
    #[test]
    fn a_review_while_typing_is_the_fresh_review() {
        let lexicon = Lexicon::builtin();
        let set = MessageSet {
            internal: vec![Message {
                id: "m".into(),
                text: "We will cut costs by 10% by March. Don't worry; the 24-hour desk stays open.\nAsk HR.".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let fresh = CoreEngine::new(&set, &lexicon);
        let mut app = App::new(
            set.clone(),
            PathBuf::from("t.yaml"),
            None,
            Box::new(CoreEngine::new(&set, &lexicon)),
        );
        let _ = update(&mut app, Action::Resize(100, 30));
        let _ = update(&mut app, Action::Edit);
        let keys = "Honestly, the best-ever plan isn't 7pm. We'll save 5 hours a week!";
        let mut typed: Vec<Key> = keys.chars().map(Key::Char).collect();
        typed.extend([
            Key::Backspace,
            Key::Left,
            Key::Left,
            Key::Backspace,
            Key::Enter,
            Key::Up,
            Key::Char('.'),
        ]);
        typed.extend([Key::Home, Key::Char('N'), Key::Char('o'), Key::Char(' '), Key::Delete]);
        for key in typed {
            let _ = update(
                &mut app,
                Action::Type(Input {
                    key,
                    ..Input::default()
                }),
            );
            let m = &app.set.internal[0];
            assert_eq!(app.reviews[0], fresh.review(m), "{:?}", m.text);
        }
    }
}
