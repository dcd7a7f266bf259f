//! What loading noticed in the set (a key that looks misspelt) reaches the
//! workbench's status line, with the file, line, column and the field
//! meant, and stays there while the user moves about.

mod workbench_common;

use chorus::workbench::files;
use crossterm::event::KeyCode;
use workbench_common::*;

#[test]
fn a_misspelt_field_is_told_in_the_status_line_and_stays() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("set.yaml");
    chorus::core::store::save(&file, &fixture()).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("- id: best", "- id: best\n    chanel: email", 1))
        .unwrap_or_else(|e| panic!("{e}"));
    let (set, disk, notices) = files::load_noting(&file).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(notices.len(), 1, "{notices:?}");
    let (app, _) = app_with(set, file.clone());
    let mut app = Bench::new(app);
    app.disk = disk;
    app.tell_load_notices(&notices);
    let shown = screen(&mut app, 80, 24);
    // The status line: at the foot, on the rows the notice needs.
    let status: String = shown.lines().skip(21).collect::<Vec<_>>().join(" ");
    assert!(
        status.contains(&format!("set.yaml:{}:5: unknown key `chanel`", notices[0].line)),
        "{shown}"
    );
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("unknown key `chanel`"), "{shown}");
}

#[test]
fn a_clean_set_tells_nothing() {
    let p = place();
    let (set, _, notices) = files::load_noting(&p.file).unwrap();
    assert!(notices.is_empty());
    let (mut app, _) = app_with(set, p.file.clone());
    app.tell_load_notices(&notices);
    assert!(app.notice.is_none());
}

#[test]
fn reloading_a_file_with_a_misspelt_field_tells_it() {
    let p = place();
    let (set, disk, _) = files::load_noting(&p.file).unwrap();
    let (app, _) = app_with(set, p.file.clone());
    let mut app = Bench::new(app);
    app.disk = disk;
    // Someone else edits the file and misspells a field.
    let text = std::fs::read_to_string(&p.file).unwrap();
    std::fs::write(&p.file, text.replacen("- id: best", "- id: best\n    titel: Best", 1)).unwrap();
    app.rt.carry_out(&mut app.app, vec![chorus::workbench::Effect::Reload]);
    let text = app.notice.clone().map(|n| n.text).unwrap_or_default();
    assert!(text.contains("unknown key `titel`: did you mean `title`?"), "{text}");
    assert!(text.starts_with("lemonadly.yaml:"), "{text}");
}
