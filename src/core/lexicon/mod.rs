//! The lexicon: the words and phrases the checklist and drift rules look
//! for, and what each rule is worth and says. The rules themselves are
//! declared once in `rule.rs`; their words are data: the built-in lexicon
//! is `builtin.yaml`, compiled into the binary, checked against `rule.rs`
//! on load, and a machine and a set can extend its lists (`extend.rs`).
//! It holds the phrase lists (`list.rs`) and where entries come from
//! (`origin.rs`), and imports the model, the store's YAML reader and the
//! text layer's phrase index.

pub mod extend;
mod list;
mod origin;
pub mod programme;
pub mod rule;

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::core::model::Criterion;
use crate::core::store::yaml;
use crate::core::text::phrases::PhraseIndex;
use crate::core::verdict::DriftKind;
pub use list::List;
pub use origin::Origin;
pub use programme::ProgrammeConfig;
pub use rule::{DriftRule, Rule};

/// Words given to a named thing (a segment, a pillar), each with its origin.
pub type NamedWords = BTreeMap<String, Vec<(String, Origin)>>;

/// Base score and pass mark of one criterion.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CriterionConfig {
    pub base: i32,
    pub pass: i32,
}

/// What a rule is worth and what it tells the marketer.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RuleConfig {
    /// The criterion the rule scores; it must be the one `rule.rs` gives
    /// it (checked on load), so the file says truthfully what moves what.
    pub criterion: String,
    pub points: i32,
    pub label: String,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub suggestion: Option<String>,
}

/// What a drift tells the marketer: `{quote}` and the other names in
/// braces are filled in by drift (the pillar's claim, the figures).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DriftConfig {
    pub message: String,
    #[serde(default)]
    pub suggestion: Option<String>,
}

/// How a message's alignment with the story is scored: `base` once it
/// supports a pillar, up to `pillars` more by the share of pillars it
/// supports, and `drift` (negative) for each drift other than off_story.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AlignmentConfig {
    pub base: i32,
    pub pillars: i32,
    pub drift: i32,
}

/// What a kind of message is for, and the checks that do not apply to it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct KindConfig {
    /// One line for the details form and `chorus lexicon`.
    #[serde(default)]
    pub about: String,
    /// Criteria by name, and `off_story`.
    #[serde(default)]
    pub skip: Vec<String>,
}

/// The drift check a kind can switch off (the others always apply: no
/// message may contradict the story, misstate its figures or use an
/// avoided term).
pub const OFF_STORY: &str = DriftKind::OffStory.as_str();

impl KindConfig {
    /// Whether `criterion` applies to messages of this kind.
    pub fn applies(&self, criterion: Criterion) -> bool {
        !self.skip.iter().any(|s| s == criterion.as_str())
    }

    /// Whether a message of this kind must tie to a pillar.
    pub fn needs_pillar(&self) -> bool {
        !self.skip.iter().any(|s| s == OFF_STORY)
    }

