//! `chorus check PATH...`: score sets without the UI, for scripts and CI.
//! Exit 0 when every message passes and nothing drifts, 1 when anything
//! fails or drifts, 2 when an input could not be read (the others are still
//! checked and reported).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::out;
use super::settings::Settings;
use crate::core::baseline::Baseline;
use crate::core::config::{self, FailOn};
use crate::core::lexicon::{Lexicon, Origin};
use crate::core::model::{Date, MessageSet};
use crate::core::programme;
use crate::core::report::alerts::alerts;
use crate::core::report::{self, FileReport};
use crate::core::review::review_set;
use crate::core::store::{self, LoadError, Notice};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
    /// SARIF 2.1.0, for code-scanning views.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

/// What the command line asked of one check.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Options {
    /// Output format (default: the project's `format`, else text).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Show how every score was reached, passing or not.
    #[arg(long)]
    pub explain: bool,
    /// What makes the exit status 1: fail (a failing criterion), drift, programme (a finding of the set as a whole), or none; comma-separated (default: fail,drift).
    #[arg(long, value_delimiter = ',', value_parser = fail_on_word)]
    pub fail_on: Option<Vec<FailOn>>,
    /// The pass mark of every criterion for this run (0 to 100).
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=100))]
    pub min_score: Option<u8>,
    /// Report and fail only on problems not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record today's problems in FILE (then check with --baseline FILE).
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
    /// The config file to use (default: CHORUS_CONFIG, else the nearest .chorus.yaml above the first path).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Show the effective settings and where each comes from, and check nothing.
    #[arg(long)]
    pub print_config: bool,
    /// The name standard input (-) goes by in the output.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// Read the programme's timeline as of this day, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE", value_parser = Date::parse)]
    pub as_of: Option<Date>,
}

fn fail_on_word(s: &str) -> Result<FailOn, String> {
    FailOn::parse(s).ok_or_else(|| {
        let all: Vec<&str> = FailOn::ALL.iter().map(|f| f.as_str()).collect();
        format!("choose from {}", all.join(", "))
    })
}

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// Run the check and print the report; returns the exit status.
pub fn run(paths: &[PathBuf], opts: &Options) -> i32 {
    let start = paths
        .iter()
        .find(|p| p.as_os_str() != STDIN)
        .cloned()
        .unwrap_or_else(|| PathBuf::from("."));
    let found = config::find(opts.config.as_deref(), std::env::var_os(config::ENV).as_deref(), &start);
    let settings = match Settings::new(opts, &found) {
        Ok(s) => s,
        Err(e) => {
            super::out::error(&e.to_string());
            return 2;
        }
    };
    if opts.print_config {
        let text = settings.describe(&found, &start);
        return super::out::print(0, |o| o.write_all(text.as_bytes()));
    }
    let stdin_name = opts.stdin_filename.clone().unwrap_or_else(|| PathBuf::from("<stdin>"));
    let today = opts.as_of.unwrap_or_else(Date::today);
    // The lexicon is built on another thread while the first set is read
    // and parsed: it is the first thing a check would otherwise wait for.
    let (mut reports, stdin_text, lexicon, machine_error) = std::thread::scope(|s| {
        let pending = Pending::start(s.spawn(|| lexicon_for(&settings, &found)));
        let (reports, stdin_text) = check_inputs(paths, &|| &pending.get().0, &stdin_name, today);
        let (lexicon, machine_error) = pending.into_inner();
        (reports, stdin_text, lexicon, machine_error)
    });
    reports.extend(machine_error);
    if let Some(target) = &opts.write_baseline {
        return write_baseline(&reports, target);
    }
    let mut known = 0;
    if let Some(path) = &settings.baseline.value {
        match read_baseline(path) {
            Ok(baseline) => {
                let name = path.display().to_string();
                for r in reports.iter_mut() {
                    if let FileReport::Reviewed { path, set, review, .. } = r {
                        known += baseline.apply(path, set, review, &name);
                    }
                }
            }
            Err(e) => reports.push(FileReport::Failed(e)),
        }
    }
    // Whatever the format, a key that looks misspelt is said on stderr,
    // where a reader of any report (or a CI log) sees it.
    for r in &reports {
        if let FileReport::Reviewed { notices, .. } = r {
            for n in notices {
                super::out::warn(&format!("warning: {n}"));
            }
        }
    }
    let status = reports
        .iter()
        .map(|r| status(r, &settings.fail_on.value))
        .max()
        .unwrap_or(0);
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let source_of = |p: &Path| -> Option<String> {
        match &stdin_text {
            Some(text) if p == stdin_name => Some(text.clone()),
            _ => store::read_regular(p, store::MAX_FILE_BYTES).ok(),
        }
    };
    let explain = opts.explain;
    // A full disk or a closed stdout is an error (exit 2): a CI job must
    // not take a report that was never written for a pass.
    let status = super::out::print(status, |out| match settings.format.value {
        Format::Json => report::json::write(&reports, out),
        Format::Text => {
            out.write_all(report::plain::render(&reports, report::plain::Style { color, explain }).as_bytes())?;
            if known > 0 {
                writeln!(
                    out,
                    "{known} known problem{} set aside by the baseline {}",
                    if known == 1 { "" } else { "s" },
                    settings.baseline.value.as_deref().map(out::path).unwrap_or_default()
                )?;
            }
            Ok(())
        }
        Format::Sarif => report::sarif::write(&alerts(&reports, &source_of), &lexicon, out),
        Format::Github => report::github::write(&alerts(&reports, &source_of), out),
    });
    // The process ends now: freeing ten thousand reviews one by one would
    // cost more than the check itself.
    std::mem::forget(reports);
    status
}

