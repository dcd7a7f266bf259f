//! The core: everything chorus knows about message sets, with no terminal code.
//! It reads in one direction, each layer importing only those below it:
//! `model` (the set), then `verdict` (what chorus says of it), `store`
//! (files), `text` (words, numbers, negation), `lexicon` (the words the
//! rules look for), `analysis` (one message read once), `rules` (the
//! checklist) and `drift` (the story), `review` (the only caller of rules
//! and drift), and above the review `report` (what `chorus check` prints),
//! `baseline` (known problems) and `config` (a project's settings). Nothing here
//! names a terminal crate or the workbench (`tests/architecture.rs`).

pub mod analysis;
pub mod baseline;
pub mod config;
pub mod date;
pub mod drift;
pub mod lexicon;
pub mod model;
pub mod programme;
pub mod pulse;
pub mod report;
pub mod review;
pub mod rules;
pub mod store;
pub mod text;
pub mod verdict;
