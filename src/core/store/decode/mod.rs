//! `Value` → `MessageSet`, field by field and by hand (not with serde), so
//! every problem names the path of the value at fault and says what was
//! expected, and so unknown keys and the order of all keys are kept.
//! Checks that span several fields (duplicates, undeclared segments) are
//! in `validate.rs`.
//!
//! Here: the set, its story and pillars, its messages and their fields.
//! `scalar.rs` reads a field that must be text or a list of texts, and
//! `mapping.rs` one of the schema's mappings with its known and unknown keys.
//! It imports the model and the store's `path` and `problem`.

mod mapping;
mod scalar;
#[cfg(test)]
mod tests;

use super::path::FieldPath;
use super::problem::{describe, Problem};
use crate::core::model::{
    Audience, Criterion, Date, External, Message, MessageSet, Pillar, ProgrammeSettings, Status, Value, Waiver,
};

use mapping::Mapping;
use scalar::{text, words};

/// The fields chorus knows in each mapping, in the order it writes them.
pub const TOP_KEYS: &[&str] = &["version", "brand", "external", "segments", "programme", "internal"];
pub const PROGRAMME_KEYS: &[&str] = &["quiet_weeks", "talking_at_share"];
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
    "date",
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
    let programme = match top.take("programme") {
        Some((Value::Null, _)) | None => ProgrammeSettings::default(),
        Some((v, path)) => programme(v, &path)?,
    };
    let internal = messages(top.take("internal"), |found| {
        format!("`internal` should be a list of messages (`- id: ...`), found {found}")
    })?;
    Ok(MessageSet {
        version,
        brand,
        external,
        segments,
        programme,
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
    let pillars = items(map.take("pillars"), pillar, |found| {
        format!("`pillars` should be a list of pillars (`- id: ...`), found {found}")
    })?;
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
    let date = match map.take("date") {
        Some((Value::Null, _)) | None => None,
        Some((v, p)) => Some(date(v, p, &ctx)?),
    };
    let text_value = map.required_text("text", &ctx, || {
        format!("message `{id}` has no `text`: every message needs the words it says")
    })?;
    let waive = items(
        map.take("waive"),
        |item, p, _| waiver(item, p, &ctx),
        |found| {
            format!(
                "{ctx}`waive` should be a list of waivers like \
             [{{criterion: inclusive, reason: \"...\"}}], found {found}"
            )
        },
    )?;
    Ok(Message {
        id,
        kind,
        title,
        audience,
        channel,
        messenger,
        status,
        date,
        text: text_value,
        waive,
        extra: map.extra(),
    })
}

/// A field that holds a list of the schema's mappings (pillars, waivers),
/// each read by `read` at its own path. Nothing (`waive:`) is an empty list;
/// anything but a list is told what it should be.
/// `items` for the messages: a large set's are read on every core, since
/// each message is read alone. The problem reported is still the first in
/// file order: each part stops at its first, and parts are taken in order.
fn messages(field: Option<(Value, FieldPath)>, expected: impl Fn(String) -> String) -> Result<Vec<Message>, Problem> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let (list, path) = match field {
        Some((Value::Seq(list), path)) if threads > 1 && list.len() >= 2048 => (list, path),
        other => return items(other, message, expected),
    };
    let chunk = list.len().div_ceil(threads);
    let total = list.len();
    let mut parts: Vec<Vec<Value>> = Vec::with_capacity(threads);
    let mut list = list.into_iter();
    while list.len() > 0 {
        parts.push(list.by_ref().take(chunk).collect());
    }
    let path = &path;
    let read = std::thread::scope(|s| {
        let handles: Vec<_> = parts
            .into_iter()
            .enumerate()
            .map(|(n, part)| {
                s.spawn(move || {
                    part.into_iter()
                        .enumerate()
                        .map(|(i, item)| message(item, &path.index(n * chunk + i), n * chunk + i))
                        .collect::<Result<Vec<Message>, Problem>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("reading a message does not panic"))
            .collect::<Vec<_>>()
    });
    let mut out = Vec::with_capacity(total);
    for part in read {
        out.extend(part?);
    }
    Ok(out)
}

fn items<T>(
    field: Option<(Value, FieldPath)>,
    read: impl Fn(Value, &FieldPath, usize) -> Result<T, Problem>,
    expected: impl Fn(String) -> String,
) -> Result<Vec<T>, Problem> {
    match field {
        Some((Value::Null, _)) | None => Ok(Vec::new()),
        Some((Value::Seq(items), p)) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| read(item, &p.index(i), i))
            .collect(),
        Some((other, p)) => Err(Problem::new(p, expected(describe(&other)))),
    }
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

fn date(value: Value, path: FieldPath, ctx: &str) -> Result<Date, Problem> {
    let Value::String(s) = &value else {
        return Err(Problem::new(
            path,
            format!(
                "{ctx}`date` should be a day written YYYY-MM-DD, found {}",
                describe(&value)
            ),
        ));
    };
    Date::parse(s).map_err(|why| Problem::new(path, format!("{ctx}`date`: {why}")))
}

/// `programme:` the set's own limits for the programme signals.
fn programme(value: Value, path: &FieldPath) -> Result<ProgrammeSettings, Problem> {
    let mut map = Mapping::read(
        value,
        path,
        PROGRAMME_KEYS,
        "the programme's limits: a mapping with `quiet_weeks` and `talking_at_share`",
    )?;
    let mut number = |key: &str, max: u64, meaning: &str| -> Result<Option<u64>, Problem> {
        match map.take(key) {
            Some((Value::Null, _)) | None => Ok(None),
            Some((Value::Number(n), p)) => match n.parse::<u64>() {
                Ok(v) if v <= max => Ok(Some(v)),
                _ => Err(Problem::new(
                    p,
                    format!("`{key}` should be a whole number from 0 to {max} ({meaning}), found {n}"),
                )),
            },
            Some((other, p)) => Err(Problem::new(
                p,
                format!(
                    "`{key}` should be a whole number ({meaning}), found {}",
                    describe(&other)
                ),
            )),
        }
    };
    let quiet_weeks = number(
        "quiet_weeks",
        520,
        "weeks without a message before a segment is flagged",
    )?;
    let talking_at_share = number("talking_at_share", 100, "percent of messages that may talk at people")?;
    Ok(ProgrammeSettings {
        quiet_weeks: quiet_weeks.map(|v| v as u32),
        talking_at_share: talking_at_share.map(|v| v as u8),
        extra: map.extra(),
    })
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
