//! The workbench: the terminal UI, a thin shell over the core in the Elm
//! style. These are its building blocks that know no terminal: text layout,
//! highlights, pane layout, the field editor's rules, file handling, and
//! the seam to the core's review.

pub mod engine;
pub mod files;
pub mod form;
pub mod input;
pub mod layout;
pub mod marks;
pub mod text;
