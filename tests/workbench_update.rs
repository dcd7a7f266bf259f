//! The workbench's behaviour, events in and state out: every key of the
//! spec fed through the real key map and `update`, against a fixture set
//! and a fake review engine (see workbench_common).

mod workbench_common;

use chorus::core::model::{Audience, Criterion, Status};
use chorus::workbench::form::{FieldKey, Target};
use chorus::workbench::state::{Focus, Mode, Prompt};
use chorus::workbench::Action;
use crossterm::event::{Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use workbench_common::*;

fn click(app: &mut chorus::workbench::App, column: u16, row: u16) {
    send(
        app,
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }),
    );
}

fn text_of(app: &chorus::workbench::App, id: &str) -> String {
    app.set
        .internal
        .iter()
        .find(|m| m.id == id)
        .map(|m| m.text.clone())
        .unwrap()
}

fn ids(app: &chorus::workbench::App) -> Vec<String> {
    app.set.internal.iter().map(|m| m.id.clone()).collect()
}

#[test]
fn opens_with_the_list_focused_and_the_first_message_selected() {
    let app = app();
    assert_eq!(app.focus, Focus::List);
    assert_eq!(selected_id(&app), "all-hands-speed");
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!app.dirty);
    assert_eq!(app.reviews.len(), app.set.internal.len());
}

#[test]
fn arrows_and_jk_move_through_the_list_and_stop_at_the_ends() {
    let mut app = app();
    press(&mut app, KeyCode::Down);
    assert_eq!(selected_id(&app), "best");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(selected_id(&app), "quote");
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    assert_eq!(selected_id(&app), "all-hands-speed");
    press(&mut app, KeyCode::End);
    assert_eq!(selected_id(&app), "training");
    press(&mut app, KeyCode::Down);
    assert_eq!(selected_id(&app), "training");
    press(&mut app, KeyCode::Home);
    assert_eq!(selected_id(&app), "all-hands-speed");
    press(&mut app, KeyCode::PageDown);
    assert_eq!(selected_id(&app), "training");
}

#[test]
fn tab_cycles_focus_through_the_panes() {
    let mut app = app();
    let mut seen = vec![app.focus];
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
        seen.push(app.focus);
    }
    assert_eq!(
        seen,
        [Focus::List, Focus::Message, Focus::Findings, Focus::Story, Focus::List]
    );
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Focus::Story);
}

#[test]
fn editing_in_place_rescores_only_the_edited_message_per_key() {
    let (mut app, counts) = app_with(fixture(), "/nonexistent/x.yaml".into());
    press(&mut app, KeyCode::Down); // "best": We want to be the best.
    press(&mut app, KeyCode::Char('e'));
    assert!(matches!(app.mode, Mode::Editing(_)));
    assert_eq!(app.focus, Focus::Message);
    let before = counts.reviews.get();
    keys(&mut app, " Fast");
    assert_eq!(text_of(&app, "best"), "We want to be the best. Fast");
    // One review per key that changed the text: the edited message only.
    assert_eq!(counts.reviews.get() - before, 5);
    assert_eq!(counts.rebuilds.get(), 0);
    // The new word ties the message to the speed pillar, live.
    let r = app.current_review().unwrap();
    assert_eq!(r.alignment.pillars, ["speed"]);
    assert!(app.dirty);
    // The summary waits for typing to pause.
    assert!(app.summary_stale);
    step(&mut app, Action::Tick);
    assert!(!app.summary_stale);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn enter_edits_too_and_scores_follow_the_text() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Editing(_)));
    let spec = |app: &chorus::workbench::App| app.current_review().unwrap().checklist.get(Criterion::Specific).pass;
    assert!(spec(&app));
    keys(&mut app, " We are the best");
    assert!(!spec(&app), "a vague superlative fails specific as it is typed");
    for _ in 0.." We are the best".len() {
        press(&mut app, KeyCode::Backspace);
    }
    assert!(spec(&app));
}

