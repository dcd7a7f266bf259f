//! The field editor: a message's details (id, kind, title, audience,
//! channel, messenger, status, date, waivers) and the external story (brand, story, avoided
//! terms, segments, pillars) as a list of one-line fields. Lists are typed
//! comma-separated (facts, which may hold commas, are `;`-separated). Every
//! value is checked before it reaches the set, so a saved file loads again.

use crate::core::model::{Audience, Criterion, Date, Message, MessageSet, Pillar, Status, Waiver};

/// What a form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The message at this index of the set.
    Message(usize),
    Story,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKey {
    Id,
    Kind,
    Title,
    Audience,
    Channel,
    Messenger,
    Status,
    Date,
    Waiver(Criterion),
    Brand,
    Story,
    Avoid,
    Segments,
    PillarId(usize),
    PillarClaim(usize),
    PillarKeywords(usize),
    PillarFacts(usize),
    PillarOpposites(usize),
}

impl FieldKey {
    /// The pillar this field belongs to, if any.
    pub fn pillar(self) -> Option<usize> {
        match self {
            FieldKey::PillarId(i)
            | FieldKey::PillarClaim(i)
            | FieldKey::PillarKeywords(i)
            | FieldKey::PillarFacts(i)
            | FieldKey::PillarOpposites(i) => Some(i),
            _ => None,
        }
    }
}

/// One row of the form.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub key: FieldKey,
    pub label: String,
    pub value: String,
    /// What may be typed, shown under the form while the field is selected.
    pub hint: &'static str,
}

/// What a committed change touched, so the caller rescores the right things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    /// One message: rescore it.
    Message(usize),
    /// The story, pillars or segments: rebuild the reviewer, rescore all.
    Story,
}

fn list(v: &[String]) -> String {
    v.join(", ")
}

