//! Save as (`w`), through the real key map and update: the offered path is
//! selected, so typing a path replaces it and an editing key first keeps it;
//! a bare name goes beside the set; a failed save names the file once.

mod workbench_common;

use chorus::workbench::state::Prompt;
use crossterm::event::KeyCode;
use ratatui::style::Modifier;
use workbench_common::*;

/// An app on `NAME` in a fresh folder, with an unsaved edit.
fn edited(name: &str) -> (tempfile::TempDir, chorus::workbench::App<'static>) {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with(fixture(), dir.path().join(name));
    press(&mut app, KeyCode::Char('D'));
    assert!(app.dirty);
    (dir, app)
}

fn typed(app: &chorus::workbench::App) -> String {
    match &app.prompt {
        Some(Prompt::SaveAs(i)) => i.text.clone(),
        p => panic!("no save-as prompt: {p:?}"),
    }
}

#[test]
fn typing_a_full_path_replaces_the_offered_one() {
    let (dir, mut app) = edited("ro.yaml");
    press(&mut app, KeyCode::Char('w'));
    assert_eq!(typed(&app), dir.path().join("ro.yaml").display().to_string());
    let copy = dir.path().join("copy.yaml");
    keys(&mut app, copy.to_str().unwrap());
    assert_eq!(typed(&app), copy.display().to_string());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.prompt, None);
    assert!(copy.exists());
    assert_eq!(app.path, copy);
    assert!(!app.dirty);
}

#[test]
fn an_arrow_or_backspace_first_keeps_the_offered_path_to_edit() {
    let (dir, mut app) = edited("ro.yaml");
    press(&mut app, KeyCode::Char('w'));
    for _ in 0..".yaml".len() {
        press(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "-copy.yaml");
    let copy = dir.path().join("ro-copy.yaml");
    assert_eq!(typed(&app), copy.display().to_string());

    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('w'));
    press(&mut app, KeyCode::Left);
    keys(&mut app, "x");
    assert_eq!(typed(&app), dir.path().join("ro.yamxl").display().to_string());

    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('w'));
    press(&mut app, KeyCode::End);
    keys(&mut app, ".bak");
    assert_eq!(typed(&app), dir.path().join("ro.yaml.bak").display().to_string());
}

/// Whether the cells showing `text` on screen are drawn reversed.
fn shown_selected(app: &mut chorus::workbench::App, text: &str) -> bool {
    let (w, h) = (120, 30);
    let t = draw(app, w, h);
    let buf = t.backend().buffer();
    let rows = screen(app, w, h);
    let (y, line) = rows
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(text))
        .unwrap_or_else(|| panic!("{text} not on screen:\n{rows}"));
    let x = line[..line.find(text).unwrap()].chars().count() as u16;
    buf[(x, y as u16)].modifier.contains(Modifier::REVERSED)
}

#[test]
fn the_offered_path_shows_selected_until_it_is_edited() {
    let (dir, mut app) = edited("ro.yaml");
    press(&mut app, KeyCode::Char('w'));
    let offered = dir.path().join("ro.yaml").display().to_string();
    // The tail of the path: a long temporary folder may be scrolled.
    let tail = "ro.yaml";
    assert!(shown_selected(&mut app, tail), "{offered} offered selected");
    press(&mut app, KeyCode::Left);
    assert!(!shown_selected(&mut app, tail), "editing drops the selection");
}

#[test]
fn a_bare_name_is_saved_beside_the_set_not_in_the_current_folder() {
    let (dir, mut app) = edited("ro.yaml");
    press(&mut app, KeyCode::Char('w'));
    let name = format!("beside-{}.yaml", std::process::id());
    keys(&mut app, &name);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.prompt, None, "{:?}", app.notice);
    let beside = dir.path().join(&name);
    assert!(beside.exists());
    assert_eq!(app.path, beside);
    assert!(!std::env::current_dir().unwrap().join(&name).exists());
}

#[test]
fn a_failed_save_as_names_the_full_path_once() {
    let (dir, mut app) = edited("ro.yaml");
    press(&mut app, KeyCode::Char('w'));
    keys(&mut app, "no-such-folder/copy.yaml");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.prompt, Some(Prompt::SaveFailed(_))), "{:?}", app.prompt);
    let text = app.notice.clone().unwrap().text;
    let full = dir.path().join("no-such-folder/copy.yaml").display().to_string();
    assert!(text.starts_with(&format!("Could not save {full}: ")), "{text}");
    assert_eq!(text.matches("save").count(), 1, "said once: {text}");
    assert_eq!(text.matches("copy.yaml").count(), 1, "named once: {text}");
    assert!(app.dirty, "the edits are kept");
}

#[test]
fn a_set_opened_by_a_relative_path_is_offered_in_full_and_a_name_goes_beside_it() {
    let (mut app, _) = app_with(fixture(), std::path::PathBuf::from("sets/ro.yaml"));
    app.started_in = Some("/work/here".into());
    press(&mut app, KeyCode::Char('w'));
    assert_eq!(typed(&app), "/work/here/sets/ro.yaml");
    // Confirming the offer unchanged saves the set's own file, as Ctrl-S.
    let fx = chorus::workbench::update(&mut app, chorus::workbench::Action::Confirm);
    assert!(
        matches!(&fx[..], [chorus::workbench::Effect::Save { path, check_disk: true, .. }] if path.as_os_str() == "sets/ro.yaml"),
        "{fx:?}"
    );
    app.prompt = None;
    press(&mut app, KeyCode::Char('w'));
    keys(&mut app, "copy.yaml");
    let fx = chorus::workbench::update(&mut app, chorus::workbench::Action::Confirm);
    assert!(
        matches!(&fx[..], [chorus::workbench::Effect::Save { path, overwrite: false, .. }] if path.as_os_str() == "sets/copy.yaml"),
        "{fx:?}"
    );
}
