//! Quantities with units: "within 24 hours", "a 24-hour turnaround",
//! "two days", "98%", "under 3%", "$40", "fifty regulars", "between 2 and
//! 3 days". Durations are held in hours so "two days" meets "48 hours".

use super::numbers::{
    abbreviated, and_a_half, currency_symbol, currency_word, multiplier, number_word, pronoun_one, share_of,
};
use super::tokens::{Kind, Word};

#[derive(Debug, Clone, PartialEq)]
pub enum Unit {
    Percent,
    /// A duration, in hours.
    Hours,
    Money(String),
    /// A time of day, in hours after midnight ("2 a.m." is 2, "6 p.m." 18):
    /// compared only with another time of day.
    Clock,
    /// A count of something: the forms of the counted noun.
    Count(Vec<String>),
}

impl Unit {
    /// Same kind of measure: percent with percent, time with time, the
    /// same currency, or counts of the same thing.
    pub fn same_dimension(&self, other: &Unit) -> bool {
        match (self, other) {
            (Unit::Percent, Unit::Percent) | (Unit::Hours, Unit::Hours) | (Unit::Clock, Unit::Clock) => true,
            (Unit::Money(a), Unit::Money(b)) => a == b,
            // A bare figure ("rated 4.9") says nothing about what it counts.
            (Unit::Count(a), Unit::Count(b)) => !a.is_empty() && !b.is_empty() && super::stem::matches(a, b, true),
            _ => false,
        }
    }
}

/// Whether a figure is exact, a ceiling ("within", "under") or a floor ("at least").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Exact,
    AtMost,
    AtLeast,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// In the unit's base (hours for durations).
    pub value: f64,
    /// Upper end of a range ("between 24 and 48 hours").
    pub high: Option<f64>,
    pub unit: Unit,
    pub bound: Bound,
    /// Written as a figure or a number word ("a month" is not explicit).
    pub explicit: bool,
    /// Counted in working days ("10 working days"): a working week is five
    /// of them, so the same span also reads as 7/5 as many calendar days.
    pub working_days: bool,
    /// Words `first..=last` of the text, bound words included.
    pub first: usize,
    pub last: usize,
}

impl Quantity {
    /// Does this figure say the same as `fact`? A figure inside a fact's
    /// bound ("0.5%" against "less than 1%") agrees with it.
    pub fn agrees_with(&self, fact: &Quantity) -> bool {
        // "two weeks" says the same as "10 working days": compare on the
        // calendar too when only one side counts working days.
        let calendar = |q: &Quantity| {
            let scale = if q.working_days { 7.0 / 5.0 } else { 1.0 };
            Quantity {
                value: q.value * scale,
                high: q.high.map(|h| h * scale),
                working_days: false,
                ..q.clone()
            }
        };
        self.agrees_as_written(fact)
            || (self.working_days != fact.working_days && calendar(self).agrees_as_written(&calendar(fact)))
    }

    /// Is this the fact's own figure ("24 hours" for "within 24 hours"),
    /// whatever its bound? Not merely a figure inside the fact's bound.
    pub fn states(&self, fact: &Quantity) -> bool {
        let eq = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
        eq(self.value, fact.value) && eq(self.high.unwrap_or(self.value), fact.high.unwrap_or(fact.value))
    }

    /// A ceiling under the fact's ceiling ("within 30 seconds" against "no
    /// more than 2 minutes"), or a floor over its floor: whoever meets this
    /// figure keeps the fact.
    pub fn keeps_bound(&self, fact: &Quantity) -> bool {
        let top = self.high.unwrap_or(self.value);
        match (self.bound, fact.bound) {
            (Bound::AtMost, Bound::AtMost) => top <= fact.high.unwrap_or(fact.value) + 1e-9,
            (Bound::AtLeast, Bound::AtLeast) => self.value + 1e-9 >= fact.value,
            _ => false,
        }
    }

