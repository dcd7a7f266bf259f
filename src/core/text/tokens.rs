//! Tokens with character offsets. Words keep their place in the text as
//! character (Unicode scalar) offsets, so a span never cuts a character;
//! hyphenated compounds and contractions are split into parts so that
//! "24-hour", "best-in-class" and "don't" read as "24 hour", "best in class"
//! and "do n't", while remembering that they were written as one.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
}

/// One word, number or punctuation mark of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// Lower-case form, typographic apostrophes made plain.
    pub lower: String,
    /// The word and its forms before inflection (see `stem::forms`).
    pub forms: Vec<String>,
    pub kind: Kind,
    /// Character offsets in the text.
    pub start: usize,
    pub end: usize,
    /// Index of the clause (split at , ; : ! ? . and dashes).
    pub clause: usize,
    /// Index of the sentence (split at . ! ? ;).
    pub sentence: usize,
    /// Joined to the previous word by a hyphen ("24-hour" → "hour").
    pub glued: bool,
    /// Written with an upper-case first letter.
    pub capital: bool,
    /// Written entirely in capitals and longer than one letter ("IT", "HR").
    pub acronym: bool,
}

impl Word {
    pub fn is_word(&self) -> bool {
        self.kind != Kind::Punct
    }
}

/// Characters that print as nothing: zero-width space, non-joiner and
/// joiner, word joiner, byte-order mark, soft hyphen. Inside a word they
/// belong to it (its span covers them) but are ignored for matching, so
/// "che\u{200b}ap" is still "cheap" and "4\u{200b}8 hours" still 48 hours.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}')
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | ',' | '‐' | '‑')
}

/// Characters that belong to a word: letters, digits, and any other
/// non-ASCII character that is not punctuation or a space (combining marks,
/// scripts without case, emoji), so no script is cut mid-word.
#[inline(always)]
fn is_word_char(c: char) -> bool {
    // Most text is ASCII: answer it here, without a call or the Unicode tables.
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        is_wide_word_char(c)
    }
}

#[inline(never)]
fn is_wide_word_char(c: char) -> bool {
    if c.is_alphanumeric() {
        return true;
    }
    if c.is_ascii() || c.is_whitespace() || c.is_control() {
        return false;
    }
    !matches!(
        c,
        '‘' | '’'
            | '“'
            | '”'
            | '—'
            | '–'
            | '…'
            | '«'
            | '»'
            | '¡'
            | '¿'
            | '·'
            | '•'
            | '€'
            | '£'
            | '¥'
            | '©'
            | '®'
            | '™'
            | '°'
            | '\u{a0}'
            | '\u{2028}'
            | '\u{2029}'
            | '‐'
            | '‑'
            | '„'
            | '‚'
            | '‹'
            | '›'
            | '§'
            | '¶'
            | '†'
            | '‡'
            | '′'
            | '″'
    )
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | '…' | '。' | '！' | '？')
}

fn ends_clause(c: char) -> bool {
    ends_sentence(c) || matches!(c, ',' | ':' | '—' | '–' | '(' | ')' | '"' | '“' | '”' | '،' | '、')
}

/// A character of the text as the tokenizer walks it: a byte of a text
/// that is all ASCII (most are), else a `char`. Offsets are characters
/// either way, and ASCII has one byte a character, so a text read as bytes
/// gives the same words, spans and forms, without first turning it into
/// four bytes a character.
trait Ch: Copy {
    /// Every character of this kind is ASCII.
    const ASCII: bool;
    fn ch(self) -> char;
}

impl Ch for u8 {
    const ASCII: bool = true;
    #[inline(always)]
    fn ch(self) -> char {
        self as char
    }
}

impl Ch for char {
    const ASCII: bool = false;
    #[inline(always)]
    fn ch(self) -> char {
        self
    }
}

/// Split `text` into words, numbers and punctuation marks.
pub fn tokenize(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    scan_into(text, 0, 0, &mut words);
    words
}

