//! Finding phrases in a text: one index over many phrase lists, so each word
//! costs a few hash lookups however many lists there are (the workbench
//! rescores on every keystroke; `check` scores ten thousand messages).

use std::collections::HashMap;

use super::hashing::{fnv, pair, KeyFilter};
pub use super::hashing::{FastHash, Prehashed};
use super::stem;
use super::tokens::{tokenize, Kind, Word};

/// A phrase split the way texts are split, each part with its forms.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub text: String,
    pub parts: Vec<Vec<String>>,
    /// Written in capitals ("IT"): only matches words written in capitals,
    /// so the segment "IT" is not the pronoun "it".
    pub acronym: bool,
}

impl Phrase {
    pub fn new(text: &str) -> Phrase {
        let t = text.trim();
        let parts: Vec<Vec<String>> = if t.starts_with('\'') || t.eq_ignore_ascii_case("n't") {
            vec![vec![super::tokens::normalize(t)]]
        } else {
            tokenize(t).into_iter().map(|w| w.forms).collect()
        };
        let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
        let acronym = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
        Phrase {
            text: t.to_string(),
            parts,
            acronym,
        }
    }
}

/// The hashed forms of every word of a text, computed once and shared by
/// every index that searches the text.
#[derive(Debug, Clone, Default)]
pub struct FormHashes {
    flat: Vec<u64>,
    ends: Vec<u32>,
}

impl FormHashes {
    pub fn new(words: &[Word]) -> FormHashes {
        let mut flat = Vec::with_capacity(words.len() * 2);
        let mut ends = Vec::with_capacity(words.len());
        for w in words {
            flat.extend(w.forms.iter().map(|f| fnv(f)));
            ends.push(flat.len() as u32);
        }
        FormHashes { flat, ends }
    }

    /// The hashes of a text's words after an edit that kept its first
    /// `kept` words (as `tokens::retokenize` says): those are kept, the
    /// rest hashed again.
    pub fn after_edit(mut self, words: &[Word], kept: usize) -> FormHashes {
        let kept = kept.min(self.ends.len()).min(words.len());
        self.ends.truncate(kept);
        self.flat.truncate(self.ends.last().map_or(0, |&e| e as usize));
        for w in &words[kept..] {
            self.flat.extend(w.forms.iter().map(|f| fnv(f)));
            self.ends.push(self.flat.len() as u32);
        }
        self
    }

    /// The hashes of word `i`'s forms.
    pub fn of(&self, i: usize) -> &[u64] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.flat[start..self.ends[i] as usize]
    }
}

/// Where a phrase was found: words `first..=last` of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Which list the phrase came from (the caller's numbering).
    pub list: usize,
    /// Index of the phrase within its list.
    pub phrase: usize,
    pub first: usize,
    pub last: usize,
}

#[cfg(test)]
impl Hit {
    /// A hit of words `first..=last`, from no list in particular.
    pub fn words(first: usize, last: usize) -> Hit {
        Hit {
            list: 0,
            phrase: 0,
            first,
            last,
        }
    }
}

/// Many phrase lists, indexed together: a phrase of one word by every form
/// of that word, a longer phrase by every pair of forms of its first two
/// words. A word then finds its candidates in a few lookups of hashed
/// forms, however many phrases share its first word ("by June", "by
/// March", ... are reached only when the next word fits).
#[derive(Debug, Clone, Default)]
pub struct PhraseIndex {
    lists: Vec<Vec<Phrase>>,
    /// Per list: accept derivations and typos (pillar keywords), or only inflections (lexicon).
    fuzzy: Vec<bool>,
    singles: HashMap<u64, Vec<(u32, u32)>, Prehashed>,
    pairs: HashMap<u64, Vec<(u32, u32)>, Prehashed>,
    /// The keys of `singles` and `pairs`, as bits (see `KeyFilter`).
    keys: KeyFilter,
    /// The forms that begin a phrase of several words, as bits: a word
    /// none of whose forms is set begins no pair, and its pairs with the
    /// next word's forms are not even hashed.
    firsts: KeyFilter,
    /// Fuzzy phrases of several words by every form of their first word
    /// (those of one word are in `singles` already).
    fuzzy_forms: HashMap<u64, Vec<(u32, u32)>, Prehashed>,
    /// Fuzzy phrases whose first word has six letters or more, by the two
    /// halves of that word (see `typo_keys`), sorted by key: a word one
    /// typo away shares one of them, so a word finds these candidates in a
    /// few lookups however many keywords the story has.
    fuzzy_typos: Vec<(u64, u32, u32)>,
    /// Typo keys added since the last sort.
    unsorted: bool,
    /// The first two letters of every fuzzy phrase: a word with others
    /// reaches none by a typo or a derivation, and skips the lookups.
    fuzzy_prefixes: std::collections::HashSet<[char; 2], FastHash>,
    /// The most words in any phrase: an edit reaches back no further.
    longest: usize,
}

