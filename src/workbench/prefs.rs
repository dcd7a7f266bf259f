//! What a user tailors in the workbench, read once at start: `keys.yaml`
//! (which key does what in the panes, and whether chorus takes the mouse)
//! and `theme.yaml` (the colours) in chorus's config folder, `--theme` and
//! `--no-mouse`. A broken file is told with its line and column, and the
//! workbench starts with the defaults.
//!
//! ```yaml
//! # keys.yaml
//! save: ctrl+w            # one key, or a list: [ctrl+w, F2]
//! next_problem: ']'
//! mouse: false            # let the terminal select text with the mouse
//!
//! # theme.yaml
//! base: light             # dark or light: the palette the rest changes
//! fail: '#c00000'         # a colour name, #rrggbb, or 0-255
//! pillars: [blue, magenta, green, '#aa5500', cyan, red]
//! ```

use std::path::{Path, PathBuf};

use crossterm::event::KeyCode;
use ratatui::style::Color;

use super::keymap::{self, Chord, Key};
use super::view::theme::Palette;
use crate::core::model::Value;
use crate::core::store::{self, yaml, FieldPath};

/// The keymap file's name in the config folder.
pub const KEYS_FILE: &str = "keys.yaml";
/// The theme file's name in the config folder.
pub const THEME_FILE: &str = "theme.yaml";

/// The tailoring in force.
#[derive(Debug, Clone)]
pub struct Prefs {
    /// The key table a keymap file made, if it made one.
    pub keymap: Option<Vec<Key>>,
    pub palette: Palette,
    /// Whether chorus takes the mouse (clicks and wheel) from the terminal.
    pub mouse: bool,
    /// What was wrong with the files, each as `file:line:col: why`.
    pub problems: Vec<String>,
}

/// The config folder chorus reads `keys.yaml` and `theme.yaml` from.
pub fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "chorus").map(|d| d.config_dir().to_path_buf())
}

/// Read the tailoring: the files in `dir` (when given), `--theme` (a
/// built-in name or a theme file) and `--no-mouse`; `colorfgbg` is the
/// terminal's `COLORFGBG`, which tells its background when it is set.
pub fn load(dir: Option<&Path>, theme: Option<&str>, no_mouse: bool, colorfgbg: Option<&str>) -> Prefs {
    let mut problems = Vec::new();
    let background = background(colorfgbg);
    let (keymap, mouse) = match dir.map(|d| d.join(KEYS_FILE)).filter(|p| p.exists()) {
        Some(path) => match read(&path).and_then(|(source, v)| keys(&v).map_err(|e| at(&path, &source, e))) {
            Ok((rows, mouse)) => (rows, mouse),
            Err(e) => {
                problems.push(e);
                (None, true)
            }
        },
        None => (None, true),
    };
    let theme_file = match theme {
        Some(name) if Palette::named(name).is_some() => None,
        Some(file) => Some(PathBuf::from(file)),
        None => dir.map(|d| d.join(THEME_FILE)).filter(|p| p.exists()),
    };
    let palette = match (theme.and_then(Palette::named), theme_file) {
        (Some(p), _) => p,
        (None, Some(path)) => {
            match read(&path).and_then(|(source, v)| palette(&v, background).map_err(|e| at(&path, &source, e))) {
                Ok(p) => p,
                Err(e) => {
                    problems.push(e);
                    background
                }
            }
        }
        (None, None) => background,
    };
    Prefs {
        keymap,
        palette,
        mouse: mouse && !no_mouse,
        problems,
    }
}

/// The palette for the terminal's background: light when `COLORFGBG`
/// names a light background colour (7, or 9 to 15), else dark.
pub fn background(colorfgbg: Option<&str>) -> Palette {
    let bg = colorfgbg
        .and_then(|v| v.rsplit(';').next())
        .and_then(|b| b.trim().parse::<u8>().ok());
    match bg {
        Some(7) | Some(9..=15) => Palette::LIGHT,
        _ => Palette::DARK,
    }
}

type Bad = (FieldPath, String);

