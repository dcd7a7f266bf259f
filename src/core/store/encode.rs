//! `MessageSet` → the tree `emit.rs` writes: keys in the order the file had
//! them (`Extra::order`), unknown keys with their values, and fields set
//! since loading placed where a reader expects them.

use std::borrow::Cow;

use super::decode::{EXTERNAL_KEYS, MESSAGE_KEYS, PILLAR_KEYS, PROGRAMME_KEYS, TOP_KEYS, WAIVER_KEYS};
use super::emit::{self, Node};
use crate::core::model::{Audience, External, Extra, Message, MessageSet, Pillar, ProgrammeSettings, Value, Waiver};

/// The whole set, ready for `emit::document`.
pub fn message_set(set: &MessageSet) -> Node<'_> {
    mapping(
        TOP_KEYS,
        vec![
            Field::set("version", value(Value::Number(set.version.to_string()))),
            Field::set("brand", text(&set.brand)),
            Field::set("external", external(&set.external)),
            Field::list("segments", words(&set.segments), !set.segments.is_empty()),
            Field::list("programme", programme(&set.programme), !set.programme.is_empty()),
            Field::list(
                "internal",
                Node::List(set.internal.iter().map(message).collect()),
                !set.internal.is_empty(),
            ),
        ],
        &set.extra,
    )
}

fn external(external: &External) -> Node<'_> {
    mapping(
        EXTERNAL_KEYS,
        vec![
            Field::set("story", text(&external.story)),
            Field::list(
                "pillars",
                Node::List(external.pillars.iter().map(pillar).collect()),
                !external.pillars.is_empty(),
            ),
            Field::list("avoid", words(&external.avoid), !external.avoid.is_empty()),
        ],
        &external.extra,
    )
}

fn programme(settings: &ProgrammeSettings) -> Node<'_> {
    let number = |name, n: Option<u32>| {
        let node = n.map_or(Node::Empty, |n| value(Value::Number(n.to_string())));
        Field::list(name, node, n.is_some())
    };
    mapping(
        PROGRAMME_KEYS,
        vec![
            number("quiet_weeks", settings.quiet_weeks),
            number("talking_at_share", settings.talking_at_share.map(u32::from)),
        ],
        &settings.extra,
    )
}

fn pillar(pillar: &Pillar) -> Node<'_> {
    mapping(
        PILLAR_KEYS,
        vec![
            Field::set("id", text(&pillar.id)),
            Field::set("claim", text(&pillar.claim)),
            Field::list("keywords", words(&pillar.keywords), !pillar.keywords.is_empty()),
            Field::list("facts", words(&pillar.facts), !pillar.facts.is_empty()),
            Field::list("opposites", words(&pillar.opposites), !pillar.opposites.is_empty()),
        ],
        &pillar.extra,
    )
}

fn message(message: &Message) -> Node<'_> {
    let audience = match &message.audience {
        Audience::All => text("all"),
        Audience::Segments(names) => words(names),
    };
    // A file may leave `audience: all` out; a message made by the workbench
    // (no key order yet) says it, so a reader sees who it is for.
    let audience_set = !message.audience.is_all() || message.extra.order.is_empty();
    mapping(
        MESSAGE_KEYS,
        vec![
            Field::set("id", text(&message.id)),
            Field::optional("kind", message.kind.as_deref()),
            Field::optional("title", message.title.as_deref()),
            Field::list("audience", audience, audience_set),
            Field::optional("channel", message.channel.as_deref()),
            Field::optional("messenger", message.messenger.as_deref()),
            Field::optional("status", message.status.map(|s| s.as_str())),
            Field::list(
                "date",
                message
                    .date
                    .map_or(Node::Empty, |d| value(Value::String(d.to_string()))),
                message.date.is_some(),
            ),
            Field::set("text", text(&message.text)),
            Field::list(
                "waive",
                Node::List(message.waive.iter().map(waiver).collect()),
                !message.waive.is_empty(),
            ),
        ],
        &message.extra,
    )
}

fn waiver(waiver: &Waiver) -> Node<'_> {
    mapping(
        WAIVER_KEYS,
        vec![
            Field::set("criterion", text(waiver.criterion.as_str())),
            Field::set("reason", text(&waiver.reason)),
        ],
        &waiver.extra,
    )
}

/// A known field: what to write if it is written, and whether it must be
/// written even when the file did not have it.
struct Field<'a> {
    name: &'static str,
    node: Node<'a>,
    set: bool,
}

impl<'a> Field<'a> {
    fn set(name: &'static str, node: Node<'a>) -> Self {
        Field { name, node, set: true }
    }

    /// A list, or another field with a default: written when `set`, or when
    /// the file had it (then even empty, as `[]`).
    fn list(name: &'static str, node: Node<'a>, set: bool) -> Self {
        Field { name, node, set }
    }

    /// An optional text: when unset but in the file, written as `key:` with
    /// nothing after it, as the file had it.
    fn optional(name: &'static str, value: Option<&'a str>) -> Self {
        match value {
            Some(v) => Field::set(name, text(v)),
            None => Field {
                name,
                node: Node::Empty,
                set: false,
            },
        }
    }
}