#[test]
fn the_editor_has_undo_and_redo() {
    let mut app = app();
    press(&mut app, KeyCode::Char('e'));
    let original = text_of(&app, "all-hands-speed");
    keys(&mut app, "xyz");
    ctrl(&mut app, 'z');
    assert_ne!(text_of(&app, "all-hands-speed"), original.clone() + "xyz");
    while text_of(&app, "all-hands-speed") != original {
        ctrl(&mut app, 'z');
    }
    ctrl(&mut app, 'y');
    assert_ne!(text_of(&app, "all-hands-speed"), original);
}

#[test]
fn a_bracketed_paste_inserts_the_pasted_text() {
    let mut app = app();
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    send(&mut app, Event::Paste(" Quick\r\nrepairs".into()));
    assert_eq!(text_of(&app, "best"), "We want to be the best. Quick\nrepairs");
    // A paste outside the editor does nothing.
    press(&mut app, KeyCode::Esc);
    send(&mut app, Event::Paste("ignored".into()));
    assert_eq!(text_of(&app, "best"), "We want to be the best. Quick\nrepairs");
}

#[test]
fn up_and_down_in_the_editor_move_between_wrapped_rows() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    let end = |app: &chorus::workbench::App| app.editor().unwrap().cursor_offset();
    let len = text_of(&app, "all-hands-speed").chars().count();
    assert_eq!(end(&app), len);
    press(&mut app, KeyCode::Up);
    let up = end(&app);
    assert!(up < len && up > 0, "one wrapped row up, not to the start: {up}");
    press(&mut app, KeyCode::Down);
    assert_eq!(end(&app), len);
    for _ in 0..20 {
        press(&mut app, KeyCode::Up);
    }
    assert_eq!(end(&app), 0);
}

#[test]
fn ctrl_s_saves_from_normal_and_editing_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("set.yaml");
    let (mut app, _) = app_with(fixture(), path.clone());
    press(&mut app, KeyCode::Char('e'));
    keys(&mut app, " ok");
    ctrl(&mut app, 's');
    assert!(path.exists());
    assert!(!app.dirty);
    assert!(matches!(app.mode, Mode::Editing(_)), "saving keeps the editor open");
    keys(&mut app, "!");
    press(&mut app, KeyCode::Esc);
    assert!(app.dirty);
    ctrl(&mut app, 's');
    assert!(!app.dirty);
    assert!(app.notice.as_ref().unwrap().text.contains("Saved"));
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("set.yaml");
    std::fs::write(&path, "original").unwrap();
    let (mut app, _) = app_with(fixture(), path.clone());
    app.disk = chorus::workbench::files::fingerprint(&path).unwrap();
    press(&mut app, KeyCode::Char('D'));
    std::fs::write(&path, "someone else's change").unwrap();

    ctrl(&mut app, 's');
    assert_eq!(app.prompt, Some(Prompt::Conflict));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "someone else's change");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.prompt, None);
    assert!(app.dirty);

    // Save as from the conflict.
    ctrl(&mut app, 's');
    press(&mut app, KeyCode::Char('w'));
    assert!(matches!(app.prompt, Some(Prompt::SaveAs(_))));
    press(&mut app, KeyCode::Esc);

    // Overwrite.
    ctrl(&mut app, 's');
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(app.prompt, None);
    assert!(!app.dirty);
    assert_ne!(std::fs::read_to_string(&path).unwrap(), "someone else's change");
    // Saved once, our own write is no conflict.
    press(&mut app, KeyCode::Char('D'));
    ctrl(&mut app, 's');
    assert_eq!(app.prompt, None);
}

#[test]
fn reloading_a_broken_file_keeps_every_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("set.yaml");
    std::fs::write(&path, "original").unwrap();
    let (mut app, _) = app_with(fixture(), path.clone());
    app.disk = chorus::workbench::files::fingerprint(&path).unwrap();
    press(&mut app, KeyCode::Char('D'));
    std::fs::write(&path, ": : not a message set [").unwrap();
    ctrl(&mut app, 's');
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.prompt, None);
    assert!(app.notice.as_ref().unwrap().error);
    assert!(app.notice.as_ref().unwrap().text.contains("Could not reload"));
    assert!(app.dirty);
    assert_eq!(app.set.internal.len(), fixture().internal.len() - 1);
}