fn read(path: &Path) -> Result<(String, Value), String> {
    let source = store::read_regular(path, 1024 * 1024).map_err(|e| e.to_string())?;
    let value =
        yaml::parse(&source).map_err(|e| format!("{}:{}:{}: {}", path.display(), e.line, e.column, e.message))?;
    Ok((source, value))
}

fn at(path: &Path, source: &str, (p, message): Bad) -> String {
    let (line, column) = yaml::locate(source, p.steps()).unwrap_or((1, 1));
    format!("{}:{line}:{column}: {message}", path.display())
}

fn entries(v: &Value, what: &str) -> Result<Vec<(String, Value)>, Bad> {
    match v {
        Value::Null => Ok(Vec::new()),
        Value::Map(entries) => entries
            .iter()
            .map(|(k, v)| match k {
                Value::String(k) => Ok((k.clone(), v.clone())),
                _ => Err((FieldPath::root(), format!("the keys of {what} are words"))),
            })
            .collect(),
        _ => Err((FieldPath::root(), format!("{what} is a mapping like `save: ctrl+w`"))),
    }
}

/// The key table a keymap file asks for (none when it remaps nothing), and
/// whether chorus takes the mouse.
fn keys(v: &Value) -> Result<(Option<Vec<Key>>, bool), Bad> {
    let actions = keymap::remappable();
    let mut remaps = Vec::new();
    let mut places = Vec::new();
    let mut mouse = true;
    for (name, value) in entries(v, "a keymap file")? {
        let here = FieldPath::root().key(&name);
        if name == "mouse" {
            mouse = match value {
                Value::Bool(b) => b,
                _ => return Err((here, "`mouse` is true or false".into())),
            };
            continue;
        }
        let Some((_, action)) = actions.iter().find(|(n, _)| *n == name) else {
            let names: Vec<&str> = actions.iter().map(|(n, _)| n.as_str()).collect();
            return Err((
                here,
                format!(
                    "`{name}` is not an action; the actions are {}, and mouse",
                    names.join(", ")
                ),
            ));
        };
        let specs: Vec<(String, FieldPath)> = match value {
            Value::String(s) => vec![(s, here.clone())],
            Value::Seq(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| match item {
                    Value::String(s) => Ok((s, here.index(i))),
                    _ => Err((here.index(i), "a key is written like `ctrl+w`, `F2` or `]`".to_string())),
                })
                .collect::<Result<_, _>>()?,
            _ => return Err((here, format!("`{name}` takes a key like `ctrl+w`, or a list of keys"))),
        };
        let mut chords = Vec::new();
        for (spec, p) in specs {
            chords.push(chord(&spec).ok_or_else(|| {
                (
                    p,
                    format!(
                        "`{spec}` is not a key chorus knows; write a character, ctrl+x, or a name like F2, Enter, PgDn"
                    ),
                )
            })?);
        }
        if chords.is_empty() {
            return Err((here, format!("`{name}` needs at least one key")));
        }
        remaps.push((action.clone(), chords));
        places.push(here);
    }
    if remaps.is_empty() {
        return Ok((None, mouse));
    }
    let rows = keymap::remapped(&remaps).map_err(|(i, message)| (places[i].clone(), message))?;
    Ok((Some(rows), mouse))
}

/// A key as a keymap file writes it.
pub fn chord(spec: &str) -> Option<Chord> {
    let s = spec.trim();
    let lower = s.to_ascii_lowercase();
    for prefix in ["ctrl+", "ctrl-", "c-", "^"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let mut cs = rest.chars();
            return match (cs.next(), cs.next()) {
                (Some(c), None) if c.is_ascii_alphanumeric() => Some(Chord::Ctrl(c)),
                _ => None,
            };
        }
    }
    let mut cs = s.chars();
    if let (Some(c), None) = (cs.next(), cs.clone().next()) {
        return (!c.is_control()).then_some(Chord::Key(KeyCode::Char(c)));
    }
    let code = match lower.as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" | "shift+tab" | "s-tab" => KeyCode::BackTab,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        "delete" | "del" => KeyCode::Delete,
        "backspace" => KeyCode::Backspace,
        "insert" | "ins" => KeyCode::Insert,
        "space" => KeyCode::Char(' '),
        f if f.starts_with('f') => match f[1..].parse::<u8>() {
            Ok(n @ 1..=12) => KeyCode::F(n),
            _ => return None,
        },
        _ => return None,
    };
    Some(Chord::Key(code))
}