impl PhraseIndex {
    pub fn new() -> PhraseIndex {
        PhraseIndex::default()
    }

    /// Add a list; returns its number.
    pub fn add_list<S: AsRef<str>>(&mut self, phrases: &[S], fuzzy: bool) -> usize {
        let li = self.lists.len();
        let list: Vec<Phrase> = phrases
            .iter()
            .map(|p| Phrase::new(p.as_ref()))
            .filter(|p| !p.parts.is_empty())
            .collect();
        for (pi, p) in list.iter().enumerate() {
            let id = (li as u32, pi as u32);
            self.longest = self.longest.max(p.parts.len());
            match p.parts.get(1) {
                None => {
                    for f in &p.parts[0] {
                        self.keys.insert(fnv(f));
                        self.singles.entry(fnv(f)).or_default().push(id);
                    }
                }
                Some(second) => {
                    for f1 in &p.parts[0] {
                        self.firsts.insert(fnv(f1));
                        for f2 in second {
                            // A phrase's ids are pushed one after another, so
                            // a repeat of this one can only be the last.
                            self.keys.insert(pair(fnv(f1), fnv(f2)));
                            let v = self.pairs.entry(pair(fnv(f1), fnv(f2))).or_default();
                            if v.last() != Some(&id) {
                                v.push(id);
                            }
                        }
                    }
                }
            }
            if fuzzy {
                if p.parts.len() > 1 {
                    for f in &p.parts[0] {
                        let v = self.fuzzy_forms.entry(fnv(f)).or_default();
                        if v.last() != Some(&id) {
                            v.push(id);
                        }
                    }
                }
                let k = p.parts[0][0].as_str();
                self.fuzzy_prefixes.extend(prefix(k));
                let n = k.chars().count();
                // Five letters reach a swap ("cliam"), six any slip (see `stem::typo`).
                if n >= 5 {
                    let (pk, sk) = typo_keys(k, n, n);
                    self.fuzzy_typos.push((pk, id.0, id.1));
                    self.fuzzy_typos.push((sk, id.0, id.1));
                    self.unsorted = true;
                }
            }
        }
        self.lists.push(list);
        self.fuzzy.push(fuzzy);
        li
    }

    /// Sort the typo keys once all lists are in: `find` then looks them up
    /// by binary search (before, it scans them all, which gives the same
    /// hits, slowly).
    pub fn ready(&mut self) {
        if self.unsorted {
            self.fuzzy_typos.sort_unstable();
            self.unsorted = false;
        }
    }

    /// Fuzzy phrases a word may reach by a derivation or a typo of their
    /// first word: those whose first word begins with the word's first two
    /// letters and either is the word less a derivational ending, or shares
    /// a typo key with it. These are all such phrases that `match_at` can
    /// accept, and no others than a scan of every fuzzy phrase with the
    /// same first two letters would try.
    fn fuzzy_candidates(&self, w: &Word, forms: &[u64], out: &mut Vec<(u32, u32)>) {
        let Some(key) = prefix(&w.lower).filter(|k| self.fuzzy_prefixes.contains(k)) else {
            return;
        };
        let start = out.len();
        for h in forms {
            out.extend(self.fuzzy_forms.get(h).into_iter().flatten().copied());
        }
        for d in stem::DERIVATIONS {
            if let Some(stem) = cut_suffix(&w.lower, d) {
                // "luxurious": the stem "luxuri" is "luxury" with its y
                // turned to i.
                let turned = stem
                    .strip_suffix('i')
                    .filter(|_| matches!(d, "ous" | "ously" | "ly"))
                    .map(|s| [s, "y"].concat());
                for h in std::iter::once(fnv(stem)).chain(turned.as_deref().map(fnv)) {
                    out.extend(self.singles.get(&h).into_iter().flatten().copied());
                    out.extend(self.fuzzy_forms.get(&h).into_iter().flatten().copied());
                }
            }
        }
        // The word as written and its stems: a slip may sit in an inflected
        // word ("pushbaks"), as `stem::matches` allows.
        for form in std::iter::once(&w.lower).chain(w.forms.iter().skip(1)) {
            let n = form.chars().count();
            for lk in [n.saturating_sub(1), n, n + 1] {
                if lk < 5 || n < 5 || (lk != n && (lk < 6 || n < 6)) {
                    continue;
                }
                let (pk, sk) = typo_keys(form, n, lk);
                for k in [pk, sk] {
                    if self.unsorted {
                        out.extend(self.fuzzy_typos.iter().filter(|e| e.0 == k).map(|e| (e.1, e.2)));
                        continue;
                    }
                    let from = self.fuzzy_typos.partition_point(|e| e.0 < k);
                    out.extend(
                        self.fuzzy_typos[from..]
                            .iter()
                            .take_while(|e| e.0 == k)
                            .map(|e| (e.1, e.2)),
                    );
                }
            }
        }
        // Only fuzzy phrases with the word's first two letters, as before.
        let mut i = start;
        while i < out.len() {
            let (li, pi) = out[i];
            let p = &self.lists[li as usize][pi as usize];
            if self.fuzzy[li as usize] && prefix(&p.parts[0][0]) == Some(key) {
                i += 1;
            } else {
                out.swap_remove(i);
            }
        }
    }

