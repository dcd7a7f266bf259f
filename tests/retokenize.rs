//! Reading a text again after an edit (`tokens::retokenize`) gives the
//! words that reading it afresh gives, whatever the edit and wherever it is.

use chorus::core::text::tokens::{retokenize, tokenize};

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
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed >> 33) as usize
    };
    let mut text: String = (0..40).map(|i| pieces[i * 5 % pieces.len()]).collect();
    let mut words = tokenize(&text);
    for _ in 0..2000 {
        let chars: Vec<char> = text.chars().collect();
        let at = next() % (chars.len() + 1);
        let cut = if next().is_multiple_of(3) { next() % 4 } else { 0 };
        let mut edited: String = chars[..at.saturating_sub(cut)].iter().collect();
        if cut == 0 {
            edited.push_str(pieces[next() % pieces.len()]);
        }
        edited.extend(&chars[at..]);
        words = retokenize(&text, words, &edited);
        assert_eq!(words, tokenize(&edited), "{edited:?}");
        text = edited;
    }
}
