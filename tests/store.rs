//! The store seen from outside: broken files give an error at the right line
//! and column with a message that says what was expected; the labelled sets
//! and a file full of unknown fields round-trip; saving is atomic.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chorus::core::model::{Audience, MessageSet, Status, Value};
use chorus::core::store::{self, LoadError, MAX_FILE_BYTES, TEMPLATE};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/store")
        .join(name)
}

fn load_err(name: &str) -> LoadError {
    match store::load(&fixture(name)) {
        Ok(_) => panic!("{name} loaded, but it should not"),
        Err(e) => e,
    }
}

/// Assert the position and message of the error `name` gives, and that the
/// displayed error is `path:line:column: message`.
fn assert_error(name: &str, line: usize, column: usize, message: &str) {
    let e = load_err(name);
    assert_eq!(
        (e.line, e.column, e.message.as_str()),
        (line, column, message),
        "{name}"
    );
    assert_eq!(e.path, fixture(name));
    assert_eq!(
        e.to_string(),
        format!("{}:{line}:{column}: {message}", fixture(name).display())
    );
}

// ---- broken files -------------------------------------------------------

#[test]
fn yaml_syntax_error() {
    assert_error(
        "syntax-error.yaml",
        7,
        22,
        "YAML syntax error: mapping values are not allowed in this context \
         (a `: ` inside a value? put the value in quotes)",
    );
}

#[test]
fn file_with_only_comments() {
    assert_error(
        "comments-only.yaml",
        1,
        1,
        "the file is empty: a message set starts with `version: 1`, then `brand`, `external`, \
         `segments` and `internal` (`chorus new FILE` writes one to start from)",
    );
}

#[test]
fn top_level_not_a_mapping() {
    assert_error(
        "not-a-mapping.yaml",
        1,
        1,
        "expected the top level of a message set: a mapping with `version`, `brand`, \
         `external`, `segments` and `internal`; found a list",
    );
}

#[test]
fn version_missing_or_wrong() {
    assert_error(
        "no-version.yaml",
        1,
        1,
        "missing `version: 1` (the schema version of this file)",
    );
    assert_error(
        "version-2.yaml",
        1,
        10,
        "`version` should be 1, found 2: this chorus reads version 1 sets only",
    );
}

#[test]
fn wrong_types() {
    assert_error(
        "keywords-number.yaml",
        8,
        17,
        "pillar `speed`: `keywords` should be a list like [fast, quick], found the number 5",
    );
    assert_error(
        "text-list.yaml",
        8,
        11,
        "message `a`: `text` should be text, found a list",
    );
    assert_error(
        "audience-mapping.yaml",
        8,
        15,
        "message `a`: `audience` should be `all` or a list of segments like [sales, support], \
         found a mapping (`key: value` lines)",
    );
}

#[test]
fn missing_message_fields_point_at_the_message() {
    assert_error(
        "missing-text.yaml",
        8,
        5,
        "message `b` has no `text`: every message needs the words it says",
    );
    assert_error(
        "missing-id.yaml",
        8,
        7,
        "message #2 has no `id` (a short name unique in this file, e.g. `id: all-hands-speed`)",
    );
}

#[test]
fn missing_brand_external_or_story() {
    assert_error(
        "missing-brand.yaml",
        1,
        1,
        "missing `brand`: the name of the brand this set speaks for",
    );
    assert_error(
        "missing-external.yaml",
        1,
        1,
        "missing `external`: the external story (`story`, `pillars`) the internal messages \
         must agree with",
    );
    assert_error(
        "missing-story.yaml",
        4,
        3,
        "`external` has no `story`: the one or two sentences the company tells the world",
    );
}

#[test]
fn duplicate_ids() {
    assert_error(
        "duplicate-message-ids.yaml",
        11,
        9,
        "duplicate message id `speed-1` (first on line 6)",
    );
    assert_error(
        "duplicate-pillar-ids.yaml",
        7,
        12,
        "duplicate pillar id `speed` (first on line 6)",
    );
}

