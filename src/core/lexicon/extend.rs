//! Teaching chorus a company's words: a lexicon extension adds entries to
//! the built-in lists, switches entries off, names segments' other names and
//! gives pillars extra keywords. The same format serves the per-machine file
//! (`lexicon.yaml` in the user's config folder) and a set's `lexicon:` block:
//!
//! ```yaml
//! add:
//!   buzzwords: [blue-sky thinking, ideate]
//!   beneficiaries: [members]
//! off:
//!   absolutes: [zero]          # "zero" is literal in this company's wording
//! segment_aliases:
//!   repair crews: [repairers, technicians]
//! pillar_synonyms:
//!   speed: [swift, prompt]
//! kinds:                       # kinds of message of the company's own
//!   safety: {about: a safety notice, skip: [aspirational, off_story]}
//! ```
//!
//! An extension changes words, never rules: what a rule is worth and says
//! is chorus's own (`builtin.yaml`), the same on every machine.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};

use super::{KindConfig, Lexicon, List, Origin, Rule, OFF_STORY};
use crate::core::model::{MessageSet, Value};
use crate::core::store::{self, yaml, FieldPath, LoadError};

/// One extension, as read from a file or a set's block.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extension {
    pub add: Vec<(List, Vec<String>)>,
    pub off: Vec<(List, Vec<String>)>,
    pub segment_aliases: Vec<(String, Vec<String>)>,
    pub pillar_synonyms: Vec<(String, Vec<String>)>,
    pub kinds: Vec<(String, KindConfig)>,
}

type Bad = (FieldPath, String);

/// The most entries one extension may hold, counting every word added,
/// switched off, or given as an alias or synonym: far more than a
/// company's vocabulary, and few enough that every start stays quick.
pub const MAX_ENTRIES: usize = 200_000;

/// Read an extension from a YAML value; errors name the field that is wrong.
pub fn from_value(v: &Value, at: &FieldPath) -> Result<Extension, Bad> {
    let ext = read(v, at)?;
    let mut total = 0;
    let parts = [("add", &ext.add), ("off", &ext.off)];
    for (part, lists) in parts {
        for (list, words) in lists {
            total += words.len();
            if total > MAX_ENTRIES {
                return Err((at.key(part).key(list.key()), too_many()));
            }
        }
    }
    let named = [
        ("segment_aliases", &ext.segment_aliases),
        ("pillar_synonyms", &ext.pillar_synonyms),
    ];
    for (part, lists) in named {
        for (name, words) in lists {
            total += words.len();
            if total > MAX_ENTRIES {
                return Err((at.key(part).key(name), too_many()));
            }
        }
    }
    Ok(ext)
}

fn too_many() -> String {
    format!("a lexicon extension holds at most {MAX_ENTRIES} entries; this one has more (split the vocabulary, or switch off fewer entries)")
}

fn read(v: &Value, at: &FieldPath) -> Result<Extension, Bad> {
    let mut ext = Extension::default();
    for (key, value) in mapping(v, at)? {
        let here = at.key(&key);
        match key.as_str() {
            "add" | "off" => {
                for (list_key, phrases) in mapping(value, &here)? {
                    let list_at = here.key(&list_key);
                    let list = List::from_key(&list_key).ok_or_else(|| {
                        let known: Vec<&str> = List::ALL.iter().map(|l| l.key()).collect();
                        (
                            list_at.clone(),
                            format!(
                                "`{list_key}` is not a lexicon list; the lists are: {}",
                                known.join(", ")
                            ),
                        )
                    })?;
                    let words = strings(phrases, &list_at)?;
                    if key == "add" {
                        ext.add.push((list, words));
                    } else {
                        ext.off.push((list, words));
                    }
                }
            }
            "segment_aliases" => {
                for (name, aliases) in mapping(value, &here)? {
                    let words = strings(aliases, &here.key(&name))?;
                    ext.segment_aliases.push((name, words));
                }
            }
            "pillar_synonyms" => {
                for (id, words) in mapping(value, &here)? {
                    let words = strings(words, &here.key(&id))?;
                    ext.pillar_synonyms.push((id, words));
                }
            }
            "kinds" => {
                for (name, spec) in mapping(value, &here)? {
                    ext.kinds.push((name.clone(), kind(spec, &here.key(&name))?));
                }
            }
            // What a rule is worth and says is chorus's own: a rule it does
            // not have would never fire, and a changed one would score
            // differently on every machine.
            "rules" => {
                for (id, _) in mapping(value, &here)? {
                    if Rule::from_id(&id).is_none() {
                        let known: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
                        let msg = format!("`{id}` is no rule of chorus; the rules are: {}", known.join(", "));
                        return Err((here.key(&id), msg));
                    }
                }
                return Err((
                    here,
                    "rules cannot be changed by an extension; use add and off to change the words a rule looks for"
                        .to_string(),
                ));
            }
            other => {
                return Err((
                    here,
                    format!(
                        "`{other}` is not part of a lexicon extension; \
                         use add, off, segment_aliases, pillar_synonyms or kinds"
                    ),
                ))
            }
        }
    }
    Ok(ext)
}

