//! A field that must be text, or a list of short texts, read with a message
//! that says what was found instead and how to write it.

use crate::core::model::Value;
use crate::core::store::path::FieldPath;
use crate::core::store::problem::{describe, Problem};

/// A field that must be text. Numbers and booleans get a hint, since YAML
/// reads `id: 12` or `title: true` as such unless quoted.
pub(super) fn text(value: Value, path: &FieldPath, ctx: &str, field: &str) -> Result<String, Problem> {
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
pub(super) fn words(
    value: Value,
    path: &FieldPath,
    ctx: &str,
    field: &str,
    example: &str,
) -> Result<Vec<String>, Problem> {
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
