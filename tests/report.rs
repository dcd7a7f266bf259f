//! `chorus report`: a golden Markdown report, the HTML parsed back as
//! strict XML with every message in it, a hostile set escaped everywhere,
//! and a file of the user's never overwritten by `-o`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const PLAN: &str = "tests/fixtures/programme/lemonadly-plan.yaml";
const GOLDEN: &str = "tests/fixtures/programme/lemonadly-plan.md";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn report(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .current_dir(root())
        .arg("report")
        .args(["--as-of", "2026-11-02"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_markdown_report_matches_the_golden_file() {
    let (code, md, err) = report(&["--format", "md", PLAN]);
    assert_eq!(code, 0, "{err}");
    let golden = root().join(GOLDEN);
    // CHORUS_BLESS=1 writes the golden file anew, to be read in review.
    if std::env::var_os("CHORUS_BLESS").is_some() {
        std::fs::write(&golden, &md).unwrap();
    }
    let want = std::fs::read_to_string(&golden).unwrap();
    assert_eq!(
        md, want,
        "the report differs from {GOLDEN} (CHORUS_BLESS=1 rewrites it)"
    );
}

/// The HTML read as strict XML (its doctype allowed).
fn parse(html: &str) -> Result<roxmltree::Document<'_>, roxmltree::Error> {
    roxmltree::Document::parse_with_options(
        html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
}

fn text_of(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .map(|n| n.text().unwrap())
        .collect()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_html_report_is_well_formed_and_carries_every_message() {
    let (code, html, err) = report(&[PLAN]);
    assert_eq!(code, 0, "{err}");
    let doc = parse(&html).expect("the report is well formed");
    let set = chorus::core::store::load(&root().join(PLAN)).unwrap();
    let articles: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("article")).collect();
    assert_eq!(articles.len(), set.internal.len());
    for (a, m) in articles.iter().zip(&set.internal) {
        assert_eq!(a.attribute("id"), Some(format!("m-{}", m.id).as_str()));
        let text = squash(&text_of(*a));
        assert!(text.contains(&squash(&m.text)), "{} lacks its text: {text}", m.id);
        assert!(text.contains(&m.date.unwrap().to_string()), "{} lacks its date", m.id);
    }
    // Self-contained: no script, nothing fetched.
    for n in doc.descendants().filter(|n| n.is_element()) {
        assert!(
            !n.has_tag_name("script") && !n.has_tag_name("link") && !n.has_tag_name("img"),
            "{n:?}"
        );
        for a in n.attributes() {
            assert!(!matches!(a.name(), "src" | "href"), "{n:?} fetches {}", a.value());
        }
    }
    let body = squash(&text_of(doc.root_element()));
    assert!(
        body.contains("3 of 5 messages pass the checklist and stay on story"),
        "{body}"
    );
    assert!(body.contains("At a glance") && body.contains("In depth"));
    // The coverage grid and the chart are there.
    assert_eq!(doc.descendants().filter(|n| n.has_tag_name("td")).count(), 8);
    assert!(doc.descendants().any(|n| n.has_tag_name("svg")));
}

const HOSTILE: &str = "version: 1\nbrand: \"<script>alert(1)</script> & Co\"\nexternal:\n  story: \"We fix <b>bikes</b> & more \\u001b[31m fast\"\n  pillars:\n    - id: \"sp<i>eed\"\n      claim: \"Fast & <em>sure</em>\"\n      keywords: [fast]\nsegments: [\"<img src=x onerror=alert(1)>\", \"R&D\"]\ninternal:\n  - id: \"a<script>\"\n    title: \"**bold** [link](http://x) | pipe\"\n    audience: [\"R&D\"]\n    channel: \"<iframe>\"\n    messenger: \"\\u0007bell & \\u202eevil\"\n    text: \"Our fast repairs <script>alert('x')</script> & \\u0000 <!-- comment --> ]]> stay fast.\"\n";

#[test]
fn a_hostile_set_is_escaped_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.yaml");
    std::fs::write(&path, HOSTILE).unwrap();
    let p = path.to_str().unwrap();
    let (code, html, err) = report(&[p]);
    assert_eq!(code, 0, "{err}");
    let doc = parse(&html).expect("still well formed");
    let allowed = [
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "h1",
        "h2",
        "h3",
        "p",
        "strong",
        "section",
        "div",
        "blockquote",
        "ul",
        "ol",
        "li",
        "table",
        "tr",
        "th",
        "td",
        "svg",
        "text",
        "rect",
        "article",
        "span",
        "dl",
        "dt",
        "dd",
        "mark",
        "footer",
    ];
    for n in doc.descendants().filter(|n| n.is_element()) {
        assert!(allowed.contains(&n.tag_name().name()), "an element from the set: {n:?}");
    }
    assert!(!doc.descendants().any(|n| n.is_comment()), "a comment from the set");
    let text = text_of(doc.root_element());
    for shown in [
        "<script>alert(1)</script> & Co",
        "<img src=x onerror=alert(1)>",
        "R&D",
        "<iframe>",
        "<script>alert('x')</script>",
    ] {
        assert!(text.contains(shown), "{shown} is not shown as text");
    }
    for c in html.chars() {
        assert!(!c.is_control() || c == '\n', "a raw control character {:?}", c);
        assert!(c != '\u{202e}', "a raw bidi override");
    }
    assert!(
        text.contains('␇') && text.contains('␀'),
        "controls are shown as pictures"
    );

    let (code, md, err) = report(&["--format", "md", p]);
    assert_eq!(code, 0, "{err}");
    let md = md
        .strip_prefix("<!-- chorus report -->\n")
        .expect("the report's own first line");
    for raw in [
        "<script",
        "<img",
        "<iframe",
        "<!--",
        "<b>",
        "[link](",
        "**bold** [link]",
        " | pipe",
    ] {
        assert!(!md.contains(raw), "raw {raw} in the Markdown:\n{md}");
    }
    assert!(md.contains("&lt;script&gt;") && md.contains("R&amp;D") && md.contains("\\*\\*bold\\*\\*"));
    for c in md.chars() {
        assert!(!c.is_control() || c == '\n', "a raw control character {:?}", c);
    }
}

#[test]
fn dash_o_writes_the_file_and_never_replaces_one_of_the_users() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    let (code, stdout, err) = report(&[PLAN, "-o", out.to_str().unwrap()]);
    assert_eq!((code, stdout.as_str()), (0, ""), "{err}");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(
        written.starts_with("<!-- chorus report -->\n\n# Lemonad.ly"),
        "-o NAME.md means Markdown"
    );
    // Its own report is replaced; a file of the user's is kept.
    assert_eq!(report(&[PLAN, "-o", out.to_str().unwrap()]).0, 0);
    let mine = dir.path().join("notes.html");
    std::fs::write(&mine, "my notes").unwrap();
    let (code, _, err) = report(&[PLAN, "-o", mine.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("is not a report chorus wrote"), "{err}");
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "my notes");
}

#[test]
fn an_unreadable_set_is_named_and_the_others_are_still_reported() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "version: [\n").unwrap();
    let (code, html, err) = report(&[PLAN, bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("bad.yaml"), "{err}");
    assert!(html.contains("Sets that could not be read") && html.contains("Lemonad.ly"));
    assert!(Path::new(&root().join(PLAN)).exists());
}

