//! Timeline: when each segment last heard from us and what is planned for
//! it, from the messages' `date`; and the segments with nothing in the
//! last N weeks (N from the set, else the lexicon).

use super::plan::{FindingKind, Heard, Input, ProgrammeFinding};

/// Last heard and planned, per segment.
pub fn heard(input: &Input) -> Vec<Heard> {
    let mut out = vec![Heard::default(); input.set.segments.len()];
    for (i, m) in input.set.internal.iter().enumerate() {
        let Some(date) = m.date else { continue };
        for &s in &input.reach[i] {
            let h = &mut out[s];
            if date <= input.today {
                if h.last.is_none_or(|(d, _)| date > d) {
                    h.last = Some((date, i));
                }
            } else {
                h.planned += 1;
                if h.next.is_none_or(|(d, _)| date < d) {
                    h.next = Some((date, i));
                }
            }
        }
    }
    out
}

/// Segments that heard nothing in the last `weeks` weeks. Only a set that
/// dates its messages is read this way: without dates there is no calendar.
pub fn quiet(input: &Input, heard: &[Heard], weeks: u32) -> Vec<ProgrammeFinding> {
    if !input.set.internal.iter().any(|m| m.date.is_some()) {
        return Vec::new();
    }
    let since = input.today.days() - i64::from(weeks) * 7;
    let mut out = Vec::new();
    for (s, h) in heard.iter().enumerate() {
        let segment = &input.set.segments[s];
        let (message, messages) = match h.last {
            Some((d, _)) if d.days() > since => continue,
            Some((d, i)) => (
                format!(
                    "{segment} last heard from us on {d} ({}), more than {weeks} weeks ago{}.",
                    input.set.internal[i].id,
                    planned(input, h)
                ),
                vec![i],
            ),
            None => (
                format!("{segment} have not heard from us yet{}.", planned(input, h)),
                Vec::new(),
            ),
        };
        out.push(ProgrammeFinding {
            kind: FindingKind::Quiet,
            segment: Some(segment.clone()),
            pillar: None,
            message,
            messages,
        });
    }
    out
}

fn planned(input: &Input, h: &Heard) -> String {
    match h.next {
        Some((d, i)) => format!("; next planned: {} on {d}", input.set.internal[i].id),
        None => "; nothing is planned".to_string(),
    }
}
