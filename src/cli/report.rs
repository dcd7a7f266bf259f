//! `chorus report SET... [-o FILE] [--format html|md]`: the sets for people
//! who never open a terminal, as one self-contained HTML file or as
//! Markdown, on standard output or in FILE. Exit 0 when written, 2 when an
//! input could not be read (the others are still in the report) or the
//! report could not be written. With `--pulse ANSWERS.csv [LATER.csv]`,
//! what employees said back is added after the sets, read against the
//! first set's story under the pulse's anonymity rules.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::check::check_paths;
use super::out;
use crate::core::lexicon::Lexicon;
use crate::core::model::Date;
use crate::core::pulse::render::{self as pulse_render, compare::lines};
use crate::core::pulse::{compare, Choice, Pulse};
use crate::core::report::digest::Section;
use crate::core::report::{html, markdown, FileReport};
use crate::core::store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One self-contained page that opens in any browser and prints well.
    Html,
    /// For a wiki or a pull request.
    Md,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub output: Option<PathBuf>,
    pub format: Option<Format>,
    pub as_of: Option<Date>,
    /// Survey exports to add as the pulse (one round, or two to compare).
    pub pulse: Vec<PathBuf>,
    /// The pulse's columns, as `chorus pulse` takes them.
    pub choice: Choice,
}

/// The format asked for, else the one `-o`'s extension names, else HTML.
fn format_of(opts: &Options) -> Format {
    opts.format.unwrap_or_else(|| {
        let md = opts
            .output
            .as_deref()
            .and_then(Path::extension)
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        if md {
            Format::Md
        } else {
            Format::Html
        }
    })
}

/// The report of `files` in `format`, with `extra` sections after the sets.
pub fn render(files: &[FileReport], format: Format, extra: &[Section]) -> String {
    match format {
        Format::Html => html::render(files, extra),
        Format::Md => markdown::render(files, extra),
    }
}

pub fn run(paths: &[PathBuf], opts: &Options) -> i32 {
    let (lexicon, machine_error) = match Lexicon::for_machine() {
        Ok(l) => (l, None),
        Err(e) => (Lexicon::builtin(), Some(FileReport::Failed(e))),
    };
    let today = opts.as_of.unwrap_or_else(Date::today);
    let mut reports = check_paths(paths, &lexicon, today);
    reports.extend(machine_error);
    let status = if reports.iter().any(|r| matches!(r, FileReport::Failed(_))) {
        2
    } else {
        0
    };
    for r in &reports {
        if let FileReport::Failed(e) = r {
            out::error(&e.to_string());
        }
    }
    let extra = if opts.pulse.is_empty() {
        Vec::new()
    } else {
        match pulse_sections(&reports, opts) {
            Ok(s) => s,
            Err(e) => {
                out::error(&e.to_string());
                return 2;
            }
        }
    };
    let text = render(&reports, format_of(opts), &extra);
    match &opts.output {
        None => out::print(status, |o| o.write_all(text.as_bytes())),
        Some(target) => match write_report(target, &text) {
            Ok(()) => status,
            Err(e) => {
                out::error(&format!("{}: {e}", out::path(target)));
                2
            }
        },
    }
}

/// The pulse of each round in `opts.pulse`, read against the first set
/// that could be read, and what moved between two rounds.
fn pulse_sections(reports: &[FileReport], opts: &Options) -> Result<Vec<Section>, String> {
    let path = reports
        .iter()
        .find_map(FileReport::reviewed)
        .map(|(path, ..)| path.to_path_buf())
        .ok_or("--pulse needs a set that could be read: its story is what the answers are read against")?;
    let (set, lexicon) = super::pulse::open_set(&path)?;
    let rounds = super::pulse::read_all(&set, &lexicon, &opts.pulse, &opts.choice)?;
    let pulses: Vec<Pulse> = rounds.into_iter().map(|(p, _)| p).collect();
    let mut sections: Vec<Section> = pulses
        .iter()
        .map(|p| Section {
            title: format!("What employees said back: {}", file_name(&p.source)),
            html: pulse_render::html::body(p),
            markdown: pulse_render::markdown::body(p),
        })
        .collect();
    if let [before, after] = pulses.as_slice() {
        let moved = lines(&compare::compare(before, after));
        let mut html = String::from("<ul>\n");
        let mut markdown = String::new();
        if moved.is_empty() {
            html.push_str("<li>Nothing moved that may be shown.</li>\n");
            markdown.push_str("Nothing moved that may be shown.\n");
        }
        for line in &moved {
            html.push_str(&format!("<li>{}</li>\n", pulse_render::html::escape(line)));
            markdown.push_str(&format!("- {}\n", pulse_render::markdown::escape(line)));
        }
        html.push_str("</ul>");
        sections.push(Section {
            title: format!(
                "What moved from {} to {}",
                file_name(&before.source),
                file_name(&after.source)
            ),
            html,
            markdown,
        });
    }
    Ok(sections)
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Write the report to `target`, replacing it only when it is a report
/// chorus wrote: any other file there is the user's, and is kept.
fn write_report(target: &Path, text: &str) -> Result<(), String> {
    if target.is_dir() {
        return Err("is a folder: name a file for the report".into());
    }
    if target.exists() {
        let head = store::read_regular(target, store::MAX_FILE_BYTES).unwrap_or_default();
        let ours = head
            .lines()
            .take(8)
            .any(|l| l.contains(html::GENERATOR) || l.contains(markdown::GENERATOR));
        if !ours {
            return Err(
                "exists and is not a report chorus wrote; it is left as it is: remove it or choose another name".into(),
            );
        }
    }
    store::write_atomic(target, text.as_bytes()).map_err(|e| e.to_string())
}