    fn agrees_as_written(&self, fact: &Quantity) -> bool {
        let eq = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
        let (lo, hi) = (self.value, self.high.unwrap_or(self.value));
        if self.bound == fact.bound && eq(lo, fact.value) && eq(hi, fact.high.unwrap_or(fact.value)) {
            return true;
        }
        // "by 1 am" inside quiet hours "from 10 pm to 8 am": a time of day
        // given as a ceiling is a time inside the span, as "at 1 am" is.
        let clock_ceiling = self.bound == Bound::AtMost && self.unit == Unit::Clock && fact.high.is_some();
        if (self.bound == Bound::Exact || clock_ceiling) && self.high.is_none() {
            return match (fact.bound, fact.high) {
                (Bound::AtMost, _) => lo <= fact.value + 1e-9,
                (Bound::AtLeast, _) => lo + 1e-9 >= fact.value,
                // A figure inside a fact's range ("by 1 am" within quiet
                // hours "from 10 pm to 8 am"); a range of clock times may
                // run through midnight.
                (Bound::Exact, Some(high)) if high < fact.value && fact.unit == Unit::Clock => {
                    lo + 1e-9 >= fact.value || lo <= high + 1e-9
                }
                (Bound::Exact, Some(high)) => lo + 1e-9 >= fact.value && lo <= high + 1e-9,
                (Bound::Exact, None) => eq(lo, fact.value),
            };
        }
        false
    }
}

/// "a.m." or "p.m." after a figure: the hours to add for it (12 after noon).
fn clock(w: &str) -> Option<f64> {
    match w {
        "a.m." | "a.m" | "am" => Some(0.0),
        "p.m." | "p.m" | "pm" => Some(12.0),
        _ => None,
    }
}

/// Hours in one of a time unit, by any of its forms.
fn hours_per(forms: &[String]) -> Option<f64> {
    forms.iter().find_map(|f| {
        Some(match f.as_str() {
            "second" | "sec" | "secs" => 1.0 / 3600.0,
            "minute" | "min" | "mins" => 1.0 / 60.0,
            "hour" | "hr" | "hrs" | "h" => 1.0,
            "day" | "night" => 24.0,
            "week" => 168.0,
            "fortnight" => 336.0,
            "month" => 730.0,
            "quarter" => 2190.0,
            "year" | "yr" => 8760.0,
            _ => return None,
        })
    })
}

/// Words that may stand between a figure and the thing it counts.
fn skippable(w: &str) -> bool {
    STOP.contains(&w)
        || matches!(
            w,
            "of" | "more"
                | "most"
                | "new"
                | "extra"
                | "additional"
                | "our"
                | "the"
                | "small"
                | "big"
                | "full"
                | "whole"
                | "other"
                | "per"
        )
}

/// Read a number starting at word `i`: digits, number words ("twenty-four",
/// "two hundred"), or "a"/"an" when a unit follows. Returns the value, the
/// last word used, and whether it was written as a number.
fn read_number(words: &[Word], i: usize) -> Option<(f64, usize, bool)> {
    let w = &words[i];
    let (mut value, mut last, explicit) = if let Some(v) = abbreviated(&w.lower) {
        (v, i, true)
    } else if w.kind == Kind::Number {
        (w.lower.replace(',', "").parse::<f64>().ok()?, i, true)
    } else if let Some(v) = number_word(&w.lower).filter(|_| !pronoun_one(words, i)) {
        let mut v = v;
        let mut last = i;
        // "half a day", "half an hour"
        if w.lower == "half" && words.get(i + 1).is_some_and(|n| matches!(n.lower.as_str(), "a" | "an")) {
            last = i + 1;
        }
        // "twenty-four", "twenty four"
        if (20.0..100.0).contains(&v) && v % 10.0 == 0.0 {
            if let Some(n) = words
                .get(i + 1)
                .and_then(|n| number_word(&n.lower))
                .filter(|n| *n >= 1.0 && *n < 10.0)
            {
                v += n;
                last = i + 1;
            }
        }
        (v, last, true)
    } else if matches!(w.lower.as_str(), "a" | "an") || w.lower == "quarter" {
        // "a quarter of an hour"
        let at = if w.lower == "quarter" { i } else { i + 1 };
        if words.get(at).is_some_and(|n| n.lower == "quarter")
            && words.get(at + 1).is_some_and(|n| n.lower == "of")
            && words
                .get(at + 2)
                .is_some_and(|n| matches!(n.lower.as_str(), "a" | "an"))
        {
            words.get(at + 3).filter(|n| hours_per(&n.forms).is_some())?;
            return Some((0.25, at + 2, true));
        }
        let next = words.get(i + 1)?;
        hours_per(&next.forms)?;
        // "longer than an hour", "within a day": a bound makes "an hour" a
        // figure; elsewhere ("a day off", "24 hours a day") it is a way of
        // speaking.
        let bounded = i > 0 && matches!(words[i - 1].lower.as_str(), "than" | "within" | "under" | "inside");
        (1.0, i, bounded)
    } else {
        return None;
    };
    // "two and a half hours", "2 and a half days"
    if explicit && and_a_half(words, last + 1) {
        value += 0.5;
        last += 3;
    }
    if let Some(m) = words.get(last + 1).and_then(|n| multiplier(&n.lower)) {
        value *= m;
        last += 1;
    }
    Some((value, last, explicit))
}

