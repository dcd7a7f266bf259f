//! The command line as scripts and CI use it: exit codes, the JSON
//! contract, broken inputs beside good ones, no raw control characters,
//! and `chorus new`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cli")
        .join(name)
}

fn chorus() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_chorus"));
    c.env_remove("NO_COLOR");
    c
}

fn json(args: &[&str]) -> (i32, Value) {
    let out = chorus()
        .arg("check")
        .arg("--format")
        .arg("json")
        .args(args)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).expect("check prints JSON");
    (out.status.code().unwrap(), v)
}

#[test]
fn clean_set_exits_zero() {
    chorus().arg("check").arg(fixture("clean.yaml")).assert().code(0);
}

#[test]
fn failing_messages_exit_one_with_the_contracts_fields() {
    let path = fixture("controls.yaml");
    let (code, v) = json(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    let file = &v["files"][0];
    assert_eq!(file["path"], path.to_str().unwrap());
    assert_eq!(file["brand"], "Esc\u{7}\u{7f}\u{85}");
    let m = &file["messages"][0];
    for c in ["specific", "inclusive", "aspirational", "realistic"] {
        let r = &m["checklist"][c];
        assert!(r["score"].as_u64().unwrap() <= 100, "{c}");
        assert!(r["pass"].is_boolean(), "{c}");
        assert!(r["findings"].is_array(), "{c}");
    }
    let finding = &m["checklist"]["specific"]["findings"][0];
    assert_eq!(finding["rule"], "vague-superlative");
    let (start, end) = (finding["start"].as_u64().unwrap(), finding["end"].as_u64().unwrap());
    let text: Vec<char> = "We are the best \u{1b}]0;owned\u{7} quick team\u{7f}\u{85}."
        .chars()
        .collect();
    assert_eq!(text[start as usize..end as usize].iter().collect::<String>(), "best");
    assert!(finding["message"].is_string() && finding["suggestion"].is_string());
    assert_eq!(m["alignment"]["pillars"], serde_json::json!(["speed"]));
    assert!(m["alignment"]["score"].is_u64());
    assert!(m["drift"].as_array().unwrap().is_empty());
    assert!(file["set"]["uncovered_pillars"].is_array());
    assert_eq!(file["set"]["unaddressed_segments"], serde_json::json!(["sales"]));
    assert_eq!(v["errors"], serde_json::json!([]));
}

#[test]
fn drift_is_reported_with_kind_pillar_and_span() {
    let (code, v) = json(&[fixture("../../../messages").to_str().unwrap()]);
    assert_eq!(code, 1);
    let kinds: Vec<String> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["messages"].as_array().unwrap().iter())
        .flat_map(|m| m["drift"].as_array().unwrap().iter())
        .map(|d| {
            assert!(d["start"].is_u64() && d["end"].is_u64() && d["message"].is_string());
            d["kind"].as_str().unwrap().to_string()
        })
        .collect();
    for k in ["off_story", "contradiction", "fact_mismatch", "avoided_term"] {
        assert!(kinds.iter().any(|x| x == k), "the example sets show {k}");
    }
}

#[test]
fn a_broken_file_beside_a_good_one_exits_two_and_reports_both() {
    let broken = fixture("broken.yaml");
    let (code, v) = json(&[fixture("clean.yaml").to_str().unwrap(), broken.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(
        v["files"].as_array().unwrap().len(),
        1,
        "the good file is still checked"
    );
    let e = &v["errors"][0];
    assert_eq!(e["path"], broken.to_str().unwrap());
    assert!(e["line"].as_u64().unwrap() >= 4, "{e}");
    assert!(e["column"].as_u64().unwrap() >= 1, "{e}");
    assert!(e["message"].as_str().unwrap().len() > 5);
}

#[test]
fn text_errors_name_file_line_and_column() {
    let out = chorus().arg("check").arg(fixture("broken.yaml")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    let want = format!("{}:", fixture("broken.yaml").display());
    let line = text
        .lines()
        .find(|l| l.contains(&want))
        .expect("the error names the file");
    let pos: Vec<&str> = line.split(&want).nth(1).unwrap().splitn(3, ':').collect();
    assert!(
        pos[0].parse::<usize>().unwrap() >= 1 && pos[1].parse::<usize>().unwrap() >= 1,
        "{line}"
    );
}

#[test]
fn missing_file_exits_two() {
    let (code, v) = json(&["/nonexistent/set.yaml"]);
    assert_eq!(code, 2);
    assert_eq!(v["errors"][0]["path"], "/nonexistent/set.yaml");
}

#[test]
fn folders_are_searched_for_yaml_files() {
    let (_, v) = json(&[fixture("../../../messages").to_str().unwrap()]);
    let n = v["files"].as_array().unwrap().len();
    assert!(n >= 3, "messages/ holds at least three sets, found {n}");
    let total: usize = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["messages"].as_array().unwrap().len())
        .sum();
    assert!(total >= 10);
}

#[test]
fn text_output_shows_control_characters_visibly_and_has_no_colour_in_a_pipe() {
    let out = chorus().arg("check").arg(fixture("controls.yaml")).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "no raw escape: {text:?}");
    assert!(!text.contains('\u{7}') && !text.contains('\u{7f}') && !text.contains('\u{85}'));
    assert!(text.contains("bad␛[31mid"), "{text}");
    assert!(text.contains("\"best\""), "quotes the offending words: {text}");
}

#[test]
fn json_escapes_every_control_character() {
    let out = chorus()
        .args(["check", "--format", "json"])
        .arg(fixture("controls.yaml"))
        .output()
        .unwrap();
    let raw = String::from_utf8(out.stdout).unwrap();
    assert!(!raw
        .chars()
        .any(|c| matches!(c, '\u{0}'..='\u{9}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')));
    assert!(raw.contains(r"bad\u001b[31mid"));
    assert!(raw.contains(r"\u0007") && raw.contains(r"\u007f") && raw.contains(r"\u0085"));
}

#[test]
fn new_writes_a_starting_set_that_checks_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brand.yaml");
    chorus().arg("new").arg(&path).assert().code(0);
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains('#'), "the template is commented");
    let code = chorus().arg("check").arg(&path).output().unwrap().status.code();
    assert!(matches!(code, Some(0 | 1)), "the template loads");
    std::fs::write(&path, "mine").unwrap();
    let out = chorus().arg("new").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("brand.yaml"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
}

