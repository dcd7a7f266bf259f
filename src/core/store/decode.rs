//! `Value` → `MessageSet`, field by field and by hand (not with serde), so
//! every problem names the path of the value at fault and says what was
//! expected, and so unknown keys and the order of all keys are kept.
//! Checks that span several fields (duplicates, undeclared segments) are
//! in `validate.rs`.

use std::collections::HashMap;

use super::path::{FieldPath, Step};
use super::problem::{describe, Problem};
use crate::core::model::{Audience, Criterion, External, Extra, Message, MessageSet, Pillar, Status, Value, Waiver};

/// The fields chorus knows in each mapping, in the order it writes them.
pub const TOP_KEYS: &[&str] = &["version", "brand", "external", "segments", "internal"];
pub const EXTERNAL_KEYS: &[&str] = &["story", "pillars", "avoid"];
pub const PILLAR_KEYS: &[&str] = &["id", "claim", "keywords", "facts", "opposites"];
pub const MESSAGE_KEYS: &[&str] = &[
    "id",
    "kind",
    "title",
    "audience",
    "channel",
    "messenger",
    "status",
    "text",
    "waive",
];
pub const WAIVER_KEYS: &[&str] = &["criterion", "reason"];

/// The schema version this code reads and writes.
pub const VERSION: u32 = 1;

/// Read a whole set from the document's top-level value.
pub fn message_set(value: Value) -> Result<MessageSet, Problem> {
    let root = FieldPath::root();
    let mut top = Mapping::read(
        value,
        &root,
        TOP_KEYS,
        "the top level of a message set: a mapping with `version`, `brand`, `external`, \
         `segments` and `internal`",
    )?;
    // The version first: a file of another version may not match the rest.
    let version = match top.take("version") {
        Some((v, path)) => version(v, path)?,
        None => return Err(top.missing("version", "missing `version: 1` (the schema version of this file)")),
    };
    let brand = match top.take("brand") {
        Some((v, path)) => text(v, &path, "", "brand")?,
        None => return Err(top.missing("brand", "missing `brand`: the name of the brand this set speaks for")),
    };
    let external = match top.take("external") {
        Some((v, path)) => external(v, &path)?,
        None => {
            return Err(top.missing(
                "external",
                "missing `external`: the external story (`story`, `pillars`) the internal \
                 messages must agree with",
            ))
        }
    };
    let segments = match top.take("segments") {
        Some((v, path)) => words(v, &path, "", "segments", "[sales, support, IT]")?,
        None => Vec::new(),
    };
    let internal = match top.take("internal") {
        Some((v, path)) => messages(v, &path)?,
        None => Vec::new(),
    };
    Ok(MessageSet {
        version,
        brand,
        external,
        segments,
        internal,
        extra: top.extra(),
    })
}

fn version(value: Value, path: FieldPath) -> Result<u32, Problem> {
    match &value {
        Value::Number(n) if n.parse::<u64>() == Ok(u64::from(VERSION)) => Ok(VERSION),
        Value::Number(n) => Err(Problem::new(
            path,
            format!(
                "`version` should be {VERSION}, found {n}: \
                 this chorus reads version {VERSION} sets only"
            ),
        )),
        other => Err(Problem::new(
            path,
            format!("`version` should be the number {VERSION}, found {}", describe(other)),
        )),
    }
}

fn external(value: Value, path: &FieldPath) -> Result<External, Problem> {
    let mut map = Mapping::read(
        value,
        path,
        EXTERNAL_KEYS,
        "the external story: a mapping with `story`, `pillars` and `avoid`",
    )?;
    let story = map.required_text("story", "", || {
        "`external` has no `story`: the one or two sentences the company tells the world"
    })?;
    let pillars = match map.take("pillars") {
        Some((Value::Null, _)) | None => Vec::new(),
        Some((Value::Seq(items), p)) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| pillar(item, &p.index(i), i))
            .collect::<Result<_, _>>()?,
        Some((other, p)) => {
            return Err(Problem::new(
                p,
                format!(
                    "`pillars` should be a list of pillars (`- id: ...`), found {}",
                    describe(&other)
                ),
            ))
        }
    };
    let avoid = match map.take("avoid") {
        Some((v, p)) => words(v, &p, "", "avoid", "[cheap, discount]")?,
        None => Vec::new(),
    };
    Ok(External {
        story,
        pillars,
        avoid,
        extra: map.extra(),
    })
}

