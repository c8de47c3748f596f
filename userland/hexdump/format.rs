//! hexdump's format strings (`-e`), as util-linux reads them: units of
//! `[iterations][/byte_count] "text"`, each text cut into pieces that end in one
//! conversion (`%x`, `%_p`, ...), and the formats the display options stand for.

/// printf's flags, width and precision of a conversion.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    pub flags: String,
    pub width: Option<usize>,
    pub precision: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Conversion {
    /// `%d %i` of 1, 2, 4 or 8 bytes.
    Signed,
    /// `%o %u %x %X`.
    Unsigned(char),
    /// `%e %E %f %g %G` of 4 or 8 bytes.
    Float(char),
    /// `%c`: the byte itself.
    Char,
    /// `%s`: the bytes as text.
    Text,
    /// `%_a[dox]`: the offset of the next byte.
    Address(char),
    /// `%_A[dox]`: the offset after all input, written once at the end.
    EndAddress(char),
    /// `%_c`: the byte, a C escape, or three octal digits.
    Escaped,
    /// `%_p`: the byte if printable, else `.`.
    Printable,
    /// `%_u`: US-ASCII names for control characters, hex above 0x7f.
    Named,
}

/// Text, then at most one conversion.
#[derive(Clone, Debug)]
pub struct Piece {
    pub text: Vec<u8>,
    pub conversion: Option<(Spec, Conversion)>,
    /// The bytes the conversion reads.
    pub bytes: usize,
}

#[derive(Clone, Debug)]
pub struct Unit {
    pub iterations: usize,
    /// Whether the iterations were written, or may grow to fill the block.
    pub counted: bool,
    pub pieces: Vec<Piece>,
}

impl Unit {
    pub fn bytes(&self) -> usize {
        self.iterations * self.pieces.iter().map(|p| p.bytes).sum::<usize>()
    }

    /// Written only after the input, once (it shows `%_A`).
    pub fn at_end(&self) -> bool {
        self.pieces
            .iter()
            .any(|p| matches!(p.conversion, Some((_, Conversion::EndAddress(_)))))
    }
}

/// One `-e` format: its units, applied to each block in turn.
pub type Format = Vec<Unit>;

fn escape(byte: u8) -> u8 {
    match byte {
        b'a' => 0x07,
        b'b' => 0x08,
        b'f' => 0x0c,
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        b'v' => 0x0b,
        other => other,
    }
}

fn number(text: &[u8], at: &mut usize) -> Option<usize> {
    let start = *at;
    while text.get(*at).is_some_and(u8::is_ascii_digit) {
        *at += 1;
    }
    std::str::from_utf8(&text[start..*at]).ok()?.parse().ok()
}

/// Parses one `-e` argument.
pub fn parse(format: &str) -> Result<Format, String> {
    let text = format.as_bytes();
    let mut at = 0;
    let mut units = Vec::new();
    loop {
        while text.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        if at >= text.len() {
            return Ok(units);
        }
        let iterations = number(text, &mut at);
        while text.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        let mut byte_count = None;
        if text.get(at) == Some(&b'/') {
            at += 1;
            while text.get(at).is_some_and(u8::is_ascii_whitespace) {
                at += 1;
            }
            byte_count = Some(
                number(text, &mut at)
                    .ok_or_else(|| format!("bad byte count for conversion character {format}"))?,
            );
            while text.get(at).is_some_and(u8::is_ascii_whitespace) {
                at += 1;
            }
        }
        if text.get(at) != Some(&b'"') {
            return Err(format!("bad format {{{format}}}"));
        }
        at += 1;
        let mut body = Vec::new();
        loop {
            match text.get(at) {
                None => return Err(format!("bad format {{{format}}}")),
                Some(b'"') => break,
                Some(b'\\') if at + 1 < text.len() => {
                    body.push(escape(text[at + 1]));
                    at += 2;
                    continue;
                }
                Some(&byte) => body.push(byte),
            }
            at += 1;
        }
        at += 1;
        units.push(Unit {
            iterations: iterations.unwrap_or(1),
            counted: iterations.is_some(),
            pieces: pieces(&body, byte_count, format)?,
        });
    }
}

