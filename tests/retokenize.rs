//! Reading a text again after an edit (`tokens::retokenize`, and the
//! review that keeps what the last one found, `Reviewer::review_again`)
//! gives what reading it afresh gives, whatever the edit and wherever it is.

use chorus::core::lexicon::Lexicon;
use chorus::core::model::Message;
use chorus::core::review::Reviewer;
use chorus::core::store;
use chorus::core::text::tokens::{retokenize, tokenize};

/// A small xorshift generator: the same edits on every run.
fn edits() -> impl FnMut() -> usize {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed >> 33) as usize
    }
}

/// `text` with a random edit: a piece typed at a random place, or up to
/// three characters deleted before it.
fn edit(text: &str, pieces: &[&str], next: &mut impl FnMut() -> usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = next() % (chars.len() + 1);
    let cut = if next().is_multiple_of(3) { next() % 4 } else { 0 };
    let mut edited: String = chars[..at.saturating_sub(cut)].iter().collect();
    if cut == 0 {
        edited.push_str(pieces[next() % pieces.len()]);
    }
    edited.extend(&chars[at..]);
    edited
}

#[test]
fn a_text_read_again_after_an_edit_gives_the_fresh_tokens() {
    // Pieces that end clauses and sentences, join words, split
    // contractions and units, and are not ASCII.
    let pieces = [
        "We ",
        "don't ",
        "cut. ",
        "24-hour ",
        "7pm",
        ", ",
        "Lemonad.ly ",
        "1,000 ",
        "; ",
        "\n",
        "café ",
        "’re ",
        "IT ",
        "x",
        "-",
        ".",
        "\u{200b}",
        "  ",
        "?",
        "naïve—",
        "3.5",
        "İ ",
    ];
    let mut next = edits();
    let mut text: String = (0..40).map(|i| pieces[i * 5 % pieces.len()]).collect();
    let mut words = tokenize(&text);
    for _ in 0..2000 {
        let edited = edit(&text, &pieces, &mut next);
        let before = words.clone();
        let kept;
        (words, kept) = retokenize(&text, words, &edited);
        assert_eq!(words, tokenize(&edited), "{edited:?}");
        // What it says it kept is what was there before the edit.
        assert_eq!(words[..kept], before[..kept], "{edited:?}");
        text = edited;
    }
}

/// Typing into a message of the example set, with pieces that make and
/// break pillar keywords, opposites, avoided terms, figures and the
/// lexicon's phrases of several words: after every edit, the review that
/// kept the last one's finds is the review made afresh.
#[test]
fn a_review_again_after_an_edit_is_the_fresh_review() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/messages/lemonadly.yaml");
    let set = store::load(std::path::Path::new(path)).expect("example loads");
    let lexicon = Lexicon::builtin();
    let reviewer = Reviewer::new(&set, &lexicon);
    let pieces = [
        "fast ",
        "turn",
        "around ",
        "slow",
        " delay. ",
        "cheap",
        "est ",
        "qualified ",
        "by March",
        " 2 hours ",
        "within 48 ",
        "hours",
        ". ",
        "world-class ",
        "we will ",
        "not ",
        "no longer ",
        "the warehouse team ",
        "every",
        "one ",
        "\n",
        "always ",
        "next quarter ",
        "we'll close ",
        "x",
        "- ",
        "“",
        "”",
    ];
    let mut next = edits();
    let mut m = Message {
        id: "m".into(),
        text: set.internal[0].text.clone(),
        ..Default::default()
    };
    let mut last = None;
    for _ in 0..600 {
        m.text = edit(&m.text, &pieces, &mut next);
        let again = reviewer.review_again(&m, &mut last);
        assert_eq!(again, reviewer.review(&m), "{:?}", m.text);
    }
    // A reviewer of another story finds other phrases: what one kept is
    // not taken for the other's.
    let mut other = set.clone();
    other.external.pillars[0].keywords.push("warehouse".into());
    let other = Reviewer::new(&other, &lexicon);
    assert_eq!(other.review_again(&m, &mut last), other.review(&m));
}