fn pillar(value: Value, path: &FieldPath, index: usize) -> Result<Pillar, Problem> {
    let mut map = Mapping::read(
        value,
        path,
        PILLAR_KEYS,
        "a pillar: a mapping with `id`, `claim` and `keywords`",
    )?;
    let id = map.required_text("id", &format!("pillar #{}: ", index + 1), || {
        format!("pillar #{} has no `id` (a short name, e.g. `id: speed`)", index + 1)
    })?;
    let ctx = format!("pillar `{id}`: ");
    let claim = map.required_text("claim", &ctx, || {
        format!("pillar `{id}` has no `claim`: the claim of the story it stands for")
    })?;
    let mut list = |key: &str, example: &str| -> Result<Vec<String>, Problem> {
        match map.take(key) {
            Some((v, p)) => words(v, &p, &ctx, key, example),
            None => Ok(Vec::new()),
        }
    };
    let keywords = list("keywords", "[fast, quick]")?;
    let facts = list("facts", "[\"Orders ship within 24 hours\"]")?;
    let opposites = list("opposites", "[slow, delay]")?;
    Ok(Pillar {
        id,
        claim,
        keywords,
        facts,
        opposites,
        extra: map.extra(),
    })
}

fn messages(value: Value, path: &FieldPath) -> Result<Vec<Message>, Problem> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Seq(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                out.push(message(item, &path.index(i), i)?);
            }
            Ok(out)
        }
        other => Err(Problem::new(
            path.clone(),
            format!(
                "`internal` should be a list of messages (`- id: ...`), found {}",
                describe(&other)
            ),
        )),
    }
}

fn message(value: Value, path: &FieldPath, index: usize) -> Result<Message, Problem> {
    let mut map = Mapping::read(
        value,
        path,
        MESSAGE_KEYS,
        "a message: a mapping with `id`, `audience` and `text`",
    )?;
    let id = map.required_text("id", &format!("message #{}: ", index + 1), || {
        format!(
            "message #{} has no `id` (a short name unique in this file, \
                     e.g. `id: all-hands-speed`)",
            index + 1
        )
    })?;
    let ctx = format!("message `{id}`: ");
    let mut optional = |key: &str| -> Result<Option<String>, Problem> {
        match map.take(key) {
            Some((Value::Null, _)) | None => Ok(None),
            Some((v, p)) => text(v, &p, &ctx, key).map(Some),
        }
    };
    let kind = optional("kind")?;
    let title = optional("title")?;
    let channel = optional("channel")?;
    let messenger = optional("messenger")?;
    let audience = match map.take("audience") {
        Some((v, p)) => audience(v, &p, &ctx)?,
        // Who a message is for is its most important field after the text,
        // but a message written for everyone may leave it out.
        None => Audience::All,
    };
    let status = match map.take("status") {
        Some((Value::Null, _)) | None => None,
        Some((v, p)) => Some(status(v, p, &ctx)?),
    };
    let text_value = map.required_text("text", &ctx, || {
        format!("message `{id}` has no `text`: every message needs the words it says")
    })?;
    let waive = match map.take("waive") {
        Some((Value::Null, _)) | None => Vec::new(),
        Some((Value::Seq(items), p)) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| waiver(item, &p.index(i), &ctx))
            .collect::<Result<_, _>>()?,
        Some((other, p)) => {
            return Err(Problem::new(
                p,
                format!(
                    "{ctx}`waive` should be a list of waivers like \
                     [{{criterion: inclusive, reason: \"...\"}}], found {}",
                    describe(&other)
                ),
            ))
        }
    };
    Ok(Message {
        id,
        kind,
        title,
        audience,
        channel,
        messenger,
        status,
        text: text_value,
        waive,
        extra: map.extra(),
    })
}

