//! The answers of one round summed up under the anonymity rules: per
//! segment the share echoing each pillar, contradicting, misremembering,
//! using an avoided term or echoing nothing, beside the scale questions;
//! and, for whoever looks longer, the words employees use per pillar, the
//! phrases that recur in answers echoing no pillar, and example answers
//! per finding, quoted only from groups large enough to keep people
//! anonymous (those in `depth`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::anonymity::{self, Fold};
use super::columns::Columns;
use super::reading::{Answer, Groups};
use super::table::Table;
use crate::core::model::MessageSet;
use crate::core::verdict::DriftKind;

pub use super::depth::{MIN_RECUR, QUOTES, TOP};

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
    let ids: Vec<&str> = pulse.pillars.iter().map(|p| p.id.as_str()).collect();
    let depth = super::depth::depth(&ids, &quoted, set);
    pulse.words = depth.words;
    pulse.phrases = depth.phrases;
    pulse.examples = depth
        .examples
        .into_iter()
        .map(|(finding, text)| Example { finding, text })
        .collect();
    pulse
}