/// Read the unit after a number ending at word `last`.
fn read_unit(words: &[Word], first: usize, last: usize) -> Option<(Unit, f64, usize)> {
    if let Some(c) = first.checked_sub(1).and_then(|p| currency_symbol(&words[p].lower)) {
        return Some((Unit::Money(c.into()), 1.0, last));
    }
    let next = words.get(last + 1)?;
    if next.lower == "%" || next.lower == "percent" {
        return Some((Unit::Percent, 1.0, last + 1));
    }
    if next.lower == "per" && words.get(last + 2).is_some_and(|w| w.lower == "cent") {
        return Some((Unit::Percent, 1.0, last + 2));
    }
    if clock(&next.lower).is_some() {
        return Some((Unit::Clock, 1.0, last + 1));
    }
    if let Some(h) = hours_per(&next.forms) {
        return Some((Unit::Hours, h, last + 1));
    }
    // "three working days", "two business days"
    if matches!(
        next.lower.as_str(),
        "working" | "business" | "calendar" | "full" | "whole"
    ) {
        if let Some(h) = words.get(last + 2).and_then(|u| hours_per(&u.forms)) {
            return Some((Unit::Hours, h, last + 2));
        }
    }
    if let Some(c) = currency_word(&next.lower) {
        return Some((Unit::Money(c.into()), 1.0, last + 1));
    }
    // The counted noun, skipping a few modifiers ("fifty most frequent regulars").
    let mut j = last + 1;
    while j < words.len() && j <= last + 3 {
        let w = &words[j];
        if w.kind == Kind::Punct || w.sentence != words[last].sentence {
            return None;
        }
        if STOP.contains(&w.lower.as_str()) && !skippable_only(&w.lower) {
            return None;
        }
        // "250 sampling points": a gerund before a noun qualifies it.
        let gerund = w.lower.len() > 5
            && w.lower.ends_with("ing")
            && words
                .get(j + 1)
                .is_some_and(|n| n.kind == Kind::Word && n.clause == w.clause && !STOP.contains(&n.lower.as_str()));
        if w.kind == Kind::Word
            && !skippable(&w.lower)
            && !(j + 1 < words.len() && j < last + 3 && (is_modifier(&w.lower) || gerund))
        {
            return Some((Unit::Count(w.forms.clone()), 1.0, last));
        }
        j += 1;
    }
    None
}

/// Function words: a figure followed by one of these counts nothing.
const STOP: [&str; 34] = [
    "and", "or", "to", "a", "an", "in", "on", "at", "by", "for", "with", "from", "we", "you", "they", "it", "is",
    "are", "was", "were", "be", "will", "'ll", "'s", "that", "this", "as", "than", "but", "so", "if", "when", "then",
    "times",
];

fn skippable_only(w: &str) -> bool {
    matches!(w, "of" | "the" | "per")
}

fn is_modifier(w: &str) -> bool {
    w.ends_with("est") || w.ends_with("ent") || w.ends_with("ful") || w.ends_with("al")
}