fn split(v: &str, sep: char) -> Vec<String> {
    v.split(sep)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn opt(v: &str) -> Option<String> {
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// The fields of `target`, with the set's current values.
pub fn fields(set: &MessageSet, target: Target) -> Vec<Field> {
    let f = |key, label: &str, value: String, hint| Field {
        key,
        label: label.to_string(),
        value,
        hint,
    };
    match target {
        Target::Message(i) => {
            let Some(m) = set.internal.get(i) else {
                return vec![];
            };
            // An optional field shows as empty when it is not set.
            let opt = |key, label, value: &Option<String>, hint| f(key, label, value.clone().unwrap_or_default(), hint);
            let kinds = "empty is a story message; or update, recognition, question, or a kind of your lexicon";
            let status = m.status.map(Status::as_str).unwrap_or("").to_string();
            let mut v = vec![
                f(FieldKey::Id, "id", m.id.clone(), "unique in the set"),
                opt(FieldKey::Title, "title", &m.title, "optional"),
                opt(FieldKey::Kind, "kind", &m.kind, kinds),
                f(
                    FieldKey::Audience,
                    "audience",
                    m.audience.to_string(),
                    "all, or segments separated by commas",
                ),
                opt(
                    FieldKey::Channel,
                    "channel",
                    &m.channel,
                    "optional, e.g. town hall, email, chat",
                ),
                opt(
                    FieldKey::Messenger,
                    "messenger",
                    &m.messenger,
                    "optional: who sends it, e.g. COO",
                ),
                f(FieldKey::Status, "status", status, "draft, review, approved, or empty"),
                f(
                    FieldKey::Date,
                    "date",
                    m.date.map(|d| d.to_string()).unwrap_or_default(),
                    "the day it goes out, YYYY-MM-DD, or empty",
                ),
            ];
            for c in Criterion::ALL {
                v.push(f(
                    FieldKey::Waiver(c),
                    &format!("waive {c}"),
                    m.waiver(c).map(|w| w.reason.clone()).unwrap_or_default(),
                    "the reason the team accepts failing it; empty = not waived",
                ));
            }
            v
        }
        Target::Story => {
            let e = &set.external;
            let mut v = vec![
                f(FieldKey::Brand, "brand", set.brand.clone(), "the company's name"),
                f(
                    FieldKey::Story,
                    "story",
                    e.story.clone(),
                    "one or two sentences the company tells the world",
                ),
                f(
                    FieldKey::Avoid,
                    "avoid",
                    list(&e.avoid),
                    "terms the brand avoids, separated by commas",
                ),
                f(
                    FieldKey::Segments,
                    "segments",
                    list(&set.segments),
                    "departments, regions or levels, separated by commas",
                ),
            ];
            for (i, p) in e.pillars.iter().enumerate() {
                let n = i + 1;
                let pillar = [
                    (FieldKey::PillarId(i), "id", p.id.clone(), "unique short name"),
                    (
                        FieldKey::PillarClaim(i),
                        "claim",
                        p.claim.clone(),
                        "the claim the story rests on",
                    ),
                    (
                        FieldKey::PillarKeywords(i),
                        "keywords",
                        list(&p.keywords),
                        "words that show support, separated by commas",
                    ),
                    (
                        FieldKey::PillarFacts(i),
                        "facts",
                        p.facts.join("; "),
                        "statements with quantities, separated by semicolons",
                    ),
                    (
                        FieldKey::PillarOpposites(i),
                        "opposites",
                        list(&p.opposites),
                        "words that assert the contrary, separated by commas",
                    ),
                ];
                for (key, what, value, hint) in pillar {
                    v.push(f(key, &format!("pillar {n} {what}"), value, hint));
                }
            }
            v
        }
    }
}

/// Check `value` for the field and write it into the set. The change is
/// tried on a copy and kept only if the whole set still passes the store's
/// validation, so the workbench never saves a file it could not reopen
/// (a segment listed twice, an audience naming a removed segment, ...).
/// `kinds` are the kinds of message the lexicon knows.
pub fn apply(
    set: &mut MessageSet,
    target: Target,
    key: FieldKey,
    value: &str,
    kinds: &[String],
) -> Result<Changed, String> {
    let mut trial = set.clone();
    let changed = apply_unchecked(&mut trial, target, (key, value), kinds)?;
    crate::core::store::validate(&trial).map_err(|p| p.message)?;
    *set = trial;
    Ok(changed)
}

/// `apply` without the validation: `(key, value)` is the field and what was typed.
fn apply_unchecked(
    set: &mut MessageSet,
    target: Target,
    edit: (FieldKey, &str),
    kinds: &[String],
) -> Result<Changed, String> {
    let (key, value) = edit;
    match target {
        Target::Message(i) => {
            let segments = set.segments.clone();
            let taken: Vec<String> = set
                .internal
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, m)| m.id.clone())
                .collect();
            let m = set.internal.get_mut(i).ok_or("that message is gone")?;
            apply_message(m, key, value, &segments, &taken, kinds)?;
            Ok(Changed::Message(i))
        }
        Target::Story => {
            apply_story(set, key, value)?;
            Ok(Changed::Story)
        }
    }
}

fn apply_message(
    m: &mut Message,
    key: FieldKey,
    value: &str,
    segments: &[String],
    taken: &[String],
    kinds: &[String],
) -> Result<(), String> {
    match key {
        FieldKey::Id => {
            let id = value.trim();
            if id.is_empty() {
                return Err("a message needs an id".into());
            }
            if taken.iter().any(|t| t == id) {
                return Err(format!("another message already has the id {id}"));
            }
            m.id = id.to_string();
        }
        FieldKey::Kind => {
            let v = value.trim();
            // Matched forgivingly, kept in the lexicon's spelling.
            m.kind = if v.is_empty() {
                None
            } else if let Some(k) = kinds.iter().find(|k| k.eq_ignore_ascii_case(v)) {
                Some(k.clone())
            } else {
                return Err(format!("{v} is not a kind of message: {}", kinds.join(", ")));
            };
        }
        FieldKey::Title => m.title = opt(value),
        FieldKey::Channel => m.channel = opt(value),
        FieldKey::Messenger => m.messenger = opt(value),
        FieldKey::Audience => {
            if value.trim().eq_ignore_ascii_case("all") || value.trim().is_empty() {
                m.audience = Audience::All;
            } else {
                let names = split(value, ',');
                // Match segment names forgivingly, but store the set's spelling.
                let mut out = Vec::new();
                for n in names {
                    match segments.iter().find(|s| s.eq_ignore_ascii_case(&n)) {
                        Some(s) => out.push(s.clone()),
                        None => {
                            return Err(format!(
                                "{n} is not a segment of this set (segments: {})",
                                segments.join(", ")
                            ))
                        }
                    }
                }
                m.audience = Audience::Segments(out);
            }
        }
        FieldKey::Status => {
            let v = value.trim().to_lowercase();
            m.status = if v.is_empty() {
                None
            } else {
                Some(Status::parse(&v).ok_or_else(|| format!("{v} is not a status: draft, review or approved"))?)
            };
        }
        FieldKey::Date => {
            let v = value.trim();
            m.date = if v.is_empty() { None } else { Some(Date::parse(v)?) };
        }
        FieldKey::Waiver(c) => match (opt(value), m.waive.iter().position(|w| w.criterion == c)) {
            (None, Some(p)) => {
                m.waive.remove(p);
            }
            (None, None) => {}
            (Some(reason), Some(p)) => m.waive[p].reason = reason,
            (Some(reason), None) => {
                m.waive.push(Waiver {
                    criterion: c,
                    reason,
                    ..Waiver::default()
                });
                // Keep waivers in checklist order, as a reader expects.
                m.waive.sort_by_key(|w| w.criterion);
            }
        },
        _ => return Err("not a field of a message".into()),
    }
    Ok(())
}

