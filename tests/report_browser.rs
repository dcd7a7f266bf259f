//! The HTML report in a real browser: Debian's chromium renders it headless
//! and off the network to a screenshot and a PDF; the screenshot is not
//! blank and the PDF holds the report's summary and its pulse. `.ci/run` installs
//! chromium and poppler-utils; without them here the test says why it skips.
//! `CHORUS_BLESS=1 cargo test --test report_browser` also writes the
//! screenshot the README shows (docs/report-first-screen.png).

use std::path::{Path, PathBuf};
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";
const PLAN: &str = "tests/fixtures/programme/lemonadly-plan.yaml";
/// The summary of the plan's first screen.
const PULSE: &str = "messages/lemonadly-pulse.csv";
const SUMMARY: &str = "3 of 5 messages pass the checklist and stay on story";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Chromium headless, with every flag that keeps it off the network and a
/// profile of its own.
fn chromium(profile: &Path, args: &[String], page: &Path) {
    let out = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The share of pixels that differ from the top-left one, and how many colours.
fn ink(png_path: &Path) -> (f64, usize) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png_path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let px = info.color_type.samples();
    let pixels: Vec<&[u8]> = buf[..info.buffer_size()].chunks(px).collect();
    let background = pixels[0];
    let differ = pixels.iter().filter(|p| p[..3] != background[..3]).count();
    let colours: std::collections::HashSet<&[u8]> = pixels.iter().map(|p| &p[..3]).collect();
    (differ as f64 / pixels.len() as f64, colours.len())
}

#[test]
fn the_report_renders_in_a_real_browser_to_a_screenshot_and_a_pdf() {
    if !Path::new(CHROMIUM).exists() {
        println!("skipped: {CHROMIUM} is not installed (.ci/run installs Debian's chromium)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let status = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .current_dir(root())
        .args(["report", "--as-of", "2026-11-02", PLAN, "--pulse", PULSE, "-o"])
        .arg(&page)
        .status()
        .unwrap();
    assert!(status.success());

    let shot = dir.path().join("first-screen.png");
    chromium(
        &dir.path().join("profile-png"),
        &[
            "--window-size=1280,900".into(),
            format!("--screenshot={}", shot.display()),
        ],
        &page,
    );
    let (share, colours) = ink(&shot);
    assert!(share > 0.05, "the page looks blank: {share:.3} of its pixels are ink");
    assert!(colours > 16, "the page has {colours} colours: no grid, no chart?");

    let pdf = dir.path().join("report.pdf");
    chromium(
        &dir.path().join("profile-pdf"),
        &[
            "--no-pdf-header-footer".into(),
            format!("--print-to-pdf={}", pdf.display()),
        ],
        &page,
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    assert!(text.status.success());
    let text = String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains(SUMMARY), "the PDF lacks the summary: {text}");
    assert!(text.contains("At a glance") && text.contains("In depth"), "{text}");
    assert!(text.contains("sales-turnaround"), "the PDF lacks a message: {text}");
    assert!(
        text.contains("What employees said back") && text.contains("say they believe the story"),
        "the PDF lacks the pulse: {text}"
    );

    if std::env::var_os("CHORUS_BLESS").is_some() {
        std::fs::copy(&shot, root().join("docs/report-first-screen.png")).unwrap();
    }
}
