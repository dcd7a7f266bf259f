//! Text analysis: tokens with character offsets, sentences, negation scope,
//! quantities, and forgiving word matching.

use crate::core::lexicon::Lexicon;

/// A message's text, analysed once and read by every rule.
pub struct Analysis<'t> {
    pub text: &'t str,
}

impl<'t> Analysis<'t> {
    pub fn new(text: &'t str, _lexicon: &Lexicon) -> Analysis<'t> {
        Analysis { text }
    }
}
