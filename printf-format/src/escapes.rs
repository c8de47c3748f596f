//! Backslash escapes, as `echo -e`, `printf` and `tr` read them.

use crate::Problem;

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

/// How `\u` and `\U` are read where they are escapes (printf, bash's `echo -e` and
/// `$'...'`; not GNU's echo, tr or paste).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Unicode {
    /// GNU printf's reading: exactly 4 or 8 digits, naming a character C99 allows in a
    /// name (not below U+00A0 but `$ @ \``, not a surrogate). bash takes 1 to 4 or 8
    /// digits of any value.
    pub strict: bool,
    /// Whether the locale's character set is UTF-8: otherwise a character beyond ASCII
    /// is written as the escape `\uXXXX` (upper case), as both do in the C locale.
    pub utf8: bool,
}

impl Unicode {
    /// `\u` (`kind` b'u') or `\U` and what follows it.
    fn decode(self, kind: u8, after: &[u8]) -> Result<Decoded, Problem> {
        let most = if kind == b'u' { 4 } else { 8 };
        let digits = after
            .iter()
            .take(most)
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        if digits == 0 || (self.strict && digits < most) {
            return Err(self.missing_digits(kind));
        }
        let code = after[..digits].iter().fold(0u32, |value, &b| {
            (value << 4) | (b as char).to_digit(16).unwrap_or(0)
        });
        if self.strict
            && ((code <= 0x9f && !matches!(code, 0x24 | 0x40 | 0x60))
                || (0xd800..=0xdfff).contains(&code))
        {
            let name = format!("\\{}{code:0most$x}", kind as char);
            return Err(Problem::BadUniversalCharacter(name));
        }
        Ok(Decoded {
            bytes: self.encode(code),
            used: 2 + digits,
            stop: false,
        })
    }

    /// `\u`, `\U` or `\x` without a digit: GNU's printf stops; bash's warns and writes
    /// the escape as it is.
    fn missing_digits(self, kind: u8) -> Problem {
        if self.strict {
            Problem::MissingHexDigits
        } else {
            Problem::MissingDigit(kind as char)
        }
    }

    /// A code point in the locale's character set, or as the escape that names it.
    pub fn encode(self, code: u32) -> Vec<u8> {
        if code < 0x80 {
            return vec![code as u8];
        }
        if self.utf8 {
            match char::from_u32(code) {
                Some(c) => return c.to_string().into_bytes(),
                // bash writes surrogates and values beyond Unicode in UTF-8's old
                // pattern (up to six bytes); GNU's printf names them.
                None if !self.strict => return extended_utf8(code),
                None => {}
            }
        }
        match code {
            0x8000_0000.. if !self.strict => Vec::new(),
            ..=0xffff => format!("\\u{code:04X}").into_bytes(),
            _ => format!("\\U{code:08X}").into_bytes(),
        }
    }
}

/// UTF-8's pattern as first defined, for values up to 2^31 (nothing beyond).
fn extended_utf8(code: u32) -> Vec<u8> {
    let length = match code {
        0..0x800 => 2,
        0x800..0x1_0000 => 3,
        0x1_0000..0x20_0000 => 4,
        0x20_0000..0x400_0000 => 5,
        0x400_0000..0x8000_0000 => 6,
        _ => return Vec::new(),
    };
    let mut bytes: Vec<u8> = (0..length)
        .rev()
        .map(|i| 0x80 | ((code >> (6 * i)) & 0x3f) as u8)
        .collect();
    bytes[0] = (0xff00u16 >> length) as u8 | (code >> (6 * (length - 1))) as u8;
    bytes
}

/// Decodes the escape that `bytes` starts with, `\u` and `\U` included, as printf does:
/// an error for what its dialect refuses or warns of (`Problem::stops` tells which).
pub fn decode_unicode(bytes: &[u8], octal: Octal, unicode: Unicode) -> Result<Decoded, Problem> {
    match bytes.get(1) {
        Some(&kind @ (b'u' | b'U')) => unicode.decode(kind, &bytes[2..]),
        Some(b'x') if !bytes.get(2).is_some_and(u8::is_ascii_hexdigit) => {
            Err(unicode.missing_digits(b'x'))
        }
        _ => Ok(decode(bytes, octal)),
    }
}

