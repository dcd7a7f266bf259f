//! Coverage: segments × pillars, each cell the messages for that segment
//! that support that pillar (by the review's alignment); and the pillars
//! that only ever reach one segment.

use super::plan::{FindingKind, Input, ProgrammeFinding};

/// `grid[segment][pillar]`: the messages behind each cell.
pub fn grid(input: &Input) -> Vec<Vec<Vec<usize>>> {
    let pillars = &input.set.external.pillars;
    let mut grid = vec![vec![Vec::new(); pillars.len()]; input.set.segments.len()];
    for (i, review) in input.reviews.iter().enumerate() {
        for id in &review.alignment.pillars {
            let Some(p) = pillars.iter().position(|p| &p.id == id) else {
                continue;
            };
            for &s in &input.reach[i] {
                grid[s][p].push(i);
            }
        }
    }
    grid
}

/// A pillar whose messages all go to the same one segment, in a set with
/// several: the rest of the company never hears that part of the story.
pub fn one_segment_pillars(input: &Input, grid: &[Vec<Vec<usize>>]) -> Vec<ProgrammeFinding> {
    let segments = &input.set.segments;
    if segments.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (p, pillar) in input.set.external.pillars.iter().enumerate() {
        let reached: Vec<usize> = (0..segments.len()).filter(|&s| !grid[s][p].is_empty()).collect();
        let [only] = reached.as_slice() else { continue };
        let messages = grid[*only][p].clone();
        out.push(ProgrammeFinding {
            kind: FindingKind::PillarOneSegment,
            segment: Some(segments[*only].clone()),
            pillar: Some(pillar.id.clone()),
            message: format!(
                "The pillar \"{}\" only ever reaches {} ({}): the other {} segments never hear it.",
                pillar.claim,
                segments[*only],
                input.ids(&messages),
                segments.len() - 1
            ),
            messages,
        });
    }
    out
}
