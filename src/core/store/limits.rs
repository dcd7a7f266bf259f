//! How large a set, a message and a file chorus reads or writes may be:
//! stated once, so reading and writing hold to the same limits.

/// Set files larger than this are refused before parsing. Saving keeps to
/// it too (a set whose file would be larger is refused before anything is
/// written), so whatever chorus saves it can open again.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The most that chorus reads back of a file it wrote itself about a set
/// (its journal: the set's text plus a header). Twice the set limit, so a
/// set of the largest size, written in any style, still fits.
pub const MAX_WRITTEN_BYTES: u64 = 2 * MAX_FILE_BYTES;

/// Sets with more messages are refused: reviewing one takes memory, and
/// at this size `chorus check` stays near a couple of hundred MB.
pub const MAX_MESSAGES: usize = 50_000;
/// The most characters one message's text may hold: far more than any note
/// to staff (a million characters is a short novel), and little enough that
/// checking it stays well under a second whatever it says.
pub const MAX_TEXT_CHARS: usize = 1_000_000;