/// The palette a theme file describes, starting from `base` (or the
/// built-in palette its `base:` names).
fn palette(v: &Value, background: Palette) -> Result<Palette, Bad> {
    let mut p = background;
    let fields = entries(v, "a theme file")?;
    if let Some((_, base)) = fields.iter().find(|(k, _)| k == "base") {
        let here = FieldPath::root().key("base");
        p = match base {
            Value::String(name) => {
                Palette::named(name).ok_or((here, format!("`{name}` is not a built-in theme; choose dark or light")))?
            }
            _ => return Err((here, "`base` is dark or light".into())),
        };
    }
    for (name, value) in fields {
        let here = FieldPath::root().key(&name);
        let one = |v: &Value, at: &FieldPath| match v {
            Value::String(s) => colour(s).ok_or((
                at.clone(),
                format!("`{s}` is not a colour; write a name like green, #rrggbb, or 0-255"),
            )),
            Value::Number(n) => colour(n).ok_or((at.clone(), format!("`{n}` is not a colour number (0-255)"))),
            _ => Err((
                at.clone(),
                "a colour is a name like green, #rrggbb, or 0-255".to_string(),
            )),
        };
        let slot = match name.as_str() {
            "base" => continue,
            "pillars" => {
                let Value::Seq(items) = &value else {
                    return Err((here, "`pillars` is a list of up to six colours".into()));
                };
                if items.is_empty() || items.len() > 6 {
                    return Err((here, "`pillars` is a list of one to six colours".into()));
                }
                for (i, item) in items.iter().enumerate() {
                    p.pillars[i] = one(item, &here.index(i))?;
                }
                for i in items.len()..6 {
                    p.pillars[i] = p.pillars[i % items.len()];
                }
                continue;
            }
            "pass" => &mut p.pass,
            "fail" => &mut p.fail,
            "waived" => &mut p.waived,
            "dim" => &mut p.dim,
            "accent" => &mut p.accent,
            "edit" => &mut p.edit,
            "escaped" => &mut p.escaped,
            "drift" => &mut p.drift,
            "on_pillar" => &mut p.on_pillar,
            "error_fg" => &mut p.error_fg,
            "error_bg" => &mut p.error_bg,
            other => {
                return Err((
                    here,
                    format!(
                        "`{other}` is not a colour of the theme; they are base, pillars, pass, fail, waived, dim, \
                         accent, edit, escaped, drift, on_pillar, error_fg, error_bg"
                    ),
                ))
            }
        };
        *slot = one(&value, &here)?;
    }
    Ok(p)
}

