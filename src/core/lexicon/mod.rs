//! The lexicon: the words and phrases the checklist and drift rules look
//! for, and what each rule says. Rules are data: the built-in lexicon is
//! `builtin.yaml`, compiled into the binary; a machine and a set can extend
//! it (`extend.rs`).

pub mod extend;

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::core::model::Criterion;
use crate::core::store::yaml;
use crate::core::text::phrases::PhraseIndex;
pub use extend::Origin;

/// Words given to a named thing (a segment, a pillar), each with its origin.
pub type NamedWords = BTreeMap<String, Vec<(String, Origin)>>;

/// The phrase lists, in the order they are indexed (`List as usize`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum List {
    Superlatives,
    Buzzwords,
    Beneficiaries,
    Reasons,
    SoIntensified,
    Deadlines,
    EffectiveDates,
    Calendar,
    Frequencies,
    Exclusionary,
    Orders,
    Sanctions,
    SelfCongratulation,
    SinglingOut,
    Universal,
    GroupNouns,
    SegmentVerbs,
    Future,
    ChangeVerbs,
    Improvements,
    LookingBack,
    Imperatives,
    Inspiration,
    Hyperbole,
    Absolutes,
    Literal,
    Negators,
    NegatorsAfter,
    NegativeSense,
    Acceptance,
    Mention,
    Assertion,
}

impl List {
    pub const ALL: [List; 32] = [
        List::Superlatives,
        List::Buzzwords,
        List::Beneficiaries,
        List::Reasons,
        List::SoIntensified,
        List::Deadlines,
        List::EffectiveDates,
        List::Calendar,
        List::Frequencies,
        List::Exclusionary,
        List::Orders,
        List::Sanctions,
        List::SelfCongratulation,
        List::SinglingOut,
        List::Universal,
        List::GroupNouns,
        List::SegmentVerbs,
        List::Future,
        List::ChangeVerbs,
        List::Improvements,
        List::LookingBack,
        List::Imperatives,
        List::Inspiration,
        List::Hyperbole,
        List::Absolutes,
        List::Literal,
        List::Negators,
        List::NegatorsAfter,
        List::NegativeSense,
        List::Acceptance,
        List::Mention,
        List::Assertion,
    ];

    /// The list's key in lexicon files.
    pub fn key(self) -> &'static str {
        match self {
            List::Superlatives => "superlatives",
            List::Buzzwords => "buzzwords",
            List::Beneficiaries => "beneficiaries",
            List::Reasons => "reasons",
            List::SoIntensified => "so_intensified",
            List::Deadlines => "deadlines",
            List::EffectiveDates => "effective_dates",
            List::Calendar => "calendar",
            List::Frequencies => "frequencies",
            List::Exclusionary => "exclusionary",
            List::Orders => "orders",
            List::Sanctions => "sanctions",
            List::SelfCongratulation => "self_congratulation",
            List::SinglingOut => "singling_out",
            List::Universal => "universal",
            List::GroupNouns => "group_nouns",
            List::SegmentVerbs => "segment_verbs",
            List::Future => "future",
            List::ChangeVerbs => "change_verbs",
            List::Improvements => "improvements",
            List::LookingBack => "looking_back",
            List::Imperatives => "imperatives",
            List::Inspiration => "inspiration",
            List::Hyperbole => "hyperbole",
            List::Absolutes => "absolutes",
            List::Literal => "literal",
            List::Negators => "negators",
            List::NegatorsAfter => "negators_after",
            List::NegativeSense => "negative_sense",
            List::Acceptance => "acceptance",
            List::Mention => "mention",
            List::Assertion => "assertion",
        }
    }

    pub fn from_key(key: &str) -> Option<List> {
        List::ALL.into_iter().find(|l| l.key() == key)
    }
}

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
    pub criterion: String,
    pub points: i32,
    pub label: String,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub suggestion: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    phrases: BTreeMap<String, Vec<String>>,
    criteria: BTreeMap<String, CriterionConfig>,
    rules: BTreeMap<String, RuleConfig>,
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
    rules: BTreeMap<String, RuleConfig>,
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
        for (id, rule) in &file.rules {
            if Criterion::parse(&rule.criterion).is_none() {
                return Err(bad(format!("rule `{id}` names unknown criterion `{}`", rule.criterion)));
            }
        }
        Ok(Lexicon::compile(lists, criteria, file.rules))
    }

    fn compile(
        lists: Vec<Vec<String>>,
        criteria: [CriterionConfig; 4],
        rules: BTreeMap<String, RuleConfig>,
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

    /// A rule's configuration; rules the code relies on are in the built-in file.
    pub fn rule(&self, id: &str) -> &RuleConfig {
        static MISSING: std::sync::OnceLock<RuleConfig> = std::sync::OnceLock::new();
        self.rules.get(id).unwrap_or_else(|| {
            MISSING.get_or_init(|| RuleConfig {
                criterion: "specific".into(),
                points: 0,
                label: "unknown rule".into(),
                message: None,
                suggestion: None,
            })
        })
    }

    pub fn rules(&self) -> impl Iterator<Item = (&str, &RuleConfig)> {
        self.rules.iter().map(|(k, v)| (k.as_str(), v))
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
    fn unknown_list_is_an_error() {
        let err = Lexicon::from_yaml("phrases: {nope: [a]}\ncriteria: {}\nrules: {}\n").unwrap_err();
        assert!(err.message.contains("nope"));
    }
}