/// Cuts a unit's text after each conversion.
fn pieces(body: &[u8], byte_count: Option<usize>, format: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut text = Vec::new();
    let mut at = 0;
    while at < body.len() {
        if body[at] != b'%' {
            text.push(body[at]);
            at += 1;
            continue;
        }
        if body.get(at + 1) == Some(&b'%') {
            text.push(b'%');
            at += 2;
            continue;
        }
        at += 1;
        let mut spec = Spec::default();
        while let Some(&flag) = body.get(at).filter(|b| b"-+ #0".contains(b)) {
            spec.flags.push(flag as char);
            at += 1;
        }
        spec.width = number(body, &mut at);
        if body.get(at) == Some(&b'.') {
            at += 1;
            spec.precision = Some(number(body, &mut at).unwrap_or(0));
        }
        let bad = |c: u8| format!("bad conversion character %{}", c as char);
        let Some(&letter) = body.get(at) else {
            return Err(format!("bad format {{{format}}}"));
        };
        at += 1;
        let (conversion, default_bytes) = match letter {
            b'd' | b'i' => (Conversion::Signed, 4),
            b'o' | b'u' | b'x' | b'X' => (Conversion::Unsigned(letter as char), 4),
            b'e' | b'E' | b'f' | b'g' | b'G' => (Conversion::Float(letter as char), 8),
            b'c' => (Conversion::Char, 1),
            b's' => (Conversion::Text, spec.precision.unwrap_or(0)),
            b'_' => {
                let Some(&kind) = body.get(at) else {
                    return Err(format!("bad format {{{format}}}"));
                };
                at += 1;
                match kind {
                    b'a' | b'A' => {
                        let Some(&radix) = body.get(at).filter(|b| b"dox".contains(b)) else {
                            return Err(bad(kind));
                        };
                        at += 1;
                        let conversion = if kind == b'a' {
                            Conversion::Address(radix as char)
                        } else {
                            Conversion::EndAddress(radix as char)
                        };
                        (conversion, 0)
                    }
                    b'c' => (Conversion::Escaped, 1),
                    b'p' => (Conversion::Printable, 1),
                    b'u' => (Conversion::Named, 1),
                    other => return Err(bad(other)),
                }
            }
            other => return Err(bad(other)),
        };
        let bytes = match (conversion, byte_count) {
            (Conversion::Address(_) | Conversion::EndAddress(_), _) => 0,
            (Conversion::Signed | Conversion::Unsigned(_), Some(n))
                if [1, 2, 4, 8].contains(&n) =>
            {
                n
            }
            (Conversion::Float(_), Some(n)) if [4, 8].contains(&n) => n,
            (Conversion::Text, Some(n)) => n,
            (
                Conversion::Char | Conversion::Escaped | Conversion::Printable | Conversion::Named,
                Some(1),
            ) => 1,
            (_, Some(_)) => {
                return Err(format!(
                    "bad byte count for conversion character {}",
                    letter as char
                ));
            }
            (_, None) => default_bytes,
        };
        if conversion == Conversion::Text && bytes == 0 {
            return Err("%s requires a precision or a byte count".into());
        }
        pieces.push(Piece {
            text: std::mem::take(&mut text),
            conversion: Some((spec, conversion)),
            bytes,
        });
    }
    if !text.is_empty() || pieces.is_empty() {
        pieces.push(Piece {
            text,
            conversion: None,
            bytes: 0,
        });
    }
    Ok(pieces)
}

/// The formats of `-b -c -C -d -o -x` and of none at all.
pub fn named(option: char) -> Vec<&'static str> {
    let end = "\"%07.7_Ax\\n\"";
    match option {
        'b' => vec![end, "\"%07.7_ax \" 16/1 \"%03o \" \"\\n\""],
        'c' => vec![end, "\"%07.7_ax \" 16/1 \"%3_c \" \"\\n\""],
        'C' => vec![
            "\"%08.8_Ax\\n\"",
            "\"%08.8_ax  \" 8/1 \"%02x \" \"  \" 8/1 \"%02x \" ",
            "\"  |\" 16/1 \"%_p\" \"|\\n\"",
        ],
        'd' => vec![end, "\"%07.7_ax \" 8/2 \"  %05u \" \"\\n\""],
        'o' => vec![end, "\"%07.7_ax \" 8/2 \" %06o \" \"\\n\""],
        'x' => vec![end, "\"%07.7_ax \" 8/2 \"   %04x \" \"\\n\""],
        _ => vec![end, "\"%07.7_ax \" 8/2 \"%04x \" \"\\n\""],
    }
}