    pub fn phrase(&self, list: usize, phrase: usize) -> &Phrase {
        &self.lists[list][phrase]
    }

    /// Every occurrence of every phrase, grouped by list (overlaps included).
    pub fn find(&self, words: &[Word], hashes: &FormHashes) -> Vec<Vec<Hit>> {
        self.find_after(words, hashes, Vec::new(), 0)
    }

    /// `find` in a text whose first `kept` words are those `before` was
    /// found in (an edit left them as they were): a hit that starts far
    /// enough before the edit for the index's longest phrase to end before
    /// it is kept, and only the rest of the text is searched again. A
    /// keystroke in a long message then searches what follows it, not the
    /// whole text.
    pub fn find_after(&self, words: &[Word], hashes: &FormHashes, before: Vec<Vec<Hit>>, kept: usize) -> Vec<Vec<Hit>> {
        let (from, mut out) = if before.len() == self.lists.len() {
            (
                kept.min(words.len()).saturating_sub(self.longest.saturating_sub(1)),
                before,
            )
        } else {
            (0, vec![Vec::new(); self.lists.len()])
        };
        // Each list's hits are in the order of their first word.
        for list in &mut out {
            list.truncate(list.partition_point(|h| h.first < from));
        }
        let mut seen: Vec<(u32, u32)> = Vec::with_capacity(8);
        for (i, w) in words.iter().enumerate().skip(from) {
            seen.clear();
            let mut add = |cands: Option<&Vec<(u32, u32)>>| seen.extend(cands.into_iter().flatten().copied());
            for &h in hashes.of(i) {
                if self.keys.may_hold(h) {
                    add(self.singles.get(&h));
                }
                if i + 1 < words.len() && self.firsts.may_hold(h) {
                    for &h2 in hashes.of(i + 1) {
                        let k = pair(h, h2);
                        if self.keys.may_hold(k) {
                            add(self.pairs.get(&k));
                        }
                    }
                }
            }
            if !self.fuzzy_prefixes.is_empty() && w.kind == Kind::Word && w.lower.len() >= 5 {
                // Typos and derivations ("expertise" for "expert") of fuzzy phrases.
                self.fuzzy_candidates(w, hashes.of(i), &mut seen);
            }
            // A word reaches a phrase by several of its forms: try each once.
            seen.sort_unstable();
            seen.dedup();
            for &(li, pi) in &seen {
                let (li, pi) = (li as usize, pi as usize);
                if let Some(last) = self.match_at(words, i, li, pi) {
                    out[li].push(Hit {
                        list: li,
                        phrase: pi,
                        first: i,
                        last,
                    });
                }
            }
        }
        out
    }

    fn match_at(&self, words: &[Word], at: usize, li: usize, pi: usize) -> Option<usize> {
        let p = &self.lists[li][pi];
        let fuzzy = self.fuzzy[li];
        if at + p.parts.len() > words.len() {
            return None;
        }
        if p.acronym && !words[at].acronym {
            return None;
        }
        for (k, part) in p.parts.iter().enumerate() {
            let w = &words[at + k];
            // A phrase does not run across a sentence.
            if k > 0 && w.sentence != words[at].sentence {
                return None;
            }
            let ok = if w.kind == Kind::Punct || part[0].chars().all(|c| !c.is_alphanumeric()) {
                w.lower == part[0]
            } else {
                stem::matches(&w.forms, part, fuzzy)
            };
            if !ok {
                return None;
            }
        }
        Some(at + p.parts.len() - 1)
    }
}

