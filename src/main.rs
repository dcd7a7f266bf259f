//! The `chorus` binary: hands the command line to `chorus::cli`.

fn main() {
    std::process::exit(chorus::cli::main())
}