#[test]
fn a_failed_save_keeps_the_edits_and_offers_save_as() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone");
    std::fs::create_dir(&gone).unwrap();
    let (mut app, _) = app_with(fixture(), gone.join("set.yaml"));
    press(&mut app, KeyCode::Char('e'));
    keys(&mut app, " kept");
    std::fs::remove_dir(&gone).unwrap();
    ctrl(&mut app, 's');
    assert!(matches!(app.prompt, Some(Prompt::SaveFailed(_))));
    let n = app.notice.clone().unwrap();
    assert!(n.error && n.text.contains("Could not save"), "{n:?}");
    assert!(app.dirty);
    assert!(text_of(&app, "all-hands-speed").ends_with(" kept"));

    press(&mut app, KeyCode::Char('w'));
    assert!(matches!(app.prompt, Some(Prompt::SaveAs(_))));
    ctrl(&mut app, 'u');
    let target = dir.path().join("elsewhere.yaml");
    keys(&mut app, target.to_str().unwrap());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.prompt, None);
    assert!(target.exists());
    assert_eq!(app.path, target);
    assert!(!app.dirty);
}

#[test]
fn w_saves_as_and_asks_before_overwriting_another_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with(fixture(), dir.path().join("a.yaml"));
    let other = dir.path().join("b.yaml");
    std::fs::write(&other, "keep me").unwrap();
    press(&mut app, KeyCode::Char('w'));
    match &app.prompt {
        Some(Prompt::SaveAs(i)) => {
            assert_eq!(i.text, dir.path().join("a.yaml").display().to_string())
        }
        p => panic!("{p:?}"),
    }
    ctrl(&mut app, 'u');
    keys(&mut app, other.to_str().unwrap());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.prompt, Some(Prompt::Overwrite(other.clone())));
    press(&mut app, KeyCode::Char('n'));
    assert!(matches!(app.prompt, Some(Prompt::SaveAs(_))));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.prompt, None);
    assert_eq!(app.path, other);
    assert_ne!(std::fs::read_to_string(&other).unwrap(), "keep me");
}

#[test]
fn q_quits_at_once_when_nothing_is_unsaved() {
    let mut app = app();
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn q_with_unsaved_changes_asks_save_discard_or_cancel() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("set.yaml");
    let (mut app, _) = app_with(fixture(), path.clone());
    press(&mut app, KeyCode::Char('D'));
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.prompt, Some(Prompt::Unsaved));
    assert!(!app.quit);
    assert!(screen(&mut app, 80, 24).contains("unsaved"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.prompt, None);
    assert!(!app.quit);

    press(&mut app, KeyCode::Char('q'));
    press(&mut app, KeyCode::Char('s'));
    assert!(app.quit);
    assert!(path.exists());
    assert!(!app.dirty);

    let mut app = workbench_common::app();
    press(&mut app, KeyCode::Char('D'));
    press(&mut app, KeyCode::Char('q'));
    press(&mut app, KeyCode::Char('d'));
    assert!(app.quit);
}

#[test]
fn save_and_quit_does_not_quit_when_the_save_fails() {
    let mut app = app(); // its path's folder does not exist
    press(&mut app, KeyCode::Char('D'));
    press(&mut app, KeyCode::Char('q'));
    press(&mut app, KeyCode::Char('s'));
    assert!(!app.quit);
    assert!(matches!(app.prompt, Some(Prompt::SaveFailed(_))));
    assert!(app.dirty);
}

#[test]
fn question_mark_shows_help_and_esc_closes_it() {
    let mut app = app();
    press(&mut app, KeyCode::Char('?'));
    assert!(matches!(app.mode, Mode::Help { .. }));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode, Mode::Normal));
}

