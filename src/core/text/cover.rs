//! Where hits lie, indexed once: does any hit overlap a run of words, does
//! one start or end at a word. Rules ask these for every hit or word of a
//! text, so each answer costs a binary search, not a scan of every hit
//! (a long text would otherwise cost its length squared).

use super::phrases::Hit;

/// Hits by first word, with the furthest last word reached so far, and
/// their last words sorted.
#[derive(Debug, Clone, Default)]
pub struct Cover {
    firsts: Vec<usize>,
    /// `reach[k]`: the greatest `last` among the first `k + 1` hits by first word.
    reach: Vec<usize>,
    lasts: Vec<usize>,
    /// `least[k]`: the smallest `last` among hits `k..` by first word.
    least: Vec<usize>,
}

impl Cover {
    pub fn new(hits: &[Hit]) -> Cover {
        // Most lists find nothing in a message: nothing to sort or scan.
        if hits.is_empty() {
            return Cover::default();
        }
        let mut spans: Vec<(usize, usize)> = hits.iter().map(|h| (h.first, h.last)).collect();
        spans.sort_unstable();
        let mut reach = Vec::with_capacity(spans.len());
        let mut far = 0;
        for &(_, last) in &spans {
            far = far.max(last);
            reach.push(far);
        }
        let mut least = vec![usize::MAX; spans.len()];
        let mut near = usize::MAX;
        for (k, &(_, last)) in spans.iter().enumerate().rev() {
            near = near.min(last);
            least[k] = near;
        }
        let mut lasts: Vec<usize> = spans.iter().map(|s| s.1).collect();
        lasts.sort_unstable();
        Cover {
            firsts: spans.iter().map(|s| s.0).collect(),
            reach,
            lasts,
            least,
        }
    }

    /// Does any hit share a word with `first..=last`?
    pub fn overlaps(&self, first: usize, last: usize) -> bool {
        let n = self.firsts.partition_point(|&f| f <= last);
        n > 0 && self.reach[n - 1] >= first
    }

    /// Does a hit start at word `i`?
    pub fn starts_at(&self, i: usize) -> bool {
        self.firsts.binary_search(&i).is_ok()
    }

    /// Does a hit end at word `i`?
    pub fn ends_at(&self, i: usize) -> bool {
        self.lasts.binary_search(&i).is_ok()
    }

    /// Does a hit lie wholly within words `lo..end` (start at `lo` or later, end before `end`)?
    /// Hits starting at `end` or later end there or later, so the smallest
    /// last word from `lo` on answers it.
    pub fn within(&self, lo: usize, end: usize) -> bool {
        let k = self.firsts.partition_point(|&f| f < lo);
        self.least.get(k).is_some_and(|&l| l < end)
    }

    /// Does a hit start within words `lo..=hi`?
    pub fn starts_within(&self, lo: usize, hi: usize) -> bool {
        let k = self.firsts.partition_point(|&f| f < lo);
        self.firsts.get(k).is_some_and(|&f| f <= hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_a_scan_of_every_hit_would() {
        let hits = [Hit::words(9, 9), Hit::words(2, 6), Hit::words(3, 3), Hit::words(12, 14)];
        let c = Cover::new(&hits);
        for first in 0..16 {
            for last in first..16 {
                let scan = hits.iter().any(|h| h.first <= last && first <= h.last);
                assert_eq!(c.overlaps(first, last), scan, "{first}..={last}");
                let within = hits.iter().any(|h| (first..=last).contains(&h.first));
                assert_eq!(c.starts_within(first, last), within, "{first}..={last}");
            }
            for end in first..17 {
                let scan = hits.iter().any(|h| h.first >= first && h.last < end);
                assert_eq!(c.within(first, end), scan, "{first}..{end}");
            }
            assert_eq!(c.starts_at(first), hits.iter().any(|h| h.first == first));
            assert_eq!(c.ends_at(first), hits.iter().any(|h| h.last == first));
        }
    }
}
