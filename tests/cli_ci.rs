//! `chorus check` where teams already run their checks: SARIF validated
//! against the official schema, GitHub annotations parsed back and pointed
//! at the words, `--fail-on`, `--min-score`, a baseline's round trip, the
//! project config and its discovery, standard input, completions and the
//! man page.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example() -> PathBuf {
    root().join("messages/lemonadly.yaml")
}

/// chorus with no machine lexicon and no config from the environment, run
/// in `dir`.
fn chorus(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_chorus"));
    c.current_dir(dir)
        .env_remove("CHORUS_CONFIG")
        .env("XDG_CONFIG_HOME", dir.join(".no-config"))
        .env("NO_COLOR", "1");
    c
}

/// A project folder holding a copy of the example set at `comms/set.yaml`.
fn project() -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(t.path().join("comms")).unwrap();
    std::fs::copy(example(), t.path().join("comms/set.yaml")).unwrap();
    t
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = chorus(dir).args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The text at a 1-based line and column range of `source` (columns in
/// characters, the end exclusive).
fn words_at(source: &str, line: usize, column: usize, end_column: usize) -> String {
    let l = source.lines().nth(line - 1).unwrap();
    l.chars().skip(column - 1).take(end_column - column).collect()
}

#[test]
fn sarif_is_valid_sarif_2_1_0_and_points_at_the_words() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/sarif/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let t = project();
    let (code, out, _) = run(t.path(), &["check", "--format", "sarif", "comms/set.yaml"]);
    assert_eq!(code, 1, "the example has failing messages");
    let log: Value = serde_json::from_str(&out).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "not valid SARIF: {errors:#?}");

    let run0 = &log["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run0["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let source = std::fs::read_to_string(t.path().join("comms/set.yaml")).unwrap();
    let mut pointed = 0;
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], id, "ruleIndex names the rule");
        assert!(rules[index]["help"]["text"].as_str().is_some_and(|h| !h.is_empty()));
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "comms/set.yaml");
        let region = &loc["region"];
        if let (Some(line), Some(col), Some(end_line), Some(end_col)) = (
            region["startLine"].as_u64(),
            region["startColumn"].as_u64(),
            region["endLine"].as_u64(),
            region["endColumn"].as_u64(),
        ) {
            if line == end_line {
                let words = words_at(&source, line as usize, col as usize, end_col as usize);
                let message = r["message"]["text"].as_str().unwrap();
                // The words the finding quotes stand exactly there.
                if message.contains(&format!("\"{words}\"")) {
                    pointed += 1;
                }
            }
        }
    }
    assert!(pointed >= 5, "findings point at their quoted words ({pointed} did)");
    // The superlative of `be-the-best` is placed on its word, not at the entry.
    let best = results.iter().find(|r| r["ruleId"] == "vague-superlative").unwrap();
    let region = &best["locations"][0]["physicalLocation"]["region"];
    let line = region["startLine"].as_u64().unwrap() as usize;
    assert!(source.lines().nth(line - 1).unwrap().trim_start().starts_with("text:"));
}

#[test]
fn github_annotations_parse_back_and_point_at_the_words() {
    let t = project();
    let (code, out, _) = run(t.path(), &["check", "--format", "github", "comms/set.yaml"]);
    assert_eq!(code, 1);
    let source = std::fs::read_to_string(t.path().join("comms/set.yaml")).unwrap();
    let (mut errors, mut pointed) = (0, 0);
    for line in out.lines() {
        let rest = line.strip_prefix("::").expect("a workflow command");
        let (head, message) = rest.split_once("::").expect("command::message");
        let (command, props) = head.split_once(' ').unwrap();
        assert!(command == "error" || command == "notice", "{line}");
        errors += usize::from(command == "error");
        assert!(!message.contains('\n') && !message.is_empty());
        let props: std::collections::HashMap<&str, &str> = props
            .split(',')
            .map(|p| p.split_once('=').expect("key=value"))
            .collect();
        assert_eq!(props["file"], "comms/set.yaml");
        assert!(props["title"].starts_with("chorus "));
        let l: usize = props["line"].parse().unwrap();
        let c: usize = props["col"].parse().unwrap();
        if let (Some(end), Some(end_line)) = (props.get("endColumn"), props.get("endLine")) {
            assert_eq!(end_line.parse::<usize>().unwrap(), l);
            let words = words_at(&source, l, c, end.parse().unwrap());
            assert!(!words.trim().is_empty(), "{line}");
            pointed += usize::from(message.contains(&format!("\"{words}\"")));
        }
    }
    assert!(errors > 0);
    assert!(pointed >= 5, "annotations point at their quoted words ({pointed} did)");
    assert!(
        out.contains("title=chorus vague-superlative::message `be-the-best`"),
        "{out}"
    );
}