#[test]
fn slash_filters_by_text_or_id_as_you_type() {
    let mut app = app();
    press(&mut app, KeyCode::Char('/'));
    keys(&mut app, "CERTIFIED");
    assert_eq!(app.filter, "CERTIFIED");
    let shown: Vec<_> = app.visible.iter().map(|&i| app.set.internal[i].id.clone()).collect();
    assert_eq!(shown, ["quote", "training"]);
    assert_eq!(selected_id(&app), "quote");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Normal));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(selected_id(&app), "training");

    // By id, then Esc while typing puts the old filter back.
    press(&mut app, KeyCode::Char('/'));
    ctrl(&mut app, 'u');
    keys(&mut app, "dominate");
    assert_eq!(app.visible.len(), 1);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.filter, "CERTIFIED");
    // Esc in the list clears it.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.filter, "");
    assert_eq!(app.visible.len(), 6);
}

#[test]
fn n_and_shift_n_jump_to_messages_that_fail_or_drift() {
    let mut app = app();
    // Clean under the fake rules: all-hands-speed, quote, dominate (waived), training.
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(selected_id(&app), "best");
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(selected_id(&app), "cheap");
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(selected_id(&app), "best", "wraps around");
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(selected_id(&app), "cheap");
}

#[test]
fn n_says_so_when_everything_is_clean() {
    let mut set = fixture();
    set.internal.retain(|m| m.id == "quote" || m.id == "training");
    let (mut app, _) = app_with(set, "/nonexistent/x.yaml".into());
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(selected_id(&app), "quote");
    assert!(app.notice.is_some());
}

#[test]
fn a_adds_a_message_after_the_selected_one_and_starts_editing_it() {
    let mut app = app();
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(ids(&app)[1], "new");
    assert_eq!(selected_id(&app), "new");
    assert!(matches!(app.mode, Mode::Editing(_)));
    assert_eq!(app.reviews.len(), app.set.internal.len());
    keys(&mut app, "Quick repairs");
    press(&mut app, KeyCode::Esc);
    assert_eq!(text_of(&app, "new"), "Quick repairs");
    let m = app.current_message().unwrap();
    assert_eq!(m.status, Some(Status::Draft));
    assert!(app.dirty);
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(selected_id(&app), "new-2");
}

#[test]
fn y_duplicates_the_selected_message() {
    let mut app = app();
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(ids(&app)[..2], ["all-hands-speed", "all-hands-speed-copy"]);
    assert_eq!(selected_id(&app), "all-hands-speed-copy");
    assert_eq!(app.set.internal[0].text, app.set.internal[1].text);
    assert_eq!(app.reviews[1].id, "all-hands-speed-copy");
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(selected_id(&app), "all-hands-speed-copy-copy");
}

#[test]
fn d_deletes_and_u_undoes_in_order() {
    let mut app = app();
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('D'));
    assert_eq!(selected_id(&app), "quote", "the next message takes its place");
    press(&mut app, KeyCode::Char('D'));
    assert_eq!(ids(&app), ["all-hands-speed", "cheap", "dominate", "training"]);
    assert_eq!(app.reviews.len(), 4);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(selected_id(&app), "quote");
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(ids(&app), ids(&workbench_common::app()));
    assert_eq!(selected_id(&app), "best");
    let ids_of_reviews: Vec<_> = app.reviews.iter().map(|r| r.id.clone()).collect();
    assert_eq!(ids_of_reviews, ids(&app));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.set.internal.len(), 6, "nothing more to undo");
    // Deleting the last message selects the one before it.
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Char('D'));
    assert_eq!(selected_id(&app), "dominate");
}

#[test]
fn shift_j_and_shift_k_move_the_message_down_and_up() {
    let mut app = app();
    press(&mut app, KeyCode::Char('J'));
    assert_eq!(ids(&app)[..2], ["best", "all-hands-speed"]);
    assert_eq!(selected_id(&app), "all-hands-speed");
    assert_eq!(app.reviews[1].id, "all-hands-speed");
    press(&mut app, KeyCode::Char('K'));
    press(&mut app, KeyCode::Char('K'));
    assert_eq!(ids(&app)[..2], ["all-hands-speed", "best"]);
    assert!(app.dirty);
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Char('J'));
    assert_eq!(ids(&app).last().unwrap(), "training");
}

