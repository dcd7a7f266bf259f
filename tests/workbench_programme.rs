//! The programme screen, driven by keys into a TestBackend: `p` opens it
//! (listed in `?`), the arrows move over the coverage grid, Enter lists a
//! cell's messages and Enter again opens one in the list. Snapshots at
//! 80×24 and 120×40; the path of the open set is in the screen's title and
//! in `?`.

mod workbench_common;

use chorus::core::model::{Audience, Date};
use chorus::workbench::state::{Focus, Mode};
use chorus::workbench::App;
use crossterm::event::KeyCode;
use workbench_common::*;

/// The fixture with send dates, channels and messengers, read as of 2 November.
fn planned() -> App<'static> {
    let mut app = app();
    app.today = Date::parse("2026-11-02").unwrap();
    let days = [
        "2026-09-01",
        "2026-10-20",
        "2026-10-26",
        "2026-11-10",
        "2026-10-01",
        "2026-10-30",
    ];
    for (m, d) in app.set.internal.iter_mut().zip(days) {
        m.date = Some(Date::parse(d).unwrap());
        m.channel.get_or_insert_with(|| "email".into());
        m.messenger.get_or_insert_with(|| "COO".into());
    }
    app.set.internal[5].audience = Audience::Segments(vec!["repair crews".into()]);
    app
}

#[test]
fn the_programme_screen_at_both_sizes() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = planned();
        press(&mut app, KeyCode::Char('p'));
        insta::assert_snapshot!(format!("programme_{w}x{h}"), draw(&mut app, w, h).backend());
        press(&mut app, KeyCode::Right);
        press(&mut app, KeyCode::Enter);
        insta::assert_snapshot!(format!("programme_cell_{w}x{h}"), draw(&mut app, w, h).backend());
    }
}

#[test]
fn a_cell_lists_its_messages_and_enter_opens_one() {
    let mut app = planned();
    press(&mut app, KeyCode::Char('p'));
    let Mode::Programme(view) = &app.mode else {
        panic!("p opens the programme")
    };
    // repair crews × expertise: the messages for them that carry expertise.
    let want: Vec<String> = view.programme.coverage[0][1]
        .iter()
        .map(|&i| app.set.internal[i].id.clone())
        .collect();
    assert!(want.len() >= 2, "{want:?}");
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 120, 40);
    for id in &want {
        assert!(shown.contains(id.as_str()), "{id} is not listed:\n{shown}");
    }
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.focus, Focus::List);
    assert_eq!(selected_id(&app), want[1]);
}

#[test]
fn opening_a_message_the_filter_hides_clears_the_filter() {
    let mut app = planned();
    press(&mut app, KeyCode::Char('/'));
    keys(&mut app, "status:draft");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert!(app.filter.is_empty());
    assert!(app.visible.contains(&app.selected.unwrap()));
}

#[test]
fn esc_steps_back_from_the_list_then_closes_and_help_names_the_key_and_the_file() {
    let mut app = planned();
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(&app.mode, Mode::Programme(v) if v.listing.is_none()));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode, Mode::Normal));
    press(&mut app, KeyCode::Char('?'));
    let help = screen(&mut app, 120, 40);
    assert!(help.contains("the programme: coverage"), "{help}");
    let path = app.path.display().to_string();
    assert!(help.contains(&path), "the help names {path}:\n{help}");
}