#[test]
fn fail_on_chooses_what_makes_the_exit_one() {
    let t = project();
    let set = "comms/set.yaml";
    assert_eq!(run(t.path(), &["check", set]).0, 1);
    assert_eq!(run(t.path(), &["check", "--fail-on", "none", set]).0, 0);
    // The example drifts (off story) as well as failing criteria.
    assert_eq!(run(t.path(), &["check", "--fail-on", "drift", set]).0, 1);
    assert_eq!(run(t.path(), &["check", "--fail-on", "fail,drift", set]).0, 1);
    // A set whose only problem is a failing criterion: drift alone passes it.
    let only_fail = t.path().join("comms/fail.yaml");
    std::fs::write(
        &only_fail,
        "version: 1\nbrand: B\nexternal:\n  story: We repair fast.\n  pillars:\n    - id: speed\n      claim: Fast \
         repairs\n      keywords: [fast]\ninternal:\n  - id: m\n    text: Repairs are fast.\n",
    )
    .unwrap();
    assert_eq!(run(t.path(), &["check", "comms/fail.yaml"]).0, 1);
    assert_eq!(run(t.path(), &["check", "--fail-on", "drift", "comms/fail.yaml"]).0, 0);
    assert_eq!(run(t.path(), &["check", "--fail-on", "fail", "comms/fail.yaml"]).0, 1);
    // An unreadable set is exit 2 whatever fails the build.
    std::fs::write(t.path().join("comms/broken.yaml"), "version: [\n").unwrap();
    assert_eq!(run(t.path(), &["check", "--fail-on", "none", "comms/broken.yaml"]).0, 2);
    let (code, _, err) = run(t.path(), &["check", "--fail-on", "typos", set]);
    assert_eq!(code, 2);
    assert!(err.contains("choose from fail, drift, programme, none"), "{err}");
    // Programme findings fail the build only when asked: one messenger
    // sending every message is one; the single message above is none.
    assert_eq!(
        run(t.path(), &["check", "--fail-on", "programme", "comms/fail.yaml"]).0,
        0
    );
    let one_voice = t.path().join("comms/one-voice.yaml");
    let mut yaml = String::from(
        "version: 1\nbrand: B\nexternal:\n  story: We repair fast.\n  pillars:\n    - id: speed\n      claim: Fast \
         repairs\n      keywords: [fast]\ninternal:\n",
    );
    for id in ["a", "b", "c"] {
        yaml.push_str(&format!(
            "  - id: {id}\n    messenger: CEO\n    text: Repairs are fast.\n"
        ));
    }
    std::fs::write(&one_voice, yaml).unwrap();
    assert_eq!(
        run(t.path(), &["check", "--fail-on", "drift", "comms/one-voice.yaml"]).0,
        0
    );
    assert_eq!(
        run(t.path(), &["check", "--fail-on", "programme", "comms/one-voice.yaml"]).0,
        1
    );
    let (_, out, _) = run(t.path(), &["check", "--fail-on", "none", "comms/one-voice.yaml"]);
    assert!(
        out.contains("programme one_messenger: CEO sends 100% of the messages"),
        "{out}"
    );
}

