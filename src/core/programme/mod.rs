//! The programme: the whole set read as a comms plan. Coverage (segments ×
//! pillars), channel and messenger mix, the timeline, and the findings
//! across messages, each signal family in its own file, all read from the
//! set and the reviews of its messages (so no text is read twice).

mod channels;
mod coverage;
mod cross;
mod messengers;
pub mod plan;
mod timeline;

pub use plan::{ChannelMix, FindingKind, Heard, MessengerLine, Programme, ProgrammeFinding};

use crate::core::lexicon::ProgrammeConfig;
use crate::core::model::{Date, MessageSet};
use crate::core::verdict::MessageReview;
use plan::Input;

/// Read `set`, whose messages were reviewed into `reviews` (in the same
/// order), as a programme on the day `today`.
pub fn read(set: &MessageSet, reviews: &[MessageReview], config: &ProgrammeConfig, today: Date) -> Programme {
    let input = Input::new(set, reviews, config, today);
    let quiet_weeks = set.programme.quiet_weeks.unwrap_or(config.quiet_weeks);
    let talking_at = set.programme.talking_at_share.unwrap_or(config.talking_at_share);
    let coverage = coverage::grid(&input);
    let channels = channels::mix(&input);
    let messengers = messengers::mix(&input);
    let timeline = timeline::heard(&input);
    let mut findings = cross::figure_conflicts(&input);
    findings.extend(cross::contradictions(&input));
    findings.extend(timeline::quiet(&input, &timeline, quiet_weeks));
    findings.extend(channels::no_face_to_face(&input, &channels));
    findings.extend(cross::credit_to_one(&input));
    findings.extend(cross::talking_at(&input, talking_at));
    findings.extend(messengers::one_messenger(&input, &messengers));
    findings.extend(coverage::one_segment_pillars(&input, &coverage));
    Programme {
        today,
        quiet_weeks,
        segments: set.segments.clone(),
        pillars: set.external.pillars.iter().map(|p| p.id.clone()).collect(),
        coverage,
        channels,
        messengers,
        timeline,
        findings,
    }
}