fn audience(value: Value, path: &FieldPath, ctx: &str) -> Result<Audience, Problem> {
    match value {
        Value::String(s) if s == "all" => Ok(Audience::All),
        Value::String(s) if s.trim().eq_ignore_ascii_case("all") => Err(Problem::new(
            path.clone(),
            format!("{ctx}`audience` should be `all` in lower case, found the text \"{s}\""),
        )),
        Value::Seq(items) => {
            let mut segments = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                segments.push(text(item, &path.index(i), ctx, "audience")?);
            }
            Ok(Audience::Segments(segments))
        }
        Value::String(s) => Err(Problem::new(
            path.clone(),
            format!(
                "{ctx}`audience` should be `all` or a list of segments like [{s}], \
                 found the text \"{s}\""
            ),
        )),
        other => Err(Problem::new(
            path.clone(),
            format!(
                "{ctx}`audience` should be `all` or a list of segments like [sales, support], \
                 found {}",
                describe(&other)
            ),
        )),
    }
}

fn status(value: Value, path: FieldPath, ctx: &str) -> Result<Status, Problem> {
    if let Value::String(s) = &value {
        if let Some(status) = Status::parse(s) {
            return Ok(status);
        }
    }
    Err(Problem::new(
        path,
        format!(
            "{ctx}`status` should be draft, review or approved, found {}",
            describe(&value)
        ),
    ))
}

fn waiver(value: Value, path: &FieldPath, ctx: &str) -> Result<Waiver, Problem> {
    let mut map = Mapping::read(
        value,
        path,
        WAIVER_KEYS,
        "a waiver: a mapping with `criterion` and `reason`",
    )?;
    let criterion = match map.take("criterion") {
        Some((v, p)) => {
            let found = match &v {
                Value::String(s) => Criterion::parse(s),
                _ => None,
            };
            found.ok_or_else(|| {
                Problem::new(
                    p,
                    format!(
                        "{ctx}a waiver's `criterion` should be specific, inclusive, aspirational \
                         or realistic, found {}",
                        describe(&v)
                    ),
                )
            })?
        }
        None => {
            return Err(map.missing(
                "criterion",
                format!(
                    "{ctx}the waiver has no `criterion` \
                     (specific, inclusive, aspirational or realistic)"
                ),
            ))
        }
    };
    let reason = map.required_text("reason", ctx, || {
        format!(
            "{ctx}the waiver of `{criterion}` has no `reason`: \
                     say why the team accepts failing it"
        )
    })?;
    Ok(Waiver {
        criterion,
        reason,
        extra: map.extra(),
    })
}

/// A field that must be text. Numbers and booleans get a hint, since YAML
/// reads `id: 12` or `title: true` as such unless quoted.
fn text(value: Value, path: &FieldPath, ctx: &str, field: &str) -> Result<String, Problem> {
    match value {
        Value::String(s) => Ok(s),
        Value::Number(n) => Err(Problem::new(
            path.clone(),
            format!(
                "{ctx}`{field}` should be text, found the number {n} \
                 (write \"{n}\" in quotes to use it as text)"
            ),
        )),
        Value::Bool(b) => Err(Problem::new(
            path.clone(),
            format!(
                "{ctx}`{field}` should be text, found `{b}` \
                 (write \"{b}\" in quotes to use it as text)"
            ),
        )),
        other => Err(Problem::new(
            path.clone(),
            format!("{ctx}`{field}` should be text, found {}", describe(&other)),
        )),
    }
}

/// A list of short texts (keywords, segments...). Nothing (`facts:`) is an
/// empty list.
fn words(value: Value, path: &FieldPath, ctx: &str, field: &str, example: &str) -> Result<Vec<String>, Problem> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Seq(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                out.push(text(item, &path.index(i), ctx, field)?);
            }
            Ok(out)
        }
        Value::String(s) => Err(Problem::new(
            path.clone(),
            format!(
                "{ctx}`{field}` should be a list like {example}, found the text \"{s}\" \
                 (write [{s}])"
            ),
        )),
        other => Err(Problem::new(
            path.clone(),
            format!(
                "{ctx}`{field}` should be a list like {example}, found {}",
                describe(&other)
            ),
        )),
    }
}

/// The entries of one of the schema's mappings, split into the fields chorus
/// knows (taken one by one) and the rest (kept as they are, with the order
/// of every key, for writing back).
struct Mapping {
    path: FieldPath,
    order: Vec<String>,
    known: Vec<(String, Value)>,
    unknown: Vec<(String, Value)>,
}

