//! Keeping the reviews current: every message scored on opening (a large
//! set a screenful first, the rest while idle), one message rescored as it is
//! typed, the whole set when the story changes, and the set summary.

use crate::core::model::Message;
use crate::core::verdict::MessageReview;

use super::{App, FIRST_SCORED};

impl App<'_> {
    /// Score every message. A large set is scored a screenful first and
    /// the rest while the user reads it (`score_pending`), so the first
    /// frame does not wait for ten thousand reviews.
    pub fn rescore_all(&mut self) {
        let n = self.set.internal.len();
        if n <= FIRST_SCORED {
            self.reviews = self.engine.review_all(&self.set.internal);
            self.scoring = false;
            self.refresh_summary();
            return;
        }
        let mut reviews = self.engine.review_all(&self.set.internal[..FIRST_SCORED]);
        reviews.extend(
            self.set.internal[FIRST_SCORED..]
                .iter()
                .map(|m| MessageReview::pending(&m.id)),
        );
        self.reviews = reviews;
        self.scoring = true;
    }

    /// Score up to `budget` messages still pending; returns whether any
    /// remain. The set summary is refreshed once the last is scored.
    pub fn score_pending(&mut self, budget: usize) -> bool {
        let mut left = budget;
        let mut i = 0;
        while left > 0 && i < self.reviews.len() {
            if !self.reviews[i].pending {
                i += 1;
                continue;
            }
            let mut end = i;
            while end < self.reviews.len() && self.reviews[end].pending && end - i < left {
                end += 1;
            }
            let scored = self.engine.review_all(&self.set.internal[i..end]);
            left -= end - i;
            self.reviews.splice(i..end, scored);
            i = end;
        }
        if self.reviews.iter().any(|r| r.pending) {
            return true;
        }
        if self.scoring {
            self.scoring = false;
            self.refresh_summary();
        }
        false
    }

    /// Score message `i` now if it is still pending (it is on screen).
    pub fn ensure_scored(&mut self, i: usize) {
        if self.reviews.get(i).is_some_and(|r| r.pending) {
            self.reviews[i] = self.engine.review(&self.set.internal[i]);
        }
    }

    /// Rescore one message (the one being edited); the set summary is
    /// marked stale and refreshed when typing pauses.
    pub fn rescore(&mut self, i: usize) {
        if let Some(m) = self.set.internal.get(i) {
            let r = self.engine.review(m);
            self.reviews[i] = r;
            self.summary_stale = true;
        }
    }

    /// Rescore the message being edited after a keystroke: as `rescore`,
    /// reading again only the text after the edit.
    pub fn rescore_edit(&mut self, i: usize) {
        if let Some(m) = self.set.internal.get(i) {
            self.reviews[i] = self.engine.review_edit(m, &mut self.edit_words);
            self.summary_stale = true;
        }
    }

    /// The story, pillars or segments changed.
    pub fn rebuild(&mut self) {
        self.story_revision += 1;
        self.engine.rebuild(&self.set);
        self.rescore_all();
    }

    pub fn refresh_summary(&mut self) {
        if self.scoring {
            // Summarised once every message is scored.
            return;
        }
        self.summary = self.engine.summarize(&self.set, &self.reviews);
        self.summary_stale = false;
    }

    pub(crate) fn review_of(&self, m: &Message) -> MessageReview {
        self.engine.review(m)
    }
}
