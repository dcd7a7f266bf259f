//! The anonymity rules, without exception. A group of fewer than
//! `MIN_GROUP` respondents is never shown on its own: it is folded into
//! "other segments", and the fold is said. No group can be worked out by
//! subtraction: when the fold would hold a single group, or fewer than
//! `MIN_GROUP` people, the next-smallest groups are folded in too. No answer
//! text is shown for a group of fewer than `MIN_QUOTE`.

/// The fewest respondents a group shown on its own may have.
pub const MIN_GROUP: usize = 5;
/// The fewest respondents a group may have for its answers to be quoted.
pub const MIN_QUOTE: usize = 10;

/// Which groups are shown and which are folded together.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fold {
    /// Per group: shown on its own.
    pub shown: Vec<bool>,
    /// The groups in the fold, smallest first (empty groups are in neither).
    pub folded: Vec<usize>,
    /// Fewer than `MIN_GROUP` answers in all: nothing may be shown.
    pub too_few: bool,
}

/// Fold groups of these sizes.
pub fn fold(sizes: &[usize]) -> Fold {
    fold_with(sizes, &[])
}

/// Fold groups of these sizes, and the groups `forced` marks whatever
/// their size: a group folded in another round is folded in this one too,
/// so neither round can be subtracted from the other.
pub fn fold_with(sizes: &[usize], forced: &[bool]) -> Fold {
    let total: usize = sizes.iter().sum();
    let mut shown: Vec<bool> = sizes
        .iter()
        .enumerate()
        .map(|(i, &n)| n >= MIN_GROUP && !forced.get(i).copied().unwrap_or(false))
        .collect();
    let mut folded: Vec<usize> = (0..sizes.len()).filter(|&i| sizes[i] > 0 && !shown[i]).collect();
    // The next-smallest shown group joins until the fold hides every group
    // in it: two groups at least, and MIN_GROUP people at least.
    loop {
        let held: usize = folded.iter().map(|&i| sizes[i]).sum();
        if folded.is_empty() || (folded.len() >= 2 && held >= MIN_GROUP) {
            break;
        }
        let next = (0..sizes.len()).filter(|&i| shown[i]).min_by_key(|&i| (sizes[i], i));
        match next {
            Some(i) => {
                shown[i] = false;
                folded.push(i);
            }
            None => break,
        }
    }
    folded.sort_by_key(|&i| (sizes[i], i));
    // A fold that is all there is hides nothing: it is the whole company.
    Fold {
        shown,
        folded,
        too_few: total < MIN_GROUP,
    }
}

/// Whether answers of a group of `size` may be quoted.
pub fn may_quote(size: usize) -> bool {
    size >= MIN_QUOTE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_groups_are_folded_with_the_next_smallest_when_alone() {
        let f = fold(&[20, 4, 9, 12]);
        assert_eq!(
            f.shown,
            [true, false, false, true],
            "a lone group of 4 takes the 9 with it"
        );
        assert_eq!(f.folded, [1, 2]);
        let f = fold(&[20, 4, 3, 12]);
        assert_eq!(f.shown, [true, false, false, true]);
        assert_eq!(f.folded, [2, 1]);
        let f = fold(&[20, 1, 2, 12, 30]);
        assert_eq!(
            f.folded,
            [1, 2, 3],
            "a fold of 3 people would show a small group: the 12 joins"
        );
        assert_eq!(fold(&[5, 5, 6]).folded, Vec::<usize>::new());
    }

    #[test]
    fn a_forced_group_is_folded_and_takes_the_next_smallest_when_alone() {
        let f = fold_with(&[20, 8, 9, 12], &[false, true, false, false]);
        assert_eq!(
            f.folded,
            [1, 2],
            "the forced 8 alone would be a fold of one: the 9 joins"
        );
        let f = fold_with(&[20, 4, 8, 12], &[false, false, true, false]);
        assert_eq!(f.folded, [1, 2], "a forced group fills a fold of one");
        assert_eq!(fold_with(&[20, 8], &[false, false]), fold(&[20, 8]));
    }

    #[test]
    fn empty_groups_are_not_folded_and_too_few_is_said() {
        let f = fold(&[0, 7, 8]);
        assert!(f.folded.is_empty() && !f.too_few);
        assert!(fold(&[2, 2]).too_few);
        let f = fold(&[3, 0]);
        assert_eq!((f.folded.clone(), f.too_few), (vec![0], true));
        assert!(may_quote(10) && !may_quote(9));
    }
}
