//! The pulse: what employees say back, read against the story. A survey
//! export (CSV) is read (`table`), its columns chosen (`columns`, `scale`),
//! each open answer read as chorus reads a message (`reading`), the
//! answers summed up per segment under the anonymity rules (`anonymity`,
//! `summary`), two rounds compared (`compare`) and the result rendered
//! (`render`). `round` ties these together for one CSV file. Answers live
//! in memory only: nothing here writes them anywhere.

pub mod anonymity;
pub mod columns;
pub mod compare;
mod depth;
pub mod problem;
pub mod reading;
pub mod render;
pub mod round;
pub mod scale;
pub mod summary;
pub mod table;

pub use problem::PulseError;
pub use round::{read_round, Choice};
pub use summary::Pulse;
