//! What a set file held when chorus last read or wrote it, as plain data: a
//! length and a stable hash, so saving never silently overwrites a change
//! someone else made and a journal can tell, after a crash, whether the file
//! changed since its edits began. Imports nothing of the workbench.

use std::time::SystemTime;

/// What a file on disk looked like when we last read or wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub modified: Option<SystemTime>,
    pub len: u64,
    pub hash: u64,
}

impl Fingerprint {
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Fingerprint {
        // Stable across runs and builds: a journal keeps it to tell, after a
        // crash, whether the file changed since the edits began.
        Fingerprint {
            modified,
            len: bytes.len() as u64,
            hash: stable_hash(bytes),
        }
    }

    /// The same content: a touched file that still holds what we saw is no conflict.
    pub fn same_content(&self, other: &Fingerprint) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// A stable 64-bit FNV-1a hash: the same on every run and every build, as a
/// file name derived from it must be.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_stable() {
        assert_eq!(stable_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(stable_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