#[test]
fn audience_names_an_undeclared_segment() {
    assert_error(
        "undeclared-segment-flow.yaml",
        8,
        23,
        "message `a`: audience names `HR`, which is not in `segments` (sales, support)",
    );
    assert_error(
        "undeclared-segment-block.yaml",
        12,
        9,
        "message `a`: audience names `Sales`, which is not in `segments` (sales, support); \
         did you mean `sales`?",
    );
}

#[test]
fn bad_waivers() {
    assert_error(
        "bad-criterion.yaml",
        9,
        20,
        "message `a`: a waiver's `criterion` should be specific, inclusive, aspirational or \
         realistic, found the text \"inspirational\"",
    );
    assert_error(
        "waiver-without-reason.yaml",
        8,
        13,
        "message `a`: the waiver of `specific` has no `reason`: say why the team accepts \
         failing it",
    );
}

#[test]
fn bad_status() {
    assert_error(
        "bad-status.yaml",
        7,
        13,
        "message `a`: `status` should be draft, review or approved, found the text \"published\"",
    );
}

#[test]
fn not_utf8() {
    assert_error(
        "not-utf8.yaml",
        2,
        11,
        "the file is not UTF-8 text: byte 0xE9 cannot be read here; save the file as UTF-8",
    );
}

#[test]
fn alias_bomb_is_refused() {
    let start = std::time::Instant::now();
    let e = load_err("alias-bomb.yaml");
    assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
    assert!(e.message.contains("alias bomb"), "{e}");
    assert!(e.line >= 1);
}

#[test]
fn deep_nesting_is_refused() {
    let start = std::time::Instant::now();
    assert_error(
        "deep-nesting.yaml",
        2,
        135,
        "lists and mappings are nested too deeply (more than 128 levels)",
    );
    assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
}

#[test]
fn whole_file_problems() {
    let dir = tempfile::tempdir().unwrap();

    let e = store::load(dir.path()).unwrap_err();
    assert_eq!((e.line, e.column), (0, 0));
    assert_eq!(e.message, "this is a folder, not a message set file");

    let missing = dir.path().join("missing.yaml");
    let e = store::load(&missing).unwrap_err();
    assert_eq!(e.to_string(), format!("{}: no such file", missing.display()));

    // A sparse file: large on paper, cheap to make. Refused before reading.
    let big = dir.path().join("big.yaml");
    fs::File::create(&big).unwrap().set_len(MAX_FILE_BYTES + 1).unwrap();
    let e = store::load(&big).unwrap_err();
    assert_eq!((e.line, e.column), (0, 0));
    assert_eq!(
        e.message,
        format!(
            "the file is too large ({} bytes); chorus reads message set files of at most {MAX_FILE_BYTES} \
             bytes (16 MiB)",
            MAX_FILE_BYTES + 1
        )
    );
}

// ---- round trips ----------------------------------------------------------

fn round_trip(set: &MessageSet) -> MessageSet {
    let text = store::to_yaml(set);
    let back = store::parse(&text, Path::new("round-trip.yaml")).unwrap_or_else(|e| panic!("{e}\n{text}"));
    // Writing again gives the same text: saving twice never churns a diff.
    assert_eq!(store::to_yaml(&back), text);
    back
}

#[test]
fn labelled_sets_load_and_round_trip() {
    for name in ["lemonadly.yaml", "crumb-and-co.yaml", "northline.yaml"] {
        let set = store::load(&fixture(name)).unwrap_or_else(|e| panic!("{e}"));
        assert!(!set.internal.is_empty(), "{name}");
        for m in &set.internal {
            assert!(
                matches!(m.extra.get("expect"), Some(Value::Map(_))),
                "{name}: {} lost its `expect`",
                m.id
            );
        }
        assert_eq!(round_trip(&set), set, "{name}");
    }
}