/// How decoding a whole text ended.
#[derive(Debug, PartialEq, Eq)]
pub enum End {
    Whole,
    /// `\c`: no further output.
    Stopped,
    /// An escape GNU's printf refuses: no further output.
    Failed(Problem),
}

/// Decodes every escape in `text`, `\u` and `\U` included, with the warnings met (bash's
/// printf gives them).
pub fn decode_all_unicode(
    text: &[u8],
    octal: Octal,
    unicode: Unicode,
) -> (Vec<u8>, End, Vec<Problem>) {
    decode_each(text, |escape| decode_unicode(escape, octal, unicode))
}

/// `text` with each `\"` made a plain quote; other escapes (`\\` too) left for decoding.
pub fn unescape_quotes(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        match (text[i], text.get(i + 1)) {
            (b'\\', Some(b'"')) => out.push(b'"'),
            (b'\\', Some(&next)) => out.extend([b'\\', next]),
            (byte, _) => {
                out.push(byte);
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    out
}

/// Decodes every escape in `text`; the flag is true when `\c` cut the output short.
pub fn decode_all(text: &[u8], octal: Octal) -> (Vec<u8>, bool) {
    let (out, end, _) = decode_each(text, |escape| Ok(decode(escape, octal)));
    (out, end == End::Stopped)
}

/// Decodes each escape in `text` by `step`, the rest copied as it is.
fn decode_each(
    text: &[u8],
    step: impl Fn(&[u8]) -> Result<Decoded, Problem>,
) -> (Vec<u8>, End, Vec<Problem>) {
    let mut out = Vec::with_capacity(text.len());
    let mut warnings = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if text[i] != b'\\' {
            out.push(text[i]);
            i += 1;
            continue;
        }
        match step(&text[i..]) {
            Ok(decoded) if decoded.stop => return (out, End::Stopped, warnings),
            Ok(decoded) => {
                out.extend(decoded.bytes);
                i += decoded.used;
            }
            Err(problem) if problem.stops() => return (out, End::Failed(problem), warnings),
            Err(warning) => {
                warnings.push(warning);
                out.extend_from_slice(&text[i..i + 2]);
                i += 2;
            }
        }
    }
    (out, End::Whole, warnings)
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
        assert_eq!(decode_all(br"\u263a", Octal::Plain).0, br"\u263a");
    }

    #[test]
    fn unicode_as_bash_writes_it() {
        let utf8 = Unicode {
            strict: false,
            utf8: true,
        };
        let c = Unicode {
            strict: false,
            utf8: false,
        };
        let all = |text: &[u8], unicode| decode_all_unicode(text, Octal::Plain, unicode).0;
        let (_, _, warnings) = decode_all_unicode(br"\u\x", Octal::Plain, c);
        assert_eq!(
            warnings,
            [Problem::MissingDigit('u'), Problem::MissingDigit('x')]
        );
        assert_eq!(all(br"\u263a\u41", utf8), "\u{263a}A".as_bytes());
        assert_eq!(all(br"\u263a\U1F600", c), br"\u263A\U0001F600");
        assert_eq!(
            all(br"\ud800|\U110000", utf8),
            b"\xed\xa0\x80|\xf4\x90\x80\x80"
        );
        assert_eq!(
            all(br"\U200000\U7FFFFFFF", utf8),
            b"\xf8\x88\x80\x80\x80\xfd\xbf\xbf\xbf\xbf\xbf"
        );
        assert_eq!(all(br"\U80000000|\u|\ug", utf8), br"|\u|\ug");
    }

    #[test]
    fn unicode_as_gnu_printf_reads_it() {
        let c = Unicode {
            strict: true,
            utf8: false,
        };
        let one = |text: &[u8]| decode_unicode(text, Octal::Plain, c);
        assert_eq!(one(br"\u00e9").map(|d| d.bytes), Ok(br"\u00E9".to_vec()));
        assert_eq!(one(br"\u0024").map(|d| d.bytes), Ok(b"$".to_vec()));
        assert_eq!(
            one(br"\u00").map(|d| d.bytes),
            Err(Problem::MissingHexDigits)
        );
        assert_eq!(
            one(br"\uD800").map(|d| d.bytes),
            Err(Problem::BadUniversalCharacter(r"\ud800".into()))
        );
    }
}
