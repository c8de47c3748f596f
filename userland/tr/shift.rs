//! Translation as a few ranges that each move by one amount (`tr a-z A-Z` moves `a`..`z`
//! down by 32). A table lookup is a load per byte; tested as ranges, sixteen bytes are
//! translated with a handful of wasm SIMD instructions, which the userland is built with.

/// At most this many ranges; beyond, the table is as fast.
const MOST: usize = 4;

/// `count + 1` consecutive bytes from `first`, each moved by `delta` (modulo 256).
#[derive(Clone, Copy)]
struct Range {
    first: u8,
    count: u8,
    delta: u8,
}

/// A translation table as ranges.
pub struct Shifts {
    ranges: Vec<Range>,
    table: [u8; 256],
}

impl Shifts {
    /// The table as ranges, when it is a few of them.
    pub fn of(table: &[u8; 256]) -> Option<Shifts> {
        let mut ranges: Vec<Range> = Vec::new();
        for byte in 0..=255u8 {
            let delta = table[byte as usize].wrapping_sub(byte);
            if delta == 0 {
                continue;
            }
            let full = ranges.len() == MOST;
            match ranges.last_mut() {
                Some(last)
                    if last.delta == delta
                        && u16::from(last.first) + u16::from(last.count) + 1 == u16::from(byte) =>
                {
                    last.count += 1
                }
                _ if full => return None,
                _ => ranges.push(Range {
                    first: byte,
                    count: 0,
                    delta,
                }),
            }
        }
        Some(Shifts {
            ranges,
            table: *table,
        })
    }

    /// Translates `bytes` in place.
    pub fn apply(&self, bytes: &mut [u8]) {
        let rest = self.apply_blocks(bytes);
        for byte in &mut bytes[rest..] {
            *byte = self.table[*byte as usize];
        }
    }

    /// Translates whole blocks of sixteen bytes, and says where the rest begins. The
    /// ranges' vectors are made once, and each number of ranges gets a loop of its own,
    /// unrolled, four blocks a step (a loop head costs Cranelift an epoch check).
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    fn apply_blocks(&self, bytes: &mut [u8]) -> usize {
        match self.ranges.len() {
            1 => simd::blocks(&simd::lanes::<1>(&self.ranges), bytes),
            2 => simd::blocks(&simd::lanes::<2>(&self.ranges), bytes),
            3 => simd::blocks(&simd::lanes::<3>(&self.ranges), bytes),
            _ => simd::blocks(&simd::lanes::<MOST>(&self.ranges), bytes),
        }
    }

    /// The same arithmetic a byte at a time (where there is no wasm SIMD: the tests).
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    fn apply_blocks(&self, bytes: &mut [u8]) -> usize {
        for byte in bytes.iter_mut() {
            let original = *byte;
            for range in &self.ranges {
                if original.wrapping_sub(range.first) <= range.count {
                    *byte = byte.wrapping_add(range.delta);
                }
            }
        }
        bytes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::Shifts;

    #[test]
    fn ranges_translate_as_the_table() {
        let mut table: [u8; 256] = std::array::from_fn(|i| i as u8);
        for b in b'a'..=b'z' {
            table[b as usize] = b - 32;
        }
        table[255] = 0;
        table[b'0' as usize] = b'9';
        let shifts = Shifts::of(&table).expect("three ranges");
        let mut bytes: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        let expected: Vec<u8> = bytes.iter().map(|&b| table[b as usize]).collect();
        shifts.apply(&mut bytes);
        assert_eq!(bytes, expected);
        let reversed: [u8; 256] = std::array::from_fn(|i| 255 - i as u8);
        assert!(Shifts::of(&reversed).is_none());
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use super::Range;
    use core::arch::wasm32::{
        i8x16_add, u8x16_le, u8x16_splat, u8x16_sub, v128, v128_and, v128_load, v128_store,
    };

    /// A range as three vectors: its first byte, its count and its shift, in every lane.
    #[derive(Clone, Copy)]
    pub struct Lane {
        first: v128,
        count: v128,
        delta: v128,
    }

    /// The first `N` ranges as lanes (`ranges` holds exactly `N` when `N` < `MOST`).
    pub fn lanes<const N: usize>(ranges: &[Range]) -> [Lane; N] {
        std::array::from_fn(|index| {
            let range = ranges[index];
            Lane {
                first: u8x16_splat(range.first),
                count: u8x16_splat(range.count),
                delta: u8x16_splat(range.delta),
            }
        })
    }

    #[inline(always)]
    fn moved<const N: usize>(original: v128, lanes: &[Lane; N]) -> v128 {
        let mut moved = original;
        for lane in lanes {
            let inside = u8x16_le(u8x16_sub(original, lane.first), lane.count);
            moved = i8x16_add(moved, v128_and(inside, lane.delta));
        }
        moved
    }

    /// Translates the whole 16-byte blocks of `bytes`; where the rest begins.
    pub fn blocks<const N: usize>(lanes: &[Lane; N], bytes: &mut [u8]) -> usize {
        let fours = bytes.len() / 64 * 64;
        for step in bytes[..fours].chunks_exact_mut(64) {
            let pointer = step.as_mut_ptr() as *mut v128;
            // SAFETY: the step is 64 bytes, four vectors; wasm's loads and stores need
            // no alignment.
            unsafe {
                for block in 0..4 {
                    let at = pointer.add(block);
                    v128_store(at, moved(v128_load(at), lanes));
                }
            }
        }
        let whole = bytes.len() / 16 * 16;
        for block in bytes[fours..whole].chunks_exact_mut(16) {
            let pointer = block.as_mut_ptr() as *mut v128;
            // SAFETY: as above, one vector.
            unsafe { v128_store(pointer, moved(v128_load(pointer), lanes)) };
        }
        whole
    }
}
