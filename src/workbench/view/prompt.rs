//! The questions: unsaved changes on quit, a file changed on disk, a failed
//! save, the save-as path, overwriting an existing file and the path of a
//! survey export for the pulse. Each names its
//! answers; Esc always cancels.

use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::{pane, theme};
use crate::workbench::glyphs;
use crate::workbench::keymap::{self, Ask};
use crate::workbench::layout::{centered, inner};
use crate::workbench::state::{App, Prompt};
use crate::workbench::unsaved::Found;

fn choice(key: &str, what: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("  {key:<5} "), theme::label().patch(theme::key())),
        Span::raw(what.to_string()),
    ])
}

pub fn draw(frame: &mut Frame, app: &App, prompt: &Prompt, area: Rect) {
    let name = glyphs::visible(&app.file_name());
    let (title, mut body): (&str, Vec<Line>) = match prompt {
        Prompt::Unsaved => (
            " Unsaved changes ",
            vec![Line::from(format!("{name} has unsaved changes.")), Line::from("")],
        ),
        Prompt::Conflict => (
            " Changed on disk ",
            vec![
                Line::from(format!(
                    "{name} changed on disk since it was opened; saving would overwrite that change."
                )),
                Line::from(""),
            ],
        ),
        Prompt::Restore(found) => (" Unsaved edits found ", restore_body(app, &name, found)),
        Prompt::SaveFailed(msg) => (
            " Could not save ",
            vec![
                Line::from(Span::styled(glyphs::visible(msg), theme::fail())),
                Line::from("Your changes are kept in the workbench."),
                Line::from(""),
            ],
        ),
        Prompt::SaveAs(_) => (" Save as ", vec![Line::from("Path:"), Line::from(""), Line::from("")]),
        Prompt::PulsePath(_) => (
            " Pulse ",
            vec![
                Line::from("Survey export (CSV):"),
                Line::from(""),
                Line::from("Answers are read in memory only, never saved."),
                Line::from(""),
            ],
        ),
        Prompt::Overwrite(p) => (
            " File exists ",
            vec![
                Line::from(format!("{} already exists.", glyphs::visible(&p.display().to_string()))),
                Line::from(""),
            ],
        ),
    };
    // The answers, as the key table lists them.
    body.extend(
        keymap::answers(ask(prompt))
            .into_iter()
            .map(|(k, what)| choice(k, what)),
    );
    let width = area.width.saturating_sub(4).min(64);
    let height = if let Prompt::Restore(_) = prompt {
        // Every line may wrap: count the rows each takes.
        let w = width.saturating_sub(2).max(1) as usize;
        body.iter().map(|l| l.width().max(1).div_ceil(w) as u16).sum::<u16>() + 2
    } else {
        // Rough height: wrapped first line plus the rest.
        let first = body.first().map(|l| l.width()).unwrap_or(0) as u16;
        let extra = first / width.saturating_sub(2).max(1);
        body.len() as u16 + extra + 2
    };
    let box_ = centered(area, width, height);
    frame.render_widget(Clear, box_);
    frame.render_widget(pane(title.into(), theme::border(true)), box_);
    let body_area = inner(box_);
    if let Prompt::SaveAs(input) | Prompt::PulsePath(input) = prompt {
        // The path being typed, scrolled so the cursor stays in sight.
        let w = body_area.width.saturating_sub(1) as usize;
        let chars: Vec<char> = input.text.chars().collect();
        let start = input.cursor.saturating_sub(w);
        let shown: String = chars[start..].iter().collect();
        let shown = glyphs::truncate(&shown, w + 1);
        // An offered path shows selected: typing replaces it.
        let style = match input.selected {
            true => theme::typed().add_modifier(Modifier::REVERSED),
            false => theme::typed(),
        };
        body[1] = Line::from(Span::styled(shown, style));
        let before: String = chars[start..input.cursor].iter().collect();
        let x = glyphs::width(&before).min(w) as u16;
        frame.set_cursor_position(Position::new(body_area.x + x, body_area.y + 1));
    }
    frame.render_widget(Paragraph::new(body).wrap(Wrap { trim: false }), body_area);
}

