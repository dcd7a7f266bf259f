//! The `chorus` binary: hands the command line to `chorus::cli`.

fn main() {
    std::process::exit(chorus::cli::main())
}

// Scoring builds many small strings (findings, labels, word forms); a
// fast allocator makes checking 10,000 messages markedly quicker.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
