//! Messenger mix: who speaks to whom, and a set where one messenger sends
//! most of the messages (one voice from the top reads as talking at people).

use std::collections::HashMap;

use super::plan::{percent, FindingKind, Input, MessengerLine, ProgrammeFinding};

/// Every messenger with their messages per segment, most messages first.
pub fn mix(input: &Input) -> Vec<MessengerLine> {
    let mut lines: Vec<MessengerLine> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for (i, m) in input.set.internal.iter().enumerate() {
        let Some(who) = m.messenger.as_deref().map(str::trim).filter(|w| !w.is_empty()) else {
            continue;
        };
        let k = *at.entry(who).or_insert_with(|| {
            lines.push(MessengerLine {
                messenger: who.to_string(),
                total: 0,
                per_segment: vec![0; input.set.segments.len()],
            });
            lines.len() - 1
        });
        lines[k].total += 1;
        for &s in &input.reach[i] {
            lines[k].per_segment[s] += 1;
        }
    }
    lines.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.messenger.cmp(&b.messenger)));
    lines
}

/// One messenger sending more than the lexicon's share of the messages that name one.
pub fn one_messenger(input: &Input, lines: &[MessengerLine]) -> Vec<ProgrammeFinding> {
    let named: usize = lines.iter().map(|l| l.total).sum();
    let Some(top) = lines.first() else { return Vec::new() };
    let share = percent(top.total, named);
    if named < input.config.min_messages || share <= usize::from(input.config.messenger_share) {
        return Vec::new();
    }
    let messages: Vec<usize> = (0..input.set.internal.len())
        .filter(|&i| input.set.internal[i].messenger.as_deref().map(str::trim) == Some(top.messenger.as_str()))
        .collect();
    vec![ProgrammeFinding {
        kind: FindingKind::OneMessenger,
        segment: None,
        pillar: None,
        message: format!(
            "{} sends {share}% of the messages ({} of {named}): let team leads and peers carry \
             the story too.",
            top.messenger, top.total
        ),
        messages,
    }]
}
