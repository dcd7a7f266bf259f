//! Drift: where an internal message departs from the external story.

use crate::core::lexicon::Lexicon;
use crate::core::model::MessageSet;
use crate::core::review::{Alignment, Drift, MessageReview, SetSummary};
use crate::core::rules::RuleContext;
use crate::core::text::Analysis;

pub struct DriftEngine {}

impl DriftEngine {
    pub fn new(_set: &MessageSet, _lexicon: &Lexicon) -> DriftEngine {
        DriftEngine {}
    }

    pub fn check(&self, _a: &Analysis, _lex: &Lexicon) -> (Alignment, Vec<Drift>) {
        (
            Alignment {
                score: 0,
                pillars: vec![],
                ties: vec![],
            },
            vec![],
        )
    }
}

pub fn summarize(_set: &MessageSet, _reviews: &[MessageReview], _ctx: &RuleContext) -> SetSummary {
    SetSummary::default()
}
