//! Checks across fields of a well-typed set: unique ids, audiences that name
//! declared segments, waivers that say why. Run on every load, and public so
//! the workbench can check an edited set before it saves it.

use std::collections::HashMap;

use super::decode::VERSION;
use super::limits::{MAX_MESSAGES, MAX_TEXT_CHARS};
use super::path::FieldPath;
use super::problem::Problem;
use crate::core::model::{Audience, MessageSet};

/// The first problem of `set`, in file order where possible.
pub fn validate(set: &MessageSet) -> Result<(), Problem> {
    let root = FieldPath::root();
    // Loading already refuses other versions; this catches a set built in
    // code (`MessageSet::default()` has version 0) before it is saved.
    if set.version != VERSION {
        return Err(Problem::new(
            root.key("version"),
            format!("`version` should be {VERSION}, found {}", set.version),
        ));
    }

    if set.internal.len() > MAX_MESSAGES {
        return Err(Problem::new(
            root.key("internal").index(MAX_MESSAGES),
            format!(
                "the set has {} messages; chorus reads sets of at most {} messages: split it into \
                 several sets",
                set.internal.len(),
                MAX_MESSAGES
            ),
        ));
    }

    for (i, m) in set.internal.iter().enumerate() {
        // Bytes first: counting characters of a huge text is the cost to avoid.
        if m.text.len() > MAX_TEXT_CHARS && m.text.chars().count() > MAX_TEXT_CHARS {
            return Err(Problem::new(
                root.key("internal").index(i).key("text"),
                format!(
                    "message `{}`: its text has {} characters; chorus checks at most {} per message: \
                     split it, or keep long documents out of the set",
                    m.id,
                    m.text.chars().count(),
                    MAX_TEXT_CHARS
                ),
            ));
        }
    }

    let segments_path = root.key("segments");
    let mut declared: HashMap<&str, usize> = HashMap::new();
    for (i, segment) in set.segments.iter().enumerate() {
        if let Some(&first) = declared.get(segment.as_str()) {
            return Err(Problem::duplicate(
                segments_path.index(i),
                format!("segment `{segment}` is listed twice"),
                segments_path.index(first),
            ));
        }
        declared.insert(segment, i);
    }

    let pillars_path = root.key("external").key("pillars");
    let mut pillar_ids: HashMap<&str, usize> = HashMap::new();
    for (i, pillar) in set.external.pillars.iter().enumerate() {
        let id_path = pillars_path.index(i).key("id");
        if pillar.id.trim().is_empty() {
            return Err(Problem::new(id_path, format!("pillar #{}: `id` is empty", i + 1)));
        }
        if let Some(&first) = pillar_ids.get(pillar.id.as_str()) {
            return Err(Problem::duplicate(
                id_path,
                format!("duplicate pillar id `{}`", pillar.id),
                pillars_path.index(first).key("id"),
            ));
        }
        pillar_ids.insert(&pillar.id, i);
    }

    let internal_path = root.key("internal");
    let mut message_ids: HashMap<&str, usize> = HashMap::with_capacity(set.internal.len());
    for (i, message) in set.internal.iter().enumerate() {
        // Paths and wording are made only for a problem: this runs for
        // every message on every load.
        let path = || internal_path.index(i);
        if message.id.trim().is_empty() {
            return Err(Problem::new(
                path().key("id"),
                format!("message #{}: `id` is empty", i + 1),
            ));
        }
        if let Some(&first) = message_ids.get(message.id.as_str()) {
            return Err(Problem::duplicate(
                path().key("id"),
                format!("duplicate message id `{}`", message.id),
                internal_path.index(first).key("id"),
            ));
        }
        message_ids.insert(&message.id, i);
        let ctx = || format!("message `{}`", message.id);

        if let Audience::Segments(names) = &message.audience {
            let audience_path = || path().key("audience");
            if names.is_empty() {
                return Err(Problem::new(
                    audience_path(),
                    format!("{}: `audience` names no segment; write `all` or list segments", ctx()),
                ));
            }
            for (k, name) in names.iter().enumerate() {
                if !declared.contains_key(name.as_str()) {
                    return Err(Problem::new(
                        audience_path().index(k),
                        undeclared(&ctx(), name, &set.segments),
                    ));
                }
            }
        }

        let waive_path = || path().key("waive");
        let mut waived = HashMap::new();
        for (j, waiver) in message.waive.iter().enumerate() {
            if let Some(&first) = waived.get(&waiver.criterion) {
                return Err(Problem::duplicate(
                    waive_path().index(j).key("criterion"),
                    format!("{}: `{}` is waived twice", ctx(), waiver.criterion),
                    waive_path().index(first).key("criterion"),
                ));
            }
            waived.insert(waiver.criterion, j);
            if waiver.reason.trim().is_empty() {
                return Err(Problem::new(
                    waive_path().index(j).key("reason"),
                    format!(
                        "{}: the waiver of `{}` needs a reason: \
                         say why the team accepts failing it",
                        ctx(),
                        waiver.criterion
                    ),
                ));
            }
        }
    }
    Ok(())
}

