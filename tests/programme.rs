//! The programme signals on small sets: each family flags the set built to
//! show it and stays quiet on the set that only looks like it.

use std::path::Path;

use chorus::core::lexicon::Lexicon;
use chorus::core::model::{Date, MessageSet};
use chorus::core::programme::{self, FindingKind, Programme};
use chorus::core::review::review_set;
use chorus::core::store;

const HEAD: &str = "version: 1\nbrand: Spokes\nexternal:\n  story: Bikes fixed the same day by trained mechanics.\n  pillars:\n    - id: speed\n      claim: Bikes fixed the same day\n      keywords: [fast, quick, same-day, turnaround]\n      facts: [\"Bikes are repaired within 24 hours\"]\n      opposites: [slow]\n    - id: skill\n      claim: Trained mechanics\n      keywords: [trained, certified, qualified]\nsegments: [mechanics, sales, support]\n";

fn set(programme: &str, messages: &[&str]) -> MessageSet {
    let mut yaml = String::from(HEAD);
    yaml.push_str(programme);
    yaml.push_str("internal:\n");
    for m in messages {
        yaml.push_str(m);
    }
    store::parse(&yaml, Path::new("t.yaml")).unwrap_or_else(|e| panic!("{e}\n{yaml}"))
}

fn msg(id: &str, extra: &str, text: &str) -> String {
    format!("  - id: {id}\n{extra}    text: \"{text}\"\n")
}

fn read_on(set: &MessageSet, today: &str) -> Programme {
    let lexicon = Lexicon::builtin();
    let review = review_set(set, &lexicon);
    programme::read(set, &review.messages, lexicon.programme(), Date::parse(today).unwrap())
}

fn read(set: &MessageSet) -> Programme {
    read_on(set, "2026-11-02")
}

fn kinds(p: &Programme) -> Vec<FindingKind> {
    p.findings.iter().map(|f| f.kind).collect()
}

fn ids(set: &MessageSet, p: &Programme, kind: FindingKind) -> Vec<String> {
    let f = p
        .findings
        .iter()
        .find(|f| f.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?}: {:#?}", p.findings));
    f.messages.iter().map(|&i| set.internal[i].id.clone()).collect()
}

const FAST_ALL: &str =
    "Every bike we take in is back on the road fast, and the turnaround is what each of us protects.";
const TRAINED_ALL: &str = "Our trained mechanics teach a new skill each month, and anyone can join the session.";

#[test]
fn coverage_counts_the_messages_for_each_segment_on_each_pillar() {
    let m = [
        msg("a", "    audience: all\n", FAST_ALL),
        msg("b", "    audience: [sales]\n", TRAINED_ALL),
    ];
    let s = set("", &m.iter().map(String::as_str).collect::<Vec<_>>());
    let p = read(&s);
    assert_eq!(p.pillars, ["speed", "skill"]);
    // mechanics: speed from `a` only; sales: both.
    assert_eq!(p.coverage[0][0], [0]);
    assert!(p.coverage[0][1].is_empty());
    assert_eq!(p.coverage[1][1], [1]);
    // `skill` only reaches sales: flagged; `speed` reaches all: not.
    let f = p
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::PillarOneSegment)
        .collect::<Vec<_>>();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].pillar.as_deref(), Some("skill"));
    assert_eq!(f[0].segment.as_deref(), Some("sales"));
}

#[test]
fn a_pillar_told_to_everyone_is_not_one_segments_pillar() {
    let m = [msg("a", "", FAST_ALL), msg("b", "", TRAINED_ALL)];
    let s = set("", &m.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!kinds(&read(&s)).contains(&FindingKind::PillarOneSegment));
}

#[test]
fn a_segment_that_only_gets_email_is_flagged_and_one_with_a_huddle_is_not() {
    let email = |id: &str, to: &str| msg(id, &format!("    audience: [{to}]\n    channel: email\n"), FAST_ALL);
    let m = [
        email("a", "sales"),
        email("b", "sales"),
        email("c", "sales"),
        email("d", "mechanics"),
        email("e", "mechanics"),
        email("f", "mechanics"),
        msg(
            "g",
            "    audience: [mechanics]\n    channel: Morning huddle\n",
            FAST_ALL,
        ),
    ];
    let s = set("", &m.iter().map(String::as_str).collect::<Vec<_>>());
    let p = read(&s);
    assert_eq!(p.channels[0].face_to_face, 1);
    assert_eq!(p.channels[0].digital, 3);
    assert_eq!(p.channels[1].by_channel, [("email".to_string(), 3)]);
    let flagged: Vec<_> = p
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::NoFaceToFace)
        .map(|f| f.segment.clone().unwrap())
        .collect();
    assert_eq!(flagged, ["sales"]);
}

