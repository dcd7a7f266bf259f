//! What the workbench draws: insta snapshots of a TestBackend at 80×24 and
//! 120×40 (opening, editing, a finding selected, help, the unsaved prompt,
//! too small), and checks that no size panics, that highlights carry the
//! pillar colours, and that hostile or wide text never breaks the layout.

mod workbench_common;

use chorus::workbench::state::Focus;
use chorus::workbench::App;
use crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use workbench_common::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snap(name: &str, app: &mut App) {
    for (w, h) in SIZES {
        let t = draw(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
    }
}

#[test]
fn opening() {
    let mut app = app();
    snap("opening", &mut app);
}

#[test]
fn editing() {
    let mut app = app();
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('e'));
    keys(&mut app, " Quick repairs, every time.");
    snap("editing", &mut app);
}

#[test]
fn finding_selected() {
    let mut app = app();
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('n')); // cheap: an avoided term, a contradiction, off story
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.focus, Focus::Findings);
    snap("finding_selected", &mut app);
}

#[test]
fn help() {
    let mut app = app();
    press(&mut app, KeyCode::Char('?'));
    snap("help", &mut app);
}

#[test]
fn unsaved_prompt() {
    let mut app = app();
    press(&mut app, KeyCode::Char('D'));
    press(&mut app, KeyCode::Char('q'));
    snap("unsaved_prompt", &mut app);
}

#[test]
fn too_small() {
    let mut app = app();
    let t = draw(&mut app, 50, 12);
    insta::assert_snapshot!("too_small_50x12", t.backend());
}

#[test]
fn details_form() {
    let mut app = app();
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    snap("details_form", &mut app);
}

#[test]
fn a_kind_makes_aspirational_n_a() {
    let mut app = app();
    // The details form: id, title, kind.
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "update");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.current_message().unwrap().kind.as_deref(), Some("update"));
    let review = app.current_review().unwrap();
    assert!(!review.checklist.results[2].applies);
    let t = draw(&mut app, 80, 24);
    let screen = format!("{}", t.backend());
    assert!(screen.contains("n/a for an update"), "{screen}");
    snap("kind_update", &mut app);
}

#[test]
fn explain_shows_the_pass_mark_and_the_way_to_it() {
    let mut app = app();
    // "best": a vague goal that fails specific.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('x'));
    let t = draw(&mut app, 80, 24);
    let screen = format!("{}", t.backend());
    assert!(screen.contains("(passes at 60)"), "{screen}");
    assert!(screen.contains("short of a pass"), "{screen}");
    snap("explain_pass_mark", &mut app);
}

#[test]
fn story_form() {
    let mut app = app();
    press(&mut app, KeyCode::Char('s'));
    snap("story_form", &mut app);
}

#[test]
fn every_size_draws_without_panicking() {
    let mut app = app();
    press(&mut app, KeyCode::Char('n'));
    for w in (0..140).step_by(7) {
        for h in (0..48).step_by(3) {
            draw(&mut app, w, h);
        }
    }
    press(&mut app, KeyCode::Char('?'));
    for (w, h) in [(64, 20), (70, 21), (1, 1), (200, 60)] {
        draw(&mut app, w, h);
    }
}

/// The cells of row `y` as a string, with the x of each cell.
fn row_cells(t: &ratatui::Terminal<ratatui::backend::TestBackend>, y: u16) -> Vec<(u16, String)> {
    let buf = t.backend().buffer();
    (0..buf.area.width)
        .map(|x| (x, buf[(x, y)].symbol().to_string()))
        .collect()
}

/// Position of the first cell of `word` within `area` (a pane), if drawn there.
fn find_in(
    t: &ratatui::Terminal<ratatui::backend::TestBackend>,
    area: ratatui::layout::Rect,
    word: &str,
) -> Option<(u16, u16)> {
    for y in area.top()..area.bottom() {
        let cells = row_cells(t, y);
        let line: String = cells[area.left() as usize..area.right() as usize]
            .iter()
            .map(|(_, s)| s.as_str())
            .collect();
        if let Some(b) = line.find(word) {
            let x = area.left() + line[..b].chars().count() as u16;
            return Some((x, y));
        }
    }
    None
}

#[test]
fn ties_are_coloured_by_pillar_in_the_message_and_the_story() {
    let mut app = app();
    let t = draw(&mut app, 80, 24);
    let p = app.panes().unwrap();
    let buf = t.backend().buffer();
    // "hours" ties the first message to speed, the first pillar (cyan).
    let (x, y) = find_in(&t, p.message, "hours").unwrap();
    assert_eq!(buf[(x, y)].bg, Color::Cyan);
    // In the story, "fastest" is a speed keyword the message's pillar uses.
    let (x, y) = find_in(&t, p.story, "fastest").unwrap();
    assert_eq!(buf[(x, y)].bg, Color::Cyan);
    // "experienced" is expertise's keyword, not used by this message: coloured, not solid.
    let (x, y) = find_in(&t, p.story, "experienced").unwrap();
    assert_eq!(buf[(x, y)].fg, Color::Magenta);
    assert_ne!(buf[(x, y)].bg, Color::Magenta);
}

