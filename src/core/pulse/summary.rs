//! The answers of one round summed up under the anonymity rules: per
//! segment the share echoing each pillar, contradicting, misremembering,
//! using an avoided term or echoing nothing, beside the scale questions;
//! and, for whoever looks longer, the words employees use per pillar, the
//! phrases that recur in answers echoing no pillar, and example answers
//! per finding, quoted only from groups large enough to keep people
//! anonymous.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use super::anonymity::{self, Fold};
use super::columns::Columns;
use super::reading::{Answer, Groups};
use super::table::Table;
use crate::core::model::MessageSet;
use crate::core::text::phrases::FastHash;
use crate::core::text::{is_function_word, stem};
use crate::core::verdict::DriftKind;

/// How many answers a word or phrase must recur in to be shown.
pub const MIN_RECUR: usize = 3;
/// How many words or phrases are shown per list, and quotes per finding.
pub const TOP: usize = 8;
pub const QUOTES: usize = 2;
/// Words that say nothing of what the company is about, beyond the
/// function words every reading skips.
const FILLER: &[&str] = &[
    "our", "us", "i", "me", "my", "its", "their", "them", "what", "just", "really", "very", "also", "lot", "lots",
    "thing", "things", "think", "company", "within", "every", "we're", "they're", "it's", "i'm", "don't", "sure",
    "like", "get",
];

/// One scale question over a group.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tally {
    pub answered: usize,
    /// Answers above the middle of the scale.
    pub agree: usize,
    pub sum: usize,
}

/// The figures of a group of respondents.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figures {
    pub respondents: usize,
    /// Answers read against the story (English, not empty).
    pub read: usize,
    /// Per pillar, answers echoing it.
    pub echo: Vec<usize>,
    /// Answers echoing at least one pillar.
    pub any: usize,
    pub contradict: usize,
    pub misremember: usize,
    pub avoided: usize,
    /// Answers echoing no pillar.
    pub none: usize,
    pub scales: Vec<Tally>,
}

impl Figures {
    fn new(pillars: usize, scales: usize) -> Figures {
        Figures {
            echo: vec![0; pillars],
            scales: vec![Tally::default(); scales],
            ..Figures::default()
        }
    }

    fn add(&mut self, a: &Answer, pillar_ids: &[String]) {
        self.respondents += 1;
        for (t, v) in self.scales.iter_mut().zip(&a.scales) {
            if let Some(v) = v {
                t.answered += 1;
                t.sum += usize::from(*v);
            }
        }
        if !a.is_read() {
            return;
        }
        self.read += 1;
        let r = &a.reading;
        for (i, id) in pillar_ids.iter().enumerate() {
            self.echo[i] += usize::from(r.alignment.pillars.contains(id));
        }
        let has = |k: DriftKind| r.drift.iter().any(|d| d.kind == k);
        self.any += usize::from(!r.alignment.pillars.is_empty());
        self.none += usize::from(r.alignment.pillars.is_empty());
        self.contradict += usize::from(has(DriftKind::Contradiction));
        self.misremember += usize::from(has(DriftKind::FactMismatch));
        self.avoided += usize::from(has(DriftKind::AvoidedTerm));
    }

    fn merge(&mut self, o: &Figures) {
        self.respondents += o.respondents;
        self.read += o.read;
        for (a, b) in self.echo.iter_mut().zip(&o.echo) {
            *a += b;
        }
        self.any += o.any;
        self.none += o.none;
        self.contradict += o.contradict;
        self.misremember += o.misremember;
        self.avoided += o.avoided;
        for (a, b) in self.scales.iter_mut().zip(&o.scales) {
            a.answered += b.answered;
            a.agree += b.agree;
            a.sum += b.sum;
        }
    }
}

/// `part` of `whole` as a whole percentage; none of none is 0.
pub fn share(part: usize, whole: usize) -> u32 {
    if whole == 0 {
        0
    } else {
        ((part as f64 * 100.0 / whole as f64).round()) as u32
    }
}

/// A segment shown on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub name: String,
    pub figures: Figures,
}