#[test]
fn min_score_sets_the_pass_mark_for_one_run() {
    let t = project();
    let (_, out, _) = run(
        t.path(),
        &["check", "--format", "json", "--min-score", "0", "comms/set.yaml"],
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    let marks: Vec<u64> = v["files"][0]["messages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| {
            ["specific", "inclusive", "aspirational", "realistic"]
                .map(|c| m["checklist"][c]["pass_mark"].as_u64().unwrap())
        })
        .collect();
    assert!(marks.iter().all(|&m| m == 0));
    let fails = |v: &Value| {
        v["files"][0]["messages"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["checklist"]["specific"]["pass"] == false)
            .count()
    };
    assert_eq!(fails(&v), 0, "nothing is under a pass mark of 0");
    let (_, out, _) = run(
        t.path(),
        &["check", "--format", "json", "--min-score", "100", "comms/set.yaml"],
    );
    let strict: Value = serde_json::from_str(&out).unwrap();
    let (_, out, _) = run(t.path(), &["check", "--format", "json", "comms/set.yaml"]);
    let usual: Value = serde_json::from_str(&out).unwrap();
    assert!(fails(&strict) > fails(&usual));
    assert_eq!(run(t.path(), &["check", "--min-score", "101", "comms/set.yaml"]).0, 2);
}

