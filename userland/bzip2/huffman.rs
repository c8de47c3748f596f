//! bzip2's prefix codes: lengths from symbol counts (at most 17 bits, as bzip2 makes
//! them), codes given in order of length and then symbol, and the tables that decode them.

use crate::bits::{BitReader, EndOfData};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The longest code a compressor makes; a decompressor takes up to 20.
pub const MAX_MADE_LENGTH: u8 = 17;
pub const MAX_READ_LENGTH: u8 = 20;

/// A code length for every symbol, each symbol weighted by its count (at least 1, so
/// every symbol has a code, as the format wants). Where a length would pass the limit the
/// counts are flattened and the tree built again, as bzip2 does.
pub fn code_lengths(counts: &[u32], limit: u8) -> Vec<u8> {
    let mut weights: Vec<u64> = counts.iter().map(|&c| u64::from(c.max(1))).collect();
    loop {
        let lengths = tree_depths(&weights);
        if lengths.iter().all(|&l| l <= limit) {
            return lengths;
        }
        for weight in &mut weights {
            *weight = 1 + *weight / 2;
        }
    }
}

/// Each leaf's depth in a Huffman tree over `weights` (at least two leaves).
fn tree_depths(weights: &[u64]) -> Vec<u8> {
    // Nodes: the leaves, then each merge; `parent` links them upward.
    let mut parent = vec![usize::MAX; weights.len()];
    let mut heap: BinaryHeap<Reverse<(u64, usize)>> = weights
        .iter()
        .enumerate()
        .map(|(index, &weight)| Reverse((weight, index)))
        .collect();
    while heap.len() > 1 {
        let Reverse((first, a)) = heap.pop().unwrap_or(Reverse((0, 0)));
        let Reverse((second, b)) = heap.pop().unwrap_or(Reverse((0, 0)));
        let node = parent.len();
        parent.push(usize::MAX);
        parent[a] = node;
        parent[b] = node;
        heap.push(Reverse((first + second, node)));
    }
    (0..weights.len())
        .map(|leaf| {
            let mut depth = 0u8;
            let mut node = leaf;
            while parent[node] != usize::MAX {
                node = parent[node];
                depth = depth.saturating_add(1);
            }
            depth.max(1)
        })
        .collect()
}

/// The codes for `lengths`: shorter codes first, equal lengths in symbol order.
pub fn codes(lengths: &[u8]) -> Vec<u32> {
    let mut codes = vec![0; lengths.len()];
    let mut next = 0u32;
    for length in 1..=MAX_READ_LENGTH {
        for (symbol, _) in lengths.iter().enumerate().filter(|(_, l)| **l == length) {
            codes[symbol] = next;
            next += 1;
        }
        next <<= 1;
    }
    codes
}

/// A code read a bit at a time: after `n` bits, codes of length `n` are the values from
/// `first[n]` up to `limit[n]`, and stand for `symbols[base[n] + value - first[n]]`.
pub struct Decoder {
    min_length: u8,
    first: [u32; MAX_READ_LENGTH as usize + 2],
    limit: [i64; MAX_READ_LENGTH as usize + 2],
    base: [usize; MAX_READ_LENGTH as usize + 2],
    symbols: Vec<u16>,
}

/// Where the bits name no symbol.
#[derive(Debug)]
pub enum DecodeError {
    EndOfData,
    NoSuchCode,
}

impl From<EndOfData> for DecodeError {
    fn from(_: EndOfData) -> DecodeError {
        DecodeError::EndOfData
    }
}

impl Decoder {
    pub fn new(lengths: &[u8]) -> Decoder {
        let mut decoder = Decoder {
            min_length: lengths.iter().copied().min().unwrap_or(1),
            first: [0; MAX_READ_LENGTH as usize + 2],
            limit: [-1; MAX_READ_LENGTH as usize + 2],
            base: [0; MAX_READ_LENGTH as usize + 2],
            symbols: Vec::with_capacity(lengths.len()),
        };
        let mut next = 0u32;
        for length in 1..=MAX_READ_LENGTH {
            let index = usize::from(length);
            decoder.first[index] = next;
            decoder.base[index] = decoder.symbols.len();
            for (symbol, _) in lengths.iter().enumerate().filter(|(_, l)| **l == length) {
                decoder.symbols.push(symbol as u16);
                next += 1;
            }
            decoder.limit[index] = i64::from(next) - 1;
            next <<= 1;
        }
        decoder
    }

    pub fn symbol(&self, reader: &mut BitReader) -> Result<u16, DecodeError> {
        let mut length = self.min_length;
        let mut value = reader.bits(u32::from(length))?;
        loop {
            let index = usize::from(length);
            if i64::from(value) <= self.limit[index] && value >= self.first[index] {
                let at = self.base[index] + (value - self.first[index]) as usize;
                return self.symbols.get(at).copied().ok_or(DecodeError::NoSuchCode);
            }
            length += 1;
            if length > MAX_READ_LENGTH {
                return Err(DecodeError::NoSuchCode);
            }
            value = value << 1 | u32::from(reader.bit()?);
        }
    }
}