#[test]
fn drift_is_marked_and_a_selected_finding_is_shown_in_the_text() {
    let mut app = app();
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('n')); // cheap
    let t = draw(&mut app, 80, 24);
    let p = app.panes().unwrap();
    let buf = t.backend().buffer();
    let (x, y) = find_in(&t, p.message, "cheapest").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    let (x, y) = find_in(&t, p.message, "slow").unwrap();
    assert!(!buf[(x, y)].modifier.contains(Modifier::REVERSED));
    // Select the contradiction ("slow") in the findings pane.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    let t = draw(&mut app, 80, 24);
    let buf = t.backend().buffer();
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    let screen = screen(&mut app, 80, 24);
    assert!(screen.contains("This contradicts the speed pillar."));
    assert!(screen.contains("Supports no story pillar"));
}

#[test]
fn waivers_show_with_their_reason() {
    let mut app = app();
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Up); // dominate: realistic waived
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("waived"), "{s}");
    assert!(s.contains("realistic waived: a stretch goal"), "{s}");
    assert!(s.contains("on purpose"), "the reason wraps rather than being cut: {s}");
}

#[test]
fn the_set_view_names_uncovered_pillars_and_unaddressed_segments() {
    let mut set = fixture();
    set.internal.retain(|m| m.id == "quote"); // speed and expertise, for sales only
    set.internal[0].text = "Promise a quick fix.".into();
    let (mut app, _) = app_with(set, "/nonexistent/x.yaml".into());
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("No message supports: expertise"), "{s}");
    assert!(s.contains("No message of their own: repair crews,"), "{s}");
    assert!(s.contains("support, payroll, IT"), "{s}");
}

#[test]
fn control_characters_never_reach_the_terminal_and_show_visibly() {
    let mut set = fixture();
    set.brand = "Evil\u{1b}]0;pwned\u{7}".into();
    set.external.story = "Fast \u{202e}repairs\u{202c} \u{9b}31m always.".into();
    set.internal[0].id = "id\u{1b}[2J".into();
    set.internal[0].title = Some("Title\u{1b}[31m".into());
    set.internal[0].text = "Clear\u{1b}[2J the screen\r\nand beep\u{7}, hours.\tTab".into();
    let (mut app, _) = app_with(set, "/tmp/file\u{1b}[5m.yaml".into());
    for (w, h) in SIZES {
        let t = draw(&mut app, w, h);
        let buf = t.backend().buffer();
        for cell in buf.content() {
            assert!(
                !cell
                    .symbol()
                    .chars()
                    .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "raw control character in {:?}",
                cell.symbol()
            );
        }
        let s = screen(&mut app, w, h);
        assert!(s.contains("Clear␛[2J"), "{s}");
        assert!(s.contains("␇"), "{s}");
        assert!(s.contains("␛"), "{s}");
        assert!(s.contains("\\u{202e}"), "{s}");
        assert!(s.contains("file␛[5m.yaml"), "{s}");
    }
    press(&mut app, KeyCode::Char('f'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("id␛[2J"), "{s}");
}

#[test]
fn wide_characters_emoji_and_rtl_keep_the_panes_in_place() {
    let mut set = fixture();
    set.internal[0].id = "日本語のID".into();
    set.internal[0].title = Some("速い修理 🍋🍋🍋".into());
    set.internal[0].text =
        "私たちは24 hoursで直します 👩‍👩‍👧 família 🍋🍋🍋🍋🍋🍋🍋🍋🍋🍋🍋 نحن نصلح الأكشاك بسرعة hours שלום עולם".into();
    set.external.story = "最速のレモネードスタンド修理 fast 🍋 سريع".into();
    let (mut app, _) = app_with(set, "/nonexistent/x.yaml".into());
    for (w, h) in [(80, 24), (120, 40), (64, 20), (97, 31)] {
        let t = draw(&mut app, w, h);
        let p = app.panes().unwrap();
        let buf = t.backend().buffer();
        // Every pane's left and right borders are where the layout put them.
        for r in [p.list, p.message, p.story, p.checklist, p.findings] {
            for y in r.top() + 1..r.bottom() - 1 {
                assert_eq!(buf[(r.left(), y)].symbol(), "│", "{w}x{h} left of {r:?} at row {y}");
                assert_eq!(
                    buf[(r.right() - 1, y)].symbol(),
                    "│",
                    "{w}x{h} right of {r:?} at row {y}"
                );
            }
        }
    }
    // Editing it is fine too, cursor movement included.
    press(&mut app, KeyCode::Char('e'));
    for _ in 0..5 {
        press(&mut app, KeyCode::Up);
        press(&mut app, KeyCode::Left);
    }
    keys(&mut app, "ü");
    press(&mut app, KeyCode::Down);
    draw(&mut app, 80, 24);
}

#[test]
fn long_text_scrolls_to_keep_the_cursor_in_sight() {
    let mut set = fixture();
    set.internal[0].text = "Quick repairs matter. ".repeat(40);
    let (mut app, _) = app_with(set, "/nonexistent/x.yaml".into());
    press(&mut app, KeyCode::Char('e'));
    assert!(app.text_scroll > 0, "the cursor at the end is in sight");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("↑ more"), "{s}");
    for _ in 0..100 {
        press(&mut app, KeyCode::Up);
    }
    assert_eq!(app.text_scroll, 0);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("↓ more"), "{s}");
}

