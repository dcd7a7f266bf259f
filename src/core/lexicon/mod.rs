//! The lexicon: the words and phrases the checklist and drift rules look for.
//! Rules are data: the built-in lexicon is a YAML file compiled into the binary.

/// The effective lexicon (built-in, extended per machine and per set).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {}

impl Lexicon {
    /// The lexicon compiled into chorus.
    pub fn builtin() -> Lexicon {
        Lexicon {}
    }
}