#[test]
fn f_edits_audience_title_channel_messenger_status_and_waivers() {
    let mut app = app();
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('f'));
    assert!(matches!(&app.mode, Mode::Form(f) if f.target == Target::Message(1)));
    set_field(&mut app, FieldKey::Audience, "sales, IT");
    set_field(&mut app, FieldKey::Title, "Be the best");
    set_field(&mut app, FieldKey::Channel, "email");
    set_field(&mut app, FieldKey::Messenger, "CEO");
    set_field(&mut app, FieldKey::Status, "approved");
    set_field(&mut app, FieldKey::Waiver(Criterion::Specific), "a slogan");
    let m = app.current_message().unwrap().clone();
    assert_eq!(m.audience, Audience::Segments(vec!["sales".into(), "IT".into()]));
    assert_eq!(m.title.as_deref(), Some("Be the best"));
    assert_eq!(m.channel.as_deref(), Some("email"));
    assert_eq!(m.messenger.as_deref(), Some("CEO"));
    assert_eq!(m.status, Some(Status::Approved));
    assert_eq!(m.waiver(Criterion::Specific).unwrap().reason, "a slogan");
    // The waiver is rescored at once: specific now passes, waived.
    let r = app.current_review().unwrap().checklist.get(Criterion::Specific);
    assert!(r.pass);
    assert_eq!(r.waived.as_deref(), Some("a slogan"));
    assert!(app.dirty);

    // A refused value keeps the input open, with the reason.
    set_field(&mut app, FieldKey::Status, "done");
    match &app.mode {
        Mode::Form(f) => {
            assert!(f.input.is_some());
            assert!(f.error.as_deref().unwrap().contains("not a status"));
        }
        _ => panic!(),
    }
    press(&mut app, KeyCode::Esc); // cancels the field
    press(&mut app, KeyCode::Esc); // closes the form
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.current_message().unwrap().status, Some(Status::Approved));
}

#[test]
fn s_edits_the_story_and_every_message_is_rescored() {
    let (mut app, counts) = app_with(fixture(), "/nonexistent/x.yaml".into());
    press(&mut app, KeyCode::Down); // best: off story
    assert!(app.current_review().unwrap().alignment.pillars.is_empty());
    press(&mut app, KeyCode::Char('s'));
    assert!(matches!(&app.mode, Mode::Form(f) if f.target == Target::Story));
    let reviews = counts.reviews.get();
    set_field(
        &mut app,
        FieldKey::PillarKeywords(1),
        "experienced, certified, trained, best",
    );
    assert_eq!(counts.rebuilds.get(), 1);
    assert_eq!(counts.reviews.get() - reviews, 6, "every message rescored");
    assert_eq!(app.current_review().unwrap().alignment.pillars, ["expertise"]);

    set_field(&mut app, FieldKey::Story, "Lemonad.ly fixes stands fast.");
    set_field(&mut app, FieldKey::Avoid, "cheap, bargain");
    set_field(
        &mut app,
        FieldKey::Segments,
        "repair crews, sales, support, payroll, IT, HR",
    );
    set_field(&mut app, FieldKey::PillarClaim(0), "Repairs within a day");
    set_field(&mut app, FieldKey::PillarFacts(0), "Within 24 hours; 2 visits at most");
    set_field(&mut app, FieldKey::PillarOpposites(0), "slow");
    set_field(&mut app, FieldKey::PillarId(0), "fast-repairs");
    let e = &app.set.external;
    assert_eq!(e.story, "Lemonad.ly fixes stands fast.");
    assert_eq!(e.avoid, ["cheap", "bargain"]);
    assert_eq!(app.set.segments.len(), 6);
    assert_eq!(e.pillars[0].claim, "Repairs within a day");
    assert_eq!(e.pillars[0].facts, ["Within 24 hours", "2 visits at most"]);
    assert_eq!(e.pillars[0].opposites, ["slow"]);
    assert_eq!(e.pillars[0].id, "fast-repairs");
    assert_eq!(counts.rebuilds.get(), 8);
    // The brand, too.
    set_field(&mut app, FieldKey::Brand, "Lemonadly");
    assert_eq!(app.set.brand, "Lemonadly");
}

