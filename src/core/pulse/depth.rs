//! The depth of a round's summary, for whoever looks longer: the words
//! employees use per pillar, the phrases that recur in answers echoing no
//! pillar, and example answers per finding. A large round is read in runs
//! on every core and the runs merged in order, which gives what one run
//! over every answer gives.

use std::collections::{BTreeMap, HashMap};

use super::reading::Answer;
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

/// What a run of answers lends the summary: the words per pillar, the
/// phrases of answers echoing none, and example answers per finding (the
/// findings in the order they first appear, the first `QUOTES` of each).
#[derive(Debug, PartialEq)]
struct Lent {
    per_pillar: Vec<BTreeMap<String, usize>>,
    off: BTreeMap<String, usize>,
    examples: Vec<(String, Vec<String>)>,
}

impl Lent {
    fn new(pillars: usize) -> Lent {
        Lent {
            per_pillar: vec![BTreeMap::new(); pillars],
            off: BTreeMap::new(),
            examples: Vec::new(),
        }
    }

    fn example(&mut self, finding: &str, text: &str) {
        match self.examples.iter_mut().find(|(f, _)| f == finding) {
            Some((_, list)) if list.len() < QUOTES => list.push(text.trim().to_string()),
            Some(_) => {}
            None => self.examples.push((finding.to_string(), vec![text.trim().to_string()])),
        }
    }

    /// What the answers after these lent, added: counts summed, examples
    /// after these, as if one run had read them all in order.
    fn merge(&mut self, later: Lent) {
        for (mine, theirs) in self.per_pillar.iter_mut().zip(later.per_pillar) {
            for (w, n) in theirs {
                *mine.entry(w).or_insert(0) += n;
            }
        }
        for (p, n) in later.off {
            *self.off.entry(p).or_insert(0) += n;
        }
        for (finding, texts) in later.examples {
            match self.examples.iter_mut().find(|(f, _)| *f == finding) {
                Some((_, list)) => {
                    let room = QUOTES.saturating_sub(list.len());
                    list.extend(texts.into_iter().take(room));
                }
                None => self.examples.push((finding, texts)),
            }
        }
    }
}

/// What never changes from one answer to the next while summing up.
struct Shared<'a> {
    /// The pillars' ids, in the story's order.
    pillars: &'a [&'a str],
    /// Each pillar's keywords, as word forms.
    keywords: Vec<Vec<Vec<String>>>,
    /// The brand's own words, never counted.
    skip: Vec<String>,
    /// "echoes <pillar>", per pillar.
    echoes: Vec<String>,
}

/// The words per pillar, the recurring phrases and the example answers
/// (finding, text) of a round's summary.
pub(super) struct Depth {
    pub words: Vec<Vec<(String, usize)>>,
    pub phrases: Vec<(String, usize)>,
    pub examples: Vec<(String, String)>,
}

/// The depth of `quoted`, the answers that may be quoted, against the
/// pillars `ids` of `set`.
pub(super) fn depth(ids: &[&str], quoted: &[&Answer], set: &MessageSet) -> Depth {
    let mut skip: Vec<String> = Vec::new();
    for w in set.brand.to_lowercase().split_whitespace() {
        if !skip.iter().any(|s| s == w) {
            skip.push(w.to_string());
        }
    }
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
    let shared = Shared {
        pillars: ids,
        keywords,
        skip,
        echoes: ids.iter().map(|id| format!("echoes {id}")).collect(),
    };
    // A large round is read in runs on every core, merged in order.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let lent = if threads < 2 || quoted.len() < 4096 {
        lend(&shared, quoted)
    } else {
        let shared = &shared;
        std::thread::scope(|s| {
            let runs: Vec<_> = quoted
                .chunks(quoted.len().div_ceil(threads))
                .map(|run| s.spawn(move || lend(shared, run)))
                .collect();
            let mut all = Lent::new(shared.pillars.len());
            for run in runs {
                all.merge(run.join().expect("summing up answers does not panic"));
            }
            all
        })
    };
    Depth {
        words: lent.per_pillar.into_iter().map(top).collect(),
        phrases: top(lent.off),
        examples: lent
            .examples
            .into_iter()
            .flat_map(|(finding, texts)| texts.into_iter().map(move |text| (finding.clone(), text)))
            .collect(),
    }
}

