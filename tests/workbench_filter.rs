//! The list's filter by detail, driven by keys: `/` then `segment:`,
//! `status:`, `by:`, `channel:`, `kind:`, `date:` terms, alone or with text;
//! the status line says which filter is on.

mod workbench_common;

use chorus::core::model::Date;
use crossterm::event::KeyCode;
use workbench_common::*;

fn visible_ids(app: &chorus::workbench::App) -> Vec<String> {
    app.visible.iter().map(|&i| app.set.internal[i].id.clone()).collect()
}

fn filter(app: &mut chorus::workbench::App, typed: &str) {
    press(app, KeyCode::Char('/'));
    ctrl(app, 'u');
    keys(app, typed);
    press(app, KeyCode::Enter);
}

#[test]
fn status_by_and_channel_filters_keep_only_the_matching_messages() {
    let mut app = app();
    filter(&mut app, "status:draft");
    assert_eq!(visible_ids(&app), ["all-hands-speed"]);
    filter(&mut app, "by:coo");
    assert_eq!(visible_ids(&app), ["all-hands-speed"]);
    filter(&mut app, "channel:email");
    assert!(visible_ids(&app).is_empty());
    filter(&mut app, "kind:story status:none");
    assert_eq!(visible_ids(&app), ["best", "quote", "cheap", "dominate", "training"]);
}

#[test]
fn a_segment_filter_combines_with_text_and_a_message_for_all_reaches_every_segment() {
    let mut app = app();
    filter(&mut app, "segment:sales");
    assert_eq!(visible_ids(&app).len(), 6, "five are for everyone, one for sales");
    filter(&mut app, "segment:sales quick");
    assert_eq!(visible_ids(&app), ["quote"]);
    filter(&mut app, "segment:\"repair crews\" certified");
    assert_eq!(visible_ids(&app), ["training"]);
}

#[test]
fn a_date_filter_reads_the_send_dates() {
    let mut app = app();
    app.set.internal[1].date = Some(Date::parse("2026-10-14").unwrap());
    app.set.internal[2].date = Some(Date::parse("2026-11-02").unwrap());
    filter(&mut app, "date:2026-10");
    assert_eq!(visible_ids(&app), ["best"]);
    filter(&mut app, "date:>2026-10-14");
    assert_eq!(visible_ids(&app), ["quote"]);
}

#[test]
fn the_status_line_says_which_filter_is_on_and_esc_clears_it() {
    let mut app = app();
    filter(&mut app, "status:draft speed");
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("filter: status draft · \"speed\""), "{shown}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(visible_ids(&app).len(), 6);
    assert!(!screen(&mut app, 120, 40).contains("filter:"));
}
