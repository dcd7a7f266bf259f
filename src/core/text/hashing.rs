//! The fast hashes behind the phrase index and the word tables: short
//! words hashed by FNV-1a, keys that are hashes already passed through, and
//! a bit filter that says "not here" before any map is probed.

/// FNV-1a of a form: the index is looked up for every word of every
/// message and its keys are short words, so a fast hash beats a
/// DoS-resistant one. A collision only adds a candidate that `match_at`
/// then rejects.
pub fn fnv(s: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = FastHash.build_hasher();
    h.write(s.as_bytes());
    h.finish()
}

/// A set of hashed keys as one bit each, which may also hold keys never
/// put in: most words of a text begin no phrase, and a clear bit says so
/// in a few instructions, before any probe of the maps (a set bit is then
/// looked up as before, so the hits are the same).
#[derive(Debug, Clone, Default)]
pub struct KeyFilter(Vec<u64>);

impl KeyFilter {
    const BITS: usize = 1 << 16;

    fn slot(h: u64) -> usize {
        (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48) as usize
    }

    pub fn insert(&mut self, h: u64) {
        if self.0.is_empty() {
            self.0 = vec![0; Self::BITS / 64];
        }
        let s = Self::slot(h);
        self.0[s / 64] |= 1 << (s % 64);
    }

    pub fn may_hold(&self, h: u64) -> bool {
        let s = Self::slot(h);
        self.0.get(s / 64).is_some_and(|w| (w >> (s % 64)) & 1 == 1)
    }
}

/// The key of two consecutive forms.
pub fn pair(a: u64, b: u64) -> u64 {
    a.rotate_left(29) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Keys that are hashes already pass through unchanged.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prehashed;

impl std::hash::BuildHasher for Prehashed {
    type Hasher = PassThrough;
    fn build_hasher(&self) -> PassThrough {
        PassThrough(0)
    }
}

pub struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// FNV-1a as a `BuildHasher`.
#[derive(Debug, Clone, Copy, Default)]
pub struct FastHash;

impl std::hash::BuildHasher for FastHash {
    type Hasher = Fnv;
    fn build_hasher(&self) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}