#[test]
fn briefings_and_handovers_are_face_to_face_even_beside_a_digital_channel() {
    let on = |id: &str, channel: &str| {
        msg(
            id,
            &format!("    audience: [mechanics]\n    channel: {channel}\n"),
            FAST_ALL,
        )
    };
    let m = [
        on("a", "depot briefings and intranet"),
        on("b", "shift handover"),
        on("c", "email"),
    ];
    let s = set("", &m.iter().map(String::as_str).collect::<Vec<_>>());
    let p = read(&s);
    assert_eq!(p.channels[0].face_to_face, 2, "{:#?}", p.channels[0]);
    assert_eq!(p.channels[0].digital, 1);
}

#[test]
fn one_messenger_sending_most_messages_is_flagged_and_a_mix_is_not() {
    let by = |id: &str, who: &str| msg(id, &format!("    messenger: {who}\n"), FAST_ALL);
    let mostly = [by("a", "CEO"), by("b", "CEO"), by("c", "CEO"), by("d", "crew lead")];
    let s = set("", &mostly.iter().map(String::as_str).collect::<Vec<_>>());
    let p = read(&s);
    assert_eq!(p.messengers[0].messenger, "CEO");
    assert_eq!(p.messengers[0].per_segment, [3, 3, 3]);
    assert_eq!(ids(&s, &p, FindingKind::OneMessenger), ["a", "b", "c"]);

    let mixed = [
        by("a", "CEO"),
        by("b", "crew lead"),
        by("c", "CEO"),
        by("d", "support lead"),
    ];
    let s = set("", &mixed.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!kinds(&read(&s)).contains(&FindingKind::OneMessenger));
}

#[test]
fn the_timeline_gives_last_heard_and_planned_and_flags_a_quiet_segment() {
    let m = [
        msg("old", "    audience: [sales]\n    date: 2026-08-01\n", FAST_ALL),
        msg(
            "recent",
            "    audience: [mechanics, support]\n    date: 2026-10-20\n",
            FAST_ALL,
        ),
        msg("soon", "    audience: [sales]\n    date: 2026-11-20\n", FAST_ALL),
    ];
    let s = set("", &m.iter().map(String::as_str).collect::<Vec<_>>());
    let p = read(&s);
    assert_eq!(p.quiet_weeks, 6, "the lexicon's default");
    let sales = &p.timeline[1];
    assert_eq!(sales.last.map(|(d, _)| d.to_string()).as_deref(), Some("2026-08-01"));
    assert_eq!(
        sales.next.map(|(d, i)| (d.to_string(), i)),
        Some(("2026-11-20".to_string(), 2))
    );
    assert_eq!(sales.planned, 1);
    let quiet: Vec<_> = p
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Quiet)
        .map(|f| f.segment.clone().unwrap())
        .collect();
    assert_eq!(quiet, ["sales"]);

    // The set may allow a longer silence.
    let s = set(
        "programme:\n  quiet_weeks: 20\n",
        &m.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let p = read(&s);
    assert_eq!(p.quiet_weeks, 20);
    assert!(!kinds(&p).contains(&FindingKind::Quiet));
}

#[test]
fn a_set_without_dates_has_no_quiet_segment() {
    let m = [msg("a", "    audience: [sales]\n", FAST_ALL)];
    let s = set("", &m.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!kinds(&read(&s)).contains(&FindingKind::Quiet));
}

#[test]
fn two_messages_with_different_figures_for_one_fact_are_flagged() {
    let m = [
        msg(
            "two-days",
            "",
            "Our fast turnaround means bikes are repaired within 48 hours.",
        ),
        msg(
            "three-days",
            "",
            "Our fast turnaround means bikes are repaired within 72 hours.",
        ),
        msg("right", "", FAST_ALL),
    ];
    let s = set("", &m.iter().map(String::as_str).collect::<Vec<_>>());
    let p = read(&s);
    assert_eq!(ids(&s, &p, FindingKind::FigureConflict), ["two-days", "three-days"]);
    let f = &p.findings[0];
    assert!(
        f.message.contains("48 hours") && f.message.contains("72 hours"),
        "{}",
        f.message
    );
}

