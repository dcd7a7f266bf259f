//! Every rule fixture in tests/fixtures/rules: each case's sentence, scored
//! as a message of the fixtures' set, fires the rules it lists under
//! `fires` and none of those under `quiet`.

use std::collections::BTreeSet;
use std::path::Path;

use chorus::core::lexicon::Lexicon;
use chorus::core::model::{Audience, Criterion, Message};
use chorus::core::review::Reviewer;
use chorus::core::store;
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    /// Another set of this folder to score the cases against (`_set.yaml`
    /// when absent): facts of other shapes need a story that has them.
    #[serde(default)]
    set: Option<String>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    #[serde(default)]
    audience: Option<Vec<String>>,
    /// The message's kind (`story` when absent).
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    fires: Vec<String>,
    #[serde(default)]
    quiet: Vec<String>,
    #[serde(default)]
    pass: Option<bool>,
}

#[test]
fn rule_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let set = store::load(&dir.join("_set.yaml")).expect("the fixtures' set loads");
    let lexicon = Lexicon::builtin();
    let reviewer = Reviewer::new(&set, &lexicon);
    let mut others = 0;
    let known: Vec<(String, String)> = lexicon
        .rules()
        .map(|(id, r)| (id.to_string(), r.criterion.clone()))
        .collect();
    let mut failures = Vec::new();
    let mut counted = 0;
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for path in files {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.extension().is_none_or(|e| e != "yaml") || name.starts_with('_') {
            continue;
        }
        let fixture: Fixture = store::yaml::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}:{}:{}: {}", path.display(), e.line, e.column, e.message));
        let criterion = Criterion::parse(&name);
        let own = fixture.set.as_ref().map(|f| {
            others += 1;
            let set = store::load(&dir.join(f)).unwrap_or_else(|e| panic!("{f}: {e:?}"));
            Reviewer::new(&set, &lexicon)
        });
        let reviewer = own.as_ref().unwrap_or(&reviewer);
        for case in fixture.cases {
            counted += 1;
            let message = Message {
                id: "case".into(),
                text: case.text.clone(),
                audience: case.audience.clone().map(Audience::Segments).unwrap_or(Audience::All),
                kind: case.kind.clone(),
                ..Default::default()
            };
            let r = reviewer.review(&message);
            let mut fired = BTreeSet::new();
            for c in &r.checklist.results {
                // Every rule that moved a score is in the lexicon, under this criterion.
                for b in c.breakdown.iter().filter(|b| b.rule != "base") {
                    match known.iter().find(|(id, _)| *id == b.rule) {
                        Some((_, crit)) if *crit == c.criterion.as_str() => {}
                        Some((_, crit)) => failures.push(format!(
                            "rule {} scored {} but the lexicon files it under {crit}",
                            b.rule, c.criterion
                        )),
                        None => failures.push(format!("rule {} is not in the lexicon", b.rule)),
                    }
                }
                fired.extend(c.breakdown.iter().map(|b| b.rule.clone()));
                fired.extend(c.findings.iter().map(|f| f.rule.clone()));
            }
            fired.extend(r.drift.iter().map(|d| d.kind.as_str().to_string()));
            for want in &case.fires {
                if !fired.contains(want) {
                    failures.push(format!("{name}: {:?} should fire {want}; fired {fired:?}", case.text));
                }
            }
            for not in &case.quiet {
                if fired.contains(not) {
                    failures.push(format!(
                        "{name}: {:?} should not fire {not}; fired {fired:?}",
                        case.text
                    ));
                }
            }
            if let (Some(want), Some(c)) = (case.pass, criterion) {
                let got = r.checklist.get(c);
                if got.pass != want {
                    failures.push(format!(
                        "{name}: {:?} should {} (score {})",
                        case.text,
                        if want { "pass" } else { "fail" },
                        got.score
                    ));
                }
            }
        }
    }
    assert!(counted > 50, "only {counted} fixture cases found");
    assert!(others > 0, "no fixture file names a set of its own");
    assert!(
        failures.is_empty(),
        "{} of {counted} fixture cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
