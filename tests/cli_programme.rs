//! `chorus check` reports the programme: under each file's `set` in the
//! JSON (added fields, the contract's kept), and after the messages in the
//! text output.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn plan() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/programme/lemonadly-plan.yaml")
}

fn check(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .arg("check")
        .args(args)
        .arg(plan())
        .output()
        .unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_json_carries_the_findings_and_the_tables_under_set() {
    let (code, out) = check(&["--format", "json", "--as-of", "2026-11-02"]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    // Each message carries its send date.
    assert_eq!(v["files"][0]["messages"][0]["date"], "2026-09-07");
    let set = &v["files"][0]["set"];
    // The contract's fields are still there.
    assert!(set["uncovered_pillars"].is_array() && set["unaddressed_segments"].is_array());
    let kinds: Vec<&str> = set["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "figure_conflict",
            "quiet_segment",
            "quiet_segment",
            "one_messenger",
            "pillar_one_segment"
        ]
    );
    let figures = &set["findings"][0];
    assert_eq!(figures["pillar"], "speed");
    assert_eq!(
        figures["messages"],
        serde_json::json!(["sales-turnaround", "support-callbacks"])
    );
    // Support's next message is planned, but it last heard in September.
    assert_eq!(set["findings"][1]["segment"], "support");
    assert!(set["findings"][1]["message"]
        .as_str()
        .unwrap()
        .contains("next planned: support-callbacks on 2026-11-16"));
    assert_eq!(set["findings"][2]["segment"], "payroll");
    let p = &set["programme"];
    assert_eq!(p["as_of"], "2026-11-02");
    assert_eq!(p["quiet_weeks"], 6);
    assert_eq!(p["coverage"][0]["segment"], "repair crews");
    assert_eq!(
        p["coverage"][0]["pillars"][1],
        serde_json::json!({"id": "expertise", "messages": 1})
    );
    assert_eq!(p["channels"][0]["face_to_face"], 2);
    assert_eq!(p["messengers"][0]["messenger"], "COO");
    let sales = &p["timeline"][1];
    assert_eq!(sales["last_heard"], "2026-10-26");
    assert_eq!(sales["last_message"], "sales-turnaround");
    let support = &p["timeline"][2];
    assert_eq!(support["next"], "2026-11-16");
    assert_eq!(support["planned"], 1);
}

#[test]
fn the_text_output_lists_the_findings_after_the_messages() {
    let (_, out) = check(&["--as-of", "2026-11-02"]);
    let last_message = out.find("thanks-crews").unwrap();
    let finding = out
        .find("programme quiet_segment: payroll last heard from us on 2026-09-07")
        .unwrap();
    assert!(finding > last_message, "{out}");
}

#[test]
fn the_timeline_is_read_as_of_the_day_given() {
    // On 1 October nobody has been quiet for six weeks yet.
    let (_, out) = check(&["--format", "json", "--as-of", "2026-10-01"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let kinds: Vec<&str> = v["files"][0]["set"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(!kinds.contains(&"quiet_segment"), "{kinds:?}");
    let (code, _) = check(&["--as-of", "2026-02-30"]);
    assert_eq!(code, 2, "a day the calendar lacks is refused");
}
