//! A project's settings for `chorus check`: a `.chorus.yaml` found by
//! walking up from the checked path (as editors find `.editorconfig`), or
//! the file named by `CHORUS_CONFIG` or `--config`. It holds the default
//! format, what fails the build, the pass mark, a baseline, and lexicon
//! additions and kinds for every set of the project:
//!
//! ```yaml
//! format: github            # text, json, sarif or github
//! fail_on: [fail, drift]    # add programme, or none
//! min_score: 70             # the pass mark of every criterion
//! baseline: .chorus-baseline.json
//! lexicon:                  # as in a machine lexicon.yaml
//!   add: {buzzwords: [ideate]}
//! kinds:
//!   safety: {about: a safety notice, skip: [aspirational, off_story]}
//! ```
//!
//! Every value keeps the line it came from, so `--print-config` can say
//! where each setting is set, and a wrong one is an error at file:line:col.

use std::path::{Path, PathBuf};

use crate::core::lexicon::extend::{self, Extension};
use crate::core::model::Value;
use crate::core::store::{self, yaml, FieldPath, LoadError};

/// The name of a project's config file.
pub const FILE_NAME: &str = ".chorus.yaml";

/// The environment variable naming a config file to use instead.
pub const ENV: &str = "CHORUS_CONFIG";

/// The keys a config file may hold, in the order `--print-config` shows them.
pub const KEYS: &[&str] = &["format", "fail_on", "min_score", "baseline", "lexicon", "kinds"];

/// What makes `chorus check` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FailOn {
    /// A criterion that applies and does not pass, or a text chorus cannot read.
    Fail,
    /// Drift from the story: off story, a contradiction, a wrong figure, an avoided term.
    Drift,
    /// A finding of the programme: the set read as a whole (figures that
    /// differ between messages, a quiet segment, one messenger...).
    Programme,
    /// Nothing: report only (an unreadable set still exits 2).
    None,
}

impl FailOn {
    pub const ALL: [FailOn; 4] = [FailOn::Fail, FailOn::Drift, FailOn::Programme, FailOn::None];

    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Fail => "fail",
            FailOn::Drift => "drift",
            FailOn::Programme => "programme",
            FailOn::None => "none",
        }
    }

    pub fn parse(s: &str) -> Option<FailOn> {
        FailOn::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// The default: any failing criterion or drift.
    pub fn default_set() -> Vec<FailOn> {
        vec![FailOn::Fail, FailOn::Drift]
    }
}

/// A value with the line of the config file it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Set<T> {
    pub value: T,
    pub line: usize,
    pub column: usize,
}

/// The settings of one config file. A setting the file does not hold is `None`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file, when there is one.
    pub path: Option<PathBuf>,
    /// The format's name as written (the command line knows the formats).
    pub format: Option<Set<String>>,
    pub fail_on: Option<Set<Vec<FailOn>>>,
    pub min_score: Option<Set<u8>>,
    /// Relative to the config file's folder.
    pub baseline: Option<Set<PathBuf>>,
    /// `lexicon:` and `kinds:` together, as one extension.
    pub lexicon: Option<Set<Extension>>,
}

/// How the config file was chosen, for `--print-config`.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// `--config FILE`.
    Flag(PathBuf),
    /// `CHORUS_CONFIG`.
    Env(PathBuf),
    /// The nearest `.chorus.yaml` above the checked path.
    Nearest(PathBuf),
    /// No config file.
    Nothing,
}

impl Found {
    pub fn path(&self) -> Option<&Path> {
        match self {
            Found::Flag(p) | Found::Env(p) | Found::Nearest(p) => Some(p),
            Found::Nothing => None,
        }
    }
}

/// Which config file applies: `--config`, else `CHORUS_CONFIG` (when set
/// and not empty), else the nearest `.chorus.yaml` in `start`'s folder or
/// any folder above it.
pub fn find(flag: Option<&Path>, env: Option<&std::ffi::OsStr>, start: &Path) -> Found {
    if let Some(f) = flag {
        return Found::Flag(f.to_path_buf());
    }
    if let Some(e) = env.filter(|e| !e.is_empty()) {
        return Found::Env(PathBuf::from(e));
    }
    let absolute = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
    let mut folder = if absolute.is_dir() {
        Some(absolute.as_path())
    } else {
        absolute.parent()
    };
    while let Some(f) = folder {
        let candidate = f.join(FILE_NAME);
        if candidate.is_file() {
            return Found::Nearest(candidate);
        }
        folder = f.parent();
    }
    Found::Nothing
}

/// Read the config file at `path`.
pub fn load(path: &Path) -> Result<Config, LoadError> {
    let source = store::read_named(path, store::MAX_FILE_BYTES, "config file")?;
    parse(&source, path)
}

