//! Host file names that are not UTF-8. WASI names are strings, so a host name with bytes
//! that are not UTF-8 (`$'\377'`, a Latin-1 name) could be neither listed nor removed.
//! Each such byte is carried as one character of a private-use block (U+10FE80 to
//! U+10FEFF) and turned back into the byte on the way to the host, so every name survives
//! the round trip; `ls` shows those characters as GNU ls shows the bytes.

use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::PathBuf;

/// The character that stands for a byte that is not UTF-8.
const BYTE_BASE: u32 = 0x10_FE00;

/// A host name as the guest sees it.
pub fn to_guest(name: &OsStr) -> String {
    let mut text = String::new();
    for chunk in name.as_bytes().utf8_chunks() {
        text.push_str(chunk.valid());
        for &byte in chunk.invalid() {
            text.extend(char::from_u32(BYTE_BASE + u32::from(byte)));
        }
    }
    text
}

/// A guest path (relative to a host directory) as the host names it; `""` is the
/// directory itself.
pub fn to_host(path: &str) -> PathBuf {
    if path.is_empty() {
        return PathBuf::from(".");
    }
    let mut bytes = Vec::with_capacity(path.len());
    for c in path.chars() {
        match u32::from(c).checked_sub(BYTE_BASE) {
            Some(byte @ 0x80..=0xff) => bytes.push(byte as u8),
            _ => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    PathBuf::from(OsString::from_vec(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_are_not_utf8_survive_the_round_trip() {
        for name in [&b"plain"[..], b"caf\xe9", b"\xff\xfe", "déjà vu".as_bytes()] {
            let guest = to_guest(OsStr::from_bytes(name));
            assert_eq!(to_host(&guest).as_os_str().as_bytes(), name);
        }
        assert_eq!(to_guest(OsStr::from_bytes(b"a\xffb")), "a\u{10FEFF}b");
    }
}
