//! Every rule chorus applies, declared once. A checklist rule has its id
//! (its key under `rules:` in `builtin.yaml` and the `rule` of a finding),
//! the criterion it scores and the phrase lists it reads; a drift rule has
//! its id (its key under `drift:`) and the drift it reports. What a rule is
//! worth and what it says are lexicon data; the lexicon refuses to load
//! when its rules and these tables differ (`Lexicon::from_yaml`).
//!
//! Adding a rule: a line here, its words in `builtin.yaml`, and the code
//! that decides when it fires (one file of `rules/`, or `drift/`).

use super::list::List::{self, *};
use crate::core::model::Criterion::{self, *};
use crate::core::verdict::DriftKind::{self, AvoidedTerm, Contradiction, FactMismatch, OffStory};

/// Declares a table of rules: an enum of them, each with its id and what
/// else the table gives it (`declared`).
macro_rules! rule_table {
    ($(#[$doc:meta])* $name:ident: $column:ty { $($rule:ident = $id:literal => $value:expr;)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($rule),*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$rule),*];

            /// The rule's id in lexicon files and in reports.
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$rule => $id),*
                }
            }

            pub fn from_id(id: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|r| r.id() == id)
            }

            fn declared(self) -> $column {
                match self {
                    $($name::$rule => $value),*
                }
            }
        }
    };
}

rule_table! {
    /// A checklist rule, with the criterion it scores and the phrase lists
    /// whose entries make it fire. Code names rules only by this type, so
    /// a misspelt rule does not compile.
    Rule: (Criterion, &'static [List]) {
        Quantity = "quantity" => (Specific, &[]);
        Timeframe = "timeframe" => (Specific, &[Deadlines, EffectiveDates, Calendar, Frequencies]);
        Beneficiary = "beneficiary" => (Specific, &[Beneficiaries]);
        Reason = "reason" => (Specific, &[Reasons, SoIntensified, Means]);
        VagueSuperlative = "vague-superlative" => (Specific, &[Superlatives]);
        Buzzword = "buzzword" => (Specific, &[Buzzwords]);
        NoContent = "no-content" => (Specific, &[Deadlines, EffectiveDates, Calendar, Frequencies]);
        NoConcreteDetail = "no-concrete-detail" => (Specific, &[]);
        ExclusionaryAddress = "exclusionary-address" => (Inclusive, &[Exclusionary]);
        GenderedGeneric = "gendered-generic" => (Inclusive, &[]);
        OneSegmentGoal = "one-segment-goal" => (Inclusive, &[GroupNouns, SegmentVerbs, Universal]);
        Order = "order" => (Inclusive, &[Orders, Obligations]);
        Sanction = "sanction" => (Inclusive, &[Sanctions]);
        SelfCongratulation = "self-congratulation" => (Inclusive, &[SelfCongratulation]);
        SingledOut = "singled-out" => (Inclusive, &[SinglingOut, Gratitude, GroupNouns]);
        UniversalInvite = "universal-invite" => (Inclusive, &[Universal]);
        Future = "future" => (Aspirational, &[Future, ChangeVerbs, Improvements]);
        FutureTimeframe = "future-timeframe" => (Aspirational, &[Deadlines, Calendar]);
        NoContentGoal = "no-content-goal" => (Aspirational, &[Deadlines, EffectiveDates, Calendar, Frequencies]);
        InstructionOnly = "instruction-only" => (Aspirational, &[Imperatives]);
        OrderOnly = "order-only" => (Aspirational, &[Orders, Obligations]);
        InspirationOnly = "inspiration-only" => (Aspirational, &[Inspiration]);
        LookingBack = "looking-back" => (Aspirational, &[LookingBack]);
        NoDestination = "no-destination" => (Aspirational, &[]);
        KindSuggestion = "kind-suggestion" => (Aspirational, &[Gratitude, Apologies, EffectiveDates, Orders, Obligations, Imperatives]);
        Hyperbole = "hyperbole" => (Realistic, &[Hyperbole]);
        Absolute = "absolute" => (Realistic, &[Absolutes]);
    }
}

rule_table! {
    /// A way a message departs from the story, each with its own words,
    /// and the drift it reports.
    DriftRule: DriftKind {
        SetAside = "set-aside" => Contradiction;
        NegatedKeyword = "negated-keyword" => Contradiction;
        AssertedOpposite = "asserted-opposite" => Contradiction;
        FactMismatch = "fact-mismatch" => FactMismatch;
        AvoidedTerm = "avoided-term" => AvoidedTerm;
        OffStory = "off-story" => OffStory;
        NoPillars = "no-pillars" => OffStory;
    }
}

impl Rule {
    /// The criterion whose score the rule moves.
    pub fn criterion(self) -> Criterion {
        self.declared().0
    }

    /// The phrase lists whose entries make the rule fire.
    pub fn lists(self) -> &'static [List] {
        self.declared().1
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl DriftRule {
    /// The drift the rule reports.
    pub fn kind(self) -> DriftKind {
        self.declared()
    }
}

/// `template` with each `{name}` of `vars` filled in, in one pass: words
/// filled in are not read again, so a quote that holds "{claim}" stays as
/// written. A `{name}` not in `vars` is left as it is.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let var = after.find('}').and_then(|close| {
            vars.iter()
                .find(|(k, _)| *k == &after[..close])
                .map(|(k, v)| (k.len(), v))
        });
        match var {
            Some((len, value)) => {
                out.push_str(value);
                rest = &after[len + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_read_back() {
        for r in Rule::ALL {
            assert_eq!(Rule::from_id(r.id()), Some(*r), "{}", r.id());
        }
        for r in DriftRule::ALL {
            assert_eq!(DriftRule::from_id(r.id()), Some(*r), "{}", r.id());
        }
        assert_eq!(Rule::from_id("buzzwords"), None);
    }

    #[test]
    fn fill_replaces_each_name_once() {
        let vars = [("quote", "a {claim} b"), ("claim", "fast")];
        assert_eq!(
            fill("\"{quote}\" vs \"{claim}\" {other} {", &vars),
            "\"a {claim} b\" vs \"fast\" {other} {"
        );
    }
}
