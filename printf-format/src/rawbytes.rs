//! Bytes that are not UTF-8, in the shell's strings (and in what `%q` quotes of them). bash's strings are bytes: `$'\377'`,
//! a command's output or a line `read` takes may hold any byte. The shell's strings are
//! Rust strings, so each byte that is not part of valid UTF-8 is kept as one character
//! of a private-use range, U+10FE80 to U+10FEFF (one character, as bash counts it in
//! `${#x}`), and is written back as the byte wherever the shell's text leaves it as bytes:
//! a builtin's output and a here-document. Arguments of programs and file names are WASI
//! strings, which cannot hold such bytes: there the character stays as it is; it is the
//! one the kernel's file names carry such a byte as (`kernel/src/fs/bytenames.rs`), so
//! `touch "$(printf 'caf\351')"` makes the host file `caf\351`, as in bash.

use std::borrow::Cow;

/// Where the range starts: byte B is the character U+10FE00 + B (B is 0x80 or more).
const BASE: u32 = 0x10_FE00;

/// Text from bytes, each byte outside valid UTF-8 kept as a character of its own.
pub fn decode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        text.extend(chunk.invalid().iter().map(|&byte| raw_char(byte)));
    }
    text
}

/// The byte a character of the range stands for.
pub fn kept_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    (BASE + 0x80..=BASE + 0xFF)
        .contains(&code)
        .then(|| (code - BASE) as u8)
}

/// The character that stands for a byte (0x80 or more) outside valid UTF-8.
pub fn raw_char(byte: u8) -> char {
    char::from_u32(BASE + u32::from(byte)).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Output bytes with each kept byte written back as itself. The characters of the range
/// are the UTF-8 sequences F4 8F BA 80 to F4 8F BB BF.
pub fn encode(bytes: &[u8]) -> Cow<'_, [u8]> {
    let kept_at = |at: usize| {
        matches!(
            bytes.get(at..at + 4),
            Some([0xF4, 0x8F, 0xBA | 0xBB, 0x80..=0xBF])
        )
    };
    let Some(first) = (0..bytes.len()).find(|&at| bytes[at] == 0xF4 && kept_at(at)) else {
        return Cow::Borrowed(bytes);
    };
    let mut out = bytes[..first].to_vec();
    let mut at = first;
    while at < bytes.len() {
        if kept_at(at) {
            out.push(0x80 | ((bytes[at + 2] & 0x01) << 6) | (bytes[at + 3] & 0x3F));
            at += 4;
        } else {
            out.push(bytes[at]);
            at += 1;
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_goes_back_as_itself() {
        let bytes: Vec<u8> = (0..=255u8)
            .chain("μ ok".bytes())
            .chain([0xff, 0xc3])
            .collect();
        let text = decode(&bytes);
        assert_eq!(encode(text.as_bytes()), bytes.as_slice());
        assert_eq!(decode(b"\xff").chars().count(), 1);
        assert!(matches!(encode(b"plain"), Cow::Borrowed(_)));
        assert_eq!(
            decode(b"\xfe").chars().next().and_then(kept_byte),
            Some(0xfe)
        );
    }
}