/// A kind of message: `{about: ..., skip: [criteria or off_story]}`.
fn kind(v: &Value, at: &FieldPath) -> Result<KindConfig, Bad> {
    let mut k = KindConfig {
        about: String::new(),
        skip: Vec::new(),
    };
    for (key, value) in mapping(v, at)? {
        let here = at.key(&key);
        match key.as_str() {
            "about" => k.about = strings(value, &here)?.join(" "),
            "skip" => k.skip = strings(value, &here)?,
            other => return Err((here, format!("`{other}` is not part of a kind; use about and skip"))),
        }
    }
    if let Some(s) = k.unknown_skip() {
        let at = at.key("skip");
        return Err((
            at,
            format!("`{s}` is no check a kind can skip: name a criterion (specific, inclusive, aspirational, realistic) or {OFF_STORY}"),
        ));
    }
    Ok(k)
}

fn mapping<'v>(v: &'v Value, at: &FieldPath) -> Result<Vec<(String, &'v Value)>, Bad> {
    match v {
        Value::Map(entries) => entries
            .iter()
            .map(|(k, v)| match k {
                Value::String(s) => Ok((s.clone(), v)),
                _ => Err((at.clone(), "keys here must be words".to_string())),
            })
            .collect(),
        Value::Null => Ok(Vec::new()),
        _ => Err((at.clone(), "expected a mapping of names to lists".to_string())),
    }
}

fn strings(v: &Value, at: &FieldPath) -> Result<Vec<String>, Bad> {
    match v {
        Value::Seq(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::String(s) if !s.trim().is_empty() => Ok(s.trim().to_string()),
                Value::Number(n) => Ok(n.clone()),
                _ => Err((at.index(i), "expected a word or phrase".to_string())),
            })
            .collect(),
        Value::String(s) => Ok(vec![s.trim().to_string()]),
        Value::Null => Ok(Vec::new()),
        _ => Err((at.clone(), "expected a list like [word, another phrase]".to_string())),
    }
}

fn located(path: &Path, source: &str, (at, message): Bad) -> LoadError {
    let (line, column) = yaml::locate(source, at.steps()).unwrap_or((1, 1));
    LoadError {
        path: path.to_path_buf(),
        line,
        column,
        message: format!("lexicon: {message}"),
    }
}

/// The per-machine extension file: `lexicon.yaml` in chorus's config folder.
pub fn machine_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "chorus").map(|d| d.config_dir().join("lexicon.yaml"))
}

impl Lexicon {
    /// The built-in lexicon with this machine's extension, if it has one.
    pub fn for_machine() -> Result<Lexicon, LoadError> {
        let base = Lexicon::builtin();
        match machine_file() {
            Some(path) if path.exists() => base.extended_by_file(&path),
            _ => Ok(base),
        }
    }

    /// This lexicon extended by the extension file at `path`.
    pub fn extended_by_file(&self, path: &Path) -> Result<Lexicon, LoadError> {
        let source = store::read_named(path, store::MAX_FILE_BYTES, "lexicon file")?;
        let value = yaml::parse(&source).map_err(|e| LoadError {
            path: path.to_path_buf(),
            line: e.line,
            column: e.column,
            message: e.message,
        })?;
        let ext = from_value(&value, &FieldPath::root()).map_err(|bad| located(path, &source, bad))?;
        Ok(self.extended(&ext, Origin::Machine(path.to_path_buf())))
    }

