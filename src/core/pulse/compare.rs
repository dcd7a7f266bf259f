//! Two rounds compared: what moved between them, per figure, for everyone
//! and for each segment shown on its own in both rounds (a fold is never
//! compared: it may hold other groups each time).

use super::summary::{share, Figures, Pulse};

/// One figure that moved between two rounds, in whole percentage points.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    pub group: String,
    pub what: String,
    pub before: u32,
    pub after: u32,
}

impl Move {
    pub fn points(&self) -> i64 {
        i64::from(self.after) - i64::from(self.before)
    }
}

/// The figures of a group, named, as shares.
fn measures(p: &Pulse, f: &Figures) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = p
        .pillars
        .iter()
        .zip(&f.echo)
        .map(|(pl, n)| (format!("echo {}", pl.id), share(*n, f.read)))
        .collect();
    out.push(("state a pillar".into(), share(f.any, f.read)));
    out.push(("contradict".into(), share(f.contradict, f.read)));
    out.push(("misremember a figure".into(), share(f.misremember, f.read)));
    out.push(("use an avoided term".into(), share(f.avoided, f.read)));
    for ((header, _), t) in p.columns.scales.iter().zip(&f.scales) {
        out.push((format!("agree: {header}"), share(t.agree, t.answered)));
    }
    out
}

/// What moved from `before` to `after`, largest moves first; nothing when
/// either round has too few answers to show.
pub fn compare(before: &Pulse, after: &Pulse) -> Vec<Move> {
    if before.too_few || after.too_few {
        return Vec::new();
    }
    let mut pairs = vec![("everyone".to_string(), &before.overall, &after.overall)];
    for g in &after.groups {
        if let Some(b) = before.groups.iter().find(|b| b.name == g.name) {
            pairs.push((g.name.clone(), &b.figures, &g.figures));
        }
    }
    let mut moves = Vec::new();
    for (group, b, a) in pairs {
        let then = measures(before, b);
        for (what, now) in measures(after, a) {
            if let Some((_, was)) = then.iter().find(|(w, _)| *w == what) {
                if *was != now {
                    moves.push(Move {
                        group: group.clone(),
                        what,
                        before: *was,
                        after: now,
                    });
                }
            }
        }
    }
    moves.sort_by_key(|m| std::cmp::Reverse(m.points().abs()));
    moves
}
