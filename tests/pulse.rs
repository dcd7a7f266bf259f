//! `chorus pulse` as a user runs it, with the real binary: survey exports
//! as real files (good, broken and in other languages), every anonymity
//! rule, JSON and Markdown, two rounds compared, and nothing of the answers
//! left in any file chorus writes.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/pulse").join(name)
}

fn set() -> PathBuf {
    root().join("messages/lemonadly.yaml")
}

/// The binary, with its home and state folders in `home`.
fn chorus(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_chorus"));
    c.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env_remove("CHORUS_CONFIG");
    c
}

/// Exit status, stdout, stderr of `chorus pulse ARGS`.
fn pulse(args: &[&str]) -> (i32, String, String) {
    let home = tempfile::tempdir().unwrap();
    let out = chorus(home.path()).arg("pulse").args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn json(csv: &Path, extra: &[&str]) -> Value {
    let mut args = vec![
        path(&set()).to_string(),
        path(csv).to_string(),
        "--format".into(),
        "json".into(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, err) = pulse(&args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("pulse prints JSON")
}

#[test]
fn the_example_pulse_reads_from_a_fresh_clone() {
    let csv = root().join("messages/lemonadly-pulse.csv");
    let (code, out, err) = pulse(&[path(&set()), path(&csv)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("say they believe the story;"), "{out}");
    assert!(out.contains("can state a pillar of it in their own words"));
    // The columns come from the pulse file beside it: nothing guessed.
    assert!(!out.contains("Guessed from the headers"), "{out}");
    assert!(out.contains("columns as saved in"));
    let v = json(&csv, &[]);
    let round = &v["rounds"][0];
    assert!(round["overall"]["respondents"].as_u64().unwrap() >= 60);
    assert!(round["segments"].as_array().unwrap().len() >= 3);
    assert!(round["overall"]["fact_mismatch"]["count"].as_u64().unwrap() > 0);
    assert!(round["overall"]["contradiction"]["count"].as_u64().unwrap() > 0);
    assert!(round["overall"]["avoided_term"]["count"].as_u64().unwrap() > 0);
    assert!(!round["words"]["speed"].as_array().unwrap().is_empty());
}

#[test]
fn a_segment_of_4_is_never_shown_and_the_fold_takes_the_next_smallest() {
    let v = json(&fixture("anonymity.csv"), &[]);
    let round = &v["rounds"][0];
    let names: Vec<&str> = round["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["repair crews", "sales", "support"]);
    // Payroll (4) alone would be a fold of one group: IT (6) joins it.
    assert_eq!(round["other_segments"]["folded"], serde_json::json!(["payroll", "IT"]));
    assert_eq!(round["other_segments"]["respondents"], 10);
    let (_, text, _) = pulse(&[path(&set()), path(&fixture("anonymity.csv"))]);
    assert!(
        !text.lines().any(|l| l.starts_with("payroll") || l.starts_with("IT ")),
        "{text}"
    );
    assert!(text.contains("Folded into \"other segments\""));
    assert!(!text.contains("Spreadsheet season"), "no payroll answer is quoted");
}

#[test]
fn a_segment_of_9_shows_figures_and_no_quotes() {
    let v = json(&fixture("anonymity.csv"), &[]);
    let support = v["rounds"][0]["segments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "support")
        .cloned()
        .unwrap();
    assert_eq!(support["respondents"], 9);
    assert_eq!(support["scales"][0]["agree_share"], 0);
    for format in ["text", "json", "md"] {
        let (_, out, _) = pulse(&[path(&set()), path(&fixture("anonymity.csv")), "--format", format]);
        assert!(!out.contains("headset"), "{format} quotes a group of 9:\n{out}");
        assert!(
            out.contains("Certified repairers on job"),
            "a group of 11 is quoted ({format})"
        );
    }
}

#[test]
fn a_name_or_email_column_is_refused_and_never_printed() {
    for file in ["names.csv", "mail-values.csv"] {
        let (code, out, err) = pulse(&[path(&set()), path(&fixture(file))]);
        assert_eq!(code, 2, "{file}: {out}");
        assert!(err.contains("looks like names or e-mail addresses"), "{err}");
        assert!(err.contains("--text-column"), "{err}");
        assert!(!err.contains("@example.com") && !err.contains("Person"), "{err}");
    }
    // Named columns: the rest is read, the names are never shown.
    let (code, out, err) = pulse(&[
        path(&set()),
        path(&fixture("names.csv")),
        "--text-column",
        "What is Lemonad.ly about, in your words?",
        "--segment-column",
        "team",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !out.contains("@example.com") && !out.contains("Person") && !out.contains("Surname"),
        "{out}"
    );
    // Naming the name column itself is refused.
    let (code, _, err) = pulse(&[path(&set()), path(&fixture("names.csv")), "--text-column", "Name"]);
    assert_eq!(code, 2);
    assert!(err.contains("column 1 looks like names"), "{err}");
}

#[test]
fn broken_exports_get_a_clear_error_naming_the_file_and_row() {
    let cases = [
        (
            "ragged.csv",
            "ragged.csv: row 4: this row has 1 fields and the header has 2",
        ),
        ("empty.csv", "empty.csv: the file is empty"),
        (
            "not-csv.csv",
            "not-csv.csv: row 1: this does not look like a CSV export",
        ),
    ];
    for (file, says) in cases {
        let (code, out, err) = pulse(&[path(&set()), path(&fixture(file))]);
        assert_eq!(code, 2, "{file}: {out}");
        assert!(err.contains(says), "{file}: {err}");
        assert!(!err.contains("panicked"));
    }
    let (code, _, err) = pulse(&[
        path(&set()),
        path(&fixture("anonymity.csv")),
        "--text-column",
        "Comments",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("row 1: no column is headed \"Comments\" (--text-column)"),
        "{err}"
    );
    assert!(err.contains("\"Team\""), "the columns are listed: {err}");
}

#[test]
fn a_file_too_large_is_refused_without_reading_it() {
    let t = tempfile::tempdir().unwrap();
    let big = t.path().join("huge.csv");
    // Sparse: 100 MB on paper, nothing on disk.
    std::fs::File::create(&big).unwrap().set_len(100 * 1024 * 1024).unwrap();
    let (code, _, err) = pulse(&[path(&set()), path(&big)]);
    assert_eq!(code, 2);
    assert!(err.contains("huge.csv: the file is too large"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_blocking() {
    let t = tempfile::tempdir().unwrap();
    let fifo = t.path().join("answers.csv");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let (code, _, err) = pulse(&[path(&set()), path(&fifo)]);
    assert_eq!(code, 2);
    assert!(err.contains("named pipe"), "{err}");
}

#[test]
fn answers_in_another_language_are_named_and_not_scored() {
    let v = json(&fixture("french.csv"), &[]);
    let round = &v["rounds"][0];
    assert_eq!(
        round["not_english"],
        serde_json::json!([{"language": "French", "answers": 5, "first_row": 8}])
    );
    assert_eq!(round["overall"]["read"], 6, "only the English answers are read");
    let (_, text, _) = pulse(&[path(&set()), path(&fixture("french.csv"))]);
    assert!(
        text.contains("5 answers in French (the first at row 8): chorus reads English, so they are not scored."),
        "{text}"
    );
}

#[test]
fn spreadsheet_encodings_and_quoted_fields_are_read() {
    let v = json(&fixture("windows-1252.csv"), &[]);
    assert_eq!(v["rounds"][0]["overall"]["respondents"], 6);
    assert!(v["rounds"][0]["notices"][0].as_str().unwrap().contains("Windows-1252"));
    let v = json(&fixture("bom-quoted.csv"), &[]);
    let round = &v["rounds"][0];
    assert_eq!(
        round["columns"]["segment"], "Team",
        "the BOM is not part of the first header"
    );
    assert_eq!(round["overall"]["respondents"], 6);
    assert_eq!(
        round["overall"]["echo"]["expertise"]["count"], 6,
        "the line break did not cut the answer"
    );
}

#[test]
fn two_rounds_say_what_moved() {
    let t = tempfile::tempdir().unwrap();
    let spring = t.path().join("spring.csv");
    let autumn = t.path().join("autumn.csv");
    let text = std::fs::read_to_string(fixture("anonymity.csv")).unwrap();
    std::fs::write(&spring, &text).unwrap();
    std::fs::write(
        &autumn,
        text.replace("My headset rings all day", "Quick answers and fast repairs"),
    )
    .unwrap();
    let (code, out, err) = pulse(&[path(&set()), path(&spring), path(&autumn)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("What moved:"), "{out}");
    assert!(out.contains("support: echo speed 0% -> 100% (+100)"), "{out}");
    let v = json(&spring, &[path(&autumn)]);
    assert_eq!(v["rounds"].as_array().unwrap().len(), 2);
    assert!(v["moved"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["group"] == "everyone" && m["what"] == "echo speed"));
}

#[test]
fn markdown_and_columns_saved_for_the_next_round() {
    let t = tempfile::tempdir().unwrap();
    let csv = t.path().join("round.csv");
    std::fs::copy(fixture("anonymity.csv"), &csv).unwrap();
    let (code, md, err) = pulse(&[path(&set()), path(&csv), "--format", "md", "--save-columns"]);
    assert_eq!(code, 0, "{err}");
    assert!(md.starts_with("## Lemonad.ly pulse\n"), "{md}");
    assert!(md.contains("| segment | answers |"));
    let saved = std::fs::read_to_string(t.path().join(".chorus-pulse.yaml")).unwrap();
    assert!(
        saved.contains("text_column: \"What is Lemonad.ly about, in your words?\""),
        "{saved}"
    );
    let (_, text, _) = pulse(&[path(&set()), path(&csv)]);
    assert!(!text.contains("Guessed from the headers"), "{text}");
}

/// Every file under `dir`, with its bytes.
fn files(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push((p.clone(), std::fs::read(&p).unwrap()));
        }
    }
}

#[test]
fn nothing_of_the_answers_is_in_any_file_chorus_writes() {
    let home = tempfile::tempdir().unwrap();
    let work = home.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let csv = work.join("answers.csv");
    std::fs::copy(fixture("anonymity.csv"), &csv).unwrap();
    let set_copy = work.join("set.yaml");
    std::fs::copy(set(), &set_copy).unwrap();
    let before = std::fs::read(&set_copy).unwrap();
    for format in ["text", "json", "md"] {
        let out = chorus(home.path())
            .current_dir(&work)
            .args(["pulse", "set.yaml", "answers.csv", "--save-columns", "--format", format])
            .output()
            .unwrap();
        assert!(out.status.success());
    }
    assert_eq!(std::fs::read(&set_copy).unwrap(), before, "the set is untouched");
    let mut written = Vec::new();
    files(home.path(), &mut written);
    let markers = [
        "Fast repairs for every stand",
        "Certified repairers",
        "headset",
        "laptop fleet",
        "Spreadsheet",
    ];
    for (p, bytes) in written.iter().filter(|(p, _)| *p != csv) {
        let text = String::from_utf8_lossy(bytes);
        for m in markers {
            assert!(!text.contains(m), "{} holds answer text \"{m}\"", p.display());
        }
    }
    assert!(
        written.iter().any(|(p, _)| p.ends_with(".chorus-pulse.yaml")),
        "the pulse file was written"
    );
}

#[test]
fn fewer_than_5_answers_show_nothing() {
    let t = tempfile::tempdir().unwrap();
    let csv = t.path().join("few.csv");
    std::fs::write(&csv, "Team,\"What is Lemonad.ly about, in your words?\"\nSales,Fast repairs by Ann\nIT,Quick\nIT,Certified crews\nSales,Trained\n").unwrap();
    for format in ["text", "json", "md"] {
        let (code, out, err) = pulse(&[path(&set()), path(&csv), "--format", format]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("fewer than 5 answers"), "{out}");
        assert!(!out.contains("Ann") && !out.contains('%'), "{format}: {out}");
    }
}

/// The names of the segments a round shows on its own, and the fold.
fn shown_and_folded(round: &Value) -> (Vec<String>, Value) {
    let names = round["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect();
    (names, round["other_segments"]["folded"].clone())
}

#[test]
fn two_rounds_fold_alike_so_neither_can_be_subtracted_from_the_other() {
    let t = tempfile::tempdir().unwrap();
    let spring = t.path().join("spring.csv");
    let autumn = t.path().join("autumn.csv");
    let text = std::fs::read_to_string(fixture("anonymity.csv")).unwrap();
    std::fs::write(&spring, &text).unwrap();
    // By autumn payroll has 6 answers: alone, it and IT are shown.
    let grown = format!(
        "{text}Payroll,Agree,\"Spreadsheet season again, week 4.\"\nPayroll,Agree,\"Spreadsheet season again, week 5.\"\n"
    );
    std::fs::write(&autumn, grown).unwrap();
    let alone = json(&autumn, &[]);
    let (names, _) = shown_and_folded(&alone["rounds"][0]);
    assert!(names.contains(&"payroll".to_string()) && names.contains(&"IT".to_string()));

    let both = json(&spring, &[path(&autumn)]);
    let folds: Vec<_> = (0..2).map(|i| shown_and_folded(&both["rounds"][i])).collect();
    for (names, folded) in &folds {
        assert!(!names.iter().any(|n| n == "payroll" || n == "IT"), "{names:?}");
        assert_eq!(*folded, serde_json::json!(["payroll", "IT"]));
    }
    assert!(
        both["rounds"][1]["notices"].as_array().unwrap().iter().any(|n| n
            .as_str()
            .unwrap()
            .contains("as in the other")
            && n.as_str().unwrap().contains("payroll, IT")),
        "the autumn round says why it folds more: {}",
        both["rounds"][1]["notices"]
    );
    assert!(
        !both["moved"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["group"] == "payroll" || m["group"] == "IT"),
        "no move of a folded group"
    );
    // The other order folds alike too.
    let back = json(&autumn, &[path(&spring)]);
    assert_eq!(shown_and_folded(&back["rounds"][0]), folds[1]);
    // The report compares the rounds under the same folds.
    let home = tempfile::tempdir().unwrap();
    let out = chorus(home.path())
        .args(["report", path(&set()), "--format", "md", "--pulse"])
        .args([path(&spring), path(&autumn)])
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    let pulse = md.split("\n## What employees said back").skip(1).collect::<String>();
    assert!(
        !pulse
            .lines()
            .any(|l| l.starts_with("| payroll") || l.starts_with("| IT ")),
        "{pulse}"
    );
    assert!(md.contains("## What moved from spring.csv to autumn.csv"), "{md}");
}

#[test]
fn a_short_answer_guesses_no_language_and_a_long_one_is_not_scored_as_english() {
    let csv = fixture("short-foreign.csv");
    let round = json(&csv, &[])["rounds"][0].clone();
    // "Très rapide, merci !", "Muy rápido, gracias.", "Schnell und gut.":
    // a handful of words names no language; they are read, and echo nothing.
    assert_eq!(
        round["not_english"],
        serde_json::json!([{"language": "French", "answers": 3, "first_row": 11}]),
        "only the long French answers are named"
    );
    assert_eq!(round["overall"]["read"], 9, "6 English and 3 short answers are read");
    // The long French answers hold the English "fast", but are not scored.
    assert_eq!(round["overall"]["echo"]["speed"]["count"], 6);
    let (_, text, _) = pulse(&[path(&set()), path(&csv)]);
    assert!(text.contains("3 answers in French (the first at row 11)"), "{text}");
    for other in ["Spanish", "German"] {
        assert!(
            !text.contains(other),
            "a language guessed from a handful of words: {text}"
        );
    }
}

/// The words listed for `pillar` in a JSON round.
fn words_for(round: &Value, pillar: &str) -> Vec<String> {
    round["words"][pillar]
        .as_array()
        .unwrap_or_else(|| panic!("no words for {pillar}: {round}"))
        .iter()
        .map(|w| w["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn each_pillars_words_hold_none_of_another_pillars_keywords() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("mixed.csv");
    let mut text = String::from("Team,\"What is Lemonad.ly about, in your words?\"\n");
    for n in 0..4 {
        text.push_str(&format!(
            "Sales,\"Quick repairs, done by certified mechanics, stand {n}.\"\n"
        ));
        text.push_str(&format!(
            "Sales,\"Fast turnaround on stand repairs, by qualified mechanics, call {n}.\"\n"
        ));
        text.push_str(&format!(
            "Sales,\"Trained and experienced mechanics do repairs, desk {n}.\"\n"
        ));
    }
    std::fs::write(&csv, text).unwrap();
    let v = json(&csv, &[]);
    let round = &v["rounds"][0];
    let speed = words_for(round, "speed");
    let expertise = words_for(round, "expertise");
    // Words the two share come through on both ...
    assert!(speed.contains(&"mechanics".to_string()), "{speed:?}");
    assert!(expertise.contains(&"mechanics".to_string()), "{expertise:?}");
    // ... each pillar's own keywords on its own list ...
    assert!(speed.contains(&"quick".to_string()), "{speed:?}");
    assert!(expertise.contains(&"certified".to_string()), "{expertise:?}");
    // ... and never the other pillar's.
    for w in ["certified", "qualified", "trained", "experienced"] {
        assert!(!speed.contains(&w.to_string()), "speed lists {w}: {speed:?}");
    }
    for w in ["fast", "quick", "turnaround"] {
        assert!(
            !expertise.contains(&w.to_string()),
            "expertise lists {w}: {expertise:?}"
        );
    }
}

#[test]
fn a_column_headed_text_answer_response_or_comment_is_taken_for_the_answers() {
    for header in ["Text", "Answer", "Response", "Comment", "Comments"] {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("plain.csv");
        // Short answers, beside a longer column that is no answer.
        let mut text = format!("Team,Site,{header}\n");
        for n in 0..6 {
            text.push_str(&format!("Sales,Leeds north depot yard {n},Fast repairs.\n"));
        }
        std::fs::write(&csv, text).unwrap();
        let v = json(&csv, &[]);
        let round = &v["rounds"][0];
        assert_eq!(round["columns"]["text"], header, "{round}");
        assert_eq!(round["overall"]["echo"]["speed"]["count"], 6, "{round}");
    }
}
