//! How well chorus reads employees' answers: a labelled answer set written
//! for this test (`tests/fixtures/pulse/labelled.csv`, each answer with
//! the pillars it echoes and whether it contradicts the story,
//! misremembers a figure or uses an avoided term, by a person reading it)
//! against the Lemonad.ly story. Balanced accuracy per pillar echo and per
//! drift kind, on the part the reading was tuned on and on a blind part
//! nobody tuned on. Run with `--nocapture` to see the figures.

use std::collections::BTreeMap;
use std::path::Path;

use chorus::core::lexicon::Lexicon;
use chorus::core::pulse::table;
use chorus::core::review::Reviewer;
use chorus::core::store;
use chorus::core::verdict::DriftKind;

#[derive(Default, Debug, Clone, Copy)]
struct Counts {
    tp: usize,
    tn: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, truth: bool, said: bool) {
        match (truth, said) {
            (true, true) => self.tp += 1,
            (false, false) => self.tn += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
        }
    }

    /// The mean of the share of yes found and the share of no kept; a
    /// side with no case counts as perfect, so it cannot hide the other.
    fn balanced(&self) -> f64 {
        let rate = |a: usize, b: usize| if a + b == 0 { 1.0 } else { a as f64 / (a + b) as f64 };
        (rate(self.tp, self.fn_) + rate(self.tn, self.fp)) / 2.0
    }
}

/// Per part, per measure: the counts.
fn measure() -> BTreeMap<String, BTreeMap<String, Counts>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let set_path = root.join("messages/lemonadly.yaml");
    let set = store::open(&set_path).unwrap();
    let lexicon = Lexicon::builtin().for_set(&set, &set_path).unwrap();
    let reviewer = Reviewer::new(&set, &lexicon);
    let labelled = table::read_file(&root.join("tests/fixtures/pulse/labelled.csv")).unwrap();
    let col = |name: &str| labelled.headers.iter().position(|h| h == name).unwrap();
    let (part, answer, pillars) = (col("part"), col("answer"), col("pillars"));
    let kinds = [
        ("contradiction", DriftKind::Contradiction),
        ("fact_mismatch", DriftKind::FactMismatch),
        ("avoided_term", DriftKind::AvoidedTerm),
    ];
    let mut out: BTreeMap<String, BTreeMap<String, Counts>> = BTreeMap::new();
    for r in &labelled.records {
        let f = &r.fields;
        let reading = reviewer.read(&f[answer]);
        assert!(reading.language.is_none(), "row {}: read as English", r.row);
        let m = out.entry(f[part].clone()).or_default();
        let truth: Vec<&str> = f[pillars].split_whitespace().collect();
        for p in &set.external.pillars {
            let said = reading.alignment.pillars.contains(&p.id);
            m.entry(format!("echo {}", p.id))
                .or_default()
                .add(truth.contains(&p.id.as_str()), said);
        }
        m.entry("off_story".into())
            .or_default()
            .add(truth.is_empty(), reading.alignment.pillars.is_empty());
        for (name, kind) in kinds {
            let said = reading.drift.iter().any(|d| d.kind == kind);
            m.entry(name.into()).or_default().add(f[col(name)] == "yes", said);
        }
    }
    out
}

#[test]
fn answers_are_read_as_a_person_reads_them() {
    let parts = measure();
    assert_eq!(parts.keys().collect::<Vec<_>>(), ["blind", "tune"]);
    for (part, measures) in &parts {
        println!("{part}:");
        for (name, c) in measures {
            println!(
                "  {name:<16} balanced accuracy {:.3}  (tp {} fn {} tn {} fp {})",
                c.balanced(),
                c.tp,
                c.fn_,
                c.tn,
                c.fp
            );
        }
    }
    for (part, measures) in &parts {
        for (name, c) in measures {
            let floor = if part == "tune" { 0.75 } else { 0.65 };
            assert!(
                c.balanced() >= floor,
                "{part} {name}: {:.3} is below {floor}",
                c.balanced()
            );
        }
    }
}