fn undeclared(ctx: &str, name: &str, segments: &[String]) -> String {
    let mut message = format!("{ctx}: audience names `{name}`, which is not in `segments`");
    if segments.is_empty() {
        message.push_str(" (the set declares no segments)");
    } else {
        message.push_str(&format!(" ({})", segments.join(", ")));
    }
    if name == "all" {
        message.push_str("; for everyone, write `audience: all` without brackets");
    } else if let Some(close) = closest(name, segments) {
        message.push_str(&format!("; did you mean `{close}`?"));
    }
    message
}

/// A declared segment that differs from `name` only in case or spacing.
fn closest<'a>(name: &str, segments: &'a [String]) -> Option<&'a str> {
    let norm = |s: &str| -> String { s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase() };
    let wanted = norm(name);
    segments.iter().map(String::as_str).find(|s| norm(s) == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Criterion, Message, Pillar, Waiver};

    fn set() -> MessageSet {
        MessageSet {
            version: 1,
            brand: "B".into(),
            segments: vec!["sales".into(), "repair crews".into()],
            internal: vec![message("a"), message("b")],
            ..Default::default()
        }
    }

    fn message(id: &str) -> Message {
        Message {
            id: id.into(),
            text: "t".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_good_set_passes() {
        assert_eq!(validate(&set()), Ok(()));
    }

    #[test]
    fn duplicate_message_ids_point_at_the_second() {
        let mut s = set();
        s.internal.push(message("a"));
        let e = validate(&s).unwrap_err();
        assert_eq!(e.path.to_string(), "internal[2].id");
        assert_eq!(e.first.unwrap().to_string(), "internal[0].id");
        assert_eq!(e.message, "duplicate message id `a`");
    }

    #[test]
    fn duplicate_pillar_ids() {
        let mut s = set();
        let p = Pillar {
            id: "speed".into(),
            ..Default::default()
        };
        s.external.pillars = vec![p.clone(), p];
        let e = validate(&s).unwrap_err();
        assert_eq!(e.path.to_string(), "external.pillars[1].id");
        assert_eq!(e.message, "duplicate pillar id `speed`");
    }

    #[test]
    fn audiences_name_declared_segments() {
        let mut s = set();
        s.internal[1].audience = Audience::Segments(vec!["sales".into(), "Repair  Crews".into()]);
        let e = validate(&s).unwrap_err();
        assert_eq!(e.path.to_string(), "internal[1].audience[1]");
        assert_eq!(
            e.message,
            "message `b`: audience names `Repair  Crews`, which is not in `segments` \
             (sales, repair crews); did you mean `repair crews`?"
        );
        s.internal[1].audience = Audience::Segments(vec!["all".into()]);
        let e = validate(&s).unwrap_err();
        assert!(e.message.ends_with("write `audience: all` without brackets"), "{e}");
        s.internal[1].audience = Audience::Segments(vec![]);
        let e = validate(&s).unwrap_err();
        assert_eq!(e.path.to_string(), "internal[1].audience");
    }

    #[test]
    fn waivers_need_distinct_criteria_and_reasons() {
        let mut s = set();
        let w = |reason: &str| Waiver {
            criterion: Criterion::Inclusive,
            reason: reason.into(),
            ..Default::default()
        };
        s.internal[0].waive = vec![w("  ")];
        let e = validate(&s).unwrap_err();
        assert_eq!(e.path.to_string(), "internal[0].waive[0].reason");
        s.internal[0].waive = vec![w("r"), w("r")];
        let e = validate(&s).unwrap_err();
        assert_eq!(e.path.to_string(), "internal[0].waive[1].criterion");
        assert_eq!(e.message, "message `a`: `inclusive` is waived twice");
    }

    #[test]
    fn a_set_built_in_code_needs_the_version() {
        let e = validate(&MessageSet::default()).unwrap_err();
        assert_eq!(e.path.to_string(), "version");
        assert_eq!(e.message, "`version` should be 1, found 0");
    }

    #[test]
    fn duplicate_segments_and_empty_ids() {
        let mut s = set();
        s.segments.push("sales".into());
        let e = validate(&s).unwrap_err();
        assert_eq!(e.path.to_string(), "segments[2]");
        let mut s = set();
        s.internal[0].id = " ".into();
        let e = validate(&s).unwrap_err();
        assert_eq!(e.message, "message #1: `id` is empty");
    }
}