    /// A skip entry that names no check, if any.
    pub fn unknown_skip(&self) -> Option<&str> {
        self.skip
            .iter()
            .map(String::as_str)
            .find(|s| *s != OFF_STORY && Criterion::parse(s).is_none())
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    phrases: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    kinds: BTreeMap<String, KindConfig>,
    criteria: BTreeMap<String, CriterionConfig>,
    rules: BTreeMap<String, RuleConfig>,
    /// Optional for serde, so a file without them is refused by the check
    /// of rules against the code, which says what is missing.
    #[serde(default)]
    drift: BTreeMap<String, DriftConfig>,
    #[serde(default)]
    alignment: Option<AlignmentConfig>,
    /// Optional for serde, so the other checks speak first.
    #[serde(default)]
    programme: Option<ProgrammeConfig>,
}

/// The rules of a lexicon file, checked against the rules of the code:
/// each rule in one has its entry in the other, under the same criterion.
#[derive(Debug, Clone)]
struct Rules {
    /// By `Rule as usize`.
    checklist: Vec<RuleConfig>,
    /// The checklist rules by id, the order every list of rules follows.
    by_id: Vec<Rule>,
    /// By `DriftRule as usize`.
    drift: Vec<DriftConfig>,
    alignment: AlignmentConfig,
}

impl Rules {
    fn check(
        rules: &BTreeMap<String, RuleConfig>,
        drift: &BTreeMap<String, DriftConfig>,
        alignment: Option<AlignmentConfig>,
    ) -> Result<Rules, String> {
        if let Some(id) = rules.keys().find(|id| Rule::from_id(id).is_none()) {
            return Err(format!("rule `{id}` is no rule of chorus"));
        }
        if let Some(id) = drift.keys().find(|id| DriftRule::from_id(id).is_none()) {
            return Err(format!("drift `{id}` is no drift rule of chorus"));
        }
        let checklist = Rule::ALL
            .iter()
            .map(|r| {
                let cfg = rules
                    .get(r.id())
                    .ok_or_else(|| format!("rule `{}` is missing", r.id()))?;
                if cfg.criterion != r.criterion().as_str() {
                    return Err(format!(
                        "rule `{}` is filed under `{}`, but chorus scores it under `{}`",
                        r.id(),
                        cfg.criterion,
                        r.criterion()
                    ));
                }
                Ok(cfg.clone())
            })
            .collect::<Result<Vec<_>, String>>()?;
        let drift_words = DriftRule::ALL
            .iter()
            .map(|r| {
                drift
                    .get(r.id())
                    .cloned()
                    .ok_or_else(|| format!("drift `{}` is missing", r.id()))
            })
            .collect::<Result<Vec<_>, String>>()?;
        let alignment = alignment.ok_or("`alignment` is missing")?;
        let mut by_id = Rule::ALL.to_vec();
        by_id.sort_by_key(|r| r.id());
        Ok(Rules {
            checklist,
            by_id,
            drift: drift_words,
            alignment,
        })
    }
}

/// The effective lexicon: phrase lists, criteria and rules, with the lists
/// compiled into one index.
#[derive(Debug, Clone)]
pub struct Lexicon {
    lists: Vec<Vec<String>>,
    /// Where each entry of `lists` comes from (parallel to `lists`).
    origins: Vec<Vec<Origin>>,
    /// Entries an extension switched off, and by whom.
    switched_off: Vec<(List, String, Origin)>,
    /// Other names of a set's segments ("repairers" for "repair crews").
    segment_aliases: NamedWords,
    /// Extra keywords for a pillar, by pillar id.
    pillar_synonyms: NamedWords,
    criteria: [CriterionConfig; 4],
    rules: Rules,
    /// Kinds of message by name, each with where it comes from.
    kinds: BTreeMap<String, (KindConfig, Origin)>,
    /// Face-to-face channels and the limits of the programme signals.
    programme: ProgrammeConfig,
    index: PhraseIndex,
    /// The first word of each imperative ("keep" for "keep telling"),
    /// worked out once rather than for every message.
    imperative_heads: std::collections::HashSet<String>,
}

const BUILTIN: &str = include_str!("builtin.yaml");

impl Lexicon {
    /// The lexicon compiled into chorus.
    pub fn builtin() -> Lexicon {
        Lexicon::from_yaml(BUILTIN).expect("the built-in lexicon is valid (tested)")
    }

    /// Build a lexicon from a complete lexicon file.
    pub fn from_yaml(source: &str) -> Result<Lexicon, yaml::YamlError> {
        let file: LexiconFile = yaml::from_str(source)?;
        let bad = |message: String| yaml::YamlError {
            line: 0,
            column: 0,
            message,
        };
        let mut lists = vec![Vec::new(); List::ALL.len()];
        for (key, phrases) in file.phrases {
            let list = List::from_key(&key).ok_or_else(|| bad(format!("unknown phrase list `{key}`")))?;
            lists[list as usize] = phrases;
        }
        let mut criteria = [CriterionConfig { base: 50, pass: 60 }; 4];
        for (key, cfg) in file.criteria {
            let c = Criterion::parse(&key).ok_or_else(|| bad(format!("unknown criterion `{key}`")))?;
            criteria[c.index()] = cfg;
        }
        for (name, kind) in &file.kinds {
            if let Some(s) = kind.unknown_skip() {
                return Err(bad(format!(
                    "kind `{name}` skips `{s}`, which is no criterion nor `{OFF_STORY}`"
                )));
            }
        }
        let rules = Rules::check(&file.rules, &file.drift, file.alignment).map_err(bad)?;
        let kinds = file.kinds.into_iter().map(|(k, v)| (k, (v, Origin::Builtin))).collect();
        let programme = file
            .programme
            .ok_or_else(|| bad("`programme` is missing".to_string()))?;
        Ok(Lexicon::compile(lists, criteria, rules, kinds, programme))
    }

