//! Facts of the story, read for their figures: "Stands are repaired within
//! 24 hours" becomes 24 hours (at most), with "stands" and "repaired" as the
//! words that say what the figure is about.

use crate::core::analysis::Analysis;
use crate::core::lexicon::Lexicon;
use crate::core::text::quantity::{Quantity, Unit};
use crate::core::text::tokens::Kind;

/// A pillar's fact with its figures and the words around them.
pub struct Fact {
    pub pillar: usize,
    pub text: String,
    pub quantities: Vec<Quantity>,
    /// Forms of the content words of the fact, to recognise a message
    /// figure that is about the same thing.
    pub context: Vec<Vec<String>>,
    /// Which of `context` is the verb that carries the figure ("run" in
    /// "Main lines run every 10 minutes"): the content word right before
    /// the first figure. A verb says what is done, not to what, so it is no
    /// evidence on its own ("the staff shuttle runs every 20 minutes").
    pub verb: Option<usize>,
    /// For each of `quantities`: a length of time something lasts ("booked
    /// for 15 minutes"), not a time within which it is done.
    pub lasting: Vec<bool>,
    /// For each of `quantities`: how often something recurs ("every 7
    /// days", "24 hours a day"), not how long or how soon.
    pub periodic: Vec<Option<&'static str>>,
}

/// "for 48 hours", "booked for 15 minutes", "spends 2 hours": a duration
/// after "for" or a verb of spending is how long something lasts. So is one used as a noun, "a half-day on
/// listening skills", "an hour of coaching": a length of time given, unlike
/// "a 24-hour turnaround", where the measure heads a noun.
pub fn lasting(words: &[crate::core::text::tokens::Word], q: &Quantity) -> bool {
    let before = q.first.checked_sub(1).map(|i| words[i].lower.as_str());
    let noun_after = words
        .get(q.last + 1)
        .is_some_and(|w| w.kind == Kind::Word && !crate::core::text::is_function_word(&w.lower));
    // "spends at least 2 hours outdoors", "the course lasts 3 days": time
    // spent is a length too.
    let spent = matches!(
        before,
        Some("spend" | "spends" | "spent" | "spending" | "last" | "lasts" | "lasting")
    );
    q.unit == Unit::Hours
        && (before == Some("for")
            || spent
            || (matches!(before, Some("a" | "an"))
                && q.bound == crate::core::text::quantity::Bound::Exact
                && !noun_after))
}

/// "every 7 days", "each 15 minutes", "24 hours a day", "two hours per
/// shift": a figure of how often, or how much in each period. A length or a
/// deadline ("a 14-minute wait", "within 3 days") says nothing about it.
/// Returns the period: "every" for how often, or the period a share is of
/// ("day" in "16 hours a day"); "7 days a week" is not "16 hours a day".
/// A count after "every", "each" or "per" is the other side of a ratio ("one nurse
/// for every 3 patients"), which a plain count ("140 patients cared for")
/// does not state: it reads as "every" too.
pub fn periodic(words: &[crate::core::text::tokens::Word], q: &Quantity) -> Option<&'static str> {
    let before = q.first.checked_sub(1).map(|i| words[i].lower.as_str());
    if matches!(q.unit, Unit::Count(_)) {
        return matches!(before, Some("every" | "each" | "per")).then_some("every");
    }
    if q.unit != Unit::Hours {
        return None;
    }
    if matches!(before, Some("every" | "each")) {
        return Some("every");
    }
    let per = words
        .get(q.last + 1)
        .is_some_and(|w| matches!(w.lower.as_str(), "a" | "an" | "per" | "each" | "every"));
    if !per {
        return None;
    }
    [
        "day",
        "week",
        "month",
        "year",
        "night",
        "shift",
        "hour",
        "fortnight",
        "weekday",
    ]
    .into_iter()
    .find(|p| words.get(q.last + 2).is_some_and(|w| w.lower == *p))
}

/// Words too common to tell what a figure is about.
const COMMON: [&str; 42] = [
    "the", "a", "an", "of", "in", "on", "at", "by", "for", "to", "is", "are", "be", "been", "was", "were", "within",
    "under", "than", "less", "more", "every", "each", "all", "our", "we", "and", "or", "with", "from",
    // Units of time tie a figure to any other figure ("quiet hours" is not
    // what "6 hours" measures; "next year: 95%" is not "last year's
    // dividend was 1.5%").
    "hour", "hours", "minute", "minutes", "day", "days", "week", "weeks", "month", "months", "year", "years",
];

impl Fact {
    pub fn new(pillar: usize, text: &str, lexicon: &Lexicon) -> Fact {
        let a = Analysis::new(text, lexicon);
        let in_figure = |i: usize| {
            a.quantities
                .iter()
                .any(|q| matches!(q.unit, Unit::Hours | Unit::Percent | Unit::Clock) && (q.first..=q.last).contains(&i))
        };
        let kept: Vec<usize> = (0..a.words.len())
            .filter(|&i| {
                let w = &a.words[i];
                // Grammar says nothing of what a figure is about ("any").
                w.kind == Kind::Word
                    && w.lower.len() > 2
                    && !COMMON.contains(&w.lower.as_str())
                    && !crate::core::text::is_function_word(&w.lower)
                    && !in_figure(i)
            })
            .collect();
        let first_figure = a.quantities.iter().filter(|q| q.explicit).map(|q| q.first).min();
        let verb = first_figure.and_then(|f| kept.iter().rposition(|&i| i < f));
        let quantities: Vec<Quantity> = a.quantities.iter().filter(|q| q.explicit).cloned().collect();
        Fact {
            pillar,
            text: text.to_string(),
            context: kept.iter().map(|&i| a.words[i].forms.clone()).collect(),
            verb,
            lasting: quantities.iter().map(|q| lasting(&a.words, q)).collect(),
            periodic: quantities.iter().map(|q| periodic(&a.words, q)).collect(),
            quantities,
        }
    }
}