impl Mapping {
    fn read(value: Value, path: &FieldPath, known: &[&str], expected: &str) -> Result<Self, Problem> {
        let Value::Map(entries) = value else {
            return Err(Problem::new(
                path.clone(),
                format!("expected {expected}; found {}", describe(&value)),
            ));
        };
        let mut map = Mapping {
            path: path.clone(),
            order: Vec::with_capacity(entries.len()),
            known: Vec::new(),
            unknown: Vec::new(),
        };
        let mut seen: HashMap<String, usize> = HashMap::with_capacity(entries.len());
        for (i, (key, value)) in entries.into_iter().enumerate() {
            let Value::String(key) = key else {
                return Err(Problem::new(
                    path.then(Step::KeyAt(i)),
                    format!("keys here should be text, found {}", describe(&key)),
                ));
            };
            if let Some(&first) = seen.get(&key) {
                return Err(Problem::duplicate(
                    path.then(Step::KeyAt(i)),
                    format!("`{key}` appears twice in the same mapping"),
                    path.then(Step::KeyAt(first)),
                ));
            }
            seen.insert(key.clone(), i);
            map.order.push(key.clone());
            if known.contains(&key.as_str()) {
                map.known.push((key, value));
            } else {
                map.unknown.push((key, value));
            }
        }
        Ok(map)
    }

    /// A required field is missing: the problem, at this mapping, with a hint
    /// when an unknown key is that field spelled differently (`Text:`).
    /// A text field the mapping must have: its value, or a problem that
    /// says what is missing (`missing` is only built when it is).
    fn required_text<M: Into<String>>(
        &mut self,
        field: &str,
        ctx: &str,
        missing: impl FnOnce() -> M,
    ) -> Result<String, Problem> {
        match self.take(field) {
            Some((v, p)) => text(v, &p, ctx, field),
            None => Err(self.missing(field, missing())),
        }
    }

    fn missing(&self, field: &str, message: impl Into<String>) -> Problem {
        let mut message = message.into();
        let near = self.unknown.iter().find(|(k, _)| k.trim().eq_ignore_ascii_case(field));
        if let Some((k, _)) = near {
            message.push_str(&format!(" (is `{k}` meant to be `{field}`? keys are lower case)"));
        }
        Problem::new(self.path.clone(), message)
    }

    /// The value of a known field and its path, if the file has it.
    fn take(&mut self, key: &str) -> Option<(Value, FieldPath)> {
        let i = self.known.iter().position(|(k, _)| k == key)?;
        let (_, value) = self.known.swap_remove(i);
        Some((value, self.path.key(key)))
    }

