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
    let mut i = 0;
    // SAFETY: every read below is of bytes `i..i + 16` or `i` with those below `n`.
    unsafe {
        while i + 16 <= n {
            let x = read_unaligned(a.add(i) as *const v128);
            let y = read_unaligned(b.add(i) as *const v128);
            let equal = u8x16_bitmask(u8x16_eq(x, y));
            if equal != u16::MAX {
                let first = i + (!equal).trailing_zeros() as usize;
                return i32::from(*a.add(first)) - i32::from(*b.add(first));
            }
            i += 16;
        }
        while i < n {
            let (x, y) = (*a.add(i), *b.add(i));
            if x != y {
                return i32::from(x) - i32::from(y);
            }
            i += 1;
        }
    }
    0
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