/// What `quoted` lends the summary, read in order.
fn lend(shared: &Shared, quoted: &[&Answer]) -> Lent {
    let Shared {
        pillars,
        keywords,
        skip,
        echoes,
    } = shared;
    let mut lent = Lent::new(pillars.len());
    // Which pillars' keywords each distinct word matches, asked once per
    // word: answers repeat their words, and a match is costly (inflections,
    // derivations, typos).
    let mut matched: HashMap<String, Vec<bool>> = HashMap::new();
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
        let echoed = pillars.iter().any(|p| r.alignment.pillars.iter().any(|q| q == *p));
        let content = if echoed { words(&a.text, skip) } else { Vec::new() };
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
        for (i, p) in pillars.iter().enumerate() {
            if r.alignment.pillars.iter().any(|q| q == *p) {
                for w in &content {
                    let by = &matched[w];
                    let own = by.get(i).copied().unwrap_or(false) || tied.iter().any(|(id, t)| id == p && t == w);
                    let others = by.iter().enumerate().any(|(j, &m)| m && j != i)
                        || tied.iter().any(|(id, t)| id != p && t == w);
                    if others && !own {
                        continue;
                    }
                    count(&mut lent.per_pillar[i], w);
                }
                lent.example(&echoes[i], &a.text);
            }
        }
        if r.alignment.pillars.is_empty() {
            for p in phrases(&a.text, skip) {
                count(&mut lent.off, &p);
            }
            lent.example("echoes no pillar", &a.text);
        }
        for (kind, finding) in [
            (DriftKind::Contradiction, "contradicts the story"),
            (DriftKind::FactMismatch, "misremembers a figure"),
            (DriftKind::AvoidedTerm, "uses a term the brand avoids"),
        ] {
            if r.drift.iter().any(|d| d.kind == kind) {
                lent.example(finding, &a.text);
            }
        }
    }
    lent
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::verdict::Reading;

    #[test]
    fn runs_merged_in_order_lend_what_one_run_lends() {
        let pillars = ["speed", "fresh"];
        let texts = [
            "Quick repairs and quick answers, always fast",
            "Fresh lemons squeezed daily, fresh taste",
            "The cheap option wins, cheap option again",
            "Fast and fresh, repairs within a day",
            "Nobody knows what the cheap option means",
        ];
        let echo: [&[&str]; 5] = [&["speed"], &["fresh"], &[], &["speed", "fresh"], &[]];
        let answers: Vec<Answer> = (0..40)
            .map(|i| {
                let mut reading = Reading::default();
                reading.alignment.pillars = echo[i % 5].iter().map(|p| p.to_string()).collect();
                Answer {
                    row: i + 2,
                    group: 0,
                    text: format!("{} {}", texts[i % 5], ["today", "now", "again"][i % 3]),
                    reading,
                    scales: Vec::new(),
                }
            })
            .collect();
        let quoted: Vec<&Answer> = answers.iter().collect();
        let shared = Shared {
            pillars: &pillars,
            keywords: vec![vec![stem::forms("fast")], vec![stem::forms("fresh")]],
            skip: vec!["lemonadly".into()],
            echoes: vec!["echoes speed".into(), "echoes fresh".into()],
        };
        let whole = lend(&shared, &quoted);
        assert!(!whole.off.is_empty() && whole.examples.len() == 3, "{whole:?}");
        for size in [1, 3, 7, 13] {
            let mut merged = Lent::new(pillars.len());
            for run in quoted.chunks(size) {
                merged.merge(lend(&shared, run));
            }
            assert_eq!(merged, whole, "runs of {size}");
        }
    }
}
