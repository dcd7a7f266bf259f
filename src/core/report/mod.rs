//! Report formats for `chorus check`: the readable report (`plain`) and the
//! JSON contract (`json`); neither lets a control character through raw
//! (`escape`). It imports the model, the store (for load errors) and the
//! verdicts.

pub mod escape;
pub mod json;
pub mod plain;

use std::path::PathBuf;

use crate::core::model::MessageSet;
use crate::core::store::LoadError;
use crate::core::verdict::SetReview;

/// What `check` found for one input file.
pub enum FileReport {
    Reviewed {
        path: PathBuf,
        set: Box<MessageSet>,
        review: SetReview,
    },
    Failed(LoadError),
}

impl FileReport {
    /// Exit status contribution: 0 clean, 1 fails or drifts, 2 unreadable.
    pub fn status(&self) -> i32 {
        match self {
            FileReport::Reviewed { review, .. } if review.is_clean() => 0,
            FileReport::Reviewed { .. } => 1,
            FileReport::Failed(_) => 2,
        }
    }
}
