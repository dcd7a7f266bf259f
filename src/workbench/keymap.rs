//! Every key, declared once: which keys, where they count, what they ask
//! for, and how the help screen, the status line, the prompts and the
//! README name them. `keys` reads this table to turn a key into an action;
//! the view reads it to show the keys. Plain data over `action`; imports
//! nothing else of the workbench.

use std::borrow::Cow;
use std::sync::{LazyLock, OnceLock};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{Input, Key as TextKey};

use super::action::Action;

/// Where a key counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Wherever keys are read: the panes, a form, an overlay, typing, a prompt.
    Anywhere,
    /// The panes, no overlay open.
    Normal,
    /// The field editor, no field being typed.
    Form,
    /// Help and explain.
    Overlay,
    /// The programme screen.
    Programme,
    /// Any text being typed (a message, the filter, a field, a path).
    Typing,
    /// A one-line input (the filter, a field, the save-as path).
    OneLine,
    /// A message's text being edited: keys the text area itself handles.
    Editing,
    /// Any question.
    AnyPrompt,
    /// One question.
    Prompt(Ask),
}

/// The questions, as the key table names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    Unsaved,
    Conflict,
    Restore,
    SaveFailed,
    SaveAs,
    Overwrite,
    PulsePath,
}

/// A key as the terminal reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chord {
    Key(KeyCode),
    Ctrl(char),
}

impl Chord {
    /// Whether `k` is this chord. `lenient`: a plain key counts with Ctrl
    /// held too (the forms, overlays and inputs always read keys so).
    fn matches(self, k: &KeyEvent, lenient: bool) -> bool {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Chord::Ctrl(c) => ctrl && k.code == KeyCode::Char(c),
            Chord::Key(code) => k.code == code && (lenient || !ctrl),
        }
    }

    /// How the status line writes it.
    pub fn name(self) -> String {
        match self {
            Chord::Ctrl(c) => format!("^{}", c.to_ascii_uppercase()),
            Chord::Key(code) => match code {
                KeyCode::Char(c) => c.to_string(),
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::BackTab => "S-Tab".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::Delete => "Del".into(),
                code => code.to_string(),
            },
        }
    }
}

/// Which column of the help screen lists a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Left,
    Right,
}

/// One row of the table: keys with one meaning in some places.
#[derive(Debug, Clone)]
pub struct Key {
    pub scopes: Vec<Scope>,
    /// Each chord and the action it asks for (none for what is not a key
    /// of ours: a click, a paste, a legend of the list).
    pub binds: Vec<(Chord, Action)>,
    /// The keys as the help screen, the prompts and the README write them
    /// (written anew from the chords when a keymap file remaps them).
    pub keys: Cow<'static, str>,
    /// What they do, as the help screen or a prompt says it; a `\n`
    /// continues it on the next row.
    pub label: &'static str,
    /// The help screen's column and section (none: not on the help screen).
    pub help: Option<(Column, &'static str)>,
    /// What they do, as the README's key table says it.
    pub doc: Option<&'static str>,
}

impl Key {
    fn new(scopes: &[Scope], keys: &'static str, label: &'static str) -> Key {
        Key {
            scopes: scopes.to_vec(),
            binds: vec![],
            keys: Cow::Borrowed(keys),
            label,
            help: None,
            doc: None,
        }
    }

    fn bind(mut self, chord: Chord, action: Action) -> Key {
        self.binds.push((chord, action));
        self
    }

    /// Several chords for one action (the first is the one hints show).
    fn binds(mut self, chords: &[Chord], action: Action) -> Key {
        self.binds.extend(chords.iter().map(|c| (*c, action.clone())));
        self
    }

    fn help(mut self, column: Column, section: &'static str) -> Key {
        self.help = Some((column, section));
        self
    }

    fn doc(mut self, doc: &'static str) -> Key {
        self.doc = Some(doc);
        self
    }