/// The groups folded together, never shown apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Other {
    pub names: Vec<String>,
    pub figures: Figures,
}

/// An answer quoted as an example of a finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// What it shows: "echoes speed", "contradicts the story", ...
    pub finding: String,
    pub text: String,
}

/// A pillar of the story, as the pulse names it.
#[derive(Debug, Clone, PartialEq)]
pub struct PillarName {
    pub id: String,
    pub claim: String,
}

/// The columns read, as the user is told.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Said {
    pub text: String,
    pub segment: Option<String>,
    /// Header and size of each scale question.
    pub scales: Vec<(String, u8)>,
    pub guessed: bool,
}

/// One round of answers, summed up. Holds no answer but the quotes the
/// anonymity rules allow.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pulse {
    pub source: PathBuf,
    pub brand: String,
    pub pillars: Vec<PillarName>,
    pub columns: Said,
    /// Fewer than the smallest group in all: nothing is shown.
    pub too_few: bool,
    pub overall: Figures,
    pub groups: Vec<Group>,
    pub other: Option<Other>,
    /// Segment values that match no segment of the set.
    pub unmatched: Vec<String>,
    /// Answers in another language, not read: language, count and the
    /// first row holding one.
    pub foreign: Vec<(String, usize, usize)>,
    pub blank: usize,
    /// Per pillar: the words used most by the answers echoing it.
    pub words: Vec<Vec<(String, usize)>>,
    /// Phrases recurring in answers that echo no pillar.
    pub phrases: Vec<(String, usize)>,
    pub examples: Vec<Example>,
    pub notices: Vec<String>,
}

impl Pulse {
    /// The say/know gap, when a scale question was asked: the share saying
    /// yes to the first scale question, and the share stating a pillar.
    pub fn gap(&self) -> Option<(u32, u32)> {
        let t = self.overall.scales.first()?;
        (t.answered > 0).then(|| (share(t.agree, t.answered), share(self.overall.any, self.overall.read)))
    }
}

/// Sum up `answers` of `set`, read from `table` with `columns`, folding
/// the groups named in `forced` whatever their size (they are folded in
/// another round).
pub fn summarize(
    set: &MessageSet,
    table: &Table,
    columns: &Columns,
    answers: &[Answer],
    groups: &Groups,
    notices: Vec<String>,
    forced: &BTreeSet<String>,
) -> Pulse {
    let ids: Vec<String> = set.external.pillars.iter().map(|p| p.id.clone()).collect();
    let scales = columns.scales.len();
    let mut figures = vec![Figures::new(ids.len(), scales); groups.names.len()];
    let mut foreign: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut blank = 0;
    for a in answers {
        figures[a.group].add(a, &ids);
        for (t, (v, s)) in figures[a.group]
            .scales
            .iter_mut()
            .zip(a.scales.iter().zip(&columns.scales))
        {
            t.agree += usize::from(v.is_some_and(|v| super::scale::agrees(v, s.points)));
        }
        blank += usize::from(a.is_blank());
        if let Some(l) = a.reading.language.filter(|_| !a.is_blank()) {
            foreign.entry(l.to_string()).or_insert((0, a.row)).0 += 1;
        }
    }
    let sizes: Vec<usize> = figures.iter().map(|f| f.respondents).collect();
    let forced: Vec<bool> = groups.names.iter().map(|n| forced.contains(n)).collect();
    let Fold { shown, folded, too_few } = anonymity::fold_with(&sizes, &forced);
    let mut pulse = Pulse {
        source: PathBuf::new(),
        brand: set.brand.clone(),
        pillars: set
            .external
            .pillars
            .iter()
            .map(|p| PillarName {
                id: p.id.clone(),
                claim: p.claim.clone(),
            })
            .collect(),
        columns: Said {
            text: table.headers[columns.text].clone(),
            segment: columns.segment.map(|i| table.headers[i].clone()),
            scales: columns.scales.iter().map(|s| (s.header.clone(), s.points)).collect(),
            guessed: columns.guessed,
        },
        too_few,
        notices,
        ..Pulse::default()
    };
    if too_few {
        pulse.overall = Figures::new(ids.len(), scales);
        pulse.notices.push(format!(
            "fewer than {} answers: chorus shows nothing of so few, to keep people anonymous",
            anonymity::MIN_GROUP
        ));
        return pulse;
    }
    pulse.foreign = foreign.into_iter().map(|(l, (n, row))| (l, n, row)).collect();
    pulse.blank = blank;
    pulse.unmatched = groups.unmatched.clone();
    let mut overall = Figures::new(ids.len(), scales);
    for f in &figures {
        overall.merge(f);
    }
    pulse.overall = overall;
    let several = groups.names.len() > 1;
    if several {
        for (i, f) in figures.iter().enumerate().filter(|(i, _)| shown[*i]) {
            pulse.groups.push(Group {
                name: groups.names[i].clone(),
                figures: f.clone(),
            });
        }
        if !folded.is_empty() {
            let mut f = Figures::new(ids.len(), scales);
            for &i in &folded {
                f.merge(&figures[i]);
            }
            pulse.other = Some(Other {
                names: folded.iter().map(|&i| groups.names[i].clone()).collect(),
                figures: f,
            });
        }
    }
    // Text comes only from groups large enough to quote, shown on their own.
    let quotable = |a: &&Answer| a.is_read() && shown[a.group] && anonymity::may_quote(sizes[a.group]);
    let quoted: Vec<&Answer> = answers.iter().filter(quotable).collect();
    depth(&mut pulse, &quoted, set);
    pulse
}