/// The lexicon a check uses, with the error of a broken machine lexicon:
/// that is reported (exit 2), never silently ignored, and the sets are
/// still checked with the built-in words.
fn lexicon_for(settings: &Settings, found: &config::Found) -> (Lexicon, Option<FileReport>) {
    let (mut lexicon, machine_error) = match Lexicon::for_machine() {
        Ok(l) => (l, None),
        Err(e) => (Lexicon::builtin(), Some(FileReport::Failed(e))),
    };
    if let (Some(ext), Some(path)) = (&settings.config.lexicon, found.path()) {
        lexicon = lexicon.extended(&ext.value, Origin::Project(path.to_path_buf()));
    }
    if let Some(mark) = settings.min_score.value {
        lexicon = lexicon.with_pass_mark(mark);
    }
    (lexicon, machine_error)
}

type Built = (Lexicon, Option<FileReport>);

/// A lexicon being built on a scoped thread: the first `get` waits for it.
struct Pending<'s> {
    handle: std::sync::Mutex<Option<std::thread::ScopedJoinHandle<'s, Built>>>,
    done: std::sync::OnceLock<Built>,
}

impl<'s> Pending<'s> {
    fn start(handle: std::thread::ScopedJoinHandle<'s, Built>) -> Pending<'s> {
        Pending {
            handle: std::sync::Mutex::new(Some(handle)),
            done: std::sync::OnceLock::new(),
        }
    }

    fn join(handle: Option<std::thread::ScopedJoinHandle<'s, Built>>) -> Built {
        let handle = handle.expect("the lexicon is joined once");
        handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    }

    fn get(&self) -> &Built {
        self.done.get_or_init(|| {
            let handle = self.handle.lock().unwrap_or_else(|e| e.into_inner()).take();
            Self::join(handle)
        })
    }

    fn into_inner(self) -> Built {
        match self.done.into_inner() {
            Some(built) => built,
            None => Self::join(self.handle.into_inner().unwrap_or_else(|e| e.into_inner())),
        }
    }
}

/// The exit status one file gives: 2 when it could not be read, 1 when
/// it has a problem of a kind `fail_on` names, else 0.
fn status(report: &FileReport, fail_on: &[FailOn]) -> i32 {
    let FileReport::Reviewed { review, programme, .. } = report else {
        return 2;
    };
    let fails = review
        .messages
        .iter()
        .any(|m| m.language.is_some() || m.checklist.results.iter().any(|r| r.applies && !r.pass));
    let drifts = review.messages.iter().any(|m| !m.drift.is_empty());
    let programme = !programme.findings.is_empty();
    i32::from(
        (fails && fail_on.contains(&FailOn::Fail))
            || (drifts && fail_on.contains(&FailOn::Drift))
            || (programme && fail_on.contains(&FailOn::Programme)),
    )
}

fn write_baseline(reports: &[FileReport], target: &Path) -> i32 {
    let mut baseline = Baseline::new(target);
    let mut status = 0;
    for r in reports {
        match r {
            FileReport::Reviewed { path, set, review, .. } => baseline.record(path, set, review),
            FileReport::Failed(e) => {
                super::out::error(&e.to_string());
                status = 2;
            }
        }
    }
    if let Err(e) = store::write_atomic(target, baseline.to_json().as_bytes()) {
        super::out::error(&e.to_string());
        return 2;
    }
    let name = out::path(target);
    super::out::print(status, |o| {
        writeln!(
            o,
            "Recorded {} known problem{} in {name}: `chorus check --baseline {name}` now reports only new or changed ones.",
            baseline.len(),
            if baseline.len() == 1 { "" } else { "s" }
        )
    })
}

fn read_baseline(path: &Path) -> Result<Baseline, LoadError> {
    let text = store::read_named(path, store::MAX_FILE_BYTES, "baseline")?;
    Baseline::parse(&text, path).map_err(|(line, column, message)| LoadError {
        path: path.to_path_buf(),
        line,
        column,
        message,
    })
}

/// Check every input: set files, folders of them, and `-` for standard
/// input. Returns the reports and, when standard input was read, its text.
fn check_inputs<'l>(
    paths: &[PathBuf],
    lexicon: &dyn Fn() -> &'l Lexicon,
    stdin_name: &Path,
    today: Date,
) -> (Vec<FileReport>, Option<String>) {
    let mut reports = Vec::new();
    let mut stdin_text = None;
    for p in paths {
        if p.as_os_str() == STDIN {
            let read = store::read_stream(&mut std::io::stdin().lock(), stdin_name, store::MAX_FILE_BYTES);
            match read.and_then(|text| store::parse(&text, stdin_name).map(|set| (text, set))) {
                Ok((text, set)) => {
                    let notices = store::notices(&text, stdin_name, &set);
                    reports.push(review_one(stdin_name.to_path_buf(), set, notices, lexicon(), today));
                    stdin_text = Some(text);
                }
                Err(e) => reports.push(FileReport::Failed(e)),
            }
        } else {
            reports.extend(check_paths_with(std::slice::from_ref(p), lexicon, today));
        }
    }
    (reports, stdin_text)
}

