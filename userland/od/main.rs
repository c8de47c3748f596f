//! od: dump files in octal, hexadecimal, decimal or as characters.

use std::io::{Read, Write};
use wasmix_common::{Arg, Failure, Output, Program, args, describe_io_error, input};

static PROGRAM: Program = Program::new(
    "od",
    "Usage: od [OPTION]... [FILE]...\n\
     Write an unambiguous representation, octal bytes by default,\n\
     of FILE to standard output.  With more than one FILE argument,\n\
     concatenate them in the listed order to form the input.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -A, --address-radix=RADIX   output format for file offsets; RADIX is one\n                                \
     of [doxn], for Decimal, Octal, Hex or None\n  \
     -t, --format=TYPE           select output format or formats\n  \
     -v, --output-duplicates     do not use * to mark line suppression\n  \
     -w, --width[=BYTES]         output BYTES bytes per output line (default 16)\n\n\
     Traditional format specifications may be intermixed:\n  \
     -b   same as -t o1\n  \
     -c   same as -t c\n  \
     -d   same as -t u2\n  \
     -o   same as -t o2\n  \
     -x   same as -t x2\n\n\
     TYPE is made up of one or more of these specifications:\n  \
     c          printable character or backslash escape\n  \
     d[SIZE]    signed decimal, SIZE bytes per integer\n  \
     o[SIZE]    octal, SIZE bytes per integer\n  \
     u[SIZE]    unsigned decimal, SIZE bytes per integer\n  \
     x[SIZE]    hexadecimal, SIZE bytes per integer\n\n\
     SIZE is 1, 2, 4 or 8 (default 4, as GNU od).\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Character,
    Signed,
    Octal,
    Unsigned,
    Hex,
}

#[derive(Clone, Copy)]
struct Format {
    kind: Kind,
    size: usize,
}

impl Format {
    /// Characters of the widest value of this format.
    fn digits(self) -> usize {
        let bits = self.size * 8;
        match self.kind {
            Kind::Character => 3,
            Kind::Octal => bits.div_ceil(3),
            Kind::Hex => self.size * 2,
            Kind::Unsigned => (u64::MAX >> (64 - bits)).to_string().len(),
            Kind::Signed => (i64::MIN >> (64 - bits)).to_string().len(),
        }
    }

    fn show(self, bytes: &[u8]) -> String {
        if self.kind == Kind::Character {
            return character(bytes[0]);
        }
        let mut value = 0u64;
        for (i, &b) in bytes.iter().enumerate() {
            value |= u64::from(b) << (8 * i);
        }
        let bits = self.size * 8;
        match self.kind {
            Kind::Octal => format!("{value:0width$o}", width = self.digits()),
            Kind::Hex => format!("{value:0width$x}", width = self.digits()),
            Kind::Unsigned => value.to_string(),
            _ => ((value << (64 - bits)) as i64 >> (64 - bits)).to_string(),
        }
    }
}

fn character(byte: u8) -> String {
    match byte {
        0 => "\\0".into(),
        7 => "\\a".into(),
        8 => "\\b".into(),
        b'\t' => "\\t".into(),
        b'\n' => "\\n".into(),
        11 => "\\v".into(),
        12 => "\\f".into(),
        b'\r' => "\\r".into(),
        b' '..=b'~' => (byte as char).to_string(),
        _ => format!("{byte:03o}"),
    }
}

