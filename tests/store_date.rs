//! A message's `date` and a set's `programme:` limits in the store: a bad
//! one is an error at its file, line and column; a good one survives a
//! save, also through the splice that rewrites only the changed message.

use std::path::Path;

use chorus::core::model::Date;
use chorus::core::store;

const SET: &str = "# our plan\nversion: 1\nbrand: Spokes\nexternal:\n  story: Bikes fixed the same day.\nsegments: [mechanics]\nprogramme:\n  quiet_weeks: 8\ninternal:\n  - id: a\n    date: 2026-10-14\n    text: We fix bikes.\n\n  - id: b\n    text: We fix bikes too.\n";

fn error_of(yaml: &str) -> String {
    match store::parse(yaml, Path::new("plan.yaml")) {
        Ok(_) => panic!("loaded, but should not:\n{yaml}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_bad_date_names_file_line_and_column_and_what_is_wrong() {
    let e = store::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store/bad-date.yaml")).unwrap_err();
    assert_eq!((e.line, e.column), (7, 11));
    assert_eq!(
        e.message,
        "message `a`: `date`: \"2026-02-30\" is no day of the calendar: that month has 28 days"
    );
    let e = error_of(&SET.replace("2026-10-14", "14/10/2026"));
    assert_eq!(
        e,
        "plan.yaml:11:11: message `a`: `date`: \"14/10/2026\" is not a date: write it as YYYY-MM-DD, e.g. 2026-10-14"
    );
    let e = error_of(&SET.replace("2026-10-14", "[2026]"));
    assert!(
        e.starts_with("plan.yaml:11:11: message `a`: `date` should be a day written YYYY-MM-DD"),
        "{e}"
    );
    let e = error_of(&SET.replace("quiet_weeks: 8", "quiet_weeks: soon"));
    assert!(
        e.starts_with("plan.yaml:8:16: `quiet_weeks` should be a whole number"),
        "{e}"
    );
    let e = error_of(&SET.replace("quiet_weeks: 8", "talking_at_share: 140"));
    assert!(
        e.starts_with("plan.yaml:8:21: `talking_at_share` should be a whole number from 0 to 100"),
        "{e}"
    );
}

#[test]
fn a_date_and_the_limits_are_read_and_kept_through_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.yaml");
    std::fs::write(&path, SET).unwrap();
    let mut set = store::load(&path).unwrap();
    assert_eq!(set.internal[0].date, Some(Date::parse("2026-10-14").unwrap()));
    assert_eq!(set.programme.quiet_weeks, Some(8));
    // A date set on the other message lands where a reader expects it
    // (quoted, as chorus writes every text that other YAML readers would
    // turn into something else), and the rest of the file stays as it was.
    set.internal[1].date = Some(Date::parse("2026-11-02").unwrap());
    store::save(&path, &set).unwrap();
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        written,
        SET.replace("  - id: b\n", "  - id: b\n    date: \"2026-11-02\"\n"),
        "{written}"
    );
    let dates = |s: &chorus::core::model::MessageSet| s.internal.iter().map(|m| m.date).collect::<Vec<_>>();
    assert_eq!(dates(&store::load(&path).unwrap()), dates(&set));
    // Taking a date away writes the message without it.
    set.internal[0].date = None;
    store::save(&path, &set).unwrap();
    let back = store::load(&path).unwrap();
    assert_eq!(back.internal[0].date, None);
    assert_eq!(back.internal[1].date, set.internal[1].date);
}

#[test]
fn a_set_written_whole_keeps_dates_and_limits() {
    let set = store::parse(SET, Path::new("plan.yaml")).unwrap();
    let yaml = store::to_yaml(&set);
    assert!(yaml.contains("programme:\n  quiet_weeks: 8\n"), "{yaml}");
    assert!(yaml.contains("    date: \"2026-10-14\"\n"), "{yaml}");
    assert_eq!(store::parse(&yaml, Path::new("plan.yaml")).unwrap(), set);
}
