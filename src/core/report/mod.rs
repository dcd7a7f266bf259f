//! Report formats for `chorus check`: the readable report (`plain`), the
//! JSON contract (`json`), and the CI formats (`sarif`, `github`) written
//! from placed alerts (`alerts`); and for `chorus report`, the set for
//! people who never open a terminal (`html`, `markdown`, from one reading in
//! `digest`, with charts drawn in `svg`). None lets a control character or
//! markup through raw (`escape`). It imports the model, the store (for load errors and to
//! place words in a file), the lexicon (rule help), the baseline's
//! fingerprint and the verdicts.

pub mod alerts;
pub mod digest;
pub mod escape;
pub mod github;
pub mod html;
pub mod json;
mod json_message;
pub mod markdown;
pub mod plain;
pub mod programme_json;
pub mod sarif;
pub mod svg;

use std::path::{Path, PathBuf};

use crate::core::model::MessageSet;
use crate::core::programme::Programme;
use crate::core::store::{LoadError, Notice};
use crate::core::verdict::SetReview;

/// A set that was read: its path, the set, its review and its programme.
pub type Reviewed<'a> = (&'a Path, &'a MessageSet, &'a SetReview, &'a Programme);

/// What `check` found for one input file.
pub enum FileReport {
    Reviewed {
        path: PathBuf,
        set: Box<MessageSet>,
        review: SetReview,
        /// The set read as a whole: coverage, mix, timeline, findings.
        programme: Box<Programme>,
        /// What loading noticed without stopping: keys that look misspelt.
        notices: Vec<Notice>,
    },
    Failed(LoadError),
}

impl FileReport {
    /// The set and what was found, when it could be read.
    pub fn reviewed(&self) -> Option<Reviewed<'_>> {
        match self {
            FileReport::Reviewed {
                path,
                set,
                review,
                programme,
                ..
            } => Some((path, set, review, programme)),
            FileReport::Failed(_) => None,
        }
    }

    /// Exit status contribution: 0 clean, 1 fails or drifts, 2 unreadable.
    pub fn status(&self) -> i32 {
        match self {
            FileReport::Reviewed { review, .. } if review.is_clean() => 0,
            FileReport::Reviewed { .. } => 1,
            FileReport::Failed(_) => 2,
        }
    }
}
