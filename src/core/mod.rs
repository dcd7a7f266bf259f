//! The core: everything chorus knows about message sets, with no terminal code.
//! Model and store (files), text analysis, checklist rules, drift, the review
//! of a whole set, and the report formats `chorus check` prints.

pub mod baseline;
pub mod config;
pub mod drift;
pub mod lexicon;
pub mod model;
pub mod report;
pub mod review;
pub mod rules;
pub mod store;
pub mod text;