    /// This lexicon extended by the `lexicon:` block of `set`, read from
    /// `path` (used to place errors in the file).
    /// Every message's `kind` must be one this lexicon knows.
    pub fn for_set(&self, set: &MessageSet, path: &Path) -> Result<Lexicon, LoadError> {
        let source = || store::read_regular(path, store::MAX_FILE_BYTES).unwrap_or_default();
        let lexicon = match set.extra.get("lexicon") {
            None => self.clone(),
            Some(block) => {
                let at = FieldPath::root().key("lexicon");
                let ext = from_value(block, &at).map_err(|bad| located(path, &source(), bad))?;
                self.extended(&ext, Origin::Set(path.to_path_buf()))
            }
        };
        lexicon.known_kinds(set).map_err(|bad| {
            let mut e = located(path, &source(), bad);
            e.message = e.message.trim_start_matches("lexicon: ").to_string();
            e
        })?;
        Ok(lexicon)
    }

    /// An error at the first message whose kind this lexicon does not know.
    fn known_kinds(&self, set: &MessageSet) -> Result<(), Bad> {
        for (i, m) in set.internal.iter().enumerate() {
            let Some(k) = m.kind.as_deref() else { continue };
            if self.kind(k).is_none() {
                let known: Vec<&str> = self.kinds().map(|(n, _, _)| n).collect();
                let at = FieldPath::root().key("internal").index(i).key("kind");
                return Err((
                    at,
                    format!(
                        "message `{}`: `{k}` is not a kind of message; the kinds are {} \
                         (a set or machine lexicon can add its own under `kinds:`)",
                        m.id,
                        known.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }

    /// This lexicon with one pass mark for every criterion (`--min-score`,
    /// a project's `min_score`).
    pub fn with_pass_mark(&self, mark: u8) -> Lexicon {
        let mut out = self.clone();
        for c in out.criteria.iter_mut() {
            c.pass = i32::from(mark);
        }
        out
    }

    /// A new lexicon: this one with `ext` applied, entries marked with `origin`.
    pub fn extended(&self, ext: &Extension, origin: Origin) -> Lexicon {
        // Entries are found by a hash of their ASCII-lower-cased text (what
        // `eq_ignore_ascii_case` compares), so an extension of N entries
        // costs N lookups, not N scans of the list.
        let key = |s: &str| s.to_ascii_lowercase();
        let mut next = self.clone();
        for (list, words) in &ext.off {
            let l = *list as usize;
            // Each "off" entry switches off the first remaining entry it names.
            let mut at: HashMap<String, VecDeque<usize>> = HashMap::new();
            for (i, e) in next.lists[l].iter().enumerate() {
                at.entry(key(e)).or_default().push_back(i);
            }
            let mut gone = vec![false; next.lists[l].len()];
            for w in words {
                if let Some(i) = at.get_mut(&key(w)).and_then(VecDeque::pop_front) {
                    gone[i] = true;
                    next.switched_off.push((*list, w.clone(), origin.clone()));
                }
            }
            let mut keep = gone.iter().map(|g| !g);
            next.lists[l].retain(|_| keep.next().unwrap_or(true));
            let mut keep = gone.iter().map(|g| !g);
            next.origins[l].retain(|_| keep.next().unwrap_or(true));
        }
        for (list, words) in &ext.add {
            let l = *list as usize;
            let mut known: HashSet<String> = next.lists[l].iter().map(|e| key(e)).collect();
            for w in words {
                if known.insert(key(w)) {
                    next.lists[l].push(w.clone());
                    next.origins[l].push(origin.clone());
                }
            }
        }
        for (name, words) in &ext.segment_aliases {
            let entries = words.iter().map(|w| (w.clone(), origin.clone()));
            next.segment_aliases.entry(name.clone()).or_default().extend(entries);
        }
        for (id, words) in &ext.pillar_synonyms {
            let entries = words.iter().map(|w| (w.clone(), origin.clone()));
            next.pillar_synonyms.entry(id.clone()).or_default().extend(entries);
        }
        for (name, kind) in &ext.kinds {
            next.kinds.insert(name.clone(), (kind.clone(), origin.clone()));
        }
        next.recompile();
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ext(src: &str) -> Result<Extension, Bad> {
        from_value(&yaml::parse(src).unwrap(), &FieldPath::root())
    }

    #[test]
    fn reads_every_part() {
        let e = ext("add: {buzzwords: [ideate]}\noff: {absolutes: [zero]}\nsegment_aliases: {sales: [reps]}\npillar_synonyms: {speed: [swift]}\n").unwrap();
        assert_eq!(e.add, vec![(List::Buzzwords, vec!["ideate".to_string()])]);
        assert_eq!(e.off, vec![(List::Absolutes, vec!["zero".to_string()])]);
        assert_eq!(e.segment_aliases, vec![("sales".to_string(), vec!["reps".to_string()])]);
        assert_eq!(
            e.pillar_synonyms,
            vec![("speed".to_string(), vec!["swift".to_string()])]
        );
    }

    #[test]
    fn errors_name_the_wrong_field() {
        let (at, msg) = ext("add:\n  buzwords: [x]\n").unwrap_err();
        assert_eq!(at.to_string(), "add.buzwords");
        assert!(msg.contains("not a lexicon list"), "{msg}");
        let (at, _) = ext("add:\n  buzzwords: [ok, {a: b}]\n").unwrap_err();
        assert_eq!(at.to_string(), "add.buzzwords[1]");
        assert!(ext("adds: {}\n").is_err());
    }

    #[test]
    fn an_extension_naming_a_rule_is_told_why_not() {
        let (at, msg) = ext("add: {buzzwords: [x]}\nrules:\n  buzzwrd: {points: 0}\n").unwrap_err();
        assert_eq!(at.to_string(), "rules.buzzwrd");
        assert!(msg.contains("no rule of chorus") && msg.contains("buzzword"), "{msg}");
        let (at, msg) = ext("rules: {buzzword: {points: 0}}\n").unwrap_err();
        assert_eq!(at.to_string(), "rules");
        assert!(msg.contains("cannot be changed"), "{msg}");
    }

    #[test]
    fn added_and_switched_off_entries_change_what_fires() {
        let base = Lexicon::builtin();
        let e = ext("add: {buzzwords: [ideate]}\noff: {absolutes: [zero]}\n").unwrap();
        let lex = base.extended(&e, Origin::Machine("m.yaml".into()));
        assert!(lex.list(List::Buzzwords).iter().any(|p| p == "ideate"));
        assert!(!lex.list(List::Absolutes).iter().any(|p| p == "zero"));
        assert!(
            base.list(List::Absolutes).iter().any(|p| p == "zero"),
            "the base is unchanged"
        );
        let a = crate::core::analysis::Analysis::new("Let's ideate with zero waste", &lex);
        assert_eq!(a.hits(List::Buzzwords).len(), 1);
        assert!(a.hits(List::Absolutes).is_empty());
    }

    #[test]
    fn an_extension_past_the_limit_names_where_it_overflows() {
        let many: Vec<String> = (0..MAX_ENTRIES).map(|i| format!("w{i}")).collect();
        let src = format!(
            "add: {{buzzwords: [{}]}}\noff: {{absolutes: [zero]}}\n",
            many.join(", ")
        );
        let (at, msg) = ext(&src).unwrap_err();
        assert_eq!(at.to_string(), "off.absolutes");
        assert!(msg.contains(&MAX_ENTRIES.to_string()), "{msg}");
        let fits = format!("add: {{buzzwords: [{}]}}\n", many.join(", "));
        assert_eq!(ext(&fits).unwrap().add[0].1.len(), MAX_ENTRIES);
    }

    #[test]
    fn case_and_repeats_are_handled_entry_by_entry() {
        let base = Lexicon::builtin();
        let before = base.list(List::Buzzwords).len();
        let e = ext("add: {buzzwords: [Ideate, ideate, IDEATE, synergise]}\n").unwrap();
        let lex = base.extended(&e, Origin::Machine("m.yaml".into()));
        assert_eq!(
            lex.list(List::Buzzwords).len(),
            before + 2,
            "one entry per word, whatever its case"
        );
        // Two "off" entries switch off both copies; a third finds none.
        let e = ext("add: {absolutes: [Forever]}\n").unwrap();
        let lex = lex.extended(&e, Origin::Machine("m.yaml".into()));
        let copies = |l: &Lexicon| {
            l.list(List::Absolutes)
                .iter()
                .filter(|p| p.eq_ignore_ascii_case("forever"))
                .count()
        };
        let had = copies(&lex);
        let e = ext("off: {absolutes: [FOREVER, forever, forever]}\n").unwrap();
        let off = lex.extended(&e, Origin::Machine("m.yaml".into()));
        assert_eq!(copies(&off), had.saturating_sub(3));
        assert_eq!(off.switched_off().len(), had.min(3));
        assert_eq!(
            off.list(List::Absolutes).len(),
            lex.list(List::Absolutes).len() - had.min(3)
        );
    }
}
