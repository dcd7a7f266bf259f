//! For the workbench's own tests: a set file in a fresh folder that goes
//! when the test ends.

use std::path::PathBuf;

/// `s.yaml` holding `text`, in a fresh folder: (the folder, the file).
pub fn set_file(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.yaml");
    std::fs::write(&file, text).unwrap();
    (dir, file)
}

/// The set `store::TEMPLATE` holds.
pub fn template() -> crate::core::model::MessageSet {
    crate::core::store::parse(crate::core::store::TEMPLATE, std::path::Path::new("t.yaml")).unwrap()
}