fn apply_story(set: &mut MessageSet, key: FieldKey, value: &str) -> Result<(), String> {
    fn pillar(set: &mut MessageSet, i: usize) -> Result<&mut Pillar, String> {
        set.external
            .pillars
            .get_mut(i)
            .ok_or_else(|| "that pillar is gone".to_string())
    }
    match key {
        FieldKey::Brand => {
            set.brand = opt(value).ok_or("the set needs a brand name")?;
        }
        FieldKey::Story => {
            set.external.story = opt(value).ok_or("the story cannot be empty")?;
        }
        FieldKey::Avoid => set.external.avoid = split(value, ','),
        FieldKey::Segments => {
            let new = split(value, ',');
            // A segment still named as an audience cannot go: the file would not load.
            for m in &set.internal {
                if let Audience::Segments(s) = &m.audience {
                    if let Some(gone) = s.iter().find(|s| !new.contains(s)) {
                        return Err(format!("{gone} is the audience of {}; change that message first", m.id));
                    }
                }
            }
            set.segments = new;
        }
        FieldKey::PillarId(i) => {
            let id = value.trim().to_string();
            if id.is_empty() {
                return Err("a pillar needs an id".into());
            }
            if set
                .external
                .pillars
                .iter()
                .enumerate()
                .any(|(j, p)| j != i && p.id == id)
            {
                return Err(format!("another pillar already has the id {id}"));
            }
            pillar(set, i)?.id = id;
        }
        FieldKey::PillarClaim(i) => {
            pillar(set, i)?.claim = opt(value).ok_or("a pillar needs a claim")?;
        }
        FieldKey::PillarKeywords(i) => pillar(set, i)?.keywords = split(value, ','),
        FieldKey::PillarFacts(i) => pillar(set, i)?.facts = split(value, ';'),
        FieldKey::PillarOpposites(i) => pillar(set, i)?.opposites = split(value, ','),
        _ => return Err("not a field of the story".into()),
    }
    Ok(())
}