/// The words of `text`, given those of `old` (as `tokenize` gave them):
/// the words before the last whitespace the two texts share from their
/// start are kept, and only the rest is read again. The scan starts afresh
/// at any whitespace, with only its clause and sentence counts carried, and
/// no word reads past the whitespace that ends it, so the result is what
/// `tokenize(text)` gives; a keystroke in a long text costs its tail.
/// Also says how many of the first words were kept as they were.
pub fn retokenize(old: &str, mut words: Vec<Word>, text: &str) -> (Vec<Word>, usize) {
    let (a, b) = (old.as_bytes(), text.as_bytes());
    let n = a.len().min(b.len());
    let same = a.iter().zip(b).take(n).position(|(x, y)| x != y).unwrap_or(n);
    // ASCII whitespace is a char of its own, so its byte is a char boundary.
    let Some(at) = b[..same].iter().rposition(|c| c.is_ascii_whitespace()) else {
        return (tokenize(text), 0);
    };
    let shared = &text[..at];
    let pos = if shared.is_ascii() { at } else { shared.chars().count() };
    words.truncate(words.partition_point(|w| w.end <= pos));
    let Some(last) = words.last() else {
        return (tokenize(text), 0);
    };
    // The counts as the scan had them after the last kept token.
    let first = last.lower.chars().next().unwrap_or(' ');
    let punct = last.kind == Kind::Punct;
    let clause = last.clause + usize::from(punct && ends_clause(first));
    let sentence = last.sentence + usize::from(punct && ends_sentence(first));
    let kept = words.len();
    scan_into(&text[at..], clause, sentence, &mut words);
    for w in &mut words[kept..] {
        w.start += pos;
        w.end += pos;
    }
    (words, kept)
}

/// Tokens of `text`, counting clauses and sentences on from those given,
/// pushed onto `words`.
fn scan_into(text: &str, clause: usize, sentence: usize, words: &mut Vec<Word>) {
    if text.is_ascii() {
        scan(text.as_bytes(), clause, sentence, words)
    } else {
        let chars: Vec<char> = text.chars().collect();
        scan(&chars, clause, sentence, words)
    }
}

fn scan<C: Ch>(chars: &[C], mut clause: usize, mut sentence: usize, words: &mut Vec<Word>) {
    // Prose has about one token in four to five characters: room for one in
    // three, so a long text's token list is never copied to grow.
    words.reserve(chars.len() / 3 + 4);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].ch();
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            words.push(make(
                c.to_string(),
                Kind::Punct,
                i,
                i + 1,
                clause,
                sentence,
                false,
                chars,
            ));
            if ends_clause(c) {
                clause += 1;
            }
            if ends_sentence(c) {
                sentence += 1;
            }
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        loop {
            if i < chars.len() && is_word_char(chars[i].ch()) {
                i += 1;
            } else if i + 1 < chars.len()
                && is_joiner(chars[i].ch())
                && is_word_char(chars[i + 1].ch())
                && joiner_fits(chars[i].ch(), chars[i - 1].ch(), chars[i + 1].ch())
            {
                i += 2;
            } else {
                break;
            }
        }
        // A run of invisible characters alone is no word: it reads as a space.
        if C::ASCII || !chars[start..i].iter().all(|c| is_invisible(c.ch())) {
            split_token(chars, start, i, clause, sentence, words);
        }
    }
}

/// A dot joins only letters or digits on both sides ("Lemonad.ly", "3.5",
/// "p.m"); a comma only digits ("1,000"); hyphens and apostrophes join words.
fn joiner_fits(j: char, before: char, after: char) -> bool {
    match j {
        ',' => before.is_ascii_digit() && after.is_ascii_digit(),
        '.' => before.is_alphanumeric() && after.is_alphanumeric(),
        _ => true,
    }
}

/// One written token into its parts: hyphen compounds and contractions.
fn split_token<C: Ch>(chars: &[C], start: usize, end: usize, clause: usize, sentence: usize, out: &mut Vec<Word>) {
    let mut part_start = start;
    let mut glued = false;
    let mut i = start;
    while i <= end {
        let at_hyphen = i < end && matches!(chars[i].ch(), '-' | '‐' | '‑');
        if i == end || at_hyphen {
            if part_start < i {
                push_part(chars, part_start, i, clause, sentence, glued, out);
            }
            glued = true;
            part_start = i + 1;
        }
        i += 1;
    }
}