/// A mapping in the order of the file: first every key of `extra.order`
/// (known or not), then each known field that is set but was not in the file,
/// right after the last key that comes before it in `canonical` order, then
/// unknown keys that were added without a place in `order`.
fn mapping<'a>(canonical: &[&'static str], fields: Vec<Field<'a>>, extra: &'a Extra) -> Node<'a> {
    let mut fields: Vec<Option<Field<'a>>> = fields.into_iter().map(Some).collect();
    let is_known = |key: &str| canonical.contains(&key);
    let mut out: Vec<(Cow<'a, str>, Node<'a>)> = Vec::with_capacity(extra.order.len() + 2);
    let written = |out: &Vec<(Cow<'a, str>, Node<'a>)>, key: &str| out.iter().any(|(k, _)| k == key);

    for key in &extra.order {
        if let Some(slot) = fields.iter_mut().find(|f| f.as_ref().is_some_and(|f| f.name == key)) {
            let field = slot.take().expect("found just above");
            out.push((Cow::Borrowed(field.name), field.node));
        } else if !is_known(key) && !written(&out, key) {
            if let Some((k, v)) = extra.unknown.iter().find(|(k, _)| k == key) {
                out.push((Cow::Borrowed(k.as_str()), Node::Value(Cow::Borrowed(v))));
            }
        }
    }

    for (rank, slot) in fields.iter_mut().enumerate() {
        let Some(field) = slot.take() else { continue };
        if !field.set {
            continue;
        }
        let at = canonical[..rank]
            .iter()
            .rev()
            .find_map(|before| out.iter().position(|(k, _)| k == before))
            .map_or(0, |i| i + 1);
        out.insert(at, (Cow::Borrowed(field.name), field.node));
    }

    for (k, v) in &extra.unknown {
        if !is_known(k) && !written(&out, k) {
            out.push((Cow::Borrowed(k.as_str()), Node::Value(Cow::Borrowed(v))));
        }
    }
    Node::Map(out)
}

fn value(v: Value) -> Node<'static> {
    Node::Value(Cow::Owned(v))
}

fn text(s: &str) -> Node<'static> {
    value(Value::String(s.to_string()))
}

fn words(items: &[String]) -> Node<'static> {
    value(Value::Seq(items.iter().map(|s| Value::String(s.clone())).collect()))
}

/// The set as YAML: unknown fields kept, key and message order kept, long
/// prose folded near 80 columns, short word lists in `[a, b]` style.
/// Comments of the file the set was loaded from are not kept.
pub fn to_yaml(set: &MessageSet) -> String {
    emit::document(&message_set(set))
}

#[cfg(test)]
mod tests {
    use super::super::emit;
    use super::*;
    use crate::core::model::Status;

    fn keys(node: &Node) -> Vec<String> {
        match node {
            Node::Map(entries) => entries.iter().map(|(k, _)| k.to_string()).collect(),
            _ => panic!("not a mapping"),
        }
    }

    fn extra(order: &[&str]) -> Extra {
        Extra {
            order: order.iter().map(|s| s.to_string()).collect(),
            unknown: Vec::new(),
        }
    }

    #[test]
    fn keys_follow_the_file_order() {
        let m = Message {
            id: "a".into(),
            text: "t".into(),
            extra: Extra {
                order: vec!["text".into(), "expect".into(), "id".into()],
                unknown: vec![("expect".into(), Value::Bool(true))],
            },
            ..Default::default()
        };
        assert_eq!(keys(&message(&m)), ["text", "expect", "id"]);
    }

    #[test]
    fn new_fields_go_after_their_canonical_predecessor() {
        let m = Message {
            id: "a".into(),
            text: "t".into(),
            title: Some("T".into()),
            status: Some(Status::Draft),
            audience: Audience::Segments(vec!["sales".into()]),
            extra: extra(&["text", "id", "channel"]),
            ..Default::default()
        };
        // title after id; audience after title; status after the last key
        // before it in canonical order that is present (channel).
        assert_eq!(
            keys(&message(&m)),
            ["text", "id", "title", "audience", "channel", "status"]
        );
    }

    #[test]
    fn unset_optional_fields_stay_absent_unless_the_file_had_them() {
        let m = Message {
            id: "a".into(),
            text: "t".into(),
            extra: extra(&["id", "text", "title", "waive"]),
            ..Default::default()
        };
        let node = message(&m);
        assert_eq!(keys(&node), ["id", "text", "title", "waive"]);
        let yaml = emit::document(&node);
        assert_eq!(yaml, "id: a\ntext: t\ntitle:\nwaive: []\n");
    }

    #[test]
    fn a_message_made_by_code_gets_every_set_field_in_canonical_order() {
        let m = Message {
            id: "a".into(),
            text: "t".into(),
            ..Default::default()
        };
        assert_eq!(keys(&message(&m)), ["id", "audience", "text"]);
    }

    #[test]
    fn unknown_keys_added_by_code_go_last_and_known_names_are_not_doubled() {
        let mut e = extra(&["id", "text"]);
        e.unknown = vec![("note".into(), Value::Null), ("text".into(), Value::Null)];
        let m = Message {
            id: "a".into(),
            text: "t".into(),
            extra: e,
            ..Default::default()
        };
        assert_eq!(keys(&message(&m)), ["id", "text", "note"]);
    }
}
