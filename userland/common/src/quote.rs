//! File names and text in messages, quoted as GNU's quotearg quotes them in the C locale:
//! `quotef` where a name leads a message (`cat: 'a b': No such file or directory`),
//! `quoteaf` where it always stands in quotes, `quote_bytes` for other text.

use crate::names;

/// A file name at the head of a message, as GNU's `quotef` gives it: as it is, unless a
/// byte in it means something to the shell (or is a colon, which would split the message).
pub fn quotef(name: &str) -> String {
    let bytes = names::to_bytes(name);
    let special = |(i, &b): (usize, &u8)| match b {
        b'#' | b'~' => i == 0,
        b' ' | b'!' | b'"' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b';' | b'<' | b'='
        | b'>' | b'?' | b'[' | b'\\' | b'^' | b'`' | b'|' | b':' => true,
        _ => !(b.is_ascii_graphic()),
    };
    if !bytes.is_empty() && !bytes.iter().enumerate().any(special) {
        return name.to_string();
    }
    quoteaf(name)
}

/// A file name as GNU quotes it for the shell in the C locale: in '...', or in "..."
/// when it holds a ' and nothing else to escape; other bytes as $'\NNN'.
pub fn quoteaf(name: &str) -> String {
    let bytes = names::to_bytes(name);
    let printable = |c: char| c.is_ascii_graphic() || c == ' ';
    if bytes.iter().all(|&b| printable(char::from(b))) {
        if !name.contains('\'') {
            return format!("'{name}'");
        }
        if !name.contains(['"', '$', '`', '\\']) {
            return format!("\"{name}\"");
        }
        return format!("'{}'", name.replace('\'', "'\\''"));
    }
    // Runs of printable characters in '...', runs of other bytes in $'...'.
    let mut quoted = String::new();
    let mut run: Option<bool> = None;
    for &byte in bytes.iter() {
        let plain = printable(char::from(byte)) && byte != b'\'';
        if run != Some(plain) {
            match run {
                Some(_) => quoted.push('\''),
                None if !plain => quoted.push_str("''"),
                None => {}
            }
            quoted.push_str(if plain { "'" } else { "$'" });
            run = Some(plain);
        }
        match byte {
            _ if plain => quoted.push(char::from(byte)),
            0x07 => quoted.push_str("\\a"),
            0x08 => quoted.push_str("\\b"),
            0x0c => quoted.push_str("\\f"),
            b'\n' => quoted.push_str("\\n"),
            b'\r' => quoted.push_str("\\r"),
            b'\t' => quoted.push_str("\\t"),
            0x0b => quoted.push_str("\\v"),
            _ => quoted.push_str(&format!("\\{byte:03o}")),
        }
    }
    quoted.push('\'');
    quoted
}

/// A byte inside GNU's C-locale quotes: itself, a C escape, or octal.
fn escaped(byte: u8) -> String {
    match byte {
        b'\'' => "\\'".into(),
        _ => c_escaped(byte),
    }
}

/// A byte as C writes it in a string (and sed's `l` shows it): printable ASCII as it is,
/// a backslash doubled, the C escapes, and other bytes in octal.
pub fn c_escaped(byte: u8) -> String {
    match byte {
        b'\\' => "\\\\".into(),
        b' '..=b'~' => char::from(byte).to_string(),
        0x07 => "\\a".into(),
        0x08 => "\\b".into(),
        0x0c => "\\f".into(),
        b'\n' => "\\n".into(),
        b'\r' => "\\r".into(),
        b'\t' => "\\t".into(),
        0x0b => "\\v".into(),
        _ => format!("\\{byte:03o}"),
    }
}

/// Text as GNU's `quote` shows it in the C locale: in '...', other bytes escaped.
pub fn quote_bytes(text: &[u8]) -> String {
    let inner: String = text.iter().map(|&byte| escaped(byte)).collect();
    format!("'{inner}'")
}
