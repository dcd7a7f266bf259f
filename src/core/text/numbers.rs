//! Numbers as people write them in words: "twenty-four", "a dozen",
//! "3m", "2.5bn", "thousand". The quantity reader builds figures from them.

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