/// Read a config file's text; `path` names it in errors.
pub fn parse(source: &str, path: &Path) -> Result<Config, LoadError> {
    let value = yaml::parse(source).map_err(|e| LoadError {
        path: path.to_path_buf(),
        line: e.line,
        column: e.column,
        message: e.message,
    })?;
    let at = |p: &FieldPath| yaml::locate(source, p.steps()).unwrap_or((1, 1));
    let fail = |p: &FieldPath, message: String| {
        let (line, column) = at(p);
        LoadError {
            path: path.to_path_buf(),
            line,
            column,
            message,
        }
    };
    let mut config = Config {
        path: Some(path.to_path_buf()),
        ..Config::default()
    };
    let entries = match value {
        Value::Null => return Ok(config),
        Value::Map(entries) => entries,
        _ => {
            return Err(fail(
                &FieldPath::root(),
                "a config file is a mapping of settings like `format: json`".into(),
            ))
        }
    };
    let root = FieldPath::root();
    let mut lexicon: Option<(Value, FieldPath)> = None;
    let mut kinds: Option<(Value, FieldPath)> = None;
    for (key, value) in entries {
        let Value::String(key) = key else {
            return Err(fail(&root, "the keys of a config file are words like `format`".into()));
        };
        let here = root.key(&key);
        match key.as_str() {
            "format" => match value {
                Value::String(s) => config.format = Some(placed(source, &here, s)),
                other => {
                    return Err(fail(
                        &here,
                        format!("`format` should be a word like json, found {}", kind(&other)),
                    ))
                }
            },
            "fail_on" => {
                let words = match value {
                    Value::String(s) => vec![s],
                    Value::Seq(items) => items
                        .into_iter()
                        .map(|i| match i {
                            Value::String(s) => Ok(s),
                            other => Err(fail(&here, format!("`fail_on` lists words, found {}", kind(&other)))),
                        })
                        .collect::<Result<_, _>>()?,
                    other => {
                        return Err(fail(
                            &here,
                            format!("`fail_on` should be [fail, drift] or none, found {}", kind(&other)),
                        ))
                    }
                };
                let mut rules = Vec::new();
                for w in words {
                    rules.push(FailOn::parse(&w).ok_or_else(|| {
                        fail(
                            &here,
                            format!("`{w}` is not something to fail on; choose from fail, drift, none"),
                        )
                    })?);
                }
                config.fail_on = Some(placed(source, &here, rules));
            }
            "min_score" => match value {
                Value::Number(n) => match n.parse::<u8>() {
                    Ok(m) if m <= 100 => config.min_score = Some(placed(source, &here, m)),
                    _ => {
                        return Err(fail(
                            &here,
                            format!("`min_score` should be a whole number from 0 to 100, found {n}"),
                        ))
                    }
                },
                other => {
                    return Err(fail(
                        &here,
                        format!("`min_score` should be a number from 0 to 100, found {}", kind(&other)),
                    ))
                }
            },
            "baseline" => match value {
                Value::String(s) => {
                    let folder = path.parent().unwrap_or(Path::new(""));
                    config.baseline = Some(placed(source, &here, folder.join(s)));
                }
                other => {
                    return Err(fail(
                        &here,
                        format!("`baseline` should be a file name, found {}", kind(&other)),
                    ))
                }
            },
            "lexicon" => lexicon = Some((value, here)),
            "kinds" => kinds = Some((value, here)),
            other => {
                return Err(fail(
                    &here,
                    format!("`{other}` is not a setting; the settings are {}", KEYS.join(", ")),
                ))
            }
        }
    }
    config.lexicon = extension(lexicon, kinds)
        .map_err(|(p, m)| fail(&p, m))?
        .map(|(ext, p)| placed(source, &p, ext));
    Ok(config)
}

/// `value`, with the place of the node at `p`.
fn placed<T>(source: &str, p: &FieldPath, value: T) -> Set<T> {
    let (line, column) = yaml::locate(source, p.steps()).unwrap_or((1, 1));
    Set { value, line, column }
}

