//! `memcmp` for every userland program. Rust compares byte slices (`==`, `cmp`, hash-map
//! keys) through the C `memcmp`, and wasi-libc's goes one byte at a time: a quarter of
//! `diff`'s time and most of `sort`'s went there. Defined here, it is the one the linker
//! takes (wasm-ld pulls libc's object only for symbols still undefined); it compares
//! sixteen bytes at a time with wasm SIMD, which the userland is built with.

use core::arch::wasm32::{u8x16_bitmask, u8x16_eq, v128};
use core::ptr::read_unaligned;

/// # Safety
/// `a` and `b` are readable for `n` bytes, as C's `memcmp` requires.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    // SAFETY (for each block below): every read is of bytes below `n`.
    let differ_at = |i: usize| unsafe { i32::from(*a.add(i)) - i32::from(*b.add(i)) };
    if n >= 16 {
        // The last block ends at `n`, overlapping the one before: bytes compared twice are
        // equal, so the first difference is still the first.
        let mut at = 0;
        loop {
            let (x, y) = unsafe {
                (
                    read_unaligned(a.add(at) as *const v128),
                    read_unaligned(b.add(at) as *const v128),
                )
            };
            let equal = u8x16_bitmask(u8x16_eq(x, y));
            if equal != u16::MAX {
                return differ_at(at + (!equal).trailing_zeros() as usize);
            }
            if at == n - 16 {
                return 0;
            }
            at = (at + 16).min(n - 16);
        }
    }
    // Words from both ends, overlapping in the middle; in little-endian order the lowest
    // differing bit is in the first differing byte.
    macro_rules! ends {
        ($word:ty) => {{
            const SIZE: usize = core::mem::size_of::<$word>();
            for at in [0, n - SIZE] {
                let (x, y) = unsafe {
                    (
                        read_unaligned(a.add(at) as *const $word),
                        read_unaligned(b.add(at) as *const $word),
                    )
                };
                if x != y {
                    return differ_at(at + (x ^ y).trailing_zeros() as usize / 8);
                }
            }
            0
        }};
    }
    match n {
        8.. => ends!(u64),
        4.. => ends!(u32),
        _ => (0..n).map(differ_at).find(|&d| d != 0).unwrap_or(0),
    }
}

/// `memcmp` when only equality matters; LLVM calls it for `==` on slices.
///
/// # Safety
/// As `memcmp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    // SAFETY: the caller's promise is memcmp's.
    unsafe { memcmp(a, b, n) }
}