#[test]
fn the_story_form_adds_deletes_and_restores_pillars() {
    let mut app = app();
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.set.external.pillars.len(), 3);
    assert_eq!(app.set.external.pillars[2].id, "pillar-3");
    // The new pillar's id field is selected, ready to name it.
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    keys(&mut app, "care");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.set.external.pillars[2].id, "care");
    press(&mut app, KeyCode::Char('D'));
    assert_eq!(app.set.external.pillars.len(), 2);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.set.external.pillars[2].id, "care");
    // A pillar id already taken is refused.
    set_field(&mut app, FieldKey::PillarId(2), "speed");
    assert_eq!(app.set.external.pillars[2].id, "care");
}

#[test]
fn enter_in_the_story_pane_opens_the_story_form() {
    let mut app = app();
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Focus::Story);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(&app.mode, Mode::Form(f) if f.target == Target::Story));
}

#[test]
fn selecting_a_finding_marks_its_span() {
    let mut app = app();
    press(&mut app, KeyCode::Char('n')); // best
    assert_eq!(app.selected_span(), None, "only while the findings pane has focus");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Findings);
    let span = app.selected_span().unwrap();
    assert_eq!(quote(&text_of(&app, "best"), span), "best");
    // The second finding is the off-story drift, which has no span.
    press(&mut app, KeyCode::Down);
    assert_eq!(app.finding, 1);
    assert_eq!(app.selected_span(), None);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.finding, 1, "stops at the last finding");
}

#[test]
fn a_click_selects_a_message_and_focuses_the_pane() {
    let mut app = app();
    let p = app.panes().unwrap();
    // Third row of the list.
    click(&mut app, p.list.x + 3, p.list.y + 3);
    assert_eq!(selected_id(&app), "quote");
    assert_eq!(app.focus, Focus::List);
    click(&mut app, p.story.x + 2, p.story.y + 2);
    assert_eq!(app.focus, Focus::Story);
    click(&mut app, p.message.x + 2, p.message.y + 2);
    assert_eq!(app.focus, Focus::Message);
    // Below the last message: focus only.
    click(&mut app, p.list.x + 3, p.list.y + 1);
    assert_eq!(selected_id(&app), "all-hands-speed");
    click(&mut app, p.list.x + 3, p.list.y + p.list.height - 2);
    assert_eq!(selected_id(&app), "all-hands-speed");
    // A finding.
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('n')); // cheap: avoided term, contradiction, off story
                                         // The list's top row is the first finding, whatever the explanation's size.
    let (list, _) = chorus::workbench::layout::findings_split(p.findings, app.findings().len(), 0);
    click(&mut app, list.x + 2, list.y + 1);
    assert_eq!(app.focus, Focus::Findings);
    assert_eq!(app.finding, 1);
}

#[test]
fn resizing_relays_out_and_a_tiny_terminal_is_harmless() {
    let mut app = app();
    step(&mut app, Action::Resize(120, 40));
    assert_eq!(app.size, (120, 40));
    assert!(app.panes().unwrap().list.width > 22);
    step(&mut app, Action::Resize(10, 3));
    assert!(app.panes().is_none());
    // Keys still work.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('e'));
    keys(&mut app, "x");
    let p = (0, 0);
    click(&mut app, p.0, p.1);
    assert!(text_of(&app, "best").ends_with('x'));
}

#[test]
fn the_list_scrolls_to_keep_the_selection_in_sight() {
    let mut set = fixture();
    let extra: Vec<_> = (0..40)
        .map(|i| message(&format!("m{i:02}"), "Quick repairs by certified crews."))
        .collect();
    set.internal.extend(extra);
    let (mut app, _) = app_with(set, "/nonexistent/x.yaml".into());
    let rows = app.panes().unwrap().list_rows();
    press(&mut app, KeyCode::End);
    let pos = app.visible_pos().unwrap();
    assert!(app.list_offset <= pos && pos < app.list_offset + rows);
    press(&mut app, KeyCode::Home);
    assert_eq!(app.list_offset, 0);
}