/// A part without hyphens; contractions split the way grammars do:
/// "don't" → "do" + "n't", "we're" → "we" + "'re", "let's" → "let" + "'s".
fn push_part<C: Ch>(
    chars: &[C],
    start: usize,
    end: usize,
    clause: usize,
    sentence: usize,
    glued: bool,
    out: &mut Vec<Word>,
) {
    // The split is found in the written characters, not in the lower-cased
    // string: lower-casing can change the number of characters ("İ" → "i̇").
    let written = &chars[start..end];
    if let Some(ap) = written.iter().rposition(|c| matches!(c.ch(), '\'' | '’' | '‘')) {
        let suffix = normalize_chars(&written[ap..]);
        let before_n = ap > 0 && written[ap - 1].ch().eq_ignore_ascii_case(&'n');
        let split_at = if suffix == "'t" && before_n {
            Some(ap - 1)
        } else if matches!(suffix.as_str(), "'s" | "'re" | "'ve" | "'ll" | "'d" | "'m") {
            Some(ap)
        } else {
            None
        };
        if let Some(k) = split_at.filter(|&k| k > 0) {
            let head = normalize_chars(&written[..k]);
            let head = match head.as_str() {
                "ca" => "can".to_string(),
                "wo" => "will".to_string(),
                "sha" => "shall".to_string(),
                _ => head,
            };
            let kind = kind_of(&head);
            out.push(make(head, kind, start, start + k, clause, sentence, glued, chars));
            let tail = normalize_chars(&written[k..]);
            out.push(make(tail, Kind::Word, start + k, end, clause, sentence, true, chars));
            return;
        }
    }
    let lower = normalize_chars(written);
    // "7pm", "48hrs", "5mins": a figure written against its unit is read
    // as the figure and the unit, as "7 pm" and "48 hrs" are.
    // Only where the written word and its lower case line up, so the
    // split falls between the same characters in both.
    if let Some(k) = glued_unit(&lower).filter(|_| lower.len() == written.len()) {
        let (figure, unit) = lower.split_at(k);
        out.push(make(
            figure.to_string(),
            Kind::Number,
            start,
            start + k,
            clause,
            sentence,
            glued,
            chars,
        ));
        out.push(make(
            unit.to_string(),
            Kind::Word,
            start + k,
            end,
            clause,
            sentence,
            false,
            chars,
        ));
        return;
    }
    let kind = kind_of(&lower);
    out.push(make(lower, kind, start, end, clause, sentence, glued, chars));
}

/// Where the unit starts in a figure written against a unit of time or a
/// time of day ("7pm", "10.30am", "48hrs"). Not a figure with a multiplier
/// ("5k", read as 5,000), an ordinal ("2nd") or a code ("A4", "3g").
fn glued_unit(lower: &str) -> Option<usize> {
    let k = lower
        .bytes()
        .position(|b| !(b.is_ascii_digit() || b == b'.' || b == b','))?;
    let (figure, unit) = lower.split_at(k);
    let units = [
        "am", "pm", "h", "hr", "hrs", "hour", "hours", "min", "mins", "minute", "minutes", "sec", "secs", "day",
        "days", "wk", "wks", "week", "weeks", "yr", "yrs",
    ];
    let digit_ends = figure.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && figure.as_bytes().last().is_some_and(u8::is_ascii_digit);
    (digit_ends && units.contains(&unit)).then_some(k)
}

fn kind_of(s: &str) -> Kind {
    let mut digits = false;
    for &b in s.as_bytes() {
        if b.is_ascii_digit() {
            digits = true;
        } else if b != b'.' && b != b',' {
            return Kind::Word;
        }
    }
    if digits {
        Kind::Number
    } else {
        Kind::Word
    }
}

/// Lower case with typographic apostrophes made plain and invisible
/// characters left out.
pub fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| !is_invisible(*c))
        .flat_map(|c| {
            let c = if c == '’' || c == '‘' { '\'' } else { c };
            c.to_lowercase()
        })
        .collect()
}