#[test]
fn messages_that_agree_on_a_figure_are_no_conflict() {
    let m = [
        msg(
            "one",
            "",
            "Our fast turnaround means bikes are repaired within 48 hours.",
        ),
        msg(
            "two",
            "",
            "Our fast turnaround means bikes are repaired within 48 hours, every time.",
        ),
    ];
    let s = set("", &m.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!kinds(&read(&s)).contains(&FindingKind::FigureConflict));
}

#[test]
fn a_message_contradicting_another_is_flagged_with_both() {
    let m = [
        msg("fast", "", FAST_ALL),
        msg(
            "slow",
            "",
            "This month repairs will be slow, and the turnaround is not our priority.",
        ),
    ];
    let s = set("", &m.iter().map(String::as_str).collect::<Vec<_>>());
    let p = read(&s);
    assert_eq!(ids(&s, &p, FindingKind::Contradiction), ["fast", "slow"]);
}

#[test]
fn messages_on_different_pillars_do_not_contradict_each_other() {
    let m = [msg("fast", "", FAST_ALL), msg("trained", "", TRAINED_ALL)];
    let s = set("", &m.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!kinds(&read(&s)).contains(&FindingKind::Contradiction));
}

#[test]
fn credit_that_keeps_going_to_one_segment_is_flagged() {
    let thanks = |id: &str, to: &str| {
        msg(
            id,
            &format!("    kind: recognition\n    audience: [{to}]\n"),
            "Thank you for the fast turnaround on the spring rush.",
        )
    };
    let m = [
        thanks("a", "sales"),
        thanks("b", "sales"),
        thanks("c", "sales"),
        thanks("d", "support"),
    ];
    let s = set("", &m.iter().map(String::as_str).collect::<Vec<_>>());
    let p = read(&s);
    assert_eq!(ids(&s, &p, FindingKind::CreditToOne), ["a", "b", "c"]);

    let shared = [
        thanks("a", "sales"),
        thanks("b", "mechanics"),
        thanks("c", "support"),
        thanks("d", "sales"),
    ];
    let s = set("", &shared.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!kinds(&read(&s)).contains(&FindingKind::CreditToOne));
}

const ORDER: &str = "You must log every repair in the system by Friday; failure to comply will be noted.";

#[test]
fn too_many_talking_at_messages_are_flagged_above_the_sets_threshold() {
    let m = [msg("a", "", ORDER), msg("b", "", FAST_ALL), msg("c", "", TRAINED_ALL)];
    let refs: Vec<&str> = m.iter().map(String::as_str).collect();
    let s = set("", &refs);
    let p = read(&s);
    assert_eq!(
        ids(&s, &p, FindingKind::TalkingAt),
        ["a"],
        "33% is above the default 30%"
    );
    let s = set("programme:\n  talking_at_share: 40\n", &refs);
    assert!(
        !kinds(&read(&s)).contains(&FindingKind::TalkingAt),
        "the set allows 40%"
    );
}

#[test]
fn a_set_that_talks_with_people_is_not_flagged_for_talking_at() {
    let m = [msg("b", "", FAST_ALL), msg("c", "", TRAINED_ALL)];
    let s = set("", &m.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!kinds(&read(&s)).contains(&FindingKind::TalkingAt));
}

#[test]
fn the_builtin_face_to_face_forms_cover_plurals_and_mixed_channels() {
    let lexicon = Lexicon::builtin();
    let cfg = lexicon.programme();
    for meet in [
        "depot briefings and intranet",
        "shift handover",
        "Shift hand-over",
        "pre-shift huddles",
        "Monday stand-ups",
        "CEO walkabout",
        "toolbox talks",
        "regional roadshow",
        "Town halls",
        "site visits",
        "one-to-ones with line managers",
        "team meeting",
        "weekly team meetings",
        "email, then a briefing",
    ] {
        assert!(cfg.is_face_to_face(meet), "{meet} is face to face");
    }
    for digital in [
        "email",
        "intranet",
        "Teams meeting",
        "huddles-digest email",
        "post-briefing survey",
    ] {
        assert!(!cfg.is_face_to_face(digital), "{digital} is digital");
    }
}
