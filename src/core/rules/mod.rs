//! The checklist: is a message specific, inclusive, aspirational and
//! realistic? One file per criterion, each reading the shared `common`
//! readings, the set's `context` and a `tally` of points; the words each
//! rule looks for and what it says are in the lexicon. Rules import the
//! analysis, the text layer, the lexicon, the model and the verdicts.

mod aspirational;
mod boasts;
mod common;
mod context;
mod gendered;
mod headline;
mod inclusive;
mod instruction;
mod losses;
mod penalties;
mod realistic;
mod specific;
mod tally;

use crate::core::analysis::Analysis;
use crate::core::lexicon::Lexicon;
use crate::core::model::{Criterion, Message};
use crate::core::verdict::Checklist;
pub use context::RuleContext;
use tally::Tally;

/// Score one message on all four criteria.
pub fn score(a: &Analysis, message: &Message, ctx: &RuleContext, lex: &Lexicon) -> Checklist {
    let run = |c: Criterion| {
        let mut t = Tally::new(lex, a, c);
        match c {
            Criterion::Specific => specific::score(a, &mut t),
            Criterion::Inclusive => inclusive::score(a, message, ctx, &mut t),
            Criterion::Aspirational => aspirational::score(a, message, ctx, &mut t),
            Criterion::Realistic => realistic::score(a, &mut t),
        }
        t.finish(message)
    };
    Checklist {
        results: Criterion::ALL.map(run),
    }
}
