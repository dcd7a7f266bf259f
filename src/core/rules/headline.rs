//! Headlines: a goal named by a heading rather than a sentence ("Our 2027
//! vision: ...", "From next year: zero overruns"), and the time it dates the
//! goal by.

use crate::core::analysis::Analysis;
use crate::core::lexicon::List;
use crate::core::text::tokens::Kind;

/// "Our 2027 vision: the calmest salon in town", "summer goal - every text
/// on time", "2027: zero missed bins", "2027 = our year", "Our promise for
/// the new year: ...", "Kestrel Bay 2030: ...": a goal word beside a time,
/// or a year opening its sentence (after the brand's name at most), then a
/// mark and what is aimed at. Returns the goal word or the year, and the
/// time the headline dates the goal by.
pub(super) fn headline(a: &Analysis) -> Option<(usize, Option<(usize, usize)>)> {
    let w = &a.words;
    let mark = |i: usize| {
        w.get(i)
            .is_some_and(|m| matches!(m.lower.as_str(), ":" | "-" | "–" | "—" | "="))
    };
    let aimed_at = |i: usize| {
        w.get(i + 1)
            .is_some_and(|n| n.kind == Kind::Word && n.sentence == w[i].sentence)
    };
    let year =
        |x: &crate::core::text::tokens::Word| x.kind == Kind::Number && x.lower.len() == 4 && x.lower.starts_with("20");
    let timed = [List::Calendar, List::Deadlines, List::Frequencies];
    let time = |j: usize| {
        year(&w[j])
            || matches!(w[j].lower.as_str(), "year" | "quarter" | "month")
            || timed.iter().any(|l| a.cover(*l).overlaps(j, j))
    };
    let goal_word = |i: usize| {
        matches!(
            w[i].lower.as_str(),
            "goal" | "goals" | "target" | "targets" | "vision" | "ambition" | "aim" | "mission" | "promise" | "pledge"
        )
    };
    // Only capitalised names stand before an opening year: "Kestrel Bay
    // 2030:", not "Back in 2019:".
    // A capital that is only the sentence's first word is no name: "In
    // 2025:", "Since 2019:" look back.
    let opens = |i: usize| {
        let start = a.sentence_start(i);
        let function = |j: usize| {
            matches!(
                w[j].lower.as_str(),
                "in" | "since"
                    | "during"
                    | "before"
                    | "after"
                    | "until"
                    | "till"
                    | "back"
                    | "for"
                    | "of"
                    | "at"
                    | "through"
                    | "throughout"
                    | "over"
            )
        };
        i - start <= 3 && (start..i).all(|j| w[j].kind == Kind::Word && w[j].capital && !function(j))
    };
    // What follows the mark is aimed at, not ordered ("2027: book your
    // leave early") nor told as done ("2026: we fixed 900 bikes").
    let imperatives = a.cover(List::Imperatives);
    let aims = |mark: usize| !imperatives.starts_at(mark + 1) && !a.told_as_past(mark + 1);
    let found = (0..w.len()).filter_map(|i| {
        if goal_word(i) && i > 0 && time(i - 1) && mark(i + 1) && aimed_at(i + 1) {
            return Some((i, Some((i - 1, i - 1)), i + 1));
        }
        // "promise for the new year:", "target for 2027 -".
        if goal_word(i) && w.get(i + 1).is_some_and(|x| x.lower == "for") {
            let mut j = i + 2;
            while w
                .get(j)
                .is_some_and(|x| matches!(x.lower.as_str(), "the" | "this" | "next" | "new"))
            {
                j += 1;
            }
            let mut k = j;
            while k < w.len() && k < j + 3 && time(k) {
                k += 1;
            }
            if k > j && mark(k) && aimed_at(k) {
                return Some((i, Some((i + 2, k - 1)), k));
            }
        }
        // "From next year: zero overruns", "This term: three new clubs": a
        // time that is the whole heading dates what follows it. Not a day
        // that comes round ("Saturdays: ..."), nor a fragment ("Q3: more
        // calm").
        if mark(i + 1) && aimed_at(i + 1) && !a.no_content() {
            let start = a.sentence_start(i);
            let heading = [List::Deadlines, List::EffectiveDates].map(|l| a.cover(l));
            if i - start < 4 && (start..=i).all(|j| year(&w[j]) || heading.iter().any(|c| c.overlaps(j, j))) {
                return Some((start, Some((start, i)), i + 1));
            }
        }
        // "Our vision: ...": a word for a destination heading the sentence
        // names one with no date; a vague one is still one. A mission is
        // carried out, not reached, and "Our aim: we fix bikes" says what is
        // done now.
        let destination = goal_word(i) && w[i].lower != "mission";
        let pronoun = |j: usize| {
            w.get(j)
                .is_some_and(|x| matches!(x.lower.as_str(), "we" | "i" | "you" | "they" | "it" | "everyone"))
        };
        if destination
            && i > 0
            && a.sentence_start(i) == i - 1
            && w[i - 1].lower == "our"
            && mark(i + 1)
            && aimed_at(i + 1)
            && !pronoun(i + 2)
        {
            return Some((i, None, i + 1));
        }
        (year(&w[i]) && opens(i) && mark(i + 1) && aimed_at(i + 1)).then_some((i, Some((i, i)), i + 1))
    });
    found
        .filter(|&(_, _, mark)| aims(mark))
        .map(|(goal, time, _)| (goal, time))
        .next()
}