#[test]
fn unknown_fields_and_key_order_are_kept_byte_for_byte() {
    let path = fixture("kept.yaml");
    let source = fs::read_to_string(&path).unwrap();
    let set = store::load(&path).unwrap();
    assert_eq!(store::to_yaml(&set), source);

    assert_eq!(
        set.extra.order,
        ["brand", "version", "owner", "external", "lexicon", "segments", "internal", "notes"]
    );
    assert_eq!(set.external.extra.order, ["pillars", "story", "tone"]);
    assert_eq!(
        set.external.pillars[0].extra.get("weight"),
        Some(&Value::Number("1.50".into()))
    );
    let m = &set.internal[0];
    assert_eq!(m.extra.order, ["text", "id", "expect", "title", "audience", "waive"]);
    assert_eq!(m.waive[0].extra.order, ["reason", "criterion", "by"]);
    assert_eq!(set.internal[1].status, Some(Status::Approved));
    assert_eq!(set.internal[1].text, "Yes: we are fast.");
}

#[test]
fn edits_land_in_reading_order() {
    let mut set = store::load(&fixture("kept.yaml")).unwrap();
    let m = &mut set.internal[2]; // id, audience, text, waive
    m.title = Some("Short and sweet".into());
    m.status = Some(Status::Review);
    m.audience = Audience::Segments(vec!["sales".into()]);
    m.text = "A long message text that no longer fits on one line, so it is \
              folded over several lines near eighty columns."
        .into();
    let text = store::to_yaml(&set);
    assert!(
        text.contains(
            "  - id: L03\n    title: Short and sweet\n    audience: [sales]\n    \
             status: review\n    text: >-\n      A long message text that no longer fits on \
             one line, so it is folded over\n      several lines near eighty columns.\n    \
             waive: []\n"
        ),
        "{text}"
    );
    let back = round_trip(&set);
    assert_eq!(back.internal[2].text, set.internal[2].text);
}

#[test]
fn template_parses() {
    let set = store::parse(TEMPLATE, Path::new("template.yaml")).unwrap();
    assert_eq!(set.version, 1);
    assert_eq!(set.brand, "Your Brand");
    assert_eq!(set.external.pillars.len(), 2);
    assert!(!set.segments.is_empty());
    assert_eq!(set.internal.len(), 3);
    assert_eq!(round_trip(&set), set);
}

// ---- writing ----------------------------------------------------------------

#[test]
fn new_file_writes_the_template_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.yaml");
    store::new_file(&path).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), TEMPLATE);
    store::load(&path).unwrap();

    fs::write(&path, "mine").unwrap();
    let e = store::new_file(&path).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
    assert!(e.to_string().contains(&path.display().to_string()), "{e}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "mine");
}

#[test]
fn save_writes_a_set_that_loads_back() {
    let dir = tempfile::tempdir().unwrap();
    let set = store::load(&fixture("lemonadly.yaml")).unwrap();
    let path = dir.path().join("out.yaml");
    store::save(&path, &set).unwrap();
    assert_eq!(store::load(&path).unwrap(), set);
    // Over an existing file, too, leaving no temporary file behind.
    store::save(&path, &set).unwrap();
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    // The temporary name must fit too when the file's name is long.
    let long = dir.path().join(format!("{}.yaml", "x".repeat(240)));
    store::save(&long, &set).unwrap();
    assert_eq!(store::load(&long).unwrap(), set);
}

