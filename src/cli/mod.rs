//! The command line: `chorus`, `chorus FILE`, `chorus check`, `chorus report`, `chorus new`,
//! `chorus lexicon`, and `chorus completions` / `chorus man` made from the
//! same definitions. The top layer: it imports the core and starts the
//! workbench; nothing imports it.

pub mod check;
pub mod lexicon;
pub mod out;
pub mod pulse;
pub mod report;
pub mod settings;

use std::io::Write as _;
use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand};

use crate::core::model::Date;

#[derive(Debug, Parser)]
#[command(
    name = "chorus",
    version,
    about = "Keep internal brand messages specific, inclusive, aspirational, realistic and on story.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// The message set to open in the workbench (default: the last one, else a built-in example).
    pub file: Option<PathBuf>,
    /// Edit the set even when another chorus has it open (else it opens read-only).
    #[arg(long)]
    pub force: bool,
    /// The workbench's colours: dark, light, or a theme file (default: theme.yaml in the config folder, else what suits the terminal's background).
    #[arg(long, value_name = "NAME|FILE")]
    pub theme: Option<String>,
    /// Leave the mouse to the terminal, to select text with it.
    #[arg(long)]
    pub no_mouse: bool,
    /// A survey export (CSV) to open the pulse screen on: what employees said back; and optionally a later round, to show what moved since the first.
    #[arg(long, value_name = "ANSWERS.csv", num_args = 1..=2)]
    pub pulse: Vec<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score sets (files or folders) without the UI. Exit 0: all pass; 1: something fails or drifts (see --fail-on); 2: an input could not be read.
    Check {
        /// Set files, folders to search for *.yaml and *.yml, or - for standard input.
        #[arg(required_unless_present = "print_config")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        options: check::Options,
    },
    /// The sets (and, with --pulse, what employees said back) as a report for people who never open a terminal: one self-contained HTML file, or Markdown. Exit 0: written; 2: an input could not be read (the others are still reported).
    Report {
        /// Set files, or folders to search for *.yaml and *.yml.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write the report to FILE (default: standard output). An existing file is replaced only when it is a chorus report.
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// html (default) or md; without it, -o FILE.md means md.
        #[arg(long, value_enum)]
        format: Option<report::Format>,
        /// Read the programme's timeline as of this day, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE", value_parser = day)]
        as_of: Option<Date>,
        /// Add what employees said back: a survey export (CSV), and optionally a later round to compare it with, read against the first set's story.
        #[arg(long, value_name = "ANSWERS.csv", num_args = 1..=2)]
        pulse: Vec<PathBuf>,
        /// With --pulse: the header of the open question (default: the pulse file beside the CSV, else guessed).
        #[arg(long, value_name = "HEADER", requires = "pulse")]
        text_column: Option<String>,
        /// With --pulse: the header of the segment (department, team) column.
        #[arg(long, value_name = "HEADER", requires = "pulse")]
        segment_column: Option<String>,
        /// With --pulse: the header of a scale question; repeat for more.
        #[arg(long, value_name = "HEADER", requires = "pulse")]
        scale_column: Vec<String>,
    },
    /// Show the effective lexicon (built-in, this machine's, and FILE's own) with where each entry comes from.
    Lexicon {
        /// A set whose `lexicon:` block to include.
        file: Option<PathBuf>,
    },
    /// Start a new set from a commented template (never overwrites a file).
    New {
        /// Where to write the new set.
        file: PathBuf,
    },
    /// What employees said back (a survey export, CSV), read against the story; with two rounds, what moved.
    Pulse {
        /// The message set whose story the answers are read against.
        set: PathBuf,
        /// The survey export, and optionally a later round to compare it with.
        #[arg(required = true, num_args = 1..=2)]
        answers: Vec<PathBuf>,
        /// The header of the open question ("in your words").
        #[arg(long, value_name = "HEADER")]
        text_column: Option<String>,
        /// The header of the segment (department, team) column.
        #[arg(long, value_name = "HEADER")]
        segment_column: Option<String>,
        /// The header of a scale question (1-5, 1-7 or labels such as "Agree"); repeat for more.
        #[arg(long, value_name = "HEADER")]
        scale_column: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: pulse::Format,
        /// Keep the columns used in a pulse file beside the CSV, so the next round needs no flags.
        #[arg(long)]
        save_columns: bool,
    },
    /// Print a completion script for a shell (for example: chorus completions bash > ~/.local/share/bash-completion/completions/chorus).
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff), for example: chorus man > chorus.1
    Man,
}

fn day(s: &str) -> Result<Date, String> {
    Date::parse(s)
}

/// Run the command line; returns the process exit status.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version piped or redirected go through the same checked
        // writer as every other output (on a terminal, clap's colours).
        Err(e)
            if matches!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion
            ) && !std::io::IsTerminal::is_terminal(&std::io::stdout()) =>
        {
            let text = e.render().to_string();
            return out::print(0, |o| o.write_all(text.as_bytes()));
        }
        Err(e) => e.exit(),
    };
    match cli.command {
        Some(Command::Check { paths, options }) => check::run(&paths, &options),
        Some(Command::Report {
            paths,
            output,
            format,
            as_of,
            pulse,
            text_column,
            segment_column,
            scale_column,
        }) => report::run(
            &paths,
            &report::Options {
                output,
                format,
                as_of,
                pulse,
                choice: crate::core::pulse::Choice {
                    text: text_column,
                    segment: segment_column,
                    scales: scale_column,
                },
            },
        ),
        Some(Command::Completions { shell }) => {
            let mut text = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "chorus", &mut text);
            out::print(0, |o| o.write_all(&text))
        }
        Some(Command::Man) => {
            let mut text = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut text) {
                Ok(()) => out::print(0, |o| o.write_all(&text)),
                Err(e) => {
                    out::error(&e.to_string());
                    2
                }
            }
        }
        Some(Command::Pulse {
            set,
            answers,
            text_column,
            segment_column,
            scale_column,
            format,
            save_columns,
        }) => pulse::run(
            &set,
            &answers,
            &pulse::Options {
                format,
                choice: crate::core::pulse::Choice {
                    text: text_column,
                    segment: segment_column,
                    scales: scale_column,
                },
                save_columns,
            },
        ),
        Some(Command::Lexicon { file }) => lexicon::run(file.as_deref()),
        Some(Command::New { file }) => match crate::core::store::new_file(&file) {
            Ok(schema) => {
                let name = out::path(&file);
                out::print(0, |o| {
                    writeln!(
                        o,
                        "Wrote {name}: edit the brand, story and messages, then run `chorus {name}`."
                    )?;
                    if let Some(schema) = schema {
                        writeln!(
                            o,
                            "Wrote {} beside it, so editors with a YAML language server complete the fields.",
                            out::path(&schema)
                        )?;
                    }
                    Ok(())
                })
            }
            Err(e) => {
                out::error(&e.to_string());
                2
            }
        },
        None => crate::workbench::run(
            cli.file,
            cli.force,
            crate::workbench::Look {
                theme: cli.theme,
                no_mouse: cli.no_mouse,
            },
            cli.pulse,
        ),
    }
}
