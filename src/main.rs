//! The `chorus` binary: hands the command line to `chorus::cli`.
//! (For now only the workbench: `chorus` and `chorus FILE`; the CLI work
//! replaces this with the full command line.)

fn main() {
    let path = std::env::args_os().nth(1).map(std::path::PathBuf::from);
    std::process::exit(chorus::workbench::run(path))
}