#[test]
fn x_explains_every_score_of_the_selected_message() {
    let mut app = app();
    keys(&mut app, "x");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Why these scores"), "{s}");
    for c in ["Specific", "Inclusive", "Aspirational", "Realistic", "Alignment"] {
        assert!(s.contains(c), "{c} missing:\n{s}");
    }
    press(&mut app, crossterm::event::KeyCode::Esc);
    assert!(!screen(&mut app, 80, 24).contains("Why these scores"));
}

#[test]
fn the_story_pane_shows_a_changed_story_and_scrolls_through_many_pillars() {
    let mut set = fixture();
    for n in 0..300 {
        set.external.pillars.push(chorus::core::model::Pillar {
            id: format!("p{n:03}"),
            claim: format!("Claim number {n}"),
            keywords: (0..20).map(|k| format!("kw{n}x{k}")).collect(),
            ..Default::default()
        });
    }
    let (mut app, _) = app_with(set, "/nonexistent/x.yaml".into());
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Lemonad.ly is the"), "{s}");
    assert!(s.contains("↓ more"), "{s}");
    // Scroll the story far down: the rows drawn are those of the pillars there.
    app.focus = Focus::Story;
    for _ in 0..40 {
        press(&mut app, KeyCode::PageDown);
    }
    let s = screen(&mut app, 120, 40);
    assert!(!s.contains("Lemonad.ly is the"), "{s}");
    assert!(s.contains("■ p"), "{s}");
    // A new story is drawn once the set is rebuilt, not the one laid out before.
    app.story_scroll = 0;
    app.set.external.story = "Brand new words about quick repairs.".into();
    app.rebuild();
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Brand new words"), "{s}");
    assert!(!s.contains("Lemonad.ly is the"), "{s}");
}

#[test]
fn a_long_message_draws_the_rows_scrolled_to_with_their_marks() {
    let mut set = fixture();
    // Each sentence numbered, so the rows in sight can be told apart.
    set.internal[0].text = (0..400).map(|i| format!("Repair {i:03} done in hours. ")).collect();
    let (mut app, _) = app_with(set, "/nonexistent/x.yaml".into());
    press(&mut app, KeyCode::Char('e'));
    let t = draw(&mut app, 80, 24);
    let p = app.panes().unwrap();
    assert!(app.text_scroll > 0);
    // The end of the text is in sight, with its tie still marked.
    assert!(find_in(&t, p.message, "Repair 399").is_some());
    assert!(find_in(&t, p.message, "Repair 000").is_none());
    let (x, y) = find_in(&t, p.message, "hours").unwrap();
    assert_eq!(t.backend().buffer()[(x, y)].bg, Color::Cyan);
}