fn read_bound(words: &[Word], first: usize, unit: &Unit) -> (Bound, usize) {
    let prev = |k: usize| first.checked_sub(k).map(|p| words[p].lower.as_str());
    match (prev(2), prev(1)) {
        (Some("less" | "fewer" | "no"), Some("than")) if prev(3) != Some("no") => (Bound::AtMost, first - 2),
        (Some("more" | "greater"), Some("than")) => (Bound::AtLeast, first - 2),
        // "crossings longer than 40 minutes", "calls shorter than a minute".
        (Some("longer" | "later" | "older" | "bigger" | "larger"), Some("than")) => (Bound::AtLeast, first - 2),
        (Some("shorter" | "sooner" | "earlier" | "smaller"), Some("than")) => (Bound::AtMost, first - 2),
        (Some("no"), Some("more")) => (Bound::AtMost, first - 2),
        (Some("at"), Some("most")) | (Some("up"), Some("to")) => (Bound::AtMost, first - 2),
        (Some("at"), Some("least")) => (Bound::AtLeast, first - 2),
        (_, Some("within" | "under" | "below" | "max" | "maximum")) => (Bound::AtMost, first - 1),
        (_, Some("in")) if *unit == Unit::Hours => (Bound::AtMost, first - 1),
        // "by 7 am", "before 5 am": a time of day as a ceiling.
        (_, Some("by" | "before")) if *unit == Unit::Clock => (Bound::AtMost, first - 1),
        (_, Some("over" | "above" | "minimum")) => (Bound::AtLeast, first - 1),
        _ => (Bound::Exact, first),
    }
}