/// `lexicon:` and `kinds:` as one extension, placed at the first of them.
fn extension(
    lexicon: Option<(Value, FieldPath)>,
    kinds: Option<(Value, FieldPath)>,
) -> Result<Option<(Extension, FieldPath)>, (FieldPath, String)> {
    let mut ext = match &lexicon {
        Some((v, p)) => Some((extend::from_value(v, p)?, p.clone())),
        None => None,
    };
    if let Some((v, p)) = kinds {
        if ext.as_ref().is_some_and(|(e, _)| !e.kinds.is_empty()) {
            return Err((
                p,
                "kinds are set twice: under `lexicon:` and on their own; keep one".into(),
            ));
        }
        let wrapped = Value::Map(vec![(Value::String("kinds".into()), v)]);
        let only = extend::from_value(&wrapped, &FieldPath::root()).map_err(|(_, m)| (p.clone(), m))?;
        match &mut ext {
            Some((e, _)) => e.kinds = only.kinds,
            None => ext = Some((only, p)),
        }
    }
    Ok(ext)
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Seq(_) => "a list",
        Value::Map(_) => "a mapping",
        Value::Tagged(..) => "a tagged value",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(source: &str) -> Result<Config, LoadError> {
        parse(source, Path::new("/p/.chorus.yaml"))
    }

    #[test]
    fn every_setting_is_read_with_its_line() {
        let c = read(
            "format: sarif\nfail_on: [drift]\nmin_score: 70\nbaseline: old.json\n\
             lexicon:\n  add: {buzzwords: [ideate]}\nkinds:\n  safety: {skip: [aspirational]}\n",
        )
        .unwrap();
        assert_eq!(
            c.format.as_ref().map(|f| (f.value.as_str(), f.line)),
            Some(("sarif", 1))
        );
        assert_eq!(c.fail_on.as_ref().map(|f| f.value.clone()), Some(vec![FailOn::Drift]));
        assert_eq!(c.min_score.as_ref().map(|m| (m.value, m.line)), Some((70, 3)));
        assert_eq!(c.baseline.unwrap().value, PathBuf::from("/p/old.json"));
        let ext = c.lexicon.unwrap();
        assert_eq!(ext.line, 6, "placed at the lexicon block");
        assert_eq!(ext.value.kinds.len(), 1);
        assert_eq!(ext.value.add.len(), 1);
        // A word for one rule; nothing at all is an empty config.
        assert_eq!(
            read("fail_on: none\n").unwrap().fail_on.unwrap().value,
            vec![FailOn::None]
        );
        assert_eq!(read("# nothing yet\n").unwrap().format, None);
    }

    #[test]
    fn wrong_settings_are_errors_at_their_place() {
        let cases = [
            (
                "formats: json\n",
                (1, 10),
                "`formats` is not a setting; the settings are format, fail_on",
            ),
            (
                "min_score: 170\n",
                (1, 12),
                "`min_score` should be a whole number from 0 to 100, found 170",
            ),
            (
                "fail_on: [fail, typos]\n",
                (1, 10),
                "`typos` is not something to fail on",
            ),
            (
                "format: [json]\n",
                (1, 9),
                "`format` should be a word like json, found a list",
            ),
            (
                "lexicon:\n  add: {colours: [x]}\n",
                (2, 18),
                "`colours` is not a lexicon list",
            ),
            (
                "lexicon:\n  kinds: {a: {}}\nkinds:\n  b: {}\n",
                (4, 3),
                "kinds are set twice",
            ),
            ("- a\n", (1, 1), "a config file is a mapping"),
        ];
        for (source, place, says) in cases {
            let e = read(source).unwrap_err();
            assert_eq!((e.line, e.column), place, "{source}: {e}");
            assert!(e.message.starts_with(says), "{source}: {e}");
        }
    }

    #[test]
    fn the_nearest_file_wins_and_flags_beat_the_environment() {
        let t = tempfile::tempdir().unwrap();
        let inner = t.path().join("comms/q3");
        std::fs::create_dir_all(&inner).unwrap();
        let set = inner.join("set.yaml");
        std::fs::write(&set, "").unwrap();
        assert_eq!(find(None, None, &set), Found::Nothing);
        std::fs::write(t.path().join(FILE_NAME), "").unwrap();
        assert_eq!(find(None, None, &set), Found::Nearest(t.path().join(FILE_NAME)));
        std::fs::write(t.path().join("comms").join(FILE_NAME), "").unwrap();
        let nearest = t.path().join("comms").join(FILE_NAME);
        assert_eq!(find(None, None, &set), Found::Nearest(nearest.clone()));
        assert_eq!(find(None, None, &inner), Found::Nearest(nearest));
        let env = std::ffi::OsStr::new("/etc/team.yaml");
        assert_eq!(find(None, Some(env), &set), Found::Env(PathBuf::from("/etc/team.yaml")));
        assert_eq!(
            find(None, Some(std::ffi::OsStr::new("")), &set).path(),
            Some(t.path().join("comms").join(FILE_NAME).as_path())
        );
        assert_eq!(
            find(Some(Path::new("x.yaml")), Some(env), &set),
            Found::Flag(PathBuf::from("x.yaml"))
        );
    }
}
