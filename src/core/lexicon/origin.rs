//! Where an entry of the effective lexicon comes from: built in, this
//! machine's extension, a project's config, or a set's own block.

use std::path::PathBuf;

/// Where an entry of the effective lexicon comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Builtin,
    Machine(PathBuf),
    /// A project's `.chorus.yaml`.
    Project(PathBuf),
    Set(PathBuf),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Builtin => f.write_str("built-in"),
            Origin::Machine(p) => write!(f, "machine {}", p.display()),
            Origin::Project(p) => write!(f, "project {}", p.display()),
            Origin::Set(p) => write!(f, "set {}", p.display()),
        }
    }
}
