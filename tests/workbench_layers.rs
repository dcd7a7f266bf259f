//! The workbench's layers import in one direction: the model (`state`),
//! `update` and the view import nothing of what touches the world (the
//! effects, the event loop, files, the journal, the lock), and the view
//! nothing of `update`. Read from the sources, so a new `use` that crosses
//! a layer fails here.

use std::path::Path;

/// Every `crate::workbench::X` or `super::X` module a file under `dir` names.
fn imports(dir: &Path) -> Vec<(String, String)> {
    let mut out = vec![];
    let mut todo = vec![dir.to_path_buf()];
    while let Some(p) = todo.pop() {
        if p.is_dir() {
            todo.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        for line in text.lines().map(str::trim) {
            for prefix in ["crate::workbench::", "super::", "super::super::"] {
                let mut rest = line;
                while let Some(at) = rest.find(prefix) {
                    rest = &rest[at + prefix.len()..];
                    let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    out.push((p.display().to_string(), name));
                }
            }
        }
    }
    out
}

fn refuse(layer: &str, names: &[&str]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/workbench").join(layer);
    let found = imports(&dir);
    assert!(!found.is_empty(), "{layer} imports something");
    let crossing: Vec<_> = found.iter().filter(|(_, n)| names.contains(&n.as_str())).collect();
    assert!(crossing.is_empty(), "{layer} imports across its layer: {crossing:?}");
}

const WORLD: [&str; 7] = ["effects", "run", "files", "journal", "lock", "terminal", "wake"];

#[test]
fn the_model_and_update_import_nothing_of_the_world() {
    refuse("state", &WORLD);
    refuse("update", &WORLD);
}

#[test]
fn the_view_imports_neither_the_world_nor_update() {
    let mut names = WORLD.to_vec();
    names.push("update");
    refuse("view", &names);
}
