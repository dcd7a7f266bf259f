//! The details form sets a message's send date: a good day is kept in the
//! set, a bad one keeps the field open with the reason.

mod workbench_common;

use chorus::core::model::Date;
use chorus::workbench::form::FieldKey;
use chorus::workbench::state::Mode;
use crossterm::event::KeyCode;
use workbench_common::*;

#[test]
fn the_details_form_sets_checks_and_clears_the_date() {
    let mut app = app();
    press(&mut app, KeyCode::Char('f'));
    set_field(&mut app, FieldKey::Date, "2026-10-14");
    assert_eq!(
        app.current_message().unwrap().date,
        Some(Date::parse("2026-10-14").unwrap())
    );
    assert!(app.dirty);

    set_field(&mut app, FieldKey::Date, "2026-02-30");
    match &app.mode {
        Mode::Form(f) => {
            assert!(f.input.is_some(), "the field stays open");
            assert!(
                f.error.as_deref().unwrap().contains("no day of the calendar"),
                "{:?}",
                f.error
            );
        }
        _ => panic!("the form closed"),
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.current_message().unwrap().date,
        Some(Date::parse("2026-10-14").unwrap())
    );

    set_field(&mut app, FieldKey::Date, "");
    assert_eq!(app.current_message().unwrap().date, None);
}