/// A new pillar with an id no other pillar has.
pub fn new_pillar(set: &MessageSet) -> Pillar {
    let mut n = set.external.pillars.len() + 1;
    let id = loop {
        let id = format!("pillar-{n}");
        if !set.external.pillars.iter().any(|p| p.id == id) {
            break id;
        }
        n += 1;
    };
    Pillar {
        id,
        claim: "A claim the story rests on".into(),
        ..Pillar::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds() -> Vec<String> {
        ["story", "update", "question"].map(String::from).to_vec()
    }

    fn set() -> MessageSet {
        MessageSet {
            version: crate::core::store::VERSION,
            brand: "Fixture".into(),
            segments: vec!["sales".into(), "IT".into()],
            internal: vec![
                Message {
                    id: "a".into(),
                    ..Message::default()
                },
                Message {
                    id: "b".into(),
                    audience: Audience::Segments(vec!["IT".into()]),
                    ..Message::default()
                },
            ],
            ..MessageSet::default()
        }
    }

    #[test]
    fn a_change_that_would_make_the_file_unreadable_is_refused() {
        let mut s = set();
        s.external.story = "A story.".into();
        let before = s.clone();
        let err = apply(&mut s, Target::Story, FieldKey::Segments, "sales, sales, IT", &kinds()).unwrap_err();
        assert!(err.contains("sales"), "{err}");
        assert_eq!(s, before, "nothing was changed");
        crate::core::store::validate(&s).unwrap();
    }

    #[test]
    fn audience_accepts_all_or_known_segments() {
        let mut s = set();
        let t = Target::Message(0);
        apply(&mut s, t, FieldKey::Audience, "Sales, it", &kinds()).unwrap();
        assert_eq!(
            s.internal[0].audience,
            Audience::Segments(vec!["sales".into(), "IT".into()])
        );
        assert!(apply(&mut s, t, FieldKey::Audience, "marketing", &kinds()).is_err());
        apply(&mut s, t, FieldKey::Audience, "ALL", &kinds()).unwrap();
        assert_eq!(s.internal[0].audience, Audience::All);
    }

    #[test]
    fn ids_stay_unique_and_status_is_checked() {
        let mut s = set();
        assert!(apply(&mut s, Target::Message(0), FieldKey::Id, "b", &kinds()).is_err());
        assert!(apply(&mut s, Target::Message(0), FieldKey::Id, " ", &kinds()).is_err());
        assert!(apply(&mut s, Target::Message(0), FieldKey::Status, "done", &kinds()).is_err());
        apply(&mut s, Target::Message(0), FieldKey::Status, "Review", &kinds()).unwrap();
        assert_eq!(s.internal[0].status, Some(Status::Review));
    }

    #[test]
    fn waivers_are_added_updated_and_removed() {
        let mut s = set();
        let t = Target::Message(0);
        let k = FieldKey::Waiver(Criterion::Realistic);
        apply(&mut s, t, k, "stretch goal", &kinds()).unwrap();
        apply(&mut s, t, FieldKey::Waiver(Criterion::Specific), "x", &kinds()).unwrap();
        let m = &s.internal[0];
        assert_eq!(m.waive[0].criterion, Criterion::Specific);
        assert_eq!(m.waiver(Criterion::Realistic).unwrap().reason, "stretch goal");
        apply(&mut s, t, k, "", &kinds()).unwrap();
        assert!(s.internal[0].waiver(Criterion::Realistic).is_none());
    }

    #[test]
    fn a_kind_must_be_one_the_lexicon_knows() {
        let mut s = set();
        let t = Target::Message(0);
        apply(&mut s, t, FieldKey::Kind, " Update ", &kinds()).unwrap();
        assert_eq!(s.internal[0].kind.as_deref(), Some("update"));
        let err = apply(&mut s, t, FieldKey::Kind, "memo", &kinds()).unwrap_err();
        assert!(err.contains("memo") && err.contains("update"), "{err}");
        assert_eq!(
            s.internal[0].kind.as_deref(),
            Some("update"),
            "a refused value changes nothing"
        );
        // Empty: back to the default, a story message.
        apply(&mut s, t, FieldKey::Kind, "", &kinds()).unwrap();
        assert_eq!(s.internal[0].kind, None);
    }

    #[test]
    fn segments_in_use_cannot_be_removed() {
        let mut s = set();
        assert!(apply(&mut s, Target::Story, FieldKey::Segments, "sales", &kinds()).is_err());
        assert_eq!(
            apply(
                &mut s,
                Target::Story,
                FieldKey::Segments,
                "sales, IT, support",
                &kinds()
            ),
            Ok(Changed::Story)
        );
        assert_eq!(s.segments.len(), 3);
    }

    #[test]
    fn pillar_lists_round_trip_through_fields() {
        let mut s = set();
        s.external.pillars.push(new_pillar(&s));
        let t = Target::Story;
        apply(&mut s, t, FieldKey::PillarKeywords(0), "fast, quick ,, speed", &kinds()).unwrap();
        apply(
            &mut s,
            t,
            FieldKey::PillarFacts(0),
            "within 24 hours, always; 2 visits",
            &kinds(),
        )
        .unwrap();
        let p = &s.external.pillars[0];
        assert_eq!(p.keywords, ["fast", "quick", "speed"]);
        assert_eq!(p.facts, ["within 24 hours, always", "2 visits"]);
        let f = fields(&s, t);
        let kw = f.iter().find(|f| f.key == FieldKey::PillarKeywords(0)).unwrap();
        assert_eq!(kw.value, "fast, quick, speed");
    }
}
