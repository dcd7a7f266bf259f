//! What the rules know about the set a message belongs to: its segments
//! (by name, alias or singular) indexed once, and the brand's name.

use crate::core::analysis::Analysis;
use crate::core::lexicon::Lexicon;
use crate::core::model::MessageSet;
use crate::core::text::phrases::{Hit, PhraseIndex};
use crate::core::text::{stem, tokens};

/// What the rules know about the set: its segments, indexed once.
pub struct RuleContext {
    pub segments: Vec<String>,
    segment_index: PhraseIndex,
    /// The brand's name as words ("lemonad.ly"), so "Lemonad.ly will ..." reads as the company acting.
    brand: Vec<String>,
}

impl RuleContext {
    pub fn new(set: &MessageSet, lexicon: &Lexicon) -> RuleContext {
        let mut segment_index = PhraseIndex::new();
        for s in &set.segments {
            // A segment is named by its name or by any alias the lexicon gives
            // it, and one of its people by the singular ("the dentist" for
            // "dentists"). Not by a look-alike: "planting" is not "planning".
            let mut names: Vec<String> = vec![s.clone()];
            names.extend(lexicon.segment_aliases(s).into_iter().map(String::from));
            let singulars: Vec<String> = names.iter().filter_map(|n| singular(n)).collect();
            names.extend(singulars);
            segment_index.add_list(&names, false);
        }
        RuleContext {
            segments: set.segments.clone(),
            segment_index,
            brand: tokens::tokenize(&set.brand)
                .into_iter()
                .filter(|w| w.is_word() && w.lower.len() > 2)
                .map(|w| w.lower)
                .collect(),
        }
    }

    pub fn is_brand(&self, word: &str) -> bool {
        self.brand.iter().any(|b| b == word)
    }

    /// Is `word` the last word of a segment named in two words or more
    /// ("workshop" of "bike workshop"), by which a team is often called
    /// ("the workshop will post ...")?
    pub fn is_segment_head(&self, word: &str) -> bool {
        self.segments.iter().any(|s| {
            s.rsplit_once(' ')
                .is_some_and(|(_, last)| last.len() > 3 && last.eq_ignore_ascii_case(word))
        })
    }

    /// Segment mentions in a text: one hit per mention, `list` = segment index.
    pub fn segment_hits(&self, a: &Analysis) -> Vec<Hit> {
        self.segments_found(a, Vec::new(), 0).into_iter().flatten().collect()
    }

    /// Segment mentions by segment, after an edit that kept the first
    /// `kept` words of the text `before` was found in (see
    /// `PhraseIndex::find_after`).
    pub fn segments_found(&self, a: &Analysis, before: Vec<Vec<Hit>>, kept: usize) -> Vec<Vec<Hit>> {
        self.segment_index.find_after(&a.words, &a.hashes, before, kept)
    }

    /// The segments a text names, in the set's order (from `a.segments`).
    pub fn segments_named(&self, a: &Analysis) -> Vec<String> {
        let mut idx: Vec<usize> = a.segments.iter().map(|h| h.list).collect();
        idx.sort_unstable();
        idx.dedup();
        idx.into_iter().map(|i| self.segments[i].clone()).collect()
    }
}

/// "dental nurses" → "dental nurse"; `None` when the last word is not a
/// plural of people or things in -s. A department named for its work
/// ("sales", "operations", "logistics") has no singular: "a sale" is not
/// the sales team.
fn singular(name: &str) -> Option<String> {
    let (head, last) = name.rsplit_once(' ').map_or(("", name), |(h, l)| (h, l));
    let lower = last.to_lowercase();
    if matches!(
        lower.as_str(),
        "sales" | "operations" | "logistics" | "communications" | "facilities" | "analytics"
    ) || lower.ends_with("ss")
    {
        return None;
    }
    let stem = lower.strip_suffix('s')?;
    let forms = stem::forms(&lower);
    let one = forms.iter().skip(1).find(|f| f.as_str() == stem)?;
    Some(if head.is_empty() {
        one.clone()
    } else {
        format!("{head} {one}")
    })
}

#[cfg(test)]
mod tests {
    use super::singular;

    #[test]
    fn a_segment_of_people_has_a_singular() {
        assert_eq!(singular("dental nurses").as_deref(), Some("dental nurse"));
        assert_eq!(singular("dentists").as_deref(), Some("dentist"));
        assert_eq!(singular("offices").as_deref(), Some("office"));
        assert_eq!(singular("sales"), None);
        assert_eq!(singular("IT"), None);
        assert_eq!(singular("front desk"), None);
    }
}