#[test]
fn save_refuses_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let set = store::parse(TEMPLATE, Path::new("t")).unwrap();
    let e = store::save(dir.path(), &set).unwrap_err();
    assert!(e.to_string().contains(&dir.path().display().to_string()), "{e}");
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::fs::{symlink, PermissionsExt};

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    /// Root ignores permissions: find out by trying to write where nobody may.
    fn permissions_apply(read_only_dir: &Path) -> bool {
        let probe = read_only_dir.join(".probe");
        match fs::write(&probe, "x") {
            Ok(()) => {
                let _ = fs::remove_file(probe);
                false
            }
            Err(_) => true,
        }
    }

    #[test]
    fn save_keeps_the_mode_of_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("set.yaml");
        fs::write(&path, TEMPLATE).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        let set = store::load(&path).unwrap();
        store::save(&path, &set).unwrap();
        assert_eq!(mode(&path), 0o640);
    }

    #[test]
    fn failed_save_leaves_the_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("locked");
        fs::create_dir(&folder).unwrap();
        let path = folder.join("set.yaml");
        fs::write(&path, TEMPLATE).unwrap();
        let mut set = store::load(&path).unwrap();
        set.brand = "Changed".into();

        fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();
        let applies = permissions_apply(&folder);
        let result = store::save(&path, &set);
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();

        if applies {
            let e = result.unwrap_err();
            assert!(e.to_string().contains(&path.display().to_string()), "{e}");
            assert_eq!(fs::read_to_string(&path).unwrap(), TEMPLATE);
            assert_eq!(fs::read_dir(&folder).unwrap().count(), 1, "temporary file left");
        } else {
            // As root, permissions do not stop a save; a folder that has
            // vanished does, and the guarantees are the same: the error
            // names the file and nothing is left behind.
            fs::remove_dir_all(&folder).unwrap();
            let e = store::save(&path, &set).unwrap_err();
            assert!(e.to_string().contains(&path.display().to_string()), "{e}");
            assert!(!folder.exists(), "the save did not recreate the folder");
        }
    }

    #[test]
    fn save_refuses_a_read_only_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("set.yaml");
        fs::write(&path, TEMPLATE).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let set = store::load(&path).unwrap();
        let e = store::save(&path, &set).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(
            e.to_string(),
            format!("cannot save {}: the file is read-only", path.display())
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), TEMPLATE);
    }

    #[test]
    fn save_through_a_symlink_replaces_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.yaml");
        let link = dir.path().join("link.yaml");
        fs::write(&real, TEMPLATE).unwrap();
        symlink(&real, &link).unwrap();
        let mut set = store::load(&link).unwrap();
        set.brand = "Linked".into();
        store::save(&link, &set).unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(store::load(&real).unwrap().brand, "Linked");
    }

    #[test]
    fn unreadable_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.yaml");
        fs::write(&path, TEMPLATE).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
        if fs::read(&path).is_ok() {
            return; // root reads anything
        }
        let e = store::load(&path).unwrap_err();
        assert_eq!(e.message, "permission denied: chorus cannot read this file");
    }
}

// ---- what a save keeps of the file it replaces -----------------------------

const CRLF_SET: &str = "version: 1\r\nbrand: B\r\nexternal:\r\n  story: S\r\nsegments: [a]\r\n\
    internal:\r\n  # the first\r\n  - id: one\r\n    text: t\r\n\r\n  - id: two\r\n    text: u\r\n";

#[test]
fn a_byte_order_mark_is_accepted_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notepad.yaml");
    let source = format!("\u{feff}{}", CRLF_SET.replace("\r\n", "\n"));
    fs::write(&path, &source).unwrap();
    let mut set = store::load(&path).unwrap();
    assert_eq!(set.version, 1);
    set.internal[1].text = "changed".into();
    store::save(&path, &set).unwrap();
    let saved = fs::read_to_string(&path).unwrap();
    assert!(saved.starts_with("\u{feff}version: 1\n"), "{saved:?}");
    assert_eq!(saved.matches('\u{feff}').count(), 1);
    assert_eq!(saved, source.replace("text: u", "text: changed"));
    assert_eq!(store::load(&path).unwrap(), set);
    // A problem's place is counted after the mark, as an editor shows it.
    fs::write(&path, "\u{feff}version: 2\n").unwrap();
    let e = store::load(&path).unwrap_err();
    assert_eq!((e.line, e.column), (1, 10), "{e}");
}

#[test]
fn a_crlf_file_keeps_its_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("windows.yaml");
    fs::write(&path, CRLF_SET).unwrap();
    let mut set = store::load(&path).unwrap();
    set.internal[0].text = "changed".into();
    set.internal.push(chorus::core::model::Message {
        id: "z".into(),
        text: "new".into(),
        ..Default::default()
    });
    store::save(&path, &set).unwrap();
    let saved = fs::read_to_string(&path).unwrap();
    assert_eq!(saved.matches('\n').count(), saved.matches("\r\n").count(), "{saved:?}");
    assert!(
        saved.starts_with(&CRLF_SET[..CRLF_SET.find("    text: t").unwrap()]),
        "{saved:?}"
    );
    assert!(
        saved.contains("    text: changed\r\n\r\n  - id: two\r\n    text: u\r\n  - id: z\r\n"),
        "{saved:?}"
    );
    assert_eq!(store::to_yaml(&store::load(&path).unwrap()), store::to_yaml(&set));
    // A full rewrite (the story changed) keeps them too.
    set.external.story = "Another".into();
    store::save(&path, &set).unwrap();
    let saved = fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("\r\n") && !saved.replace("\r\n", "").contains('\n'),
        "{saved:?}"
    );
    assert_eq!(store::to_yaml(&store::load(&path).unwrap()), store::to_yaml(&set));
}

