//! The only module that names the YAML library (serde_yaml, deprecated
//! upstream): swapping it is a change to this file alone.

/// A YAML error with its 1-based position (0 when unknown).
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Deserialize any serde type from YAML text (used for the lexicon).
pub fn from_str<T: serde::de::DeserializeOwned>(source: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(source).map_err(|e| {
        let (line, column) = e.location().map(|l| (l.line(), l.column())).unwrap_or((0, 0));
        YamlError {
            line,
            column,
            message: e.to_string(),
        }
    })
}

/// Temporary minimal reader, replaced by the store work at merge.
pub fn quick_set(source: &str) -> Result<crate::core::model::MessageSet, YamlError> {
    use crate::core::model::*;
    use serde_yaml::Value as Y;
    let v: Y = serde_yaml::from_str(source).map_err(|e| YamlError {
        line: 0,
        column: 0,
        message: e.to_string(),
    })?;
    let s = |v: &Y, k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
    let l = |v: &Y, k: &str| -> Vec<String> {
        v.get(k)
            .and_then(|x| x.as_sequence())
            .map(|q| q.iter().filter_map(|x| x.as_str().map(String::from)).collect())
            .unwrap_or_default()
    };
    let ext = &v["external"];
    Ok(MessageSet {
        version: 1,
        brand: s(&v, "brand"),
        external: External {
            story: s(ext, "story"),
            pillars: ext["pillars"]
                .as_sequence()
                .into_iter()
                .flatten()
                .map(|p| Pillar {
                    id: s(p, "id"),
                    claim: s(p, "claim"),
                    keywords: l(p, "keywords"),
                    facts: l(p, "facts"),
                    opposites: l(p, "opposites"),
                    extra: Extra::default(),
                })
                .collect(),
            avoid: l(ext, "avoid"),
            extra: Extra::default(),
        },
        segments: l(&v, "segments"),
        internal: v["internal"]
            .as_sequence()
            .into_iter()
            .flatten()
            .map(|m| Message {
                id: s(m, "id"),
                text: s(m, "text"),
                audience: if m["audience"].as_str() == Some("all") {
                    Audience::All
                } else {
                    Audience::Segments(l(m, "audience"))
                },
                ..Default::default()
            })
            .collect(),
        extra: Extra::default(),
    })
}