/// `normalize` of written characters, without first collecting them into
/// a string: every word of every text passes here.
fn normalize_chars<C: Ch>(written: &[C]) -> String {
    if C::ASCII || written.iter().all(|c| c.ch().is_ascii()) {
        // ASCII has no invisible characters nor typographic apostrophes,
        // and lower-cases one byte to one byte: bytes, not chars, each
        // pushed without encoding it.
        let bytes: Vec<u8> = written.iter().map(|c| (c.ch() as u8).to_ascii_lowercase()).collect();
        return String::from_utf8(bytes).expect("ASCII is UTF-8");
    }
    let mut out = String::with_capacity(written.len());
    for c in written {
        let c = c.ch();
        if is_invisible(c) {
            continue;
        }
        let c = if c == '’' || c == '‘' { '\'' } else { c };
        out.extend(c.to_lowercase());
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn make<C: Ch>(
    lower: String,
    kind: Kind,
    start: usize,
    end: usize,
    clause: usize,
    sentence: usize,
    glued: bool,
    chars: &[C],
) -> Word {
    // One pass over the written characters: the first visible one decides
    // `capital`; every letter in capitals, two or more, makes an acronym.
    let mut capital = None;
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in &chars[start..end] {
        let c = c.ch();
        if capital.is_none() && (C::ASCII || !is_invisible(c)) {
            capital = Some(c.is_uppercase());
        }
        if c.is_alphabetic() {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        }
    }
    let capital = capital.unwrap_or(false);
    let acronym = letters > 1 && upper == letters;
    let forms = if kind == Kind::Word {
        super::stem::forms(&lower)
    } else {
        vec![lower.clone()]
    };
    Word {
        lower,
        forms,
        kind,
        start,
        end,
        clause,
        sentence,
        glued,
        capital,
        acronym,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowers(t: &str) -> Vec<String> {
        tokenize(t).into_iter().map(|w| w.lower).collect()
    }

    #[test]
    fn splits_compounds_and_contractions() {
        assert_eq!(lowers("24-hour turnaround"), ["24", "hour", "turnaround"]);
        assert_eq!(lowers("We don't bake"), ["we", "do", "n't", "bake"]);
        assert_eq!(lowers("Let’s go"), ["let", "'s", "go"]);
        assert_eq!(lowers("we'll can't"), ["we", "'ll", "can", "n't"]);
        assert_eq!(
            lowers("Lemonad.ly sells 1,000 cups at 3.5%."),
            ["lemonad.ly", "sells", "1,000", "cups", "at", "3.5", "%", "."]
        );
    }

    #[test]
    fn a_figure_against_its_unit_of_time_is_two_words() {
        assert_eq!(lowers("in by 4pm, 48hrs"), ["in", "by", "4", "pm", ",", "48", "hrs"]);
        let w = tokenize("at 10.30am");
        assert_eq!((w[1].kind, w[2].kind), (Kind::Number, Kind::Word));
        assert_eq!((w[1].start, w[1].end, w[2].start, w[2].end), (3, 8, 8, 10));
        // A multiplier, an ordinal and a code stay one word.
        assert_eq!(lowers("5k 2nd A4 under 2s"), ["5k", "2nd", "a4", "under", "2s"]);
    }

    #[test]
    fn lower_casing_that_changes_length_keeps_offsets() {
        // "İ" lower-cases to two characters; the split must not move.
        let w = tokenize("İİİİ's fine");
        assert_eq!((w[0].start, w[0].end, w[1].start, w[1].end), (0, 4, 4, 6));
        assert_eq!(w[1].lower, "'s");
    }

    #[test]
    fn offsets_are_characters() {
        let w = tokenize("Café — naïve 🍋 test");
        let t: Vec<(usize, usize)> = w.iter().map(|w| (w.start, w.end)).collect();
        assert_eq!(t[0], (0, 4));
        assert_eq!(w.last().unwrap().lower, "test");
        assert_eq!(w.last().unwrap().start, 15);
    }

    #[test]
    fn clauses_and_sentences() {
        let w = tokenize("Guys, move. No excuses!");
        assert_eq!(w.iter().find(|w| w.lower == "move").unwrap().clause, 1);
        assert_eq!(w.iter().find(|w| w.lower == "excuses").unwrap().sentence, 1);
    }

    #[test]
    fn invisible_characters_are_part_of_the_word_but_not_its_form() {
        let text = "che\u{200b}ap 4\u{200b}8 co\u{ad}op \u{feff}Bold \u{2060} x\u{200c}\u{200d}y";
        let w = tokenize(text);
        let lowers: Vec<&str> = w.iter().map(|w| w.lower.as_str()).collect();
        assert_eq!(lowers, ["cheap", "48", "coop", "bold", "xy"]);
        assert_eq!(w[1].kind, Kind::Number);
        assert!(w[3].capital, "the first visible letter decides");
        // Spans cover the characters as written, invisible ones included.
        let span = |i: usize| {
            text.chars()
                .skip(w[i].start)
                .take(w[i].end - w[i].start)
                .collect::<String>()
        };
        assert_eq!(span(0), "che\u{200b}ap");
        assert_eq!(span(3), "\u{feff}Bold");
        assert_eq!(span(4), "x\u{200c}\u{200d}y");
    }

    #[test]
    fn normalizing_written_characters_is_normalizing_their_string() {
        for t in [
            "Café",
            "DON’T",
            "che\u{200b}AP",
            "İstanbul",
            "plain",
            "ΣΟΦΊΑ",
            "‘quoted’",
            "",
        ] {
            let chars: Vec<char> = t.chars().collect();
            assert_eq!(normalize_chars(&chars), normalize(t), "{t:?}");
        }
    }

    #[test]
    fn marks_capitals_and_acronyms() {
        let w = tokenize("IT and it");
        assert!(w[0].acronym && !w[2].acronym && !w[2].capital);
    }
}
