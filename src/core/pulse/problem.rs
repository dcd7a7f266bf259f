//! Why a survey export could not be read: the file, the row (the header is
//! row 1, as a spreadsheet numbers it) and what is wrong, in plain words.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub struct PulseError {
    pub path: PathBuf,
    /// 1-based row of the file (the header is row 1); 0 for the whole file.
    pub row: usize,
    pub message: String,
}

impl PulseError {
    pub fn new(path: impl Into<PathBuf>, row: usize, message: impl Into<String>) -> PulseError {
        PulseError {
            path: path.into(),
            row,
            message: message.into(),
        }
    }
}

impl fmt::Display for PulseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.row > 0 {
            write!(f, "{}: row {}: {}", self.path.display(), self.row, self.message)
        } else {
            write!(f, "{}: {}", self.path.display(), self.message)
        }
    }
}

impl std::error::Error for PulseError {}