#[test]
fn a_baseline_passes_an_unchanged_set_and_catches_an_edited_message() {
    let t = project();
    let (code, out, _) = run(
        t.path(),
        &["check", "--write-baseline", ".chorus-baseline.json", "comms"],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("Recorded "), "{out}");
    let (code, out, _) = run(t.path(), &["check", "--baseline", ".chorus-baseline.json", "comms"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("known problems set aside by the baseline .chorus-baseline.json"),
        "{out}"
    );
    // Checked from elsewhere, the same baseline still knows the file.
    let (code, _, _) = run(
        root(),
        &[
            "check",
            "--baseline",
            t.path().join(".chorus-baseline.json").to_str().unwrap(),
            t.path().join("comms/set.yaml").to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0);
    // Editing a message makes its problems new again, and only its.
    let path = t.path().join("comms/set.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("Be the best, be Lemonad.ly!", "Be the very best, be Lemonad.ly!"),
    )
    .unwrap();
    let (code, out, _) = run(
        t.path(),
        &[
            "check",
            "--baseline",
            ".chorus-baseline.json",
            "--format",
            "github",
            "comms",
        ],
    );
    assert_eq!(code, 1);
    let ids: std::collections::BTreeSet<&str> = out
        .lines()
        .filter(|l| l.starts_with("::error"))
        .filter_map(|l| l.split("message `").nth(1)?.split('`').next())
        .collect();
    assert_eq!(ids.into_iter().collect::<Vec<_>>(), ["be-the-best"]);
    // A broken baseline is an error at its place.
    std::fs::write(t.path().join("bad.json"), "{\"version\": 1,\n \"entries\": {}}").unwrap();
    let (code, out, _) = run(t.path(), &["check", "--baseline", "bad.json", "comms"]);
    assert_eq!(code, 2);
    assert!(out.contains("error: bad.json:2:"), "{out}");
}

#[test]
fn the_nearest_config_applies_and_flags_beat_it() {
    let t = project();
    std::fs::write(t.path().join(".chorus.yaml"), "format: json\nfail_on: none\n").unwrap();
    let (code, out, _) = run(t.path(), &["check", "comms/set.yaml"]);
    assert_eq!(code, 0, "fail_on: none");
    assert!(out.starts_with('{'), "format: json");
    // A nearer file wins over the one above it.
    std::fs::write(t.path().join("comms/.chorus.yaml"), "format: github\n").unwrap();
    let (code, out, _) = run(t.path(), &["check", "comms/set.yaml"]);
    assert_eq!(code, 1, "the nearer file does not say fail_on");
    assert!(out.starts_with("::"), "{out}");
    // Flags beat the file.
    let (code, out, _) = run(
        t.path(),
        &["check", "--format", "text", "--fail-on", "none", "comms/set.yaml"],
    );
    assert_eq!(code, 0);
    assert!(out.contains("need work"), "{out}");
    // --config and CHORUS_CONFIG pick another file.
    std::fs::write(t.path().join("team.yaml"), "format: sarif\n").unwrap();
    let (_, out, _) = run(t.path(), &["check", "--config", "team.yaml", "comms/set.yaml"]);
    assert!(out.contains("\"version\": \"2.1.0\""), "{out}");
    let out = chorus(t.path())
        .env("CHORUS_CONFIG", "team.yaml")
        .args(["check", "comms/set.yaml"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"2.1.0\""));
    // --print-config says where each setting comes from.
    let (code, out, _) = run(
        t.path(),
        &["check", "--print-config", "--min-score", "70", "comms/set.yaml"],
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("comms/.chorus.yaml (the nearest .chorus.yaml above comms/set.yaml)"),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("format") && l.contains("github") && l.ends_with(".chorus.yaml:1")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("min_score") && l.contains("70") && l.ends_with("command line --min-score")),
        "{out}"
    );
    assert!(
        out.lines().any(|l| l.starts_with("fail_on") && l.ends_with("default")),
        "{out}"
    );
    // A wrong setting stops the check with its place.
    std::fs::write(t.path().join("comms/.chorus.yaml"), "format: github\nmin_score: lots\n").unwrap();
    let (code, out, err) = run(t.path(), &["check", "comms/set.yaml"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains(".chorus.yaml:2:12: `min_score` should be a number"),
        "{err}"
    );
}

#[test]
fn a_project_lexicon_and_kinds_apply_to_every_set() {
    let t = project();
    let set =
        "version: 1\nbrand: B\nexternal:\n  story: We repair fast.\n  pillars:\n    - id: speed\n      claim: Fast \
               repairs\n      keywords: [fast]\ninternal:\n  - id: m\n    kind: safety\n    text: From 3 May the east \
               ladder is out of use, so that nobody falls; use the west one.\n";
    std::fs::write(t.path().join("comms/kinds.yaml"), set).unwrap();
    let (code, _, err) = run(t.path(), &["check", "comms/kinds.yaml"]);
    assert_eq!(code, 2, "an unknown kind without the project's config");
    assert!(err.is_empty() || !err.contains("panicked"));
    std::fs::write(
        t.path().join(".chorus.yaml"),
        "kinds:\n  safety: {about: a safety notice, skip: [aspirational, off_story]}\n",
    )
    .unwrap();
    let (_, out, _) = run(t.path(), &["check", "--format", "json", "comms/kinds.yaml"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let m = &v["files"][0]["messages"][0];
    assert_eq!(m["kind"], "safety");
    assert_eq!(m["checklist"]["aspirational"]["applies"], false);
}

#[test]
fn standard_input_is_checked_under_the_name_given() {
    let t = project();
    let text = std::fs::read_to_string(example()).unwrap();
    let out = chorus(t.path())
        .args(["check", "--format", "github", "--stdin-filename", "comms/q3.yaml", "-"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.lines().all(|l| l.contains("file=comms/q3.yaml,")), "{stdout}");
    assert!(
        stdout.contains("line=69,col=18"),
        "words are placed in the piped text: {stdout}"
    );
    let out = chorus(t.path())
        .args(["check", "-"])
        .write_stdin("version: 1\nbrand: [\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("<stdin>:"), "{out:?}");
}

#[test]
fn completions_and_the_man_page_come_from_the_commands() {
    let here = root();
    for shell in ["bash", "zsh", "fish"] {
        let (code, out, _) = run(here, &["completions", shell]);
        assert_eq!(code, 0);
        for word in ["check", "--fail-on", "--baseline", "lexicon"] {
            assert!(out.contains(word), "{shell} completion knows {word}");
        }
    }
    let (code, out, _) = run(here, &["man"]);
    assert_eq!(code, 0);
    assert!(out.contains(".TH chorus"), "{}", &out[..200.min(out.len())]);
    assert!(out.contains("check"));
    assert_eq!(run(here, &["completions", "tcsh-9"]).0, 2);
}
