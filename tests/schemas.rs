//! The JSON Schemas in `schemas/` that editors use to complete and check a
//! set or a `.chorus.yaml`: every set chorus reads passes its schema, a
//! set with a wrong field does not, the config schema agrees with the
//! config chorus reads, and `chorus new` points the new set at its schema.

use std::path::{Path, PathBuf};

use chorus::core::model::Value;
use chorus::core::store::{self, yaml};
use serde_json::Value as Json;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A YAML value as the JSON an editor's language server would check.
fn json(v: &Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => serde_json::from_str(n).unwrap_or_else(|_| Json::String(n.clone())),
        Value::String(s) => Json::String(s.clone()),
        Value::Seq(items) => Json::Array(items.iter().map(json).collect()),
        Value::Map(entries) => Json::Object(
            entries
                .iter()
                .map(|(k, v)| match k {
                    Value::String(k) => (k.clone(), json(v)),
                    other => (format!("{other:?}"), json(v)),
                })
                .collect(),
        ),
        Value::Tagged(_, inner) => json(inner),
    }
}

fn validator(schema: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&serde_json::from_str(schema).unwrap()).expect("the schema compiles")
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        // Hidden files are no sets (`chorus check` skips them too): the
        // pulse file beside an example survey export, for one.
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    out.sort();
    out
}

#[test]
fn the_schemas_built_in_are_the_files_in_the_repository() {
    let read = |name: &str| std::fs::read_to_string(root().join("schemas").join(name)).unwrap();
    assert_eq!(store::SET_SCHEMA, read("message-set.schema.json"));
    assert_eq!(store::CONFIG_SCHEMA, read("config.schema.json"));
}

#[test]
fn every_set_chorus_reads_passes_the_set_schema() {
    let v = validator(store::SET_SCHEMA);
    let mut checked = 0;
    for dir in ["messages", "tests/fixtures/heldout", "tests/fixtures/labelled"] {
        for path in yaml_files(&root().join(dir)) {
            store::load(&path).unwrap_or_else(|e| panic!("{e}"));
            let value = yaml::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let errors: Vec<String> = v
                .iter_errors(&json(&value))
                .map(|e| format!("{e} at {}", e.instance_path))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 8, "{checked} sets checked");
    let template = yaml::parse(store::TEMPLATE).unwrap();
    assert!(v.is_valid(&json(&template)), "the template passes its own schema");
}

#[test]
fn sets_chorus_refuses_for_a_wrong_field_fail_the_schema_too() {
    let v = validator(store::SET_SCHEMA);
    let base = "version: 1\nbrand: B\nexternal:\n  story: S\ninternal:\n  - id: m\n    text: t\n";
    let wrong = [
        base.replace("version: 1", "version: 2"),
        base.replace("    text: t\n", "    text: t\n    status: done\n"),
        base.replace(
            "    text: t\n",
            "    text: t\n    waive: [{criterion: tone, reason: r}]\n",
        ),
        base.replace("    text: t\n", "    title: x\n"),
        base.replace("  story: S\n", "  pillars: []\n"),
        base.replace("    text: t\n", "    text: t\n    audience: everyone\n"),
    ];
    assert!(v.is_valid(&json(&yaml::parse(base).unwrap())));
    for source in wrong {
        assert!(
            store::parse(&source, Path::new("s.yaml")).is_err(),
            "chorus refuses:\n{source}"
        );
        assert!(
            !v.is_valid(&json(&yaml::parse(&source).unwrap())),
            "the schema refuses:\n{source}"
        );
    }
}

#[test]
fn the_config_schema_agrees_with_the_config_chorus_reads() {
    let v = validator(store::CONFIG_SCHEMA);
    let good = [
        "format: sarif\nfail_on: [fail, drift]\nmin_score: 70\nbaseline: b.json\n",
        "fail_on: none\nlexicon:\n  add: {buzzwords: [ideate]}\nkinds:\n  safety: {about: a notice, skip: [aspirational]}\n",
    ];
    for source in good {
        chorus::core::config::parse(source, Path::new(".chorus.yaml")).unwrap();
        assert!(v.is_valid(&json(&yaml::parse(source).unwrap())), "{source}");
    }
    let bad = [
        "formats: json\n",
        "min_score: 170\n",
        "fail_on: [typos]\n",
        "format: jsn\n",
    ];
    for source in bad {
        assert!(!v.is_valid(&json(&yaml::parse(source).unwrap())), "{source}");
    }
}

#[test]
fn chorus_new_points_the_set_at_its_schema_written_beside_it() {
    let t = tempfile::tempdir().unwrap();
    let set = t.path().join("q3.yaml");
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_chorus"))
        .arg("new")
        .arg(&set)
        .output()
        .unwrap();
    assert!(out.status.success());
    let first = std::fs::read_to_string(&set).unwrap();
    assert_eq!(
        first.lines().next(),
        Some(format!("# yaml-language-server: $schema={}", store::SET_SCHEMA_FILE).as_str())
    );
    let schema = t.path().join(store::SET_SCHEMA_FILE);
    assert_eq!(std::fs::read_to_string(&schema).unwrap(), store::SET_SCHEMA);
    assert!(String::from_utf8_lossy(&out.stdout).contains(store::SET_SCHEMA_FILE));
    // A second set in the same folder shares it; a schema the team edited
    // is never overwritten.
    std::fs::write(&schema, "{}").unwrap();
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_chorus"))
        .arg("new")
        .arg(t.path().join("q4.yaml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&schema).unwrap(), "{}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains(store::SET_SCHEMA_FILE));
}