#[test]
fn arrows_scroll_the_focused_message_and_story_panes_and_the_wheel_follows_the_pointer() {
    let mut set = fixture();
    set.internal[0].text = "Quick repairs matter to every stand we serve. ".repeat(12);
    let (mut app, _) = app_with(set, "/nonexistent/x.yaml".into());
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Message);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.text_scroll, 2);
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    let max = app.text_scroll;
    press(&mut app, KeyCode::Down);
    assert_eq!(app.text_scroll, max, "stops at the end of the text");
    press(&mut app, KeyCode::Up);
    assert_eq!(app.text_scroll, max - 1);
    assert_eq!(selected_id(&app), "all-hands-speed", "the list selection stays");

    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Focus::Story);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.story_scroll, 1);
    press(&mut app, KeyCode::End);
    let (total, shown) = app.story_rows().unwrap();
    assert_eq!(app.story_scroll, total - shown);

    // The wheel scrolls what is under the pointer, without moving the focus.
    let p = app.panes().unwrap();
    let wheel = |app: &mut chorus::workbench::App, down: bool, x: u16, y: u16| {
        send(
            app,
            Event::Mouse(MouseEvent {
                kind: if down {
                    MouseEventKind::ScrollDown
                } else {
                    MouseEventKind::ScrollUp
                },
                column: x,
                row: y,
                modifiers: KeyModifiers::NONE,
            }),
        )
    };
    wheel(&mut app, true, p.list.x + 2, p.list.y + 2);
    assert_eq!(selected_id(&app), "best");
    assert_eq!(app.focus, Focus::Story);
    wheel(&mut app, false, p.story.x + 2, p.story.y + 2);
    assert_eq!(app.story_scroll, total - shown - 1);
}

#[test]
fn ctrl_c_quits_like_q_and_asks_when_unsaved() {
    let mut app = app();
    press(&mut app, KeyCode::Char('D'));
    ctrl(&mut app, 'c');
    assert_eq!(app.prompt, Some(Prompt::Unsaved));
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(app.prompt, None);
    assert!(!app.quit);
}

#[test]
fn ctrl_s_saves_from_help_filter_and_forms_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("set.yaml");
    let (mut app, _) = app_with(fixture(), path.clone());
    for open in ['?', '/', 'f', 's'] {
        press(&mut app, KeyCode::Char('D'));
        assert!(app.dirty);
        press(&mut app, KeyCode::Char(open));
        ctrl(&mut app, 's');
        assert!(!app.dirty, "saved from {open}");
        press(&mut app, KeyCode::Esc);
        assert!(matches!(app.mode, Mode::Normal));
    }
    // While typing a field, Ctrl-S keeps the typed value, then saves.
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "!");
    ctrl(&mut app, 's');
    assert!(!app.dirty);
    assert!(app
        .current_message()
        .unwrap()
        .title
        .as_deref()
        .unwrap_or("")
        .ends_with('!'));
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn esc_leaves_every_overlay_and_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with(fixture(), dir.path().join("set.yaml"));
    for k in ['?', '/', 'f', 's', 'w', 'e'] {
        press(&mut app, KeyCode::Char(k));
        press(&mut app, KeyCode::Esc);
        assert!(matches!(app.mode, Mode::Normal), "after {k}");
        assert_eq!(app.prompt, None, "after {k}");
    }
    // A field being typed: the first Esc cancels it, the second closes the form.
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "zzz");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(&app.mode, Mode::Form(f) if f.input.is_none()));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(selected_id(&app), "all-hands-speed", "the cancelled id was not applied");
}

#[test]
fn a_deferred_summary_is_refreshed_on_tick_and_when_editing_ends() {
    let mut set = fixture();
    set.internal.retain(|m| m.id == "best");
    let (mut app, _) = app_with(set, "/nonexistent/x.yaml".into());
    assert_eq!(app.summary.uncovered_pillars, ["speed", "expertise"]);
    press(&mut app, KeyCode::Char('e'));
    keys(&mut app, " Quick");
    assert!(app.summary_stale);
    assert_eq!(app.summary.uncovered_pillars, ["speed", "expertise"], "deferred");
    step(&mut app, Action::Tick);
    assert_eq!(app.summary.uncovered_pillars, ["expertise"]);
    keys(&mut app, " and certified");
    press(&mut app, KeyCode::Esc);
    assert!(!app.summary_stale);
    assert!(app.summary.uncovered_pillars.is_empty());
}

