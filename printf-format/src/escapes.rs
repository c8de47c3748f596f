//! Backslash escapes, as `echo -e`, `printf` and `tr` read them.

/// How octal escapes are written: `\NNN` (printf formats, tr), `\0NNN` (echo -e), or
/// either (printf's `%b`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Octal {
    Plain,
    ZeroPrefixed,
    Either,
}

/// What one escape at the start of `bytes` stands for.
pub struct Decoded {
    pub bytes: Vec<u8>,
    /// How many input bytes it took.
    pub used: usize,
    /// `\c`: produce no further output.
    pub stop: bool,
}

/// Decodes the escape that `bytes` starts with (`bytes[0]` is the backslash). An unknown
/// escape stands for itself, backslash included.
pub fn decode(bytes: &[u8], octal: Octal) -> Decoded {
    let plain = |b: u8, used| Decoded {
        bytes: vec![b],
        used,
        stop: false,
    };
    let Some(&c) = bytes.get(1) else {
        return plain(b'\\', 1);
    };
    match c {
        b'\\' => plain(b'\\', 2),
        b'a' => plain(7, 2),
        b'b' => plain(8, 2),
        b'e' => plain(0x1b, 2),
        b'f' => plain(12, 2),
        b'n' => plain(b'\n', 2),
        b'r' => plain(b'\r', 2),
        b't' => plain(b'\t', 2),
        b'v' => plain(11, 2),
        b'c' => Decoded {
            bytes: Vec::new(),
            used: 2,
            stop: true,
        },
        b'0' if octal != Octal::Plain => {
            let (value, digits) = number(&bytes[2..], 8, 3);
            plain(value, 2 + digits)
        }
        b'0'..=b'7' if octal != Octal::ZeroPrefixed => {
            let (value, digits) = number(&bytes[1..], 8, 3);
            plain(value, 1 + digits)
        }
        b'u' | b'U' => {
            let most = if c == b'u' { 4 } else { 8 };
            let digits = bytes[2..]
                .iter()
                .take(most)
                .take_while(|b| b.is_ascii_hexdigit())
                .count();
            let text = std::str::from_utf8(&bytes[2..2 + digits]).unwrap_or_default();
            match u32::from_str_radix(text, 16).ok().and_then(char::from_u32) {
                Some(character) if digits > 0 => Decoded {
                    bytes: character.to_string().into_bytes(),
                    used: 2 + digits,
                    stop: false,
                },
                _ => Decoded {
                    bytes: vec![b'\\', c],
                    used: 2,
                    stop: false,
                },
            }
        }
        b'x' => match number(&bytes[2..], 16, 2) {
            (_, 0) => Decoded {
                bytes: b"\\x".to_vec(),
                used: 2,
                stop: false,
            },
            (value, digits) => plain(value, 2 + digits),
        },
        other => Decoded {
            bytes: vec![b'\\', other],
            used: 2,
            stop: false,
        },
    }
}

/// Decodes every escape in `text`; the flag is true when `\c` cut the output short.
pub fn decode_all(text: &[u8], octal: Octal) -> (Vec<u8>, bool) {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] != b'\\' {
            out.push(text[i]);
            i += 1;
            continue;
        }
        let decoded = decode(&text[i..], octal);
        out.extend(decoded.bytes);
        if decoded.stop {
            return (out, true);
        }
        i += decoded.used;
    }
    (out, false)
}

/// Up to `max` digits in `radix`: the byte value and how many digits were used.
fn number(text: &[u8], radix: u32, max: usize) -> (u8, usize) {
    let mut value: u32 = 0;
    let mut used = 0;
    for &b in text.iter().take(max) {
        match (b as char).to_digit(radix) {
            Some(d) => value = value * radix + d,
            None => break,
        }
        used += 1;
    }
    (value as u8, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_octal_spellings() {
        assert_eq!(decode_all(br"a\101\n", Octal::Plain).0, b"aA\n");
        assert_eq!(decode_all(br"a\0101\x41", Octal::ZeroPrefixed).0, b"aAA");
        assert_eq!(decode_all(br"x\cy", Octal::Plain), (b"x".to_vec(), true));
        assert_eq!(decode_all(br"\q", Octal::Plain).0, br"\q");
    }
}
