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