#[test]
fn a_kind_decides_which_criteria_apply() {
    let (_, v) = json(&[fixture("kinds.yaml").to_str().unwrap()]);
    let messages = v["files"][0]["messages"].as_array().unwrap();
    let by_id = |id: &str| messages.iter().find(|m| m["id"] == id).unwrap().clone();
    for (id, kind) in [("car-park", "update"), ("ladder", "safety")] {
        let m = by_id(id);
        assert_eq!(m["kind"], kind);
        let a = &m["checklist"]["aspirational"];
        assert_eq!(
            (a["applies"].clone(), a["pass"].clone()),
            (false.into(), true.into()),
            "{id}"
        );
        assert!(a["findings"].as_array().unwrap().is_empty(), "{id}");
        assert_eq!(m["checklist"]["specific"]["applies"], true, "{id}");
        assert!(
            m["drift"].as_array().unwrap().iter().all(|d| d["kind"] != "off_story"),
            "{id}: {}",
            m["drift"]
        );
    }
    // The same words with no kind are a story message: judged in full.
    let story = by_id("same-note-as-a-story");
    assert_eq!(story["kind"], "story");
    assert_eq!(story["checklist"]["aspirational"]["applies"], true);
    assert!(story["drift"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["kind"] == "off_story"));
    // Every kind must still stay clear of the avoided terms.
    let cheap = by_id("cheap-update");
    assert!(cheap["drift"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["kind"] == "avoided_term"));
}

#[test]
fn a_criterion_that_does_not_apply_reads_n_a() {
    let out = chorus()
        .arg("check")
        .arg(fixture("kinds.yaml"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().find(|l| l.contains("car-park")).unwrap();
    assert!(line.contains("(update)") && line.contains("aspi n/a"), "{line}");
    let story = text.lines().find(|l| l.contains("same-note-as-a-story")).unwrap();
    assert!(!story.contains("n/a"), "{story}");
}

#[test]
fn an_unknown_kind_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("memo.yaml");
    let text = std::fs::read_to_string(fixture("kinds.yaml")).unwrap();
    std::fs::write(&file, text.replace("kind: safety", "kind: memo")).unwrap();
    let out = chorus().arg("check").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    // Errors are part of the report, beside the sets that could be read.
    let err = String::from_utf8(out.stdout).unwrap();
    assert!(err.contains("memo.yaml:27:11"), "{err}");
    assert!(err.contains("`memo` is not a kind") && err.contains("update"), "{err}");
}

#[test]
fn a_message_not_in_english_gets_a_notice_not_verdicts() {
    let (code, v) = json(&[fixture("spanish.yaml").to_str().unwrap()]);
    let m = &v["files"][0]["messages"];
    assert_eq!(m[0]["language"], "Spanish");
    assert!(m[0]["notice"].as_str().unwrap().contains("chorus reads English"));
    for c in ["specific", "inclusive", "aspirational", "realistic"] {
        assert_eq!(m[0]["checklist"][c]["applies"], false, "{c}");
        assert_eq!(m[0]["checklist"][c]["pass"], true, "{c}");
    }
    assert!(m[0]["drift"].as_array().unwrap().is_empty());
    // The English one is read as ever.
    assert!(m[1].get("language").is_none());
    assert_eq!(m[1]["checklist"]["specific"]["applies"], true);
    // Nobody checked the Spanish one: CI is told, not given a pass.
    assert_eq!(code, 1);
}
