//! File names the kernel could not give as UTF-8. WASI names are strings, so the kernel
//! carries each byte of a host name that is not UTF-8 as a private-use character
//! (U+10FE80 to U+10FEFF); these functions turn such a name back into the host's bytes,
//! for output, or quote it for a terminal as GNU ls does (`'caf'$'\351'`).

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

/// The name as GNU ls shows it on a terminal: unchanged when it is all text, else in
/// shell quoting with each odd byte as `$'\ooo'`.
pub fn quoted_for_terminal(name: &str) -> Cow<'_, str> {
    if !name.chars().any(|c| raw_byte(c).is_some()) {
        return Cow::Borrowed(name);
    }
    let mut quoted = String::new();
    let mut in_text = false;
    let mut in_bytes = false;
    for c in name.chars() {
        match raw_byte(c) {
            Some(byte) => {
                if in_text {
                    quoted.push('\'');
                    in_text = false;
                }
                if !in_bytes {
                    quoted.push_str("$'");
                    in_bytes = true;
                }
                quoted.push_str(&format!("\\{byte:03o}"));
            }
            None => {
                if in_bytes {
                    quoted.push('\'');
                    in_bytes = false;
                }
                if !in_text {
                    quoted.push('\'');
                    in_text = true;
                }
                if c == '\'' {
                    quoted.push_str("'\\''");
                } else {
                    quoted.push(c);
                }
            }
        }
    }
    if in_text || in_bytes {
        quoted.push('\'');
    }
    Cow::Owned(quoted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_bytes_come_back_and_are_quoted_as_gnu_ls_quotes_them() {
        let name = "a\u{10FEFF}b";
        assert_eq!(&*to_bytes(name), b"a\xffb");
        assert_eq!(quoted_for_terminal(name), "'a'$'\\377''b'");
        assert_eq!(quoted_for_terminal("\u{10FEE9}"), "$'\\351'");
        assert_eq!(quoted_for_terminal("plain"), "plain");
    }
}
