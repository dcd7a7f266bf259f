//! Channel mix: per segment, how many messages reach it face to face and
//! how many on digital channels (which channels meet people is lexicon
//! data), and the segments that never hear from us face to face.

use std::collections::HashMap;

use super::plan::{ChannelMix, FindingKind, Input, ProgrammeFinding};

/// The mix of every segment, in the set's order.
pub fn mix(input: &Input) -> Vec<ChannelMix> {
    let mut out = vec![ChannelMix::default(); input.set.segments.len()];
    let mut counts: Vec<HashMap<&str, usize>> = vec![HashMap::new(); out.len()];
    // Each distinct channel is looked up once, not once per message.
    let mut meets: HashMap<&str, bool> = HashMap::new();
    for (i, m) in input.set.internal.iter().enumerate() {
        let channel = m.channel.as_deref().map(str::trim).filter(|c| !c.is_empty());
        let face = channel.map(|c| *meets.entry(c).or_insert_with(|| input.config.is_face_to_face(c)));
        for &s in &input.reach[i] {
            match (channel, face) {
                (Some(c), Some(face)) => {
                    *counts[s].entry(c).or_default() += 1;
                    if face {
                        out[s].face_to_face += 1;
                    } else {
                        out[s].digital += 1;
                    }
                }
                _ => out[s].unnamed += 1,
            }
        }
    }
    for (mix, counts) in out.iter_mut().zip(counts) {
        let mut by: Vec<(String, usize)> = counts.into_iter().map(|(c, n)| (c.to_string(), n)).collect();
        by.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        mix.by_channel = by;
    }
    out
}

/// A segment with enough messages on named channels, none of them face to face.
pub fn no_face_to_face(input: &Input, mix: &[ChannelMix]) -> Vec<ProgrammeFinding> {
    let mut out = Vec::new();
    for (s, m) in mix.iter().enumerate() {
        if m.face_to_face > 0 || m.digital < input.config.min_messages.max(1) {
            continue;
        }
        let channels: Vec<&str> = m.by_channel.iter().map(|(c, _)| c.as_str()).collect();
        let segment = &input.set.segments[s];
        let messages: Vec<usize> = (0..input.set.internal.len())
            .filter(|&i| input.reach[i].contains(&s) && input.set.internal[i].channel.is_some())
            .collect();
        out.push(ProgrammeFinding {
            kind: FindingKind::NoFaceToFace,
            segment: Some(segment.clone()),
            pillar: None,
            message: format!(
                "{segment} only ever hear from us on {} ({} messages): add a face-to-face moment \
                 (a huddle, a briefing, a town hall).",
                channels.join(", "),
                m.digital
            ),
            messages,
        });
    }
    out
}
