//! What moved between two rounds, as lines of text and as JSON.

use serde_json::{json, Value};

use crate::core::pulse::compare::Move;

/// How many moves the text shows; JSON has them all.
pub const SHOWN: usize = 15;

/// One line per move, largest first: "everyone: echo speed 31% -> 45% (+14)".
pub fn lines(moves: &[Move]) -> Vec<String> {
    if moves.is_empty() {
        return vec!["Nothing moved between the two rounds.".into()];
    }
    let mut out: Vec<String> = moves
        .iter()
        .take(SHOWN)
        .map(|m| {
            format!(
                "{}: {} {}% -> {}% ({:+})",
                m.group,
                m.what,
                m.before,
                m.after,
                m.points()
            )
        })
        .collect();
    if moves.len() > SHOWN {
        out.push(format!("and {} smaller moves", moves.len() - SHOWN));
    }
    out
}

pub fn to_json(moves: &[Move]) -> Value {
    Value::Array(
        moves
            .iter()
            .map(|m| json!({"group": m.group, "what": m.what, "before": m.before, "after": m.after, "points": m.points()}))
            .collect(),
    )
}