/// How long ago, in the largest unit that still reads as a count ("90
/// seconds", "3 hours"); "1 second", not "1 seconds".
fn ago(secs: u64) -> String {
    let (n, unit) = match secs {
        s if s < 120 => (s, "second"),
        s if s < 2 * 3600 => (s / 60, "minute"),
        s if s < 2 * 86400 => (s / 3600, "hour"),
        s => (s / 86400, "day"),
    };
    let plural = if n == 1 { "" } else { "s" };
    format!("{n} {unit}{plural} ago")
}

/// What the restore prompt says: whose edits, how old, what they change.
fn restore_body(app: &App, name: &str, found: &Found) -> Vec<Line<'static>> {
    let age = found
        .modified
        .and_then(|t| t.elapsed().ok())
        .map(|d| format!(" {}", ago(d.as_secs())))
        .unwrap_or_default();
    let mut body = vec![Line::from(format!(
        "{name} has unsaved edits, journaled{age} by a session that stopped without saving:"
    ))];
    const MAX: usize = 6;
    let lines = found.diff.lines();
    for l in lines.iter().take(MAX) {
        body.push(Line::from(format!("  • {}", glyphs::visible(l))));
    }
    if lines.len() > MAX {
        body.push(Line::from(format!("  • … {} more", lines.len() - MAX)));
    }
    let based_on_now = match (&app.disk, &found.base) {
        (Some(now), Some(base)) => now.same_content(base),
        _ => false,
    };
    if !based_on_now {
        body.push(Line::from(Span::styled(
            "The file changed since: saving restored edits asks before overwriting it.",
            theme::waived(),
        )));
    }
    // Edits journaled before the file was last saved are older than what
    // it holds: said, so older text is never taken for the latest.
    let saved = app.disk.as_ref().and_then(|d| d.modified);
    if let (Some(saved), Some(journaled)) = (saved, found.modified) {
        if journaled < saved {
            let when = saved.elapsed().map(|d| ago(d.as_secs())).unwrap_or_default();
            body.push(Line::from(Span::styled(
                format!("These edits are older than the file, saved {when}."),
                theme::waived(),
            )));
        }
    }
    if !found.older.is_empty() {
        let times: Vec<String> = found
            .older
            .iter()
            .take(3)
            .map(|t| match t.and_then(|t| t.elapsed().ok()) {
                Some(d) => ago(d.as_secs()),
                None => "at an unknown time".into(),
            })
            .collect();
        let n = found.older.len();
        let (journals, are) = if n == 1 { ("journal", "is") } else { ("journals", "are") };
        body.push(Line::from(format!(
            "These are the newest. {n} older {journals} ({}{}) {are} kept, offered next time, newest first.",
            times.join(", "),
            if n > 3 { ", …" } else { "" }
        )));
    }
    body.push(Line::from(""));
    body
}

/// The key table's name for `prompt`.
fn ask(prompt: &Prompt) -> Ask {
    match prompt {
        Prompt::Unsaved => Ask::Unsaved,
        Prompt::Conflict => Ask::Conflict,
        Prompt::Restore(_) => Ask::Restore,
        Prompt::SaveFailed(_) => Ask::SaveFailed,
        Prompt::SaveAs(_) => Ask::SaveAs,
        Prompt::PulsePath(_) => Ask::PulsePath,
        Prompt::Overwrite(_) => Ask::Overwrite,
    }
}

#[cfg(test)]
mod tests {
    use super::ago;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(ago(1), "1 second ago");
        assert_eq!(ago(0), "0 seconds ago");
        assert_eq!(ago(2), "2 seconds ago");
        assert_eq!(ago(119), "119 seconds ago");
        assert_eq!(ago(120), "2 minutes ago");
        assert_eq!(ago(2 * 3600), "2 hours ago");
        assert_eq!(ago(3 * 86400), "3 days ago");
    }
}