#[test]
fn zero_width_characters_and_soft_hyphens_show_as_dim_markers_in_the_message() {
    let mut set = fixture();
    set.internal[0].text = "Never che\u{200b}ap, 4\u{2060}8 hours, re\u{ad}pairs\u{feff} done.".into();
    let (mut app, _) = app_with(set, "/nonexistent/x.yaml".into());
    let t = draw(&mut app, 80, 24);
    let p = app.panes().unwrap();
    let buf = t.backend().buffer();
    for shown in ["che·ap", "4·8", "re¬pairs"] {
        let (x, y) = find_in(&t, p.message, shown).unwrap_or_else(|| panic!("{shown} not drawn"));
        let at = x + shown.chars().position(|c| c == '·' || c == '¬').unwrap() as u16;
        assert!(buf[(at, y)].modifier.contains(Modifier::DIM), "{shown}: marker is dim");
        assert!(
            !buf[(x, y)].modifier.contains(Modifier::DIM),
            "{shown}: the word is not"
        );
    }
    for cell in buf.content() {
        assert!(
            !cell
                .symbol()
                .chars()
                .any(|c| matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}')),
            "invisible character drawn raw: {:?}",
            cell.symbol()
        );
    }
    // The cursor moves over a marker as over one character: from the text's
    // start, "Never che" and the zero-width space are ten steps, and the
    // cursor then stands on the "a", just right of the marker.
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Home);
    for _ in 0..10 {
        press(&mut app, KeyCode::Right);
    }
    let mut t = draw(&mut app, 80, 24);
    let (x, y) = find_in(&t, p.message, "che·ap").unwrap();
    assert_eq!(
        t.get_cursor_position().unwrap(),
        ratatui::layout::Position::new(x + 4, y)
    );
}

/// The screen with its colours: the text, then each run of cells drawn in
/// a colour or a weight other than the terminal's own, as `row col..col
/// style "text"`.
fn styled(t: &ratatui::Terminal<ratatui::backend::TestBackend>) -> String {
    let buf = t.backend().buffer();
    let area = buf.area;
    let mut text = String::new();
    let mut runs = String::new();
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let cell = &buf[(x, y)];
            let style = (cell.fg, cell.bg, cell.modifier);
            let start = x;
            let mut words = String::new();
            while x < area.width && (buf[(x, y)].fg, buf[(x, y)].bg, buf[(x, y)].modifier) == style {
                words.push_str(buf[(x, y)].symbol());
                text.push_str(buf[(x, y)].symbol());
                x += 1;
            }
            if style != (Color::Reset, Color::Reset, Modifier::empty()) && !words.trim().is_empty() {
                runs.push_str(&format!(
                    "{y:>2} {start:>2}..{:<2} fg={:?} bg={:?} {:?} {:?}\n",
                    x - 1,
                    style.0,
                    style.1,
                    style.2,
                    words.trim_end()
                ));
            }
        }
        text.push('\n');
    }
    format!("{text}\n{runs}")
}

#[test]
fn the_light_theme_draws_in_its_own_colours() {
    use chorus::workbench::view::theme::{self, Palette};
    // Drawing happens on this thread; the other tests keep the dark palette.
    theme::set(Palette::LIGHT);
    let mut app = app();
    press(&mut app, KeyCode::Char('n'));
    let t = draw(&mut app, 80, 24);
    let shown = styled(&t);
    theme::set(Palette::DARK);
    // No colour of the dark palette that is hard to read on white is used.
    for unreadable in ["fg=Yellow", "fg=Cyan", "fg=LightRed"] {
        assert!(!shown.contains(unreadable), "{unreadable} in the light theme:\n{shown}");
    }
    assert!(shown.contains(&format!("fg={:?}", Palette::LIGHT.fail)));
    insta::assert_snapshot!("light_theme_80x24", shown);
}

/// The editor's layout is kept between frames and only its tail made again
/// after an edit: typing, erasing and breaking lines in a long message,
/// each frame must match one drawn with the layout made afresh.
#[test]
fn an_edited_message_draws_as_if_laid_out_afresh() {
    let mut set = fixture();
    let long: String = (0..400)
        .map(|i| ["budget ", "cuts ", "a ", "reorganisation ", "é\u{301} "][i % 5])
        .collect();
    set.internal[0].text = long;
    let (mut app, _) = app_with(set, std::path::PathBuf::from("long.yaml"));
    press(&mut app, KeyCode::Char('e'));
    let typed = [
        KeyCode::Char('x'),
        KeyCode::Char(' '),
        KeyCode::Backspace,
        KeyCode::Backspace,
        KeyCode::Enter,
        KeyCode::Char('\u{301}'),
        KeyCode::Up,
        KeyCode::Char('w'),
        KeyCode::Char(' '),
        KeyCode::Home,
        KeyCode::Char('a'),
        KeyCode::Backspace,
        KeyCode::Up,
        KeyCode::Up,
        KeyCode::End,
        KeyCode::Char('z'),
    ];
    for (n, code) in typed.into_iter().cycle().take(64).enumerate() {
        press(&mut app, code);
        for (w, h) in SIZES {
            let kept = draw(&mut app, w, h).backend().buffer().clone();
            app.text_layout = chorus::workbench::glyphs::LayoutCache::default();
            let fresh = draw(&mut app, w, h).backend().buffer().clone();
            assert_eq!(kept, fresh, "key {n} ({code:?}) at {w}x{h}");
        }
    }
}