/// Lower case, as `str::to_lowercase`, without its Unicode tables for the
/// ASCII words nearly every answer is written in.
fn lower(w: &str) -> String {
    if w.is_ascii() {
        w.to_ascii_lowercase()
    } else {
        w.to_lowercase()
    }
}

/// Letters and digits of a word: its length when it is ASCII.
fn letters(w: &str) -> usize {
    if w.is_ascii() {
        w.len()
    } else {
        w.chars().count()
    }
}

/// Is `w` one of `FILLER`? A set built once, hashed with FNV: every word
/// of every quoted answer is asked.
fn is_filler(w: &str) -> bool {
    type Set = std::collections::HashSet<&'static str, FastHash>;
    static SET: std::sync::OnceLock<Set> = std::sync::OnceLock::new();
    SET.get_or_init(|| FILLER.iter().copied().collect()).contains(w)
}

/// A word (lower case) worth counting: no number, no grammar, no filler,
/// not the brand's own name.
fn content(w: &str, skip: &[String]) -> bool {
    // A number ("call 12", "24") is no word to borrow.
    letters(w) >= 3
        && !w.contains(|c: char| c.is_ascii_digit())
        && !is_function_word(w)
        && !is_filler(w)
        && !skip.iter().any(|s| s == w)
}

/// The content words of an answer, lower case, each once.
fn words(text: &str, skip: &[String]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for w in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')) {
        let w = w.trim_matches(|c| c == '\'' || c == '-');
        if letters(w) < 3 || w.contains(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let w = lower(w);
        if content(&w, skip) && !seen.contains(&w) {
            seen.push(w);
        }
    }
    seen
}

/// Pairs of neighbouring content words, each once: "cheap option".
fn phrases(text: &str, skip: &[String]) -> Vec<String> {
    let lower = lower(text);
    let tokens: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let kept: Vec<bool> = tokens.iter().map(|w| content(w, skip)).collect();
    let mut out: Vec<String> = Vec::new();
    for (i, pair) in tokens.windows(2).enumerate() {
        if kept[i] && kept[i + 1] {
            let p = [pair[0], " ", pair[1]].concat();
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

/// One more answer for `key` of `counts`, the key copied only when new.
fn count(counts: &mut BTreeMap<String, usize>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_string(), 1);
        }
    }
}

/// The most recurrent of `counts` (at least `MIN_RECUR` answers), most first.
fn top(counts: BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = counts.into_iter().filter(|(_, n)| *n >= MIN_RECUR).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(TOP);
    v
}

