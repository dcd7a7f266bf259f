//! `chorus check --format sarif`: SARIF 2.1.0, for code-scanning views.
//! Rules carry their ids, names and help from the lexicon; each result
//! points at the words of the message text in the set file.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

use serde_json::{json, Value};

use super::alerts::{Alert, Level, NOT_ENGLISH, UNREADABLE};
use crate::core::lexicon::Lexicon;
use crate::core::model::Criterion;
use crate::core::verdict::DriftKind;

/// What each rule that is not a lexicon rule is about: the four criteria,
/// the drift kinds, and the two notices.
const OWN_RULES: &[(&str, &str, &str)] = &[
    (
        "specific",
        "Specific",
        "Say who does what, by when and how you will know: a figure, a date, a named beneficiary or a reason.",
    ),
    (
        "inclusive",
        "Inclusive",
        "Speak to everyone the message is for, without exclusionary terms or one group singled out.",
    ),
    (
        "aspirational",
        "Aspirational",
        "Give people a destination: a goal or a change the team is working towards.",
    ),
    (
        "realistic",
        "Realistic",
        "Promise what can be delivered: no absolutes, no hyperbole, no guarantees nobody can keep.",
    ),
    (
        "off_story",
        "Off story",
        "Tie the message to a pillar of the external story, with words of that pillar.",
    ),
    (
        "contradiction",
        "Contradiction",
        "The message asserts the opposite of a pillar; say what the story says, or change the story.",
    ),
    (
        "fact_mismatch",
        "Fact mismatch",
        "A figure differs from the story's own fact about the same thing; use the story's figure.",
    ),
    (
        "avoided_term",
        "Avoided term",
        "The brand avoids this term; use the words the brand uses.",
    ),
    (
        NOT_ENGLISH,
        "Not English",
        "chorus reads English; a message in another language is not scored.",
    ),
    (
        UNREADABLE,
        "Unreadable set",
        "The set file could not be read: fix the place named, then check again.",
    ),
];

/// Write the SARIF log of `alerts`, with rules from `lexicon`.
pub fn write(alerts: &[Alert], lexicon: &Lexicon, out: &mut dyn Write) -> io::Result<()> {
    let rules = rules(lexicon);
    let index: BTreeMap<&str, usize> = rules
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r["id"].as_str().map(|id| (id, i)))
        .collect();
    let results: Vec<Value> = alerts
        .iter()
        .map(|a| result(a, index.get(a.rule.as_str()).copied()))
        .collect();
    let failed = alerts.iter().any(|a| a.rule == UNREADABLE);
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "chorus",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "invocations": [{ "executionSuccessful": !failed }],
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

fn rules(lexicon: &Lexicon) -> Vec<Value> {
    let mut out: Vec<Value> = OWN_RULES
        .iter()
        .map(|(id, name, help)| {
            let criterion = Criterion::parse(id).map(|c| c.as_str());
            let drift = [
                DriftKind::OffStory,
                DriftKind::Contradiction,
                DriftKind::FactMismatch,
                DriftKind::AvoidedTerm,
            ]
            .iter()
            .any(|k| k.as_str() == *id);
            let group = match (criterion, drift) {
                (Some(_), _) => "criterion",
                (None, true) => "drift",
                _ => "notice",
            };
            rule(id, name, help, help, group)
        })
        .collect();
    for (id, cfg) in lexicon.rules() {
        let short = cfg.label.as_str();
        let help = cfg.suggestion.as_deref().unwrap_or(short);
        out.push(rule(id.id(), &title(short), short, help, &cfg.criterion));
    }
    out
}

fn rule(id: &str, name: &str, short: &str, help: &str, group: &str) -> Value {
    json!({
        "id": id,
        "name": pascal(name),
        "shortDescription": { "text": title(short) },
        "help": { "text": help },
        "properties": { "tags": [group] },
    })
}

fn result(a: &Alert, rule_index: Option<usize>) -> Value {
    let mut region = serde_json::Map::new();
    if let Some(p) = a.place {
        region.insert("startLine".into(), json!(p.line));
        region.insert("startColumn".into(), json!(p.column));
        if let Some((line, column)) = p.end {
            region.insert("endLine".into(), json!(line));
            region.insert("endColumn".into(), json!(column));
        }
    }
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(a.path) },
        }
    });
    if !region.is_empty() {
        location["physicalLocation"]["region"] = Value::Object(region);
    }
    let mut r = json!({
        "ruleId": a.rule,
        "level": match a.level { Level::Error => "error", Level::Note => "note" },
        "message": { "text": a.message },
        "locations": [location],
    });
    if let Some(i) = rule_index {
        r["ruleIndex"] = json!(i);
    }
    if let Some(f) = &a.fingerprint {
        r["partialFingerprints"] = json!({ "chorusMessage/v1": f });
    }
    r
}

/// A file path as a SARIF URI reference: relative paths stay relative
/// (resolved against the checkout), with `/` separators and the
/// characters a URI may not hold percent-encoded.
fn uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    if path.is_absolute() {
        format!("file://{out}")
    } else {
        out
    }
}

fn title(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "a named beneficiary" → "ANamedBeneficiary", the form SARIF viewers
/// expect of a rule's name.
fn pascal(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric()).map(title).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri(Path::new("comms/q3 plan.yaml")), "comms/q3%20plan.yaml");
        assert_eq!(uri(Path::new("/srv/a#b.yaml")), "file:///srv/a%23b.yaml");
        assert_eq!(uri(Path::new("caf\u{e9}.yaml")), "caf%C3%A9.yaml");
    }

    #[test]
    fn rule_names_read_as_names() {
        assert_eq!(pascal("a named beneficiary"), "ANamedBeneficiary");
        assert_eq!(pascal("Off story"), "OffStory");
    }

    #[test]
    fn every_rule_has_an_id_once() {
        let rules = rules(&Lexicon::builtin());
        let mut ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "rule ids are unique");
        assert!(ids.contains(&"buzzword") && ids.contains(&"off_story") && ids.contains(&"specific"));
    }
}