    fn counts_in(&self, scope: Scope) -> bool {
        self.scopes.contains(&scope) || (self.scopes.contains(&Scope::Anywhere) && scope != Scope::Editing)
    }
}

fn ch(c: char) -> Chord {
    Chord::Key(KeyCode::Char(c))
}

fn key(code: KeyCode) -> Chord {
    Chord::Key(code)
}

/// The text area's own ^Z / ^Y, as the editor receives them.
fn ctrl_typed(c: char) -> Action {
    Action::Type(Input {
        key: TextKey::Char(c),
        ctrl: true,
        alt: false,
        shift: false,
    })
}

/// The built-in table, in the order the help screen and the README list it.
pub static TABLE: LazyLock<Vec<Key>> = LazyLock::new(table);

/// The table in force: the built-in one, or the one a keymap file made
/// (installed once, before the workbench starts reading keys).
static EFFECTIVE: OnceLock<Vec<Key>> = OnceLock::new();

fn effective() -> &'static [Key] {
    EFFECTIVE.get_or_init(|| TABLE.clone())
}

/// Put `rows` in force for the rest of the process. Only the first call
/// counts (keys are read from then on); returns whether this one did.
pub fn install(rows: Vec<Key>) -> bool {
    EFFECTIVE.set(rows).is_ok()
}