fn depth(pulse: &mut Pulse, quoted: &[&Answer], set: &MessageSet) {
    let mut skip: Vec<String> = Vec::new();
    for w in set.brand.to_lowercase().split_whitespace() {
        if !skip.iter().any(|s| s == w) {
            skip.push(w.to_string());
        }
    }
    let mut per_pillar = vec![BTreeMap::new(); pulse.pillars.len()];
    let mut off: BTreeMap<String, usize> = BTreeMap::new();
    let mut examples: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut order = Vec::new();
    let mut example = |finding: &str, text: &str| {
        if examples.get(finding).is_some_and(|l| l.len() >= QUOTES) {
            return;
        }
        let list = examples.entry(finding.to_string()).or_default();
        if list.is_empty() {
            order.push(finding.to_string());
        }
        if list.len() < QUOTES {
            list.push(text.trim().to_string());
        }
    };
    // Each pillar's keywords, as word forms: an answer echoing two pillars
    // lends its words to both, but never one pillar's keywords to the other.
    let keywords: Vec<Vec<Vec<String>>> = set
        .external
        .pillars
        .iter()
        .map(|p| {
            p.keywords
                .iter()
                .flat_map(|k| words(k, &[]))
                .map(|k| stem::forms(&k))
                .collect()
        })
        .collect();
    // Which pillars' keywords each distinct word matches, asked once per
    // word: answers repeat their words, and a match is costly (inflections,
    // derivations, typos).
    let mut matched: HashMap<String, Vec<bool>> = HashMap::new();
    let echoes: Vec<String> = pulse.pillars.iter().map(|p| format!("echoes {}", p.id)).collect();
    for a in quoted {
        let r = &a.reading;
        // The words that tied this answer to each pillar (synonyms included).
        let tied: Vec<(&str, String)> = r
            .alignment
            .ties
            .iter()
            .flat_map(|t| {
                words(t.span.quote(&a.text), &[])
                    .into_iter()
                    .map(|w| (t.pillar.as_str(), w))
            })
            .collect();
        let echoed = pulse.pillars.iter().any(|p| r.alignment.pillars.contains(&p.id));
        let content = if echoed { words(&a.text, &skip) } else { Vec::new() };
        for w in &content {
            if !matched.contains_key(w) {
                let f = stem::forms(w);
                let by = keywords
                    .iter()
                    .map(|ks| ks.iter().any(|k| stem::matches(&f, k, true)))
                    .collect();
                matched.insert(w.clone(), by);
            }
        }
        for (i, p) in pulse.pillars.iter().enumerate() {
            if r.alignment.pillars.contains(&p.id) {
                for w in &content {
                    let by = &matched[w];
                    let own = by.get(i).copied().unwrap_or(false) || tied.iter().any(|(id, t)| *id == p.id && t == w);
                    let others = by.iter().enumerate().any(|(j, &m)| m && j != i)
                        || tied.iter().any(|(id, t)| *id != p.id && t == w);
                    if others && !own {
                        continue;
                    }
                    count(&mut per_pillar[i], w);
                }
                example(&echoes[i], &a.text);
            }
        }
        if r.alignment.pillars.is_empty() {
            for p in phrases(&a.text, &skip) {
                count(&mut off, &p);
            }
            example("echoes no pillar", &a.text);
        }
        for (kind, finding) in [
            (DriftKind::Contradiction, "contradicts the story"),
            (DriftKind::FactMismatch, "misremembers a figure"),
            (DriftKind::AvoidedTerm, "uses a term the brand avoids"),
        ] {
            if r.drift.iter().any(|d| d.kind == kind) {
                example(finding, &a.text);
            }
        }
    }
    pulse.words = per_pillar.into_iter().map(top).collect();
    pulse.phrases = top(off);
    pulse.examples = order
        .into_iter()
        .flat_map(|f| {
            let texts = examples.remove(&f).unwrap_or_default();
            texts.into_iter().map(move |text| Example {
                finding: f.clone(),
                text,
            })
        })
        .collect();
}
