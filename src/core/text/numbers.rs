//! Numbers as people write them in words: "twenty-four", "a dozen",
//! "3m", "2.5bn", "thousand", "half of". The quantity reader builds figures
//! from them.

use super::tokens::Word;

pub(super) fn number_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "none" => 0.0,
        "one" => 1.0,
        "two" | "couple" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" | "dozen" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "half" => 0.5,
        _ => return None,
    })
}

pub(super) fn multiplier(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 100.0,
        "thousand" | "k" => 1e3,
        "million" | "m" => 1e6,
        "billion" | "bn" => 1e9,
        _ => return None,
    })
}

/// A figure with its size written as a letter, as money often is: "3m",
/// "2.5bn", "40k".
pub(super) fn abbreviated(w: &str) -> Option<f64> {
    let (digits, times) = [("bn", 1e9), ("m", 1e6), ("k", 1e3)]
        .into_iter()
        .find_map(|(s, t)| w.strip_suffix(s).map(|d| (d, t)))?;
    let first = digits.chars().next()?;
    if !first.is_ascii_digit() {
        return None;
    }
    digits.replace(',', "").parse::<f64>().ok().map(|v| v * times)
}

/// "half of everything we spend", "two thirds of our vans", "a quarter of
/// the calls": a share of a whole is a percentage. Returns the percentage
/// and the word before "of".
pub(super) fn share_of(words: &[Word], i: usize) -> Option<(f64, usize)> {
    let at = |k: usize| words.get(i + k).map_or("", |w| w.lower.as_str());
    let part = |w: &str| match w {
        "half" => Some(50.0),
        "third" | "thirds" => Some(100.0 / 3.0),
        "quarter" | "quarters" => Some(25.0),
        "fifth" | "fifths" => Some(20.0),
        _ => None,
    };
    let count = |w: &str| match w {
        "a" | "one" => Some(1.0),
        "two" => Some(2.0),
        "three" => Some(3.0),
        "four" => Some(4.0),
        _ => None,
    };
    // "half of": the word alone; "a third of", "two thirds of": a count first.
    let (value, last) = if at(0) == "half" {
        (50.0, i)
    } else {
        let n = count(at(0))?;
        (n * part(at(1)).filter(|_| at(1) != "half")?, i + 1)
    };
    // Not a part of a time or a size ("the second half of the year", "a
    // quarter of a million"): "of" must lead to the whole shared out.
    let ordinal = i > 0
        && matches!(
            words[i - 1].lower.as_str(),
            "first" | "second" | "last" | "other" | "back" | "front"
        );
    let whole = |k: usize| words.get(last + k).map_or("", |w| w.lower.as_str());
    let size_or_time = (2..4).any(|k| {
        matches!(
            whole(k),
            "million"
                | "billion"
                | "thousand"
                | "hundred"
                | "year"
                | "month"
                | "week"
                | "day"
                | "century"
                | "term"
                | "season"
                | "hour"
                | "minute"
                | "quarter"
        )
    });
    (words.get(last + 1)?.lower == "of" && !ordinal && !size_or_time).then_some((value, last))
}

/// "make each one count", "not one parcel", "this one's yours": "one"
/// after a determiner or a negator picks out a thing; it counts nothing.
pub(super) fn pronoun_one(words: &[Word], i: usize) -> bool {
    // "the one-hour check", "the one hundred riders" still count.
    let counts = words
        .get(i + 1)
        .is_some_and(|n| n.glued || multiplier(&n.lower).is_some());
    words[i].lower == "one"
        && !counts
        && i > 0
        && matches!(
            words[i - 1].lower.as_str(),
            "each" | "every" | "no" | "not" | "any" | "this" | "that" | "the" | "which" | "single" | "another" | "last"
        )
}

/// Do words `i..i + 3` read "and a half"?
pub(super) fn and_a_half(words: &[Word], i: usize) -> bool {
    let at = |k: usize| words.get(i + k).map(|w| w.lower.as_str());
    at(0) == Some("and") && at(1) == Some("a") && at(2) == Some("half")
}

/// Money by its sign ("£40") or its name ("40 pounds").
pub(super) fn currency_symbol(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" => "usd",
        "€" => "eur",
        "£" => "gbp",
        "¥" => "jpy",
        _ => return None,
    })
}

pub(super) fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" | "usd" => "usd",
        "euro" | "euros" | "eur" => "eur",
        "pound" | "pounds" | "gbp" => "gbp",
        _ => return None,
    })
}