    fn extra(self) -> Extra {
        Extra {
            order: self.order,
            unknown: self.unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::yaml;
    use super::*;

    fn read(src: &str) -> Result<MessageSet, Problem> {
        message_set(yaml::parse(src).expect("valid YAML"))
    }

    const HEAD: &str = "version: 1\nbrand: B\nexternal:\n  story: S\n";

    fn with_message(fields: &str) -> String {
        format!("{HEAD}internal:\n  - {fields}\n")
    }

    fn path(steps: &[&str]) -> FieldPath {
        FieldPath(
            steps
                .iter()
                .map(|s| match s.parse::<usize>() {
                    Ok(i) => Step::Index(i),
                    Err(_) => Step::Key(s.to_string()),
                })
                .collect(),
        )
    }

    #[test]
    fn reads_a_minimal_set() {
        let set = read(HEAD).unwrap();
        assert_eq!(set.version, 1);
        assert_eq!(set.brand, "B");
        assert_eq!(set.external.story, "S");
        assert!(set.internal.is_empty() && set.segments.is_empty());
        assert_eq!(set.extra.order, ["version", "brand", "external"]);
    }

    #[test]
    fn reads_every_message_field() {
        let set = read(&format!(
            "{HEAD}segments: [sales]\ninternal:\n  - id: m\n    title: T\n    audience: [sales]\n    \
             channel: c\n    messenger: M\n    status: review\n    text: hello\n    \
             waive: [{{criterion: realistic, reason: r, note: n}}]\n    extra: [1, 2]\n"
        ))
        .unwrap();
        let m = &set.internal[0];
        assert_eq!(m.id, "m");
        assert_eq!(m.title.as_deref(), Some("T"));
        assert_eq!(m.audience, Audience::Segments(vec!["sales".into()]));
        assert_eq!(m.channel.as_deref(), Some("c"));
        assert_eq!(m.messenger.as_deref(), Some("M"));
        assert_eq!(m.status, Some(Status::Review));
        assert_eq!(m.text, "hello");
        assert_eq!(m.waive[0].criterion, Criterion::Realistic);
        assert_eq!(m.waive[0].reason, "r");
        assert_eq!(m.waive[0].extra.order, ["criterion", "reason", "note"]);
        assert_eq!(m.waive[0].extra.get("note"), Some(&Value::String("n".into())));
        assert_eq!(
            m.extra.order,
            [
                "id",
                "title",
                "audience",
                "channel",
                "messenger",
                "status",
                "text",
                "waive",
                "extra"
            ]
        );
        assert_eq!(m.extra.unknown.len(), 1);
    }

    #[test]
    fn a_kind_is_read_and_a_message_without_one_is_a_story() {
        let set = read(&format!(
            "{HEAD}internal:\n  - id: a\n    kind: update\n    text: t\n  - id: b\n    text: t\n"
        ))
        .unwrap();
        assert_eq!(set.internal[0].kind.as_deref(), Some("update"));
        assert_eq!(set.internal[0].kind(), "update");
        assert_eq!(set.internal[1].kind, None);
        assert_eq!(set.internal[1].kind(), "story");
        // Known, so not kept as an unknown key, and written back in place.
        assert!(set.internal[0].extra.unknown.is_empty());
        let yaml = crate::core::store::encode::to_yaml(&set);
        assert!(yaml.contains("- id: a\n    kind: update\n"), "{yaml}");
    }

    #[test]
    fn absent_and_empty_optional_fields() {
        let set = read(&with_message("id: m\n    text: t\n    title:\n    facts:")).unwrap();
        let m = &set.internal[0];
        assert_eq!(m.audience, Audience::All);
        assert_eq!(m.title, None);
        assert_eq!(m.extra.order, ["id", "text", "title", "facts"]);
        assert_eq!(m.extra.get("facts"), Some(&Value::Null));
    }

    #[test]
    fn missing_top_level_fields() {
        let e = read("brand: B\n").unwrap_err();
        assert_eq!(e.path, FieldPath::root());
        assert!(e.message.starts_with("missing `version: 1`"), "{e}");
        let e = read("version: 1\nexternal: {story: s}\n").unwrap_err();
        assert!(e.message.starts_with("missing `brand`"), "{e}");
        let e = read("version: 1\nbrand: B\n").unwrap_err();
        assert!(e.message.starts_with("missing `external`"), "{e}");
        let e = read("version: 1\nbrand: B\nexternal: {pillars: []}\n").unwrap_err();
        assert_eq!(e.path, path(&["external"]));
        assert!(e.message.starts_with("`external` has no `story`"), "{e}");
    }

    #[test]
    fn wrong_version() {
        let e = read("version: 2\n").unwrap_err();
        assert_eq!(e.path, path(&["version"]));
        assert_eq!(
            e.message,
            "`version` should be 1, found 2: this chorus reads version 1 sets only"
        );
        let e = read("version: \"1\"\n").unwrap_err();
        assert_eq!(e.message, "`version` should be the number 1, found the text \"1\"");
    }

    #[test]
    fn wrong_types_name_the_field_and_what_was_expected() {
        let e = read(&format!(
            "{HEAD}  pillars:\n    - id: speed\n      claim: c\n      keywords: 5\n"
        ))
        .unwrap_err();
        assert_eq!(e.path, path(&["external", "pillars", "0", "keywords"]));
        assert_eq!(
            e.message,
            "pillar `speed`: `keywords` should be a list like [fast, quick], found the number 5"
        );

        let e = read(&with_message("id: m\n    text: [a]")).unwrap_err();
        assert_eq!(e.path, path(&["internal", "0", "text"]));
        assert_eq!(e.message, "message `m`: `text` should be text, found a list");

        let e = read(&with_message("id: 12\n    text: t")).unwrap_err();
        assert_eq!(
            e.message,
            "message #1: `id` should be text, found the number 12 (write \"12\" in quotes to use it as text)"
        );

        let e = read(&with_message("id: m\n    text: t\n    audience: sales")).unwrap_err();
        assert_eq!(
            e.message,
            "message `m`: `audience` should be `all` or a list of segments like [sales], found the text \"sales\""
        );
        let e = read(&with_message("id: m\n    text: t\n    audience: [sales, 3]")).unwrap_err();
        assert_eq!(e.path, path(&["internal", "0", "audience", "1"]));

        let e = read(&format!("{HEAD}segments: sales\n")).unwrap_err();
        assert_eq!(
            e.message,
            "`segments` should be a list like [sales, support, IT], found the text \"sales\" (write [sales])"
        );
        let e = read("version: 1\nbrand: [B]\n").unwrap_err();
        assert_eq!(e.message, "`brand` should be text, found a list");
    }

    #[test]
    fn top_level_must_be_a_mapping() {
        let e = read("- a\n- b\n").unwrap_err();
        assert_eq!(e.path, FieldPath::root());
        assert!(e.message.starts_with("expected the top level of a message set"), "{e}");
        assert!(e.message.ends_with("found a list"), "{e}");
    }

    #[test]
    fn missing_message_fields_point_at_the_message() {
        let e = read(&with_message("id: m\n    title: t")).unwrap_err();
        assert_eq!(e.path, path(&["internal", "0"]));
        assert_eq!(
            e.message,
            "message `m` has no `text`: every message needs the words it says"
        );
        let e = read(&with_message("text: t")).unwrap_err();
        assert_eq!(e.path, path(&["internal", "0"]));
        assert!(e.message.starts_with("message #1 has no `id`"), "{e}");
    }

    #[test]
    fn misspelled_keys_get_a_hint() {
        let e = read(&with_message("id: m\n    Text: t")).unwrap_err();
        assert_eq!(
            e.message,
            "message `m` has no `text`: every message needs the words it says \
             (is `Text` meant to be `text`? keys are lower case)"
        );
        let e = read(&with_message("id: m\n    text: t\n    audience: All")).unwrap_err();
        assert_eq!(
            e.message,
            "message `m`: `audience` should be `all` in lower case, found the text \"All\""
        );
    }

    #[test]
    fn status_and_waivers_are_checked() {
        let e = read(&with_message("id: m\n    text: t\n    status: done")).unwrap_err();
        assert_eq!(e.path, path(&["internal", "0", "status"]));
        assert_eq!(
            e.message,
            "message `m`: `status` should be draft, review or approved, found the text \"done\""
        );
        let e = read(&with_message(
            "id: m\n    text: t\n    waive: [{criterion: nice, reason: r}]",
        ))
        .unwrap_err();
        assert_eq!(e.path, path(&["internal", "0", "waive", "0", "criterion"]));
        assert!(e
            .message
            .contains("specific, inclusive, aspirational or realistic, found the text \"nice\""));
        let e = read(&with_message("id: m\n    text: t\n    waive: [{criterion: inclusive}]")).unwrap_err();
        assert_eq!(e.path, path(&["internal", "0", "waive", "0"]));
        assert_eq!(
            e.message,
            "message `m`: the waiver of `inclusive` has no `reason`: say why the team accepts failing it"
        );
    }

    #[test]
    fn duplicate_and_non_text_keys() {
        let e = read(&with_message("id: m\n    text: t\n    text: u")).unwrap_err();
        let at = |i| path(&["internal", "0"]).then(Step::KeyAt(i));
        assert_eq!(e.path, at(2));
        assert_eq!(e.first, Some(at(1)));
        assert_eq!(e.message, "`text` appears twice in the same mapping");
        let e = read("version: 1\n3: x\n").unwrap_err();
        assert_eq!(e.path, FieldPath::root().then(Step::KeyAt(1)));
        assert_eq!(e.message, "keys here should be text, found the number 3");
    }

    #[test]
    fn unknown_fields_are_kept_everywhere() {
        let set = read(
            "lexicon: {x: 1}\nversion: 1\nbrand: B\nexternal:\n  mood: calm\n  story: S\n  \
             pillars: [{id: p, claim: c, weight: 2}]\n",
        )
        .unwrap();
        assert_eq!(set.extra.order, ["lexicon", "version", "brand", "external"]);
        assert_eq!(set.extra.unknown[0].0, "lexicon");
        assert_eq!(set.external.extra.order, ["mood", "story", "pillars"]);
        assert_eq!(set.external.pillars[0].extra.order, ["id", "claim", "weight"]);
        assert_eq!(
            set.external.pillars[0].extra.get("weight"),
            Some(&Value::Number("2".into()))
        );
    }
}
