//! `chorus pulse SET ANSWERS.csv [MORE.csv]`: what employees said back,
//! read against the story, as text, JSON or Markdown; with a second round,
//! what moved. Exit 0 when the answers were read, 2 when an input could
//! not be. Answers are only printed (as the anonymity rules allow), never
//! written anywhere; `--save-columns` writes the column headers alone.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use serde_json::json;

use super::out;
use crate::core::lexicon::Lexicon;
use crate::core::model::MessageSet;
use crate::core::pulse::render::{self, text::Style};
use crate::core::pulse::round::{choice_text, pulse_file_for, read_rounds};
use crate::core::pulse::{compare, read_round, Choice, Pulse};
use crate::core::store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
    /// Markdown, for a page or a wiki.
    Md,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub format: Format,
    pub choice: Choice,
    pub save_columns: bool,
}

/// The set and its lexicon, or the message saying why not.
pub fn open_set(path: &Path) -> Result<(MessageSet, Lexicon), String> {
    let set = store::open(path).map_err(|e| e.to_string())?;
    let machine = Lexicon::for_machine().map_err(|e| e.to_string())?;
    let lexicon = machine.for_set(&set, path).map_err(|e| e.to_string())?;
    Ok((set, lexicon))
}

/// Read one round of answers against the set at `set_path`.
pub fn load(set_path: &Path, csv: &Path, choice: &Choice) -> Result<(Pulse, Choice), String> {
    let (set, lexicon) = open_set(set_path)?;
    read_round(&set, &lexicon, csv, choice).map_err(|e| e.to_string())
}

/// Read each round in `csvs` against `set`, with the columns `choice`
/// names, folded alike; the first that cannot be read is the message.
pub fn read_all(
    set: &MessageSet,
    lexicon: &Lexicon,
    csvs: &[PathBuf],
    choice: &Choice,
) -> Result<Vec<(Pulse, Choice)>, String> {
    read_rounds(set, lexicon, csvs, choice).map_err(|e| e.to_string())
}

pub fn run(set_path: &Path, rounds: &[PathBuf], opts: &Options) -> i32 {
    let (set, lexicon) = match open_set(set_path) {
        Ok(s) => s,
        Err(e) => {
            out::error(&e);
            return 2;
        }
    };
    let read = match read_all(&set, &lexicon, rounds, &opts.choice) {
        Ok(r) => r,
        Err(e) => {
            out::error(&e);
            return 2;
        }
    };
    let mut pulses = Vec::new();
    for (csv, (pulse, used)) in rounds.iter().zip(read) {
        if opts.save_columns {
            let file = pulse_file_for(csv);
            if let Err(e) = store::write_atomic(&file, choice_text(&used).as_bytes()) {
                out::error(&format!("{}: cannot save the columns: {e}", file.display()));
                return 2;
            }
            out::warn(&format!(
                "columns saved in {}: the next round needs no flags",
                file.display()
            ));
        }
        pulses.push(pulse);
    }
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let moves = match pulses.as_slice() {
        [before, after] => Some(compare::compare(before, after)),
        _ => None,
    };
    out::print(0, |o| match opts.format {
        Format::Json => {
            let rounds: Vec<_> = pulses.iter().map(render::json::to_json).collect();
            let mut v = json!({ "rounds": rounds });
            if let Some(m) = &moves {
                v["moved"] = render::compare::to_json(m);
            }
            serde_json::to_writer_pretty(&mut *o, &v)?;
            writeln!(o)
        }
        Format::Text => {
            for p in &pulses {
                o.write_all(render::text::render(p, Style { color }).as_bytes())?;
                writeln!(o)?;
            }
            if let Some(m) = &moves {
                writeln!(o, "What moved:")?;
                for line in render::compare::lines(m) {
                    writeln!(o, "  {}", crate::core::report::escape::visible(&line, false))?;
                }
            }
            Ok(())
        }
        Format::Md => {
            for p in &pulses {
                o.write_all(render::markdown::render(p).as_bytes())?;
                writeln!(o)?;
            }
            if let Some(m) = &moves {
                writeln!(o, "### What moved\n")?;
                for line in render::compare::lines(m) {
                    writeln!(o, "- {}", render::markdown::escape(&line))?;
                }
            }
            Ok(())
        }
    })
}
