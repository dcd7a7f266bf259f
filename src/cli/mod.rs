//! The command line: `chorus`, `chorus FILE`, `chorus check`, `chorus new`.

pub mod check;
pub mod lexicon;
pub mod out;

use std::io::Write as _;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

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
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score sets (files or folders) without the UI. Exit 0: all pass; 1: something fails or drifts; 2: an input could not be read.
    Check {
        /// Set files, or folders to search for *.yaml and *.yml.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = check::Format::Text)]
        format: check::Format,
        /// Show how every score was reached, passing or not.
        #[arg(long)]
        explain: bool,
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
        Some(Command::Check { paths, format, explain }) => check::run(&paths, format, explain),
        Some(Command::Lexicon { file }) => lexicon::run(file.as_deref()),
        Some(Command::New { file }) => match crate::core::store::new_file(&file) {
            Ok(()) => {
                let name = out::path(&file);
                out::print(0, |o| {
                    writeln!(
                        o,
                        "Wrote {name}: edit the brand, story and messages, then run `chorus {name}`."
                    )
                })
            }
            Err(e) => {
                out::warn(&e.to_string());
                2
            }
        },
        None => crate::workbench::run(cli.file, cli.force),
    }
}
