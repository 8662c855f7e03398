//! A fast hash for the id and key sets of the decoder (FxHash's step, as in rustc: one rotate,
//! xor and multiply, here per byte). Replaces the `rustc-hash` crate (`FxHasher`), and std's
//! default `RandomState`.
//!
//! std's default SipHash is built to resist collision attacks from the network; here the keys
//! come from one file the user chose, and on wasm32-unknown-unknown std has no random seed
//! anyway. FxHash is several times faster on short ids and smaller in the module.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` hashed with [`Fx`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// The hasher state.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl Fx {
    #[inline(always)]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        // Byte by byte: ids and keys are short, and this loop stays inline at -Oz where
        // word-sized chunks became calls.
        for &b in bytes {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_meet_and_different_keys_stay_apart() {
        let mut m: FxMap<&str, usize> = FxMap::default();
        let ids: Vec<String> = (0..2000).map(|i| format!("GOV-{i:03}")).collect();
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(m.insert(id, i), None, "{id}");
        }
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(m.get(id.as_str()), Some(&i));
        }
        assert_eq!(m.get("GOV-2000"), None);
        assert_eq!(m.len(), 2000);
    }
}
