//! An associative array, and the order bash lists its elements in. bash keeps them in a
//! hash table (`hashlib.c`): FNV-1 of the key picks one of 1,024 buckets for an array
//! made as one, of 128 for a variable turned into one (`convert_var_to_assoc`); a new
//! key goes first in its bucket; the table grows to four times the buckets when a key
//! is added to one holding twice as many keys as buckets, each old bucket's keys moved
//! in turn to the front of their new ones. Scripts that print `${!m[@]}` or `declare
//! -p` see what they saw under bash.

use indexmap::IndexMap;
use std::ops::{Deref, DerefMut};

/// Buckets of the table of an array made as one (bash's `ASSOC_HASH_BUCKETS`).
const MADE_BUCKETS: usize = 1024;
/// Buckets of the table of a variable turned into an array (`DEFAULT_HASH_BUCKETS`).
const CONVERTED_BUCKETS: usize = 128;

/// The elements in the order their keys were first set, and the buckets bash's table
/// started with.
#[derive(Clone, Debug)]
pub(super) struct Assoc {
    elements: IndexMap<String, String>,
    buckets: usize,
}

impl Default for Assoc {
    fn default() -> Assoc {
        Assoc {
            elements: IndexMap::new(),
            buckets: MADE_BUCKETS,
        }
    }
}

impl Deref for Assoc {
    type Target = IndexMap<String, String>;
    fn deref(&self) -> &Self::Target {
        &self.elements
    }
}

impl DerefMut for Assoc {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.elements
    }
}

impl Assoc {
    /// An empty array in a table of `buckets` (a power of two), as bash makes
    /// `BASH_CMDS` and `BASH_ALIASES` as large as the tables they show.
    pub(super) fn with_buckets(buckets: usize) -> Assoc {
        Assoc {
            elements: IndexMap::new(),
            buckets,
        }
    }

    /// A variable turned into an array, its elements `elements`.
    pub(super) fn converted(elements: IndexMap<String, String>) -> Assoc {
        Assoc {
            elements,
            buckets: CONVERTED_BUCKETS,
        }
    }

    /// An empty array in a table as large as this one's now, as bash starts a compound
    /// assignment (`m=(...)`) anew.
    pub(super) fn emptied(&self) -> Assoc {
        let mut buckets = self.buckets;
        for count in 1..=self.elements.len() {
            if count > buckets * 2 {
                buckets *= 4;
            }
        }
        Assoc {
            elements: IndexMap::new(),
            buckets,
        }
    }

    /// The elements in the order bash walks its table, the keys added in the order
    /// they were first set.
    pub(super) fn in_bash_order(&self) -> Vec<(&String, &String)> {
        let entries: Vec<(&String, &String)> = self.elements.iter().collect();
        let hashes: Vec<u32> = entries.iter().map(|(key, _)| hash_string(key)).collect();
        let mut size = self.buckets;
        // Each bucket's keys, the front last.
        let mut table: Vec<Vec<usize>> = vec![Vec::new(); size];
        for (at, hash) in hashes.iter().enumerate() {
            if at >= size * 2 {
                let old = std::mem::replace(&mut table, vec![Vec::new(); size * 4]);
                size *= 4;
                for bucket in old {
                    for &moved in bucket.iter().rev() {
                        table[hashes[moved] as usize & (size - 1)].push(moved);
                    }
                }
            }
            table[*hash as usize & (size - 1)].push(at);
        }
        table
            .iter()
            .flat_map(|bucket| bucket.iter().rev().map(|&at| entries[at]))
            .collect()
    }
}

/// bash's `hash_string`: FNV-1, 32 bits.
pub(super) fn hash_string(key: &str) -> u32 {
    key.bytes().fold(2_166_136_261u32, |hash, byte| {
        hash.wrapping_mul(16_777_619) ^ u32::from(byte)
    })
}
