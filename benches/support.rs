//! A generated message set for the benchmarks: the example sets' messages,
//! repeated with small changes until the set is as large as asked.

use chorus::core::model::{Message, MessageSet};
use chorus::core::store;

/// A set of `n` messages built from the examples in messages/.
pub fn generated_set(n: usize) -> MessageSet {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/messages");
    let mut base = store::load(std::path::Path::new(&format!("{dir}/lemonadly.yaml"))).expect("example loads");
    let mut texts: Vec<String> = Vec::new();
    for name in ["lemonadly", "harwick-transit", "fernley-libraries"] {
        let set = store::load(std::path::Path::new(&format!("{dir}/{name}.yaml"))).expect("example loads");
        texts.extend(set.internal.into_iter().map(|m| m.text));
    }
    base.internal = (0..n)
        .map(|i| Message {
            id: format!("m{i:05}"),
            text: format!("{} (note {i})", texts[i % texts.len()]),
            ..Default::default()
        })
        .collect();
    base
}

// The same allocator as the chorus binary, so the figures are the user's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
