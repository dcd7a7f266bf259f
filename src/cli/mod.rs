//! The command line: `chorus`, `chorus FILE`, `chorus check`, `chorus new`.
