//! File names the kernel could not give as UTF-8. WASI names are strings, so the kernel
//! carries each byte of a host name that is not UTF-8 as a private-use character
//! (U+10FE80 to U+10FEFF); `to_bytes` turns such a name back into the host's bytes for
//! output (ls quotes them as GNU's does: `userland/ls/quoting.rs`).

use std::borrow::Cow;

const BYTE_BASE: u32 = 0x10_FE00;

fn raw_byte(c: char) -> Option<u8> {
    match u32::from(c).checked_sub(BYTE_BASE) {
        Some(byte @ 0x80..=0xff) => Some(byte as u8),
        _ => None,
    }
}

/// The name's bytes as the host has them.
pub fn to_bytes(name: &str) -> Cow<'_, [u8]> {
    if !name.chars().any(|c| raw_byte(c).is_some()) {
        return Cow::Borrowed(name.as_bytes());
    }
    let mut bytes = Vec::with_capacity(name.len());
    for c in name.chars() {
        match raw_byte(c) {
            Some(byte) => bytes.push(byte),
            None => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    Cow::Owned(bytes)
}

/// Bytes as a name the rest of a program can work on as text: valid UTF-8 as it is, each
/// other byte as its private-use character (`to_bytes` gives the bytes back).
pub fn from_bytes(bytes: &[u8]) -> Cow<'_, str> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    let mut text = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        for &byte in chunk.invalid() {
            text.push(char::from_u32(BYTE_BASE + u32::from(byte)).unwrap_or('\u{FFFD}'));
        }
    }
    Cow::Owned(text)
}

/// A path operand, or NotFound for an empty one: as on Linux, an empty name names no
/// file (wasi-libc would take it for the working directory).
pub fn nonempty(path: &str) -> std::io::Result<&str> {
    if path.is_empty() {
        return Err(std::io::Error::from(std::io::ErrorKind::NotFound));
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_bytes_come_back() {
        assert_eq!(&*to_bytes(&from_bytes(b"a\xffb\x80")), b"a\xffb\x80");
        let name = "a\u{10FEFF}b";
        assert_eq!(&*to_bytes(name), b"a\xffb");
        assert!(matches!(to_bytes("plain"), Cow::Borrowed(_)));
    }
}