const SET: &str = "messages/lemonadly.yaml";
const ANONYMITY: &str = "tests/fixtures/pulse/anonymity.csv";

/// The rows of the pulse table in an HTML report: each row's header.
fn pulse_rows(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("table") && n.attribute("class") == Some("pulse"))
        .flat_map(|t| t.children().filter(|r| r.has_tag_name("tr")).skip(1))
        .filter_map(|r| r.children().find(|c| c.has_tag_name("th")).map(text_of))
        .collect()
}

#[test]
fn the_pulse_section_appears_in_both_formats() {
    let (code, html, err) = report(&[SET, "--pulse", "messages/lemonadly-pulse.csv"]);
    assert_eq!(code, 0, "{err}");
    let doc = parse(&html).expect("the report with a pulse is well formed");
    let body = squash(&text_of(doc.root_element()));
    assert!(body.contains("What employees said back: lemonadly-pulse.csv"), "{body}");
    assert!(body.contains("say they believe the story;"), "{body}");
    let rows = pulse_rows(&doc);
    assert_eq!(
        rows,
        ["repair crews", "sales", "support", "IT", "other segments", "everyone"]
    );
    let (code, md, err) = report(&[SET, "--pulse", "messages/lemonadly-pulse.csv", "--format", "md"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        md.contains("\n## What employees said back: lemonadly-pulse.csv\n"),
        "{md}"
    );
    assert!(md.contains("| repair crews | 18 |"), "{md}");
    // Without --pulse the report has no pulse.
    let (_, plain, _) = report(&[SET]);
    assert!(!plain.contains("What employees said back"));
}

#[test]
fn a_small_segment_is_never_shown_in_the_report() {
    for format in ["html", "md"] {
        let (code, out, err) = report(&[SET, "--pulse", ANONYMITY, "--format", format]);
        assert_eq!(code, 0, "{err}");
        assert!(
            out.contains("Folded into") && out.contains("other segments"),
            "the fold is said ({format})"
        );
        assert!(!out.contains("Spreadsheet season"), "a payroll answer ({format})");
        if format == "html" {
            let rows = pulse_rows(&parse(&out).unwrap());
            assert_eq!(
                rows,
                ["repair crews", "sales", "support", "other segments", "everyone"],
                "payroll (4) and IT (6), which would be a fold of one, are not rows"
            );
        } else {
            let pulse = out.split("\n## What employees said back").nth(1).expect("the pulse");
            assert!(!pulse
                .lines()
                .any(|l| l.starts_with("| payroll") || l.starts_with("| IT ")));
        }
    }
}

#[test]
fn no_answer_text_is_in_the_report_for_a_group_of_9() {
    for format in ["html", "md"] {
        let (code, out, err) = report(&[SET, "--pulse", ANONYMITY, "--format", format]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("| support | 9 |") || out.contains("<th>support</th><td>9</td>"));
        assert!(!out.contains("headset"), "support (9) is quoted ({format})");
        assert!(
            out.contains("Certified repairers on job"),
            "repair crews (11) are ({format})"
        );
    }
}

#[test]
fn hostile_answer_text_is_escaped_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("answers.csv");
    let hostile =
        "Fast repairs <script>alert(1)</script> & <img src=x onerror=alert(2)> ]]> <!-- c --> **bold** | pipe \u{7}";
    let mut text = String::from("Team,\"What is Lemonad.ly about, in your words?\"\n");
    for _ in 0..12 {
        text.push_str(&format!("Sales,\"{hostile}\"\n"));
    }
    std::fs::write(&csv, text).unwrap();
    let csv = csv.to_str().unwrap();
    let (code, html, err) = report(&[SET, "--pulse", csv]);
    assert_eq!(code, 0, "{err}");
    let doc = parse(&html).expect("still well formed");
    for n in doc.descendants().filter(|n| n.is_element()) {
        assert!(
            !matches!(n.tag_name().name(), "script" | "img"),
            "an element from an answer: {n:?}"
        );
    }
    assert!(!doc.descendants().any(|n| n.is_comment()), "a comment from an answer");
    let body = text_of(doc.root_element());
    assert!(
        body.contains("Fast repairs <script>alert(1)</script> & <img src=x onerror=alert(2)>"),
        "the answer is quoted as text"
    );
    assert!(!html.contains('\u{7}'), "a raw control character");
    let (code, md, err) = report(&[SET, "--pulse", csv, "--format", "md"]);
    assert_eq!(code, 0, "{err}");
    let md = md.split("\n## What employees said back").nth(1).expect("the pulse");
    // Markup characters are backslash-escaped (CommonMark), never raw.
    for raw in ["<script", "<img", "<!--", "**bold**", " | pipe", "\u{7}"] {
        assert!(
            !md.replace(&format!("\\{raw}"), "").contains(raw),
            "raw {raw} in the Markdown"
        );
    }
    assert!(md.contains("\\<script\\>"), "{md}");
}

