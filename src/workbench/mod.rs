//! The workbench: the terminal UI (state, update, view) over the core.