/// The name a keymap file gives an action: its name in the code, in
/// snake case (`NextProblem` → `next_problem`).
pub fn action_name(a: &Action) -> String {
    let debug = format!("{a:?}");
    let mut out = String::new();
    for (i, c) in debug.chars().take_while(|c| c.is_alphanumeric()).enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// The actions a keymap file may bind: those of the panes (the forms,
/// overlays, inputs and questions keep their keys), with their names.
pub fn remappable() -> Vec<(String, Action)> {
    let mut out: Vec<(String, Action)> = Vec::new();
    // Esc closes and cancels wherever text is typed too: it stays Esc.
    let remappable_row = |r: &&Key| {
        r.scopes.iter().any(|s| matches!(s, Scope::Normal | Scope::Anywhere)) && !r.scopes.contains(&Scope::Typing)
    };
    for row in TABLE.iter().filter(remappable_row) {
        for (_, a) in &row.binds {
            let name = action_name(a);
            if !out.iter().any(|(n, _)| *n == name) {
                out.push((name, a.clone()));
            }
        }
    }
    out
}

/// The built-in table with each of `remaps` in force: the action's chords
/// in the panes replaced by the given ones, and the keys the help screen
/// shows written anew. A chord that would then mean two things in one
/// place is refused: `Err` holds the index of the remap and why.
pub fn remapped(remaps: &[(Action, Vec<Chord>)]) -> Result<Vec<Key>, (usize, String)> {
    let mut rows: Vec<Key> = TABLE.clone();
    let mut touched = vec![false; rows.len()];
    for (action, chords) in remaps {
        let mut first = None;
        for (i, row) in rows.iter_mut().enumerate() {
            let in_panes = row.scopes.iter().any(|s| matches!(s, Scope::Normal | Scope::Anywhere));
            if in_panes && row.binds.iter().any(|(_, a)| a == action) {
                row.binds.retain(|(_, a)| a != action);
                touched[i] = true;
                first.get_or_insert(i);
            }
        }
        if let Some(i) = first {
            // A key that also counts while typing (save) cannot be a
            // character: typing it would save instead of writing it.
            if rows[i].counts_in(Scope::Typing) {
                if let Some(c) = chords.iter().find(|c| matches!(c, Chord::Key(KeyCode::Char(_)))) {
                    let at = remaps.iter().position(|(a, _)| a == action).unwrap_or(0);
                    return Err((
                        at,
                        format!(
                            "`{}` would be typed as text; {} works while typing, so give it ctrl+ a key or a function key",
                            c.name(),
                            action_name(action)
                        ),
                    ));
                }
            }
            rows[i].binds.extend(chords.iter().map(|c| (*c, action.clone())));
        }
    }
    for (row, _) in rows.iter_mut().zip(&touched).filter(|(_, t)| **t) {
        let names: Vec<String> = row.binds.iter().map(|(c, _)| c.name()).collect();
        row.keys = Cow::Owned(names.join(" "));
    }
    if let Some((chord, a, b)) = clash(&rows) {
        let at = remaps
            .iter()
            .position(|(r, chords)| chords.contains(&chord) && (*r == a || *r == b))
            .unwrap_or(0);
        let other = if remaps.get(at).is_some_and(|(r, _)| *r == a) {
            &b
        } else {
            &a
        };
        return Err((
            at,
            format!(
                "`{}` already means {} there; bind {} to another key too, or choose another",
                chord.name(),
                action_name(other),
                action_name(other)
            ),
        ));
    }
    Ok(rows)
}

/// A chord that means two actions where the same scopes count.
fn clash(rows: &[Key]) -> Option<(Chord, Action, Action)> {
    let scopes = [
        Scope::Normal,
        Scope::Form,
        Scope::Overlay,
        Scope::Typing,
        Scope::OneLine,
        Scope::AnyPrompt,
    ];
    for scope in scopes {
        let binds: Vec<&(Chord, Action)> = rows
            .iter()
            .filter(|r| r.counts_in(scope))
            .flat_map(|r| r.binds.iter())
            .collect();
        for (i, (c, a)) in binds.iter().enumerate() {
            for (d, b) in &binds[i + 1..] {
                if c == d && a != b {
                    return Some((*c, a.clone(), b.clone()));
                }
            }
        }
    }
    None
}

fn table() -> Vec<Key> {
    use Column::{Left, Right};
    use Scope::*;
    let moving = [Normal, Form, Overlay, Programme];
    let mut t = vec![
        Key::new(&moving, "↑ ↓ k j", "move in the pane")
            .binds(&[key(KeyCode::Up), ch('k')], Action::Up)
            .binds(&[key(KeyCode::Down), ch('j')], Action::Down)
            .help(Left, "MOVE")
            .doc("move through messages"),
        Key::new(&moving, "PgUp PgDn", "a page up / down")
            .bind(key(KeyCode::PageUp), Action::PageUp)
            .bind(key(KeyCode::PageDown), Action::PageDown)
            .help(Left, "MOVE"),
        Key::new(&moving, "Home End", "first / last (also g G)")
            .binds(&[key(KeyCode::Home), ch('g')], Action::Top)
            .binds(&[key(KeyCode::End), ch('G')], Action::Bottom)
            .help(Left, "MOVE"),
        Key::new(&[Normal], "Tab S-Tab", "next / previous pane")
            .bind(key(KeyCode::Tab), Action::FocusNext)
            .bind(key(KeyCode::BackTab), Action::FocusPrev)
            .help(Left, "MOVE")
            .doc("next / previous pane (list, message, findings, story)"),
        Key::new(&[Normal], "click", "select; focus a pane").help(Left, "MOVE"),
        Key::new(
            &[Normal],
            "/",
            "filter: text or segment:\nstatus: by: channel: kind:\ndate: (terms combine)",
        )
        .bind(ch('/'), Action::Filter)
        .help(Left, "MOVE")
        .doc(
            "filter messages by text or id, and by detail: `segment:sales` `status:draft` `by:CEO` \
                 `channel:email` `kind:update` `date:2026-10` (`date:>2026-10-01`); terms combine",
        ),
        Key::new(&[Normal], "v", "pulse: what employees said")
            .bind(ch('v'), Action::Pulse)
            .help(Left, "MOVE")
            .doc("the pulse screen: what employees said back in a survey, read against the story (asks for the survey export, CSV, unless opened with --pulse)"),
        Key::new(&[Normal], "n N", "next / previous problem")
            .bind(ch('n'), Action::NextProblem)
            .bind(ch('N'), Action::PrevProblem)
            .help(Left, "MOVE")
            .doc("next / previous message that fails or drifts"),
        Key::new(&[Normal], "x", "why these scores")
            .bind(ch('x'), Action::Explain)
            .help(Left, "MOVE")
            .doc("why these scores: every point gained and lost, with the words behind it"),
        Key::new(&[Normal], "p", "the programme: coverage,\nmix, timeline, findings")
            .bind(ch('p'), Action::Programme)
            .help(Left, "MOVE")
            .doc(
                "the programme: segments × pillars coverage, channel and messenger mix, when each segment \
                 last heard, findings across messages; Enter on a cell lists its messages, Enter again opens one",
            ),
        Key::new(
            &[Normal],
            "Enter e",
            "edit the text in place\n(from the story: the story)",
        )
        .binds(&[ch('e'), key(KeyCode::Enter)], Action::Edit)
        .help(Left, "EDIT")
        .doc("edit the message text in place (Esc leaves; ^Z undo, ^Y redo; paste works)"),
        Key::new(&[Normal, Typing, AnyPrompt], "Esc", "done / close / cancel")
            .bind(key(KeyCode::Esc), Action::Cancel)
            .help(Left, "EDIT"),
        Key::new(&[Editing], "^Z ^Y", "undo / redo while editing")
            .bind(Chord::Ctrl('z'), ctrl_typed('z'))
            .bind(Chord::Ctrl('y'), ctrl_typed('y'))
            .help(Left, "EDIT"),
        Key::new(&[Typing], "paste", "inserts the pasted text").help(Left, "EDIT"),
        Key::new(&[Normal], "f", "audience, title, date,\nchannel, messenger, status")
            .bind(ch('f'), Action::EditFields)
            .help(Left, "EDIT")
            .doc("edit the message's details: id, title, kind, audience, channel, messenger, status, date, waivers"),
        Key::new(&[Normal], "s", "story, pillars, segments")
            .bind(ch('s'), Action::EditStory)
            .help(Left, "EDIT")
            .doc("edit the brand, story, pillars (claim, keywords, facts, opposites), avoided terms and segments"),
        Key::new(&[Normal], "a", "add a message")
            .bind(ch('a'), Action::Add)
            .help(Right, "MESSAGES")
            .doc("add a message; on the pulse screen, read a later round and show what moved"),
        Key::new(&[Normal], "y", "duplicate it")
            .bind(ch('y'), Action::Duplicate)
            .help(Right, "MESSAGES")
            .doc("duplicate the message"),
        Key::new(&[Normal], "D", "delete it")
            .binds(&[ch('D'), key(KeyCode::Delete)], Action::Delete)
            .help(Right, "MESSAGES")
            .doc("delete the message"),
        Key::new(&[Normal], "u", "undo the last change")
            .bind(ch('u'), Action::Undo)
            .help(Right, "MESSAGES")
            .doc("undo the last change: an editing session, a detail, the story, a pillar, an add, a delete, a move"),
        Key::new(&[Normal], "J K", "move it down / up")
            .bind(ch('J'), Action::MoveDown)
            .bind(ch('K'), Action::MoveUp)
            .help(Right, "MESSAGES")
            .doc("move the message down / up"),
        Key::new(&[Anywhere], "^S", "save (in any mode)")
            .bind(Chord::Ctrl('s'), Action::Save)
            .help(Right, "FILE")
            .doc("save (from any mode)"),
        Key::new(&[Normal], "w", "save as another file")
            .bind(ch('w'), Action::SaveAs)
            .help(Right, "FILE")
            .doc("save as"),
        Key::new(&[Normal], "q ^C", "quit (asks if unsaved)")
            .binds(&[ch('q'), Chord::Ctrl('c')], Action::Quit)
            .help(Right, "FILE")
            .doc("quit (asks first when there are unsaved changes: save, discard or cancel)"),
        Key::new(&[Normal], "? F1", "this help")
            .binds(&[ch('?'), key(KeyCode::F(1))], Action::Help)
            .help(Right, "FILE")
            .doc("every key"),
        Key::new(&[Normal], "S I A R", "passes · ✗ fails").help(Right, "THE LIST"),
        Key::new(&[Normal], "≈", "drifts from the story").help(Right, "THE LIST"),
        Key::new(&[Form], "Enter", "edit a field; Enter applies")
            .binds(&[key(KeyCode::Enter), ch('e')], Action::Edit)
            .help(Right, "FORMS"),
        Key::new(&[Form], "a D u", "add / delete / undo pillar")
            .bind(ch('a'), Action::Add)
            .bind(ch('D'), Action::Delete)
            .bind(ch('u'), Action::Undo)
            .help(Right, "FORMS"),
        // Not on the help screen: what the keys above mean in a form, an
        // overlay or an input.
        Key::new(&[Form], "Tab S-Tab", "next / previous field")
            .bind(key(KeyCode::Tab), Action::Down)
            .bind(key(KeyCode::BackTab), Action::Up),
        Key::new(&[Form], "Esc q", "close the form").binds(&[key(KeyCode::Esc), ch('q')], Action::Cancel),
        Key::new(&[Programme], "← → h l", "across the coverage grid")
            .binds(&[key(KeyCode::Left), ch('h')], Action::Left)
            .binds(&[key(KeyCode::Right), ch('l')], Action::Right)
            .help(Right, "PROGRAMME"),
        Key::new(&[Programme], "Enter", "a cell's messages; open one")
            .bind(key(KeyCode::Enter), Action::Confirm)
            .help(Right, "PROGRAMME"),
        Key::new(&[Programme], "Esc q", "back / close").binds(&[key(KeyCode::Esc), ch('q')], Action::Cancel),
        Key::new(&[Overlay], "a", "pulse screen: read a later round, show what moved").bind(ch('a'), Action::Add),
        Key::new(&[Overlay], "Esc q ? x v Enter", "close").binds(
            &[key(KeyCode::Esc), ch('q'), ch('?'), ch('x'), ch('v'), key(KeyCode::Enter)],
            Action::Cancel,
        ),
        Key::new(&[OneLine], "Enter", "keep what was typed").bind(key(KeyCode::Enter), Action::Confirm),
    ];
    t.extend(prompts());
    t
}

/// Each question's answers, in the order the prompt lists them.
fn prompts() -> Vec<Key> {
    use Ask::*;
    let answer =
        |ask, c: char, keys, label| Key::new(&[Scope::Prompt(ask)], keys, label).bind(ch(c), Action::Choose(c));
    let esc = |ask, label| Key::new(&[Scope::Prompt(ask)], "Esc", label).bind(key(KeyCode::Esc), Action::Cancel);
    vec![
        answer(Unsaved, 's', "s", "save, then quit"),
        answer(Unsaved, 'd', "d", "discard the changes and quit"),
        esc(Unsaved, "cancel: keep working"),
        answer(Conflict, 'r', "r", "reload it (drops your unsaved changes)"),
        answer(Conflict, 'o', "o", "overwrite it with your version"),
        answer(Conflict, 'w', "w", "save yours as another file"),
        esc(Conflict, "cancel"),
        answer(Restore, 'r', "r", "restore them (still unsaved: ^S saves)"),
        answer(Restore, 'd', "d", "discard them"),
        esc(Restore, "open the file as it is; keep them for later"),
        answer(SaveFailed, 'w', "w", "save as another file"),
        esc(SaveFailed, "keep working"),
        Key::new(&[Scope::Prompt(SaveAs)], "Enter", "save").bind(key(KeyCode::Enter), Action::Confirm),
        esc(SaveAs, "cancel"),
        answer(Overwrite, 'y', "y", "overwrite it"),
        answer(Overwrite, 'n', "n", "choose another path"),
        esc(Overwrite, "cancel"),
        Key::new(&[Scope::Prompt(PulsePath)], "Enter", "read it").bind(key(KeyCode::Enter), Action::Confirm),
        esc(PulsePath, "cancel"),
    ]
}

/// The action `k` asks for where `scopes` count (first match in table order).
pub fn lookup(scopes: &[Scope], k: &KeyEvent, lenient: bool) -> Option<Action> {
    let find = |lenient| {
        effective()
            .iter()
            .filter(|row| scopes.iter().any(|s| row.counts_in(*s)))
            .flat_map(|row| row.binds.iter())
            .find(|(chord, _)| chord.matches(k, lenient))
            .map(|(_, a)| a.clone())
    };
    find(false).or_else(|| if lenient { find(true) } else { None })
}

/// The first chord bound where `scopes` count to the action `Debug` writes
/// as `name`, else the chord called `name` if one is bound there.
pub fn chord_named(scopes: &[Scope], name: &str) -> Option<Chord> {
    let binds = || {
        effective()
            .iter()
            .filter(|row| scopes.iter().any(|s| row.counts_in(*s)))
            .flat_map(|row| row.binds.iter())
    };
    binds()
        .find(|(_, a)| format!("{a:?}") == name)
        .or_else(|| binds().find(|(c, _)| c.name() == name))
        .map(|(c, _)| *c)
}

/// The rows the help screen lists in `column`, in order.
pub fn help_rows(column: Column) -> impl Iterator<Item = (&'static str, &'static Key)> {
    effective().iter().filter_map(move |row| match row.help {
        Some((c, section)) if c == column => Some((section, row)),
        _ => None,
    })
}

/// A question's answers: (keys, what they do), in order.
pub fn answers(ask: Ask) -> Vec<(&'static str, &'static str)> {
    effective()
        .iter()
        .filter(|row| row.scopes.contains(&Scope::Prompt(ask)))
        .map(|row| (row.keys.as_ref(), row.label))
        .collect()
}

/// The README's key table rows, as the README must hold them.
pub fn readme_rows() -> Vec<String> {
    TABLE
        .iter()
        .filter_map(|row| row.doc.map(|doc| format!("| {} | {doc} |", row.keys)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    /// A chord bound twice where the same scopes count would hide one of
    /// its meanings (the first in the table wins).
    #[test]
    fn no_chord_means_two_things_in_one_place() {
        assert_eq!(clash(&TABLE), None);
    }

    #[test]
    fn ctrl_with_a_letter_is_free_in_normal_mode_only() {
        let ctrl_a = event(KeyCode::Char('a'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&[Scope::Normal], &ctrl_a, false), None);
        assert_eq!(lookup(&[Scope::Form], &ctrl_a, true), Some(Action::Add));
        let ctrl_s = event(KeyCode::Char('s'), KeyModifiers::CONTROL);
        for scope in [
            Scope::Normal,
            Scope::Form,
            Scope::Overlay,
            Scope::Typing,
            Scope::AnyPrompt,
        ] {
            assert_eq!(lookup(&[scope], &ctrl_s, true), Some(Action::Save), "{scope:?}");
        }
        let shifted = event(KeyCode::Char('D'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&[Scope::Normal], &shifted, false), Some(Action::Delete));
    }

    #[test]
    fn chords_are_named_as_the_help_writes_them() {
        let named = |chords: &[Chord]| chords.iter().map(|c| c.name()).collect::<Vec<_>>().join(" ");
        assert_eq!(named(&[Chord::Ctrl('s'), ch('?'), key(KeyCode::F(1))]), "^S ? F1");
        assert_eq!(named(&[key(KeyCode::Esc), key(KeyCode::Enter)]), "Esc Enter");
        assert_eq!(
            named(&[key(KeyCode::Tab), key(KeyCode::BackTab), key(KeyCode::Up)]),
            "Tab S-Tab ↑"
        );
    }

    #[test]
    fn every_question_lists_its_answers_and_esc_last() {
        use Ask::*;
        for ask in [Unsaved, Conflict, Restore, SaveFailed, SaveAs, Overwrite, PulsePath] {
            let answers = answers(ask);
            assert!(answers.len() >= 2, "{ask:?}");
            assert_eq!(answers.last().map(|a| a.0), Some("Esc"), "{ask:?}");
        }
    }
}
