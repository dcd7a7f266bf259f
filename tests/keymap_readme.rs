//! The README's key table is the key table's: the same keys with the same
//! words, row for row, so the README cannot drift from what the keys do.

use chorus::workbench::keymap;

/// The rows of the README's `| key | does |` table, below its header.
fn readme_rows() -> Vec<String> {
    let readme = include_str!("../README.md");
    let mut lines = readme.lines().skip_while(|l| *l != "| key | does |");
    assert!(lines.next().is_some(), "the README has a `| key | does |` table");
    assert_eq!(lines.next(), Some("| --- | --- |"));
    lines.take_while(|l| l.starts_with('|')).map(String::from).collect()
}

#[test]
fn the_readme_key_table_is_the_key_table() {
    let ours = keymap::readme_rows();
    assert!(!ours.is_empty());
    let theirs = readme_rows();
    if theirs != ours {
        panic!(
            "README.md's key table differs from src/workbench/keymap.rs; it should read:\n{}",
            ours.join("\n")
        );
    }
}

/// The README names the actions a keys.yaml may bind: exactly those the
/// key table lets a keymap file remap, in the table's order.
#[test]
fn the_readme_names_every_action_a_keymap_file_may_bind() {
    let readme = include_str!("../README.md");
    let start = readme
        .find("The actions are named as in the code, in snake case: ")
        .expect("the README lists the actions");
    let rest = &readme[start..];
    let list = &rest[..rest.find(". ").unwrap()];
    let named: Vec<&str> = list.split('`').skip(1).step_by(2).collect();
    let ours: Vec<String> = keymap::remappable().into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        named,
        ours,
        "README.md should list: {}",
        ours.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
    );
}
