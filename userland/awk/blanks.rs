//! Splitting a record at runs of blanks (FS=" "), the default and the most common split:
//! sixteen bytes at a time with wasm SIMD, where a byte loop spent half of `{ n += NF }`.

/// Pushes the spans of the fields from `from` to the end of `bytes`, fields being runs
/// of anything but space, tab and newline. `from` must not be inside a field.
pub fn split(bytes: &[u8], from: usize, spans: &mut Vec<(usize, usize)>) {
    let mut field_start = None;
    let at = split_chunks(bytes, from, &mut field_start, spans);
    for (offset, &byte) in bytes[at..].iter().enumerate() {
        let blank = matches!(byte, b' ' | b'\t' | b'\n');
        match (field_start, blank) {
            (Some(start), true) => {
                spans.push((start, at + offset));
                field_start = None;
            }
            (None, false) => field_start = Some(at + offset),
            _ => {}
        }
    }
    if let Some(start) = field_start {
        spans.push((start, bytes.len()));
    }
}

/// Splits whole chunks of sixteen bytes from `at`, and says where the rest begins.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn split_chunks(
    bytes: &[u8],
    mut at: usize,
    field_start: &mut Option<usize>,
    spans: &mut Vec<(usize, usize)>,
) -> usize {
    while at + 16 <= bytes.len() {
        let blanks = blank_mask(&bytes[at..at + 16]);
        // Bit i of `before`: the byte before byte i is a blank (for bit 0, whether the
        // last chunk ended outside a field).
        let before = ((blanks << 1) | u32::from(field_start.is_none())) & 0xFFFF;
        let starts = !blanks & before & 0xFFFF;
        let ends = blanks & !before;
        let mut events = starts | ends;
        while events != 0 {
            let bit = events.trailing_zeros();
            events &= events - 1;
            let position = at + bit as usize;
            match field_start.take() {
                Some(start) => spans.push((start, position)),
                None => *field_start = Some(position),
            }
        }
        at += 16;
    }
    at
}

/// Without SIMD every byte is left to the byte loop.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn split_chunks(_: &[u8], at: usize, _: &mut Option<usize>, _: &mut Vec<(usize, usize)>) -> usize {
    at
}

/// Bit i set when byte i of the sixteen is a space, tab or newline.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn blank_mask(chunk: &[u8]) -> u32 {
    use core::arch::wasm32::{u8x16, u8x16_bitmask, u8x16_eq, u8x16_splat, v128_or};
    let c = |i: usize| chunk[i];
    let bytes = u8x16(
        c(0),
        c(1),
        c(2),
        c(3),
        c(4),
        c(5),
        c(6),
        c(7),
        c(8),
        c(9),
        c(10),
        c(11),
        c(12),
        c(13),
        c(14),
        c(15),
    );
    let blank = v128_or(
        v128_or(
            u8x16_eq(bytes, u8x16_splat(b' ')),
            u8x16_eq(bytes, u8x16_splat(b'\t')),
        ),
        u8x16_eq(bytes, u8x16_splat(b'\n')),
    );
    u32::from(u8x16_bitmask(blank))
}

#[cfg(test)]
mod tests {
    use super::split;

    /// The spans a plain byte loop finds.
    fn expected(text: &[u8]) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        let mut i = 0;
        while i < text.len() {
            while i < text.len() && matches!(text[i], b' ' | b'\t' | b'\n') {
                i += 1;
            }
            let start = i;
            while i < text.len() && !matches!(text[i], b' ' | b'\t' | b'\n') {
                i += 1;
            }
            if i > start {
                spans.push((start, i));
            }
        }
        spans
    }

    #[test]
    fn finds_what_a_byte_loop_finds() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for length in 0..80 {
            for _ in 0..50 {
                let text: Vec<u8> = (0..length)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        b"ab \t\nc  x"[(seed % 9) as usize]
                    })
                    .collect();
                let mut spans = Vec::new();
                split(&text, 0, &mut spans);
                assert_eq!(
                    spans,
                    expected(&text),
                    "{:?}",
                    String::from_utf8_lossy(&text)
                );
            }
        }
    }
}