// --- large sets are scored progressively -------------------------------

fn large_set(n: usize) -> chorus::core::model::MessageSet {
    let mut set = fixture();
    let base = set.internal[0].clone();
    set.internal = (0..n)
        .map(|i| {
            let mut m = base.clone();
            m.id = format!("m{i:04}");
            m
        })
        .collect();
    set
}

#[test]
fn a_large_set_shows_its_first_screen_before_every_message_is_scored() {
    let (mut app, _) = app_with(large_set(1500), "/nonexistent/big.yaml".into());
    assert!(app.scoring, "scoring continues after the first frame");
    let pending = app.reviews.iter().filter(|r| r.pending).count();
    assert_eq!(pending, 1500 - chorus::workbench::state::FIRST_SCORED);
    assert!(!app.reviews[0].pending, "the first screen is scored");
    // Whatever is selected is scored at once, even far down the list.
    step(&mut app, Action::Bottom);
    assert!(!app.reviews[1499].pending);
    // Idle steps finish the job and only then summarise the set.
    while app.score_pending(500) {}
    assert!(!app.scoring);
    assert!(app.reviews.iter().all(|r| !r.pending));
    assert_eq!(app.reviews.len(), 1500);
}

#[test]
fn next_problem_scores_the_rest_first() {
    let (mut app, _) = app_with(large_set(900), "/nonexistent/big.yaml".into());
    assert!(app.scoring);
    keys(&mut app, "n");
    assert!(!app.scoring, "every verdict is known before jumping");
    assert!(app.reviews.iter().all(|r| !r.pending));
}

// --- u takes back the last change, whatever it was ------------------------

#[test]
fn u_takes_back_an_editing_session_a_field_a_move_an_add_and_a_story_change() {
    let mut app = app();
    let first = app.set.internal[0].clone();
    // A whole editing session is one change.
    keys(&mut app, "e");
    keys(&mut app, " More words");
    press(&mut app, KeyCode::Esc);
    assert_ne!(app.set.internal[0].text, first.text);
    keys(&mut app, "u");
    assert_eq!(app.set.internal[0], first);
    // A message moved down and back.
    let order: Vec<String> = app.set.internal.iter().map(|m| m.id.clone()).collect();
    keys(&mut app, "J");
    assert_ne!(app.set.internal[0].id, order[0]);
    keys(&mut app, "u");
    assert_eq!(app.set.internal.iter().map(|m| m.id.clone()).collect::<Vec<_>>(), order);
    // An added message taken back.
    let n = app.set.internal.len();
    keys(&mut app, "a");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.set.internal.len(), n + 1);
    keys(&mut app, "u");
    assert_eq!(app.set.internal.len(), n);
    // A detail changed in the form.
    let status = app.set.internal[0].status;
    press(&mut app, KeyCode::Home);
    keys(&mut app, "f");
    set_field(&mut app, FieldKey::Status, "approved");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.set.internal[0].status, Some(Status::Approved));
    keys(&mut app, "u");
    assert_eq!(app.set.internal[0].status, status);
    // The story.
    let story = app.set.external.story.clone();
    keys(&mut app, "s");
    set_field(&mut app, FieldKey::Story, "A different story.");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.set.external.story, "A different story.");
    keys(&mut app, "u");
    assert_eq!(app.set.external.story, story);
    assert_eq!(app.set.internal.len(), n, "the messages are untouched by a story undo");
}

#[test]
fn an_undo_under_a_filter_that_hides_the_message_selects_nothing_hidden() {
    // Found by the workbench fuzz test: move a message, filter the list to
    // nothing, undo the move.
    let mut app = app();
    press(&mut app, KeyCode::Char('J'));
    press(&mut app, KeyCode::Char('/'));
    keys(&mut app, "¡");
    press(&mut app, KeyCode::Enter);
    assert!(app.visible.is_empty());
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.selected, None, "a hidden message is not selected");
    assert_eq!(app.set.internal[0].id, fixture().internal[0].id, "the move is undone");
}