#[test]
fn a_pulse_that_cannot_be_read_is_named_and_no_report_written() {
    let (code, out, err) = report(&[SET, "--pulse", "tests/fixtures/pulse/names.csv"]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("names.csv"), "{err}");
}

#[test]
fn a_quoted_answer_is_a_block_quote_in_the_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("answers.csv");
    let mut text = String::from("Team,\"What is Lemonad.ly about, in your words?\"\n");
    for n in 0..12 {
        text.push_str(&format!("Sales,\"Trained crews fix stands fast, visit {n}.\"\n"));
    }
    std::fs::write(&csv, text).unwrap();
    let (code, md, err) = report(&[SET, "--pulse", csv.to_str().unwrap(), "--format", "md"]);
    assert_eq!(code, 0, "{err}");
    let md = md.split("\n## What employees said back").nth(1).expect("the pulse");
    let lines: Vec<&str> = md.lines().collect();
    let item = lines
        .iter()
        .position(|l| l.starts_with("- echoes speed:"))
        .unwrap_or_else(|| panic!("no example of speed:\n{md}"));
    assert_eq!(lines[item], "- echoes speed:", "the finding alone on its line");
    // The quote is a block quote within the list item (indented under it).
    let quote = lines[item + 1..].iter().find(|l| !l.is_empty()).unwrap();
    assert!(quote.starts_with("  > Trained crews fix stands fast"), "{md}");
    assert!(!md.contains(": >"), "a literal > after the finding:\n{md}");
}

/// Stderr of `chorus ARGS`, run from the project's folder.
fn stderr_of(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .current_dir(root())
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn every_command_stops_on_an_error_in_the_same_form() {
    let names = "tests/fixtures/pulse/names.csv";
    let missing = "no-such-set.yaml";
    let runs: [&[&str]; 5] = [
        &["pulse", SET, names],
        &["report", SET, "--pulse", names],
        &["pulse", missing, names],
        &["report", missing],
        &["lexicon", missing],
    ];
    for args in runs {
        let (code, err) = stderr_of(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        let line = err
            .lines()
            .find(|l| l.starts_with("chorus:"))
            .unwrap_or_else(|| panic!("{args:?}: {err}"));
        assert!(line.starts_with("chorus: error: "), "{args:?}: {line}");
        assert!(!line.contains("error: error"), "{args:?}: {line}");
    }
    // pulse and report say the same problem the same way.
    let (_, pulse) = stderr_of(&["pulse", SET, names]);
    let (_, report) = stderr_of(&["report", SET, "--pulse", names]);
    assert_eq!(pulse.trim(), report.trim());
}
