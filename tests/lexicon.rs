//! A company teaches chorus its words: the per-machine lexicon file and a
//! set's `lexicon:` block add entries, switch entries off, name segments'
//! other names and give pillars synonyms; broken ones are errors with a
//! place, never ignored; `chorus lexicon` shows where every entry came from.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const SET: &str = r#"version: 1
brand: Spokes
external:
  story: Bikes fixed the same day.
  pillars:
    - id: speed
      claim: Same-day repairs
      keywords: [fast, same-day]
segments: [mechanics, front desk]
internal:
  - id: ideate
    text: This year we will ideate fast, with zero complaints, within 4 hours.
  - id: swift
    text: This year every team will make repairs swift, within 4 hours.
  - id: wrenches
    text: This year the wrenches will fix bikes fast, within 4 hours.
"#;

fn chorus(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_chorus"));
    c.env("HOME", home).env_remove("XDG_CONFIG_HOME").env_remove("NO_COLOR");
    c
}

fn check(home: &Path, file: &Path) -> (i32, Value) {
    let out = chorus(home)
        .args(["check", "--format", "json"])
        .arg(file)
        .output()
        .unwrap();
    (out.status.code().unwrap(), serde_json::from_slice(&out.stdout).unwrap())
}

fn rules_fired(v: &Value, id: &str) -> Vec<String> {
    let m = v["files"][0]["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == id)
        .unwrap();
    let mut out = Vec::new();
    for c in m["checklist"].as_object().unwrap().values() {
        out.extend(
            c["breakdown"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| b["rule"].as_str().unwrap().to_string()),
        );
    }
    out.extend(
        m["drift"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["kind"].as_str().unwrap().to_string()),
    );
    out
}

#[test]
fn a_sets_block_adds_switches_off_aliases_and_synonyms() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.yaml");
    std::fs::write(&plain, SET).unwrap();
    let (_, before) = check(dir.path(), &plain);
    assert!(!rules_fired(&before, "ideate").contains(&"buzzword".to_string()));
    assert!(
        rules_fired(&before, "ideate").contains(&"absolute".to_string()),
        "zero is an absolute by default"
    );
    assert!(rules_fired(&before, "swift").contains(&"off_story".to_string()));
    assert!(!rules_fired(&before, "wrenches").contains(&"one-segment-goal".to_string()));

    let taught = dir.path().join("taught.yaml");
    let block = "lexicon:\n  add:\n    buzzwords: [ideate]\n  off:\n    absolutes: [zero]\n  segment_aliases:\n    mechanics: [wrenches]\n  pillar_synonyms:\n    speed: [swift]\n";
    std::fs::write(&taught, format!("{SET}{block}")).unwrap();
    let (_, after) = check(dir.path(), &taught);
    assert!(rules_fired(&after, "ideate").contains(&"buzzword".to_string()));
    assert!(!rules_fired(&after, "ideate").contains(&"absolute".to_string()));
    assert!(
        !rules_fired(&after, "swift").contains(&"off_story".to_string()),
        "swift now supports speed"
    );
    assert!(
        rules_fired(&after, "wrenches").contains(&"one-segment-goal".to_string()),
        "wrenches are the mechanics"
    );
}

#[test]
fn the_machine_file_extends_every_set() {
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("set.yaml");
    std::fs::write(&set, SET).unwrap();
    let config = dir.path().join(".config/chorus");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("lexicon.yaml"), "add:\n  buzzwords: [ideate]\n").unwrap();
    let (_, v) = check(dir.path(), &set);
    assert!(rules_fired(&v, "ideate").contains(&"buzzword".to_string()));

    let out = chorus(dir.path()).arg("lexicon").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("ideate"))
        .expect("listed");
    assert!(line.contains("machine") && line.contains("lexicon.yaml"), "{line}");
}

#[test]
fn a_broken_machine_file_is_an_error_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("set.yaml");
    std::fs::write(&set, SET).unwrap();
    let config = dir.path().join(".config/chorus");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("lexicon.yaml"),
        "add:\n  buzzwords: [ok]\n  hyperbol: [galactic]\n",
    )
    .unwrap();
    let (code, v) = check(dir.path(), &set);
    assert_eq!(code, 2);
    let e = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["path"].as_str().unwrap().ends_with("lexicon.yaml"))
        .unwrap();
    assert_eq!(e["line"].as_u64(), Some(3), "{e}");
    assert!(e["message"].as_str().unwrap().contains("hyperbol"), "{e}");
    assert_eq!(v["files"].as_array().unwrap().len(), 1, "the set is still checked");
}

#[test]
fn a_broken_block_in_a_set_is_an_error_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("set.yaml");
    std::fs::write(
        &set,
        format!("{SET}lexicon:\n  add:\n    buzzwords: [fine, [nested]]\n"),
    )
    .unwrap();
    let (code, v) = check(dir.path(), &set);
    assert_eq!(code, 2);
    let e = &v["errors"][0];
    let lines = SET.lines().count() as u64;
    assert_eq!(e["line"].as_u64(), Some(lines + 3), "{e}");
    assert!(e["message"].as_str().unwrap().starts_with("lexicon:"), "{e}");
}

#[test]
fn chorus_lexicon_shows_where_a_sets_entries_come_from() {
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("set.yaml");
    std::fs::write(
        &set,
        format!("{SET}lexicon:\n  add:\n    buzzwords: [ideate]\n  off:\n    absolutes: [zero]\n"),
    )
    .unwrap();
    let out = chorus(dir.path()).arg("lexicon").arg(&set).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let added = text.lines().find(|l| l.trim_start().starts_with("ideate")).unwrap();
    assert!(added.contains("set") && added.contains("set.yaml"), "{added}");
    let off = text
        .lines()
        .find(|l| l.trim_start().starts_with("zero") && l.contains("off"))
        .unwrap();
    assert!(off.contains("set.yaml"), "{off}");
}