/// A colour as a theme file writes it: a name ratatui knows (`green`,
/// `lightred`, `darkgray`), `#rrggbb`, or an index of the 256-colour table.
pub fn colour(s: &str) -> Option<Color> {
    let s = s.trim();
    if let Ok(n) = s.parse::<u8>() {
        return Some(Color::Indexed(n));
    }
    if s.starts_with('#') && s.len() != 7 {
        return None;
    }
    s.parse::<Color>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(keys: Option<&str>, theme: Option<&str>) -> (tempfile::TempDir, Prefs) {
        let t = tempfile::tempdir().unwrap();
        if let Some(k) = keys {
            std::fs::write(t.path().join(KEYS_FILE), k).unwrap();
        }
        if let Some(th) = theme {
            std::fs::write(t.path().join(THEME_FILE), th).unwrap();
        }
        let prefs = load(Some(t.path()), None, false, None);
        (t, prefs)
    }

    #[test]
    fn keys_are_written_as_people_write_them() {
        assert_eq!(chord("ctrl+w"), Some(Chord::Ctrl('w')));
        assert_eq!(chord("^W"), Some(Chord::Ctrl('w')));
        assert_eq!(chord("]"), Some(Chord::Key(KeyCode::Char(']'))));
        assert_eq!(chord("F2"), Some(Chord::Key(KeyCode::F(2))));
        assert_eq!(chord("PgDn"), Some(Chord::Key(KeyCode::PageDown)));
        assert_eq!(chord("D"), Some(Chord::Key(KeyCode::Char('D'))));
        assert_eq!(chord("F13"), None);
        assert_eq!(chord("ctrl+"), None);
        assert_eq!(chord("hyper+x"), None);
    }

    #[test]
    fn a_keymap_file_remaps_an_action_and_says_so_in_the_help() {
        let (_t, p) = files(Some("save: ctrl+w\nmouse: false\n"), None);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert!(!p.mouse);
        let rows = p.keymap.unwrap();
        let save = rows
            .iter()
            .find(|r| {
                r.binds
                    .iter()
                    .any(|(_, a)| *a == crate::workbench::action::Action::Save)
            })
            .unwrap();
        assert_eq!(save.keys, "^W");
        assert!(save.binds.iter().all(|(c, _)| *c == Chord::Ctrl('w')));
    }

    #[test]
    fn broken_files_are_told_with_their_place_and_the_defaults_stay() {
        let cases = [
            ("sav: ctrl+w\n", "1:6: `sav` is not an action"),
            ("save: hyper+w\n", "1:7: `hyper+w` is not a key"),
            ("save: [ctrl+w, 3]\n", "1:16: a key is written like"),
            ("quit: w\n", "1:7: `w` already means save_as there"),
            ("mouse: maybe\n", "1:8: `mouse` is true or false"),
            ("save: x\n", "1:7: `x` would be typed as text"),
            ("cancel: c\n", "1:9: `cancel` is not an action"),
            ("save: [\n", ": YAML syntax error"),
        ];
        for (source, says) in cases {
            let (_t, p) = files(Some(source), None);
            assert!(p.keymap.is_none() && p.mouse, "{source}");
            assert_eq!(p.problems.len(), 1, "{source}");
            let told = &p.problems[0];
            assert!(
                told.contains(&format!("{KEYS_FILE}:")) && told.contains(says),
                "{source}: {told}"
            );
        }
        let (_t, p) = files(None, Some("base: sepia\n"));
        assert_eq!(p.palette, Palette::DARK);
        assert!(
            p.problems[0].contains("theme.yaml:1:7: `sepia` is not a built-in theme"),
            "{:?}",
            p.problems
        );
        let (_t, p) = files(None, Some("fail: reddish\n"));
        assert!(
            p.problems[0].contains("1:7: `reddish` is not a colour"),
            "{:?}",
            p.problems
        );
    }

    #[test]
    fn a_theme_file_changes_the_palette_it_starts_from() {
        let (_t, p) = files(None, Some("base: light\nfail: '#c00000'\npillars: [blue, 28]\n"));
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(p.palette.fail, Color::Rgb(0xc0, 0, 0));
        assert_eq!(p.palette.pass, Palette::LIGHT.pass);
        assert_eq!(&p.palette.pillars[..3], &[Color::Blue, Color::Indexed(28), Color::Blue]);
    }

    #[test]
    fn the_theme_follows_the_background_unless_told() {
        assert_eq!(background(Some("0;15")), Palette::LIGHT);
        assert_eq!(background(Some("15;default;0")), Palette::DARK);
        assert_eq!(background(None), Palette::DARK);
        let t = tempfile::tempdir().unwrap();
        assert_eq!(load(Some(t.path()), None, false, Some("0;15")).palette, Palette::LIGHT);
        assert_eq!(
            load(Some(t.path()), Some("dark"), false, Some("0;15")).palette,
            Palette::DARK
        );
        assert!(!load(Some(t.path()), None, true, None).mouse);
        let file = t.path().join("mine.yaml");
        std::fs::write(&file, "accent: magenta\n").unwrap();
        let p = load(None, file.to_str(), false, None);
        assert_eq!(p.palette.accent, Color::Magenta);
    }
}