/// Every quantity in the words, in order.
pub fn find(words: &[Word]) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // "a quarter of an hour" is a length of time, read as such below.
        let of_time = |last: usize| {
            words
                .get(last + 2)
                .is_some_and(|n| matches!(n.lower.as_str(), "a" | "an"))
                && words.get(last + 3).is_some_and(|n| hours_per(&n.forms).is_some())
        };
        if let Some((value, last)) = share_of(words, i).filter(|&(_, last)| !of_time(last)) {
            let (bound, first) = read_bound(words, i, &Unit::Percent);
            out.push(Quantity {
                value,
                high: None,
                unit: Unit::Percent,
                bound,
                explicit: true,
                working_days: false,
                first,
                last,
            });
            i = last + 1;
            continue;
        }
        let Some((value, num_last, explicit)) = read_number(words, i) else {
            i += 1;
            continue;
        };
        // A range: "24-48 hours", "24 to 48 hours", "between 2 and 3 days".
        let mut high = None;
        let mut end = num_last;
        let joined = words.get(num_last + 1).map(|w| w.lower.as_str());
        if let Some(sep @ ("to" | "and" | "-" | "–")) = joined {
            let between = sep != "and" || (i > 0 && words[i - 1].lower == "between");
            if between {
                if let Some((hv, hl, true)) = words.get(num_last + 2).and_then(|_| read_number(words, num_last + 2)) {
                    if read_unit(words, i, num_last).is_none() {
                        high = Some(hv);
                        end = hl;
                    }
                }
            }
        } else if words
            .get(num_last + 1)
            .is_some_and(|w| w.glued && w.kind == Kind::Number)
        {
            if let Some((hv, hl, true)) = read_number(words, num_last + 1) {
                high = Some(hv);
                end = hl;
            }
        }
        let Some((unit, factor, unit_last)) = read_unit(words, i, end) else {
            if explicit && high.is_none() {
                // A bare figure still makes a message concrete.
                out.push(Quantity {
                    value,
                    high: None,
                    unit: Unit::Count(Vec::new()),
                    bound: Bound::Exact,
                    explicit,
                    working_days: false,
                    first: i,
                    last: num_last,
                });
            }
            i = num_last + 1;
            continue;
        };
        let (mut bound, first) = read_bound(
            words,
            if high.is_some() && i > 0 && words[i - 1].lower == "between" {
                i - 1
            } else {
                i
            },
            &unit,
        );
        let mut last = unit_last;
        // "a minute and a half", "an hour and a half": half a unit more.
        let mut value = value;
        if and_a_half(words, last + 1) && high.is_none() {
            value += 0.5;
            last += 3;
        }
        if words.get(last + 1).is_some_and(|w| w.lower == "+") {
            bound = Bound::AtLeast;
            last += 1;
        }
        // "6 p.m." is 18 hours after midnight; "12 p.m." is noon.
        let after_noon = if unit == Unit::Clock {
            clock(&words[unit_last].lower).unwrap_or(0.0)
        } else {
            0.0
        };
        let on_clock = |v: f64| if v < 12.0 { v + after_noon } else { v };
        let (value, mut high) = (on_clock(value), high.map(on_clock));
        // "from 10 pm to 8 am", "7 am until 9 pm": one span of the clock,
        // each end with its own half of the day.
        if unit == Unit::Clock && high.is_none() {
            let joined = words
                .get(last + 1)
                .is_some_and(|w| matches!(w.lower.as_str(), "to" | "-" | "–" | "until" | "till"));
            let other = words
                .get(last + 2)
                .and_then(|_| read_number(words, last + 2))
                .filter(|&(_, _, x)| x);
            if let Some((hv, hl, _)) = other.filter(|_| joined) {
                if let Some(half) = words.get(hl + 1).and_then(|w| clock(&w.lower)) {
                    high = Some(if hv < 12.0 { hv + half } else { hv });
                    last = hl + 1;
                }
            }
        }
        let working_days = unit == Unit::Hours
            && unit_last > 0
            && matches!(words[unit_last - 1].lower.as_str(), "working" | "business");
        out.push(Quantity {
            value: value * factor,
            high: high.map(|h| h * factor),
            unit,
            bound,
            explicit,
            working_days,
            first,
            last,
        });
        i = last.max(num_last) + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn q(text: &str) -> Vec<(f64, Option<f64>, Unit, Bound)> {
        find(&tokenize(text))
            .into_iter()
            .map(|q| (q.value, q.high, q.unit, q.bound))
            .collect()
    }

    #[test]
    fn durations_meet_across_forms() {
        assert_eq!(q("within 24 hours"), [(24.0, None, Unit::Hours, Bound::AtMost)]);
        assert_eq!(q("our 24-hour turnaround"), [(24.0, None, Unit::Hours, Bound::Exact)]);
        assert_eq!(q("in two days"), [(48.0, None, Unit::Hours, Bound::AtMost)]);
        assert_eq!(q("twenty-four hours"), [(24.0, None, Unit::Hours, Bound::Exact)]);
        assert_eq!(
            q("between 2 and 3 days"),
            [(48.0, Some(72.0), Unit::Hours, Bound::Exact)]
        );
        assert_eq!(q("24-48 hours"), [(24.0, Some(48.0), Unit::Hours, Bound::Exact)]);
    }

    #[test]
    fn percents_money_and_counts() {
        assert_eq!(q("under 3%"), [(3.0, None, Unit::Percent, Bound::AtMost)]);
        assert_eq!(
            q("less than 1% of pallets"),
            [(1.0, None, Unit::Percent, Bound::AtMost)]
        );
        assert_eq!(q("from 98% to 99%").len(), 2);
        assert_eq!(q("$40 off")[0].2, Unit::Money("usd".into()));
        // A size written as a letter.
        assert_eq!(q("a £3m grant")[0].2, Unit::Money("gbp".into()));
        assert_eq!(q("a £3m grant")[0].0, 3e6);
        assert_eq!(q("$2.5bn of orders")[0].0, 2.5e9);
        let c = q("our fifty most frequent regulars");
        assert_eq!(c[0].0, 50.0);
        assert!(matches!(&c[0].2, Unit::Count(f) if f[0] == "regulars"));
        // A gerund qualifies the counted noun; it is not what is counted.
        assert!(matches!(&q("at 250 sampling points a week")[0].2, Unit::Count(f) if f[0] == "points"));
        assert!(matches!(&q("40 waiting riders")[0].2, Unit::Count(f) if f[0] == "riders"));
        assert_eq!(q("at least 200 stores")[0].3, Bound::AtLeast);
        assert_eq!(q("crossings longer than 40 minutes")[0].3, Bound::AtLeast);
        assert_eq!(q("calls shorter than 3 minutes")[0].3, Bound::AtMost);
        // A share of a whole is a percentage.
        assert_eq!(q("half of everything we spend")[0].0, 50.0);
        assert_eq!(q("half of everything we spend")[0].2, Unit::Percent);
        assert!((q("two thirds of our vans")[0].0 - 66.7).abs() < 0.1);
        assert_eq!(q("a quarter of the calls")[0].0, 25.0);
        assert_eq!(q("half an hour")[0].2, Unit::Hours);
        assert!(q("in the second half of the year").iter().all(|x| x.2 != Unit::Percent));
        assert!(q("a quarter of a million").iter().all(|x| x.2 != Unit::Percent));
        assert_eq!(q("the one-hour check")[0].0, 1.0);
        // "one" that picks out a thing counts nothing.
        assert!(q("make each one count").is_empty());
        assert!(q("not one parcel went astray").is_empty());
        assert_eq!(q("one parcel in ten")[0].0, 1.0);
    }

    #[test]
    fn fractions_and_working_days() {
        assert_eq!(q("within half a day"), [(12.0, None, Unit::Hours, Bound::AtMost)]);
        assert_eq!(q("within half an hour"), [(0.5, None, Unit::Hours, Bound::AtMost)]);
        assert_eq!(
            q("within a quarter of an hour"),
            [(0.25, None, Unit::Hours, Bound::AtMost)]
        );
        assert_eq!(
            q("within three working days"),
            [(72.0, None, Unit::Hours, Bound::AtMost)]
        );
        // Half a unit more, after the unit or before it.
        assert_eq!(
            q("within a minute and a half"),
            [(0.025, None, Unit::Hours, Bound::AtMost)]
        );
        assert_eq!(q("in two and a half hours"), [(2.5, None, Unit::Hours, Bound::AtMost)]);
        assert_eq!(q("2 and a half days"), [(60.0, None, Unit::Hours, Bound::Exact)]);
    }

    #[test]
    fn times_of_day_are_clock_times() {
        assert_eq!(
            q("open until 2 a.m. on weekdays"),
            [(2.0, None, Unit::Clock, Bound::Exact)]
        );
        assert_eq!(q("down 6-10 p.m."), [(18.0, Some(22.0), Unit::Clock, Bound::Exact)]);
        assert_eq!(
            q("quiet from 10pm to 8am"),
            [(22.0, Some(8.0), Unit::Clock, Bound::Exact)]
        );
        let span = |t: &str| find(&tokenize(t)).remove(0);
        let quiet = span("from 10 pm to 8 am");
        assert!(span("by 1 am").agrees_with(&quiet));
        assert!(span("at 11 pm").agrees_with(&quiet));
        assert!(!span("at 9 pm").agrees_with(&quiet));
        assert!(!span("11 pm to 8 am").agrees_with(&quiet));
        assert!(!Unit::Clock.same_dimension(&Unit::Hours));
    }

    #[test]
    fn working_days_meet_calendar_weeks() {
        let one = |t: &str| {
            let words = tokenize(t);
            find(&words).remove(0)
        };
        let fact = one("settled within 10 working days");
        assert!(one("settled in two weeks").agrees_with(&fact));
        assert!(one("settled within 10 working days").agrees_with(&fact));
        assert!(!one("settled in three weeks").agrees_with(&fact));
        // Only one side in working days is converted: ten days are ten days.
        assert!(!one("settled in 10 days").agrees_with(&one("settled in two weeks")));
    }

    #[test]
    fn a_unit_alone_is_not_explicit() {
        let f = find(&tokenize("saves us an hour every night"));
        assert_eq!(f.len(), 1);
        assert!(!f[0].explicit);
    }

    #[test]
    fn bounds_agree() {
        let fact = &find(&tokenize("less than 1%"))[0];
        assert!(find(&tokenize("0.5%"))[0].agrees_with(fact));
        assert!(!find(&tokenize("under 3%"))[0].agrees_with(fact));
        assert!(find(&tokenize("under 1%"))[0].agrees_with(fact));
    }
}