/// The two typo keys of a word of `lk` letters, or of a word that may be
/// one typo from one of `lk` letters: its first `lk / 2` letters, and its
/// first two letters with its last `lk - lk / 2 - 1`. One edit (insert,
/// delete, substitute, or swap two neighbours) leaves one of the two as it
/// was: an edit at or after letter `lk / 2` leaves the first part, one
/// before it leaves everything from letter `lk / 2 + 1` on; and a typo
/// keeps the first two letters (see `stem::typo`).
/// `w` has `n` letters.
fn typo_keys(w: &str, n: usize, lk: usize) -> (u64, u64) {
    use std::hash::{BuildHasher, Hasher};
    let a = lk / 2;
    let b = lk - a - 1;
    let mut p = FastHash.build_hasher();
    p.write_u8(b'p');
    p.write_usize(lk);
    for c in w.chars().take(a) {
        p.write_u32(c as u32);
    }
    let mut s = FastHash.build_hasher();
    s.write_u8(b's');
    s.write_usize(lk);
    for c in w.chars().take(2).chain(w.chars().skip(n.saturating_sub(b))) {
        s.write_u32(c as u32);
    }
    (p.finish(), s.finish())
}

/// `w.strip_suffix(suf)`, compared from the last byte: most words end
/// otherwise, and a short loop beats a call to memcmp per ending.
fn cut_suffix<'a>(w: &'a str, suf: &str) -> Option<&'a str> {
    let (wb, sb) = (w.as_bytes(), suf.as_bytes());
    let at = wb.len().checked_sub(sb.len())?;
    if wb[at..].iter().rev().eq(sb.iter().rev()) {
        w.get(..at)
    } else {
        None
    }
}

fn prefix(s: &str) -> Option<[char; 2]> {
    let mut c = s.chars();
    Some([c.next()?, c.next()?])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(list: &[&str], text: &str, fuzzy: bool) -> Vec<String> {
        let mut ix = PhraseIndex::new();
        let l = ix.add_list(list, fuzzy);
        let words = tokenize(text);
        ix.find(&words, &FormHashes::new(&words))[l]
            .iter()
            .map(|h| {
                words[h.first..=h.last]
                    .iter()
                    .map(|w| w.lower.clone())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn finds_multi_word_and_inflected_phrases() {
        assert_eq!(
            hits(&["best in class", "dominate"], "Best-in-class teams dominating", false),
            ["best in class", "dominating"]
        );
        assert_eq!(hits(&["let's", "'ll"], "Let's go; we'll see", false), ["let 's", "'ll"]);
        assert_eq!(hits(&["100%"], "100% of the time", false), ["100 %"]);
    }

    #[test]
    fn phrases_stop_at_sentence_ends() {
        assert!(hits(&["no excuses"], "We say no. Excuses are fine.", false).is_empty());
    }

    #[test]
    fn acronyms_need_capitals() {
        assert_eq!(hits(&["IT"], "it is IT", false), ["it"]);
        assert_eq!(hits(&["IT"], "it is IT", false).len(), 1);
    }

    #[test]
    fn fuzzy_lists_accept_derivations_and_typos_lexicon_lists_do_not() {
        assert_eq!(hits(&["expert"], "our expertise", true), ["expertise"]);
        assert!(hits(&["expert"], "our expertise", false).is_empty());
        assert_eq!(hits(&["certified"], "a certifed repairer", true), ["certifed"]);
        assert!(hits(&["certified"], "a certifed repairer", false).is_empty());
    }

    #[test]
    fn typo_and_derivation_lookups_find_what_a_scan_of_every_keyword_finds() {
        let keywords = [
            "certified",
            "careful",
            "expert",
            "inspect",
            "turnaround",
            "waiting",
            "repair",
            "repaired",
            "fresh",
            "delivery",
            "deliveries",
            "quality",
            "qualified",
            "ünïcödé",
            "trained",
        ];
        let mut ix = PhraseIndex::new();
        let l = ix.add_list(&keywords, true);
        ix.ready();
        let text = "certifed certifieds certiifed cetrified ceritfied expertise experts inspection inspcet \
            turnarund turnaruond turnaroundz wating waitnig repiared repairs repairment freshness frehs \
            delivey deliveres qualty qualifeid quailfied ünïcöde ünïcödéé trainde trained traning careful carefully";
        let words = tokenize(text);
        let hashes = FormHashes::new(&words);
        let found: Vec<(usize, usize)> = ix.find(&words, &hashes)[l]
            .iter()
            .map(|h| (h.first, h.phrase))
            .collect();
        // The reference: every keyword sharing a form with the word, and, for
        // words of five bytes or more, every keyword with its first two letters.
        let mut scan = Vec::new();
        for (i, w) in words.iter().enumerate() {
            for (pi, p) in ix.lists[l].iter().enumerate() {
                let shares = p.parts[0].iter().any(|f| w.forms.contains(f));
                let bucket = w.kind == Kind::Word && w.lower.len() >= 5 && prefix(&w.lower) == prefix(&p.parts[0][0]);
                if (shares || bucket) && ix.match_at(&words, i, l, pi).is_some() {
                    scan.push((i, pi));
                }
            }
        }
        assert_eq!(found, scan);
        assert!(
            found.len() > 25,
            "the text is mostly near-misses that match: {}",
            found.len()
        );
    }
}