    fn compile(
        lists: Vec<Vec<String>>,
        criteria: [CriterionConfig; 4],
        rules: Rules,
        kinds: BTreeMap<String, (KindConfig, Origin)>,
        programme: ProgrammeConfig,
    ) -> Lexicon {
        let origins = lists.iter().map(|l| vec![Origin::Builtin; l.len()]).collect();
        let mut lex = Lexicon {
            lists,
            origins,
            switched_off: Vec::new(),
            segment_aliases: BTreeMap::new(),
            pillar_synonyms: BTreeMap::new(),
            criteria,
            rules,
            kinds,
            programme,
            index: PhraseIndex::new(),
            imperative_heads: Default::default(),
        };
        lex.recompile();
        lex
    }

    /// Rebuild the phrase index after the lists changed.
    fn recompile(&mut self) {
        let mut index = PhraseIndex::new();
        for l in &self.lists {
            index.add_list(l, false);
        }
        self.index = index;
        self.imperative_heads = self.lists[List::Imperatives as usize]
            .iter()
            .filter_map(|v| v.split(' ').next())
            .map(str::to_string)
            .collect();
    }

    /// Is `word` the first word of an imperative of the lexicon?
    pub fn imperative_head(&self, word: &str) -> bool {
        self.imperative_heads.contains(word)
    }

    /// Each entry of a list with where it comes from.
    pub fn entries(&self, list: List) -> impl Iterator<Item = (&str, &Origin)> {
        let l = list as usize;
        self.lists[l].iter().map(String::as_str).zip(&self.origins[l])
    }

    /// Entries switched off by an extension: (list, phrase, by whom).
    pub fn switched_off(&self) -> &[(List, String, Origin)] {
        &self.switched_off
    }

    /// Other names for the segment `name` (case-insensitive).
    pub fn segment_aliases(&self, name: &str) -> Vec<&str> {
        self.segment_aliases
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .flat_map(|(_, v)| v.iter().map(|(w, _)| w.as_str()))
            .collect()
    }

    /// Extra keywords for the pillar `id`.
    pub fn pillar_synonyms(&self, id: &str) -> Vec<&str> {
        self.pillar_synonyms
            .get(id)
            .map(|v| v.iter().map(|(w, _)| w.as_str()).collect())
            .unwrap_or_default()
    }

    /// All segment aliases and pillar synonyms with their origins, for `chorus lexicon`.
    pub fn aliases_and_synonyms(&self) -> (&NamedWords, &NamedWords) {
        (&self.segment_aliases, &self.pillar_synonyms)
    }

    pub fn list(&self, list: List) -> &[String] {
        &self.lists[list as usize]
    }

    pub fn index(&self) -> &PhraseIndex {
        &self.index
    }

    pub fn criterion(&self, c: Criterion) -> CriterionConfig {
        self.criteria[c.index()]
    }

    /// What a checklist rule is worth and says.
    pub fn rule(&self, rule: Rule) -> &RuleConfig {
        &self.rules.checklist[rule as usize]
    }

    /// What a drift says.
    pub fn drift(&self, rule: DriftRule) -> &DriftConfig {
        &self.rules.drift[rule as usize]
    }

    pub fn alignment(&self) -> AlignmentConfig {
        self.rules.alignment
    }

    /// The kind called `name`, if this lexicon knows it.
    /// The words and limits of the programme signals.
    pub fn programme(&self) -> &ProgrammeConfig {
        &self.programme
    }

    pub fn kind(&self, name: &str) -> Option<&KindConfig> {
        self.kinds.get(name).map(|(k, _)| k)
    }

    /// Every kind with where it comes from, by name.
    pub fn kinds(&self) -> impl Iterator<Item = (&str, &KindConfig, &Origin)> {
        self.kinds.iter().map(|(n, (k, o))| (n.as_str(), k, o))
    }