fn review_one(path: PathBuf, set: MessageSet, notices: Vec<Notice>, lexicon: &Lexicon, today: Date) -> FileReport {
    match lexicon.for_set(&set, &path) {
        Err(e) => FileReport::Failed(e),
        Ok(lexicon) => {
            let review = review_set(&set, &lexicon);
            let programme = programme::read(&set, &review.messages, lexicon.programme(), today);
            FileReport::Reviewed {
                path,
                set: Box::new(set),
                review,
                programme: Box::new(programme),
                notices,
            }
        }
    }
}

/// Load and review every set under `paths` (files, or folders searched
/// for *.yaml and *.yml), in a stable order; the programme is read as of `today`.
pub fn check_paths(paths: &[PathBuf], lexicon: &Lexicon, today: Date) -> Vec<FileReport> {
    check_paths_with(paths, &|| lexicon, today)
}

/// `check_paths`, with the lexicon asked for only once a set is loaded.
fn check_paths_with<'l>(paths: &[PathBuf], lexicon: &dyn Fn() -> &'l Lexicon, today: Date) -> Vec<FileReport> {
    let mut files = Vec::new();
    let mut reports = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            let mut unreadable = Vec::new();
            collect(p, &mut found, &mut unreadable);
            reports.extend(unreadable.into_iter().map(FileReport::Failed));
            found.sort();
            if found.is_empty() {
                reports.push(FileReport::Failed(whole_file(
                    p,
                    "no set files (*.yaml, *.yml) in this folder",
                )));
            }
            files.extend(found);
        } else {
            files.push(p.clone());
        }
    }
    for path in files {
        reports.push(match store::load_noting(&path) {
            Ok((set, notices)) => review_one(path, set, notices, lexicon(), today),
            Err(e) => FileReport::Failed(e),
        });
    }
    reports
}

fn whole_file(path: &Path, e: impl ToString) -> LoadError {
    LoadError {
        path: path.to_path_buf(),
        line: 0,
        column: 0,
        message: e.to_string(),
    }
}

/// Search `root` for set files (*.yaml, *.yml), as deep as the tree goes,
/// skipping hidden folders (.git). Linked folders are followed, but each
/// folder is searched once (by device and inode), so a link back to a
/// parent cannot make the walk endless; a folder reached again is named on
/// stderr, never skipped silently. A folder that cannot be read is an
/// error for that folder; the rest is still searched. The walk keeps its
/// own list of folders to visit, so no depth can overflow the stack.
/// Every matching name is kept whatever it is: the store refuses a pipe
/// or a device by name, without blocking on it.
fn collect(root: &Path, out: &mut Vec<PathBuf>, unreadable: &mut Vec<LoadError>) {
    let mut seen = std::collections::HashSet::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(dir) = todo.pop() {
        if let Some(id) = folder_id(&dir) {
            if !seen.insert(id) {
                // Shown visibly and without panicking on a closed stderr.
                super::out::warn(&format!(
                    "{}: not searched again (it is a folder already searched, reached through a link)",
                    dir.display()
                ));
                continue;
            }
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                unreadable.push(whole_file(&dir, format!("cannot read this folder: {e}")));
                continue;
            }
        };
        for entry in entries {
            let path = match entry {
                Ok(entry) => entry.path(),
                Err(e) => {
                    unreadable.push(whole_file(&dir, format!("cannot read this folder: {e}")));
                    break;
                }
            };
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                out.push(path);
            }
        }
    }
}

/// What tells one folder from another, even under two names.
#[cfg(unix)]
fn folder_id(dir: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn folder_id(dir: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(dir).ok()
}