#[test]
fn merge_keys_are_refused_naming_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("merge.yaml");
    let source = "version: 1\nbrand: B\nexternal:\n  story: S\nsegments: [a]\nx-defaults: &d\n  \
                  audience: all\ninternal:\n  - id: x\n    <<: *d\n    text: t\n";
    fs::write(&path, source).unwrap();
    let e = store::load(&path).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}:10:5: YAML merge keys (`<<: *name`) are not supported: chorus would miss the merged \
             fields; write those fields out in this mapping instead",
            path.display()
        )
    );
}

#[test]
fn a_set_too_large_to_open_again_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.yaml");
    let mut set = store::parse(TEMPLATE, Path::new("t")).unwrap();
    store::save(&path, &set).unwrap();
    let before = fs::read(&path).unwrap();
    // Just under the read limit in memory; quoting and folding take it over.
    // (Spread over messages: one message's text has a limit of its own.)
    let per = 900_000;
    let count = (MAX_FILE_BYTES as usize / 4 - 100) * 4 / per;
    let template = set.internal[0].clone();
    set.internal = (0..count)
        .map(|i| chorus::core::model::Message {
            id: format!("m{i}"),
            text: "\"q\" ".repeat(per / 4),
            ..template.clone()
        })
        .collect();
    let e = store::save(&path, &set).unwrap_err();
    assert!(
        e.to_string().contains(&format!(
            "over the {MAX_FILE_BYTES} bytes (16 MiB) chorus can open again; nothing was written"
        )),
        "{e}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    // What is saved, is opened again.
    let per = 900_000;
    let count = (MAX_FILE_BYTES as usize - 200_000) / per;
    set.internal = (0..count)
        .map(|i| chorus::core::model::Message {
            id: format!("m{i}"),
            text: "q ".repeat(per / 2),
            ..template.clone()
        })
        .collect();
    store::save(&path, &set).unwrap();
    assert!(fs::metadata(&path).unwrap().len() <= MAX_FILE_BYTES);
    assert_eq!(store::load(&path).unwrap(), set);
    assert_eq!(store::MAX_WRITTEN_BYTES, 2 * MAX_FILE_BYTES);
    // One message past the text limit is refused before anything is written.
    let before = fs::read(&path).unwrap();
    set.internal.truncate(1);
    set.internal[0].text = "q".repeat(store::MAX_TEXT_CHARS + 1);
    let e = store::save(&path, &set).unwrap_err();
    assert!(e.to_string().contains("more than chorus checks in one message"), "{e}");
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn saving_many_messages_after_one_edit_keeps_every_other_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.yaml");
    let mut source = String::from("version: 1\nbrand: B\nexternal:\n  story: S\nsegments: [a]\ninternal:\n");
    for i in 0..3000 {
        source.push_str(&format!(
            "  # note {i}\n  - id: m{i}\n    text: >-\n      Message {i},\n      folded.\n\n"
        ));
    }
    fs::write(&path, &source).unwrap();
    let mut set = store::load(&path).unwrap();
    set.internal[1234].text = "Edited.".into();
    store::save(&path, &set).unwrap();
    let saved = fs::read_to_string(&path).unwrap();
    let diff: Vec<(&str, &str)> = source.lines().zip(saved.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(diff.first(), Some(&("    text: >-", "    text: Edited.")), "{diff:?}");
    assert_eq!(saved.lines().count(), source.lines().count() - 2);
    assert_eq!(store::load(&path).unwrap(), set);
}