    /// Every checklist rule with what it is worth, by id.
    pub fn rules(&self) -> impl Iterator<Item = (Rule, &RuleConfig)> {
        self.rules.by_id.iter().map(|r| (*r, self.rule(*r)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_loads_with_every_list() {
        let lex = Lexicon::builtin();
        for l in List::ALL {
            assert!(!lex.list(l).is_empty(), "built-in list {} is empty", l.key());
        }
        assert_eq!(lex.criterion(Criterion::Specific).pass, 60);
    }

    #[test]
    fn builtin_kinds_follow_the_rubric() {
        let lex = Lexicon::builtin();
        let story = lex.kind("story").unwrap();
        assert!(Criterion::ALL.into_iter().all(|c| story.applies(c)) && story.needs_pillar());
        for name in ["update", "recognition", "question"] {
            let k = lex.kind(name).unwrap();
            assert!(!k.applies(Criterion::Aspirational) && !k.needs_pillar(), "{name}");
            for c in [Criterion::Specific, Criterion::Inclusive, Criterion::Realistic] {
                assert!(k.applies(c), "{name} {c}");
            }
        }
        assert!(lex.kind("memo").is_none());
    }

    #[test]
    fn a_kind_that_skips_no_check_is_an_error() {
        let err =
            Lexicon::from_yaml("phrases: {}\nkinds: {memo: {skip: [tone]}}\ncriteria: {}\nrules: {}\n").unwrap_err();
        assert!(err.message.contains("tone"), "{}", err.message);
    }

    #[test]
    fn code_and_builtin_yaml_name_the_same_rules() {
        let lex = Lexicon::builtin();
        let ids: Vec<String> = lex.rules().map(|(r, _)| r.id().to_string()).collect();
        let file: LexiconFile = yaml::from_str(BUILTIN).unwrap();
        assert_eq!(ids, file.rules.keys().cloned().collect::<Vec<_>>());
        for (rule, cfg) in lex.rules() {
            assert_eq!(cfg.criterion, rule.criterion().as_str(), "{rule}");
        }
        let drift: Vec<&str> = file.drift.keys().map(String::as_str).collect();
        let mut code: Vec<&str> = DriftRule::ALL.iter().map(|r| r.id()).collect();
        code.sort_unstable();
        assert_eq!(drift, code);
    }

    /// The built-in file with the entry `key` (indented by two) taken out.
    fn without(key: &str) -> String {
        let at = BUILTIN.find(&format!("\n  {key}:")).expect("the entry is in the file") + 1;
        let end = BUILTIN[at..]
            .match_indices('\n')
            .map(|(i, _)| at + i + 1)
            .find(|&i| !BUILTIN[i..].starts_with("   "))
            .unwrap();
        format!("{}{}", &BUILTIN[..at], &BUILTIN[end..])
    }

    #[test]
    fn a_lexicon_whose_rules_differ_from_the_code_is_refused() {
        let err = Lexicon::from_yaml(&without("buzzword")).unwrap_err();
        assert_eq!(err.message, "rule `buzzword` is missing");
        let err = Lexicon::from_yaml(&without("fact-mismatch")).unwrap_err();
        assert_eq!(err.message, "drift `fact-mismatch` is missing");
        let renamed = BUILTIN.replace("\n  buzzword:\n", "\n  buzzwords:\n");
        let err = Lexicon::from_yaml(&renamed).unwrap_err();
        assert_eq!(err.message, "rule `buzzwords` is no rule of chorus");
        let moved = BUILTIN.replace(
            "  buzzword:\n    criterion: specific",
            "  buzzword:\n    criterion: realistic",
        );
        let err = Lexicon::from_yaml(&moved).unwrap_err();
        assert!(
            err.message
                .contains("under `realistic`, but chorus scores it under `specific`"),
            "{}",
            err.message
        );
        let err = Lexicon::from_yaml(BUILTIN.replace("\nalignment:", "\n#alignment:").as_str()).unwrap_err();
        assert!(err.message.contains("alignment"), "{}", err.message);
    }

    #[test]
    fn unknown_list_is_an_error() {
        let err = Lexicon::from_yaml("phrases: {nope: [a]}\ncriteria: {}\nrules: {}\n").unwrap_err();
        assert!(err.message.contains("nope"));
    }
}