fn parse_type(text: &str, formats: &mut Vec<Format>) -> Result<(), Failure> {
    let invalid =
        |c: char| Failure::Fatal(format!("invalid character '{c}' in type string '{text}'"));
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let kind = match c {
            'c' => {
                formats.push(Format {
                    kind: Kind::Character,
                    size: 1,
                });
                continue;
            }
            'd' => Kind::Signed,
            'o' => Kind::Octal,
            'u' => Kind::Unsigned,
            'x' => Kind::Hex,
            other => return Err(invalid(other)),
        };
        let mut digits = String::new();
        while let Some(d) = chars.next_if(char::is_ascii_digit) {
            digits.push(d);
        }
        let size = match digits.as_str() {
            "" => 4,
            "1" | "2" | "4" | "8" => digits.parse().unwrap_or(4),
            _ => {
                return Err(Failure::Fatal(format!(
                    "invalid type string '{text}';\nthis system doesn't provide a {digits}-byte integral type"
                )));
            }
        };
        formats.push(Format { kind, size });
    }
    Ok(())
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut formats = Vec::new();
        let mut radix = Some(8);
        let mut width = 16;
        let mut duplicates = false;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('A') | Arg::Long("address-radix") => {
                    radix = match args.value()?.as_str() {
                        "d" => Some(10),
                        "o" => Some(8),
                        "x" => Some(16),
                        "n" => None,
                        other => {
                            return Err(Failure::Usage(format!(
                                "invalid output address radix '{other}'; it must be one character from [doxn]"
                            )));
                        }
                    }
                }
                Arg::Short('t') | Arg::Long("format") => parse_type(&args.value()?, &mut formats)?,
                Arg::Short('b') => formats.push(Format { kind: Kind::Octal, size: 1 }),
                Arg::Short('c') => formats.push(Format { kind: Kind::Character, size: 1 }),
                Arg::Short('d') => formats.push(Format { kind: Kind::Unsigned, size: 2 }),
                Arg::Short('o') => formats.push(Format { kind: Kind::Octal, size: 2 }),
                Arg::Short('x') => formats.push(Format { kind: Kind::Hex, size: 2 }),
                Arg::Short('v') | Arg::Long("output-duplicates") => duplicates = true,
                Arg::Short('w') | Arg::Long("width") => {
                    let text = args.value()?;
                    width = text.parse().ok().filter(|&w| w > 0).ok_or_else(|| {
                        Failure::Usage(format!("invalid -w argument '{text}'"))
                    })?;
                }
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if formats.is_empty() {
            formats.push(Format { kind: Kind::Octal, size: 2 });
        }
        let mut data = Vec::new();
        let mut status = 0;
        for name in input::operands_or_stdin(files) {
            if let Err(e) = input::open(&name).and_then(|mut r| r.read_to_end(&mut data)) {
                PROGRAM.warn(format!("{name}: {}", describe_io_error(&e)));
                status = 1;
            }
        }
        // As GNU od: when nothing could be read, not even the final offset.
        if status == 0 || !data.is_empty() {
            dump(&data, &formats, radix, width, duplicates, out)?;
        }
        Ok(status)
    })
}

fn address(offset: usize, radix: Option<u32>) -> String {
    match radix {
        Some(8) => format!("{offset:07o}"),
        Some(10) => format!("{offset:07}"),
        Some(_) => format!("{offset:06x}"),
        None => String::new(),
    }
}

fn dump(
    data: &[u8],
    formats: &[Format],
    radix: Option<u32>,
    width: usize,
    duplicates: bool,
    out: &mut Output,
) -> std::io::Result<()> {
    // As GNU od: every format's columns line up, so each gets the width per byte of the
    // widest, spread over its items.
    let widest = formats.iter().map(|f| f.size).max().unwrap_or(1);
    let span = |f: &Format| (f.digits() + 1) * widest / f.size;
    let full = formats.iter().map(span).max().unwrap_or(1);
    let mut previous: Option<&[u8]> = None;
    let mut starred = false;
    for (index, line) in data.chunks(width).enumerate() {
        let offset = index * width;
        if !duplicates && line.len() == width && previous == Some(line) {
            if !starred {
                out.write_all(b"*\n")?;
                starred = true;
            }
            continue;
        }
        previous = Some(line);
        starred = false;
        for (n, format) in formats.iter().enumerate() {
            let mut text = if n == 0 {
                address(offset, radix)
            } else {
                " ".repeat(address(0, radix).len())
            };
            let items = line.len().div_ceil(format.size);
            let pad = (full - span(format)) * (width / widest);
            let per_item = (width / format.size).max(1);
            for item in 0..items {
                let start = item * format.size;
                let mut bytes = line[start..(start + format.size).min(line.len())].to_vec();
                bytes.resize(format.size, 0);
                let extra = pad * (item + 1) / per_item - pad * item / per_item;
                let field = format.digits() + extra;
                text.push_str(&format!(" {:>field$}", format.show(&bytes)));
            }
            text.push('\n');
            out.write_all(text.as_bytes())?;
        }
    }
    if radix.is_some() {
        writeln!(out, "{}", address(data.len(), radix))?;
    }
    Ok(())
}