/// A duration in the unit a person would use: "10 minutes", "1 hour",
/// "36 hours", "2 days".
fn duration(hours: f64) -> String {
    let num = |v: f64| {
        if (v - v.round()).abs() < 1e-9 {
            format!("{}", v.round() as i64)
        } else {
            format!("{v:.1}")
        }
    };
    let plural = |v: f64, unit: &str| {
        if (v - 1.0).abs() < 1e-9 {
            format!("1 {unit}")
        } else {
            format!("{} {unit}s", num(v))
        }
    };
    if hours < 1.0 {
        plural(hours * 60.0, "minute")
    } else if hours >= 48.0 && (hours / 24.0).fract() == 0.0 {
        plural(hours / 24.0, "day")
    } else {
        plural(hours, "hour")
    }
}

/// Render a figure for an explanation: "48 hours", "3%", "up to 24 hours".
/// A time of day as people write it: "2 a.m.", "6:30 p.m.".
fn clock_time(hours: f64) -> String {
    let h = hours.rem_euclid(24.0);
    let (whole, minutes) = (h.trunc() as i64, ((h.fract() * 60.0).round()) as i64);
    let half = if whole < 12 { "a.m." } else { "p.m." };
    let shown = match whole % 12 {
        0 => 12,
        n => n,
    };
    if minutes == 0 {
        format!("{shown} {half}")
    } else {
        format!("{shown}:{minutes:02} {half}")
    }
}

pub fn describe(q: &Quantity) -> String {
    use crate::core::text::quantity::Bound;
    let num = |v: f64| {
        if (v - v.round()).abs() < 1e-9 {
            format!("{}", v.round() as i64)
        } else {
            format!("{v:.2}").trim_end_matches('0').to_string()
        }
    };
    let value = match &q.unit {
        Unit::Percent => format!("{}%", num(q.value)),
        Unit::Hours => duration(q.value),
        Unit::Money(c) => format!("{} {}", num(q.value), c.to_uppercase()),
        Unit::Clock => clock_time(q.value),
        Unit::Count(f) => format!("{} {}", num(q.value), f.first().map(String::as_str).unwrap_or(""))
            .trim_end()
            .to_string(),
    };
    let value = match (q.high, &q.unit) {
        (Some(h), Unit::Hours) => format!("{}–{}", duration(q.value), duration(h)),
        (Some(h), Unit::Percent) => format!("{}–{}%", num(q.value), num(h)),
        (Some(h), Unit::Clock) => format!("{}–{}", clock_time(q.value), clock_time(h)),
        (Some(h), _) => format!("{}–{}", num(q.value), num(h)),
        (None, _) => value,
    };
    match q.bound {
        Bound::Exact => value,
        Bound::AtMost => format!("at most {value}"),
        Bound::AtLeast => format!("at least {value}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammar_is_not_what_a_fact_is_about() {
        let lexicon = Lexicon::builtin();
        let f = Fact::new(
            0,
            "Customers get 48 hours' notice of any planned supply interruption",
            &lexicon,
        );
        let heads: Vec<&str> = f.context.iter().map(|c| c[0].as_str()).collect();
        assert!(heads.contains(&"notice") && heads.contains(&"planned"), "{heads:?}");
        assert!(!heads.contains(&"any"), "{heads:?}");
        assert_eq!(f.quantities.len(), 1);
        assert_eq!(f.lasting, [false]);
        let booked = Fact::new(0, "Every standard consultation is booked for 15 minutes", &lexicon);
        assert_eq!(booked.lasting, [true], "a length of time, not a time within which");
        assert_eq!(booked.periodic, [None]);
        let cleaned = Fact::new(0, "Every ward has a deep clean every 7 days", &lexicon);
        assert_eq!(cleaned.periodic, [Some("every")], "how often, not how long");
        let open = Fact::new(0, "The main library is open 24 hours a day", &lexicon);
        assert_eq!(open.periodic, [Some("day")], "how much in each day");
        let ratio = Fact::new(0, "There is one nurse for every 3 patients on the ward", &lexicon);
        assert_eq!(ratio.periodic, [None, Some("every")], "the other side of a ratio");
    }

    #[test]
    fn a_unit_of_time_does_not_tell_what_a_figure_is_about() {
        let lexicon = Lexicon::builtin();
        let f = Fact::new(0, "Last year's dividend was 1.5% on every savings account", &lexicon);
        let heads: Vec<&str> = f.context.iter().map(|c| c[0].as_str()).collect();
        assert!(heads.contains(&"dividend") && heads.contains(&"savings"), "{heads:?}");
        assert!(!heads.iter().any(|h| h.starts_with("year")), "{heads:?}");
    }
}
