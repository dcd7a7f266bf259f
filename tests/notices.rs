//! Keys that look like a known field misspelt: the store notices them on
//! files (with file, line and column and the field meant), and `chorus
//! check` says so on stderr and in each file's `notices` in the JSON, while
//! the exit status stays what the messages make it.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chorus::core::store;

const SET: &str = "\
version: 1
brand: Lemonad.ly
external:
  story: Lemonad.ly is the fastest lemonade stand repair company.
  pillars:
    - id: speed
      claim: The fastest repairs
      keywords: [fast]
segments: [sales]
internal:
  - id: fast
    audience: all
    text: >-
      Every stand we touch is selling again within a day, and each of us
      can make that fast this year.
";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn a_misspelt_top_level_key_names_its_place_and_says_no_messages_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "set.yaml", &SET.replace("internal:", "internals:"));
    let (set, notices) = store::load_noting(&p).unwrap();
    assert!(set.internal.is_empty());
    assert_eq!(notices.len(), 1, "{notices:?}");
    let n = &notices[0];
    assert_eq!((n.line, n.column), (10, 1));
    assert_eq!((n.key.as_str(), n.meant.as_str()), ("internals", "internal"));
    let said = n.to_string();
    assert!(said.starts_with(&format!("{}:10:1: ", p.display())), "{said}");
    assert!(said.contains("did you mean `internal`?"), "{said}");
    assert!(said.contains("no internal messages"), "{said}");
    assert!(said.contains("the entry under `internals` is not checked"), "{said}");
}

#[test]
fn a_misspelt_message_field_is_placed_at_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "set.yaml", &SET.replace("audience:", "audeince:"));
    let (_, notices) = store::load_noting(&p).unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!((notices[0].line, notices[0].column), (12, 5));
    assert!(notices[0].message.contains("did you mean `audience`?"));
    // The workbench opens sets through `open`: it notices the same.
    let (_, opened) = store::open_noting(&p).unwrap();
    assert_eq!(opened, notices);
}

#[test]
fn expect_and_keys_far_from_any_field_pass_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let text = SET
        .replace(
            "    audience: all\n",
            "    audience: all\n    expect: {specific: true}\n    owner: Ana\n",
        )
        .replace("brand: Lemonad.ly\n", "brand: Lemonad.ly\nnotes: kept\n");
    let p = write(dir.path(), "set.yaml", &text);
    let (set, notices) = store::load_noting(&p).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(set.internal[0].extra.unknown.len(), 2);
    // A key beside the field it resembles is the team's own, on purpose.
    let both = SET.replace("    audience: all\n", "    audience: all\n    audiences: [x]\n");
    let p = write(dir.path(), "both.yaml", &both);
    assert!(store::load_noting(&p).unwrap().1.is_empty());
}

fn check(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_chorus"))
        .arg("check")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn check_warns_on_stderr_and_in_the_json_without_changing_the_status() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.yaml", SET);
    let typo = write(dir.path(), "typo.yaml", &SET.replace("audience:", "audeince:"));
    let base = check(&[good.to_str().unwrap()]);
    let out = check(&[typo.to_str().unwrap()]);
    assert_eq!(out.status.code(), base.status.code(), "a notice is no failure");
    assert!(String::from_utf8_lossy(&base.stderr).is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "chorus: warning: {}:12:5: unknown key `audeince`: did you mean `audience`?",
            typo.display()
        )),
        "{err}"
    );

    let out = check(&["--format", "json", good.to_str().unwrap(), typo.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["notices"], serde_json::json!([]));
    let n = &v["files"][1]["notices"][0];
    assert_eq!((n["line"].as_u64(), n["column"].as_u64()), (Some(12), Some(5)));
    assert_eq!(
        (n["key"].as_str(), n["meant"].as_str()),
        (Some("audeince"), Some("audience"))
    );
    // The contract's fields are all still there.
    assert!(v["files"][1]["messages"][0]["checklist"]["specific"]["pass"].is_boolean());
    assert_eq!(v["errors"], serde_json::json!([]));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `audience`?"));
}

#[test]
fn check_says_a_set_with_a_misspelt_internal_has_no_messages() {
    let dir = tempfile::tempdir().unwrap();
    let typo = write(dir.path(), "typo.yaml", &SET.replace("internal:", "internals:"));
    let out = check(&[typo.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(":10:1: unknown key `internals`: did you mean `internal`?"),
        "{err}"
    );
    assert!(err.contains("the set has no internal messages"), "{err}");
}

#[test]
fn keys_in_later_messages_are_placed_at_their_own_lines() {
    let dir = tempfile::tempdir().unwrap();
    // Three messages, the second's text holding a line that reads like a
    // list item, and a typo in the first and the third.
    let text = format!(
        "{SET}  - id: quoted\n    text: |\n      a list in the text:\n      - one\n  - id: third\n    chanel: email\n    text: Fast for all of us.\n"
    )
    .replace("    audience: all\n", "    audience: all\n    titel: Speed\n");
    let p = write(dir.path(), "set.yaml", &text);
    let (_, notices) = store::load_noting(&p).unwrap();
    let placed: Vec<(usize, usize, &str)> = notices.iter().map(|n| (n.line, n.column, n.key.as_str())).collect();
    let line_of = |needle: &str| text.lines().position(|l| l.trim_start().starts_with(needle)).unwrap() + 1;
    assert_eq!(
        placed,
        [(line_of("titel:"), 5, "titel"), (line_of("chanel:"), 5, "chanel")]
    );
}
