//! The decoding of sets, read from YAML text: what is read, and what each
//! wrong field is told.

use super::*;
use crate::core::store::path::Step;
use crate::core::store::yaml;

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
        m.extra.order.join(" "),
        "id title audience channel messenger status text waive extra"
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

#[test]
fn a_large_set_is_read_in_parts_as_it_would_be_whole() {
    let many = |bad: &[usize]| {
        let mut src = format!("{HEAD}internal:\n");
        for i in 0..5000 {
            let audience = if bad.contains(&i) {
                format!("Group{i}")
            } else {
                "all".into()
            };
            src.push_str(&format!("  - id: m{i}\n    audience: {audience}\n    text: t{i}\n"));
        }
        src
    };
    let set = read(&many(&[])).unwrap();
    let ids: Vec<String> = (0..5000).map(|i| format!("m{i}")).collect();
    assert_eq!(set.internal.iter().map(|m| m.id.clone()).collect::<Vec<_>>(), ids);
    // The first problem in file order is the one told, whichever part holds it.
    for bad in [[4990, 10], [2600, 2500], [1, 4999]] {
        let e = read(&many(&bad)).unwrap_err();
        let first = *bad.iter().min().unwrap();
        assert_eq!(e.path, path(&["internal", &first.to_string(), "audience"]), "{bad:?}");
        assert!(e.message.contains(&format!("Group{first}")), "{}", e.message);
    }
}
