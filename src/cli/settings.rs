//! The settings of one `chorus check`: each from the command line, else
//! the project's config file, else the default, remembering which, so
//! `--print-config` can show where every setting comes from.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::check::{Format, Options};
use super::out;
use crate::core::config::{self, Config, FailOn, Found};
use crate::core::store::LoadError;

/// Where a setting's value comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum From {
    Default,
    /// A command-line flag.
    Flag(&'static str),
    /// The config file, at this line.
    File(usize),
}

/// One setting's value and where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Setting<T> {
    pub value: T,
    pub from: From,
}

/// The effective settings.
#[derive(Debug, Clone)]
pub struct Settings {
    pub format: Setting<Format>,
    pub fail_on: Setting<Vec<FailOn>>,
    pub min_score: Setting<Option<u8>>,
    pub baseline: Setting<Option<PathBuf>>,
    pub config: Config,
}

/// A flag's value if given, else the file's, else the default.
fn pick<T, F>(
    flag: Option<T>,
    name: &'static str,
    file: Option<&config::Set<F>>,
    read: impl Fn(&F) -> T,
    default: T,
) -> Setting<T> {
    match (flag, file) {
        (Some(value), _) => Setting {
            value,
            from: From::Flag(name),
        },
        (None, Some(set)) => Setting {
            value: read(&set.value),
            from: From::File(set.line),
        },
        (None, None) => Setting {
            value: default,
            from: From::Default,
        },
    }
}

impl Settings {
    /// The settings for `opts`, with the config file `found` (read here).
    pub fn new(opts: &Options, found: &Found) -> Result<Settings, LoadError> {
        let config = match found.path() {
            Some(path) => config::load(path)?,
            None => Config::default(),
        };
        // The file names a format as a word; only the command line knows
        // which words are formats.
        let file_format = match &config.format {
            Some(f) => Some(config::Set {
                value: Format::from_str(&f.value, false).map_err(|_| LoadError {
                    path: config.path.clone().unwrap_or_default(),
                    line: f.line,
                    column: f.column,
                    message: format!(
                        "`{}` is not a format; the formats are {}",
                        f.value,
                        Format::value_variants()
                            .iter()
                            .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                })?,
                line: f.line,
                column: f.column,
            }),
            None => None,
        };
        Ok(Settings {
            format: pick(opts.format, "--format", file_format.as_ref(), |f| *f, Format::Text),
            fail_on: pick(
                opts.fail_on.clone(),
                "--fail-on",
                config.fail_on.as_ref(),
                Clone::clone,
                FailOn::default_set(),
            ),
            min_score: pick(
                opts.min_score.map(Some),
                "--min-score",
                config.min_score.as_ref(),
                |m| Some(*m),
                None,
            ),
            baseline: pick(
                opts.baseline.clone().map(Some),
                "--baseline",
                config.baseline.as_ref(),
                |b| Some(b.clone()),
                None,
            ),
            config,
        })
    }

    /// The settings as `--print-config` shows them.
    pub fn describe(&self, found: &Found, start: &Path) -> String {
        let mut s = String::new();
        let file = |from: &From| match (from, found.path()) {
            (From::Default, _) => "default".to_string(),
            (From::Flag(name), _) => format!("command line {name}"),
            (From::File(line), Some(p)) => format!("{}:{line}", out::path(p)),
            (From::File(line), None) => format!("line {line}"),
        };
        let _ = match found {
            Found::Flag(p) => writeln!(s, "config file: {} (--config)", out::path(p)),
            Found::Env(p) => writeln!(s, "config file: {} ({})", out::path(p), config::ENV),
            Found::Nearest(p) => writeln!(
                s,
                "config file: {} (the nearest {} above {})",
                out::path(p),
                config::FILE_NAME,
                out::path(start)
            ),
            Found::Nothing => writeln!(
                s,
                "config file: none (no {} in {} or above it)",
                config::FILE_NAME,
                out::path(start)
            ),
        };
        let format = self
            .format
            .value
            .to_possible_value()
            .map(|p| p.get_name().to_string())
            .unwrap_or_default();
        let fail_on: Vec<&str> = self.fail_on.value.iter().map(|f| f.as_str()).collect();
        let min_score = match self.min_score.value {
            Some(m) => m.to_string(),
            None => "the lexicon's own for each criterion".to_string(),
        };
        let baseline = match &self.baseline.value {
            Some(b) => out::path(b),
            None => "none".to_string(),
        };
        let rows = [
            ("format", format, file(&self.format.from)),
            ("fail_on", fail_on.join(", "), file(&self.fail_on.from)),
            ("min_score", min_score, file(&self.min_score.from)),
            ("baseline", baseline, file(&self.baseline.from)),
        ];
        for (key, value, from) in rows {
            let _ = writeln!(s, "{key:<10} {value:<28} from {from}");
        }
        if let Some(ext) = &self.config.lexicon {
            let words: usize = ext.value.add.iter().chain(&ext.value.off).map(|(_, w)| w.len()).sum();
            let _ = writeln!(
                s,
                "{:<10} {:<28} from {}",
                "lexicon",
                format!("{words} words, {} kinds", ext.value.kinds.len()),
                file(&From::File(ext.line))
            );
        }
        s
    }
}
