//! od: dump files in octal, hexadecimal, decimal or as characters.

use std::io::{Read, Write};
use wasmix_common::{Arg, Failure, Output, Program, args, file_error, input};

static PROGRAM: Program = Program::new(
    "od",
    "Usage: od [OPTION]... [FILE]...\n\
     Write an unambiguous representation, octal bytes by default,\n\
     of FILE to standard output.  With more than one FILE argument,\n\
     concatenate them in the listed order to form the input.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -A, --address-radix=RADIX   output format for file offsets; RADIX is one\n                                \
     of [doxn], for Decimal, Octal, Hex or None\n  \
     -j, --skip-bytes=BYTES      skip BYTES input bytes first\n  \
     -N, --read-bytes=BYTES      limit dump to BYTES input bytes\n  \
     -t, --format=TYPE           select output format or formats\n  \
     -v, --output-duplicates     do not use * to mark line suppression\n  \
     -w, --width[=BYTES]         output BYTES bytes per output line;\n                                \
     32 is implied when BYTES is not specified\n\n\
     Traditional format specifications may be intermixed:\n  \
     -a   same as -t a,  select named characters, ignoring high-order bit\n  \
     -b   same as -t o1\n  \
     -B   same as -t o2\n  \
     -c   same as -t c\n  \
     -d   same as -t u2\n  \
     -D   same as -t u4\n  \
     -e   same as -t fD\n  \
     -f   same as -t fF\n  \
     -F   same as -t fD\n  \
     -h   same as -t x2\n  \
     -H   same as -t x4\n  \
     -I   same as -t dL\n  \
     -L   same as -t dL\n  \
     -O   same as -t o4\n  \
     -X   same as -t x4\n  \
     -i   same as -t dI\n  \
     -l   same as -t dL\n  \
     -o   same as -t o2\n  \
     -s   same as -t d2\n  \
     -x   same as -t x2\n\n\
     TYPE is made up of one or more of these specifications:\n  \
     a          named character, ignoring high-order bit\n  \
     c          printable character or backslash escape\n  \
     d[SIZE]    signed decimal, SIZE bytes per integer\n  \
     o[SIZE]    octal, SIZE bytes per integer\n  \
     u[SIZE]    unsigned decimal, SIZE bytes per integer\n  \
     f[SIZE]    floating point, SIZE bytes per number\n  \
     x[SIZE]    hexadecimal, SIZE bytes per integer\n  \
     z          show printable characters alongside the output line for each\n             \
     input line\n\n\
     SIZE is 1, 2, 4 or 8 (default 4; 8 for f), or C, S, I, L for integers and F, D, L\n\
     for floats.\n\n\
     BYTES is hex with 0x or 0X prefix, and may have a multiplier suffix:\n\
     b 512, KB 1000, K 1024, MB 1000*1000, M 1024*1024, and so on for G.\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Character,
    /// `a`: named characters (`nul`, `sp`, `del`), the high bit ignored.
    Named,
    Float,
    Signed,
    Octal,
    Unsigned,
    Hex,
}

#[derive(Clone, Copy)]
struct Format {
    kind: Kind,
    size: usize,
    /// The `z` suffix: the line's printable characters follow it, `>like.this<`.
    with_text: bool,
    /// `--endian=big`: the first byte is the most significant.
    big_endian: bool,
}

impl Format {
    fn new(kind: Kind, size: usize) -> Format {
        Format {
            kind,
            size,
            with_text: false,
            big_endian: false,
        }
    }

    /// Characters of the widest value of this format.
    fn digits(self) -> usize {
        let bits = self.size * 8;
        match self.kind {
            Kind::Character | Kind::Named => 3,
            Kind::Float if self.size == 4 => 15,
            Kind::Float => 24,
            Kind::Octal => bits.div_ceil(3),
            Kind::Hex => self.size * 2,
            Kind::Unsigned => (u64::MAX >> (64 - bits)).to_string().len(),
            Kind::Signed => (i64::MIN >> (64 - bits)).to_string().len(),
        }
    }

    fn show(self, bytes: &[u8]) -> String {
        match self.kind {
            Kind::Character => return character(bytes[0]),
            Kind::Named => return named(bytes[0]),
            _ => {}
        }
        let mut value = 0u64;
        for (i, &b) in bytes.iter().enumerate() {
            let place = if self.big_endian {
                bytes.len() - 1 - i
            } else {
                i
            };
            value |= u64::from(b) << (8 * place);
        }
        let bits = self.size * 8;
        match self.kind {
            Kind::Float if self.size == 4 => {
                shortest(f64::from(f32::from_bits(value as u32)), |t| {
                    t.parse::<f32>().ok().map(f64::from)
                })
            }
            Kind::Float => shortest(f64::from_bits(value), |t| t.parse::<f64>().ok()),
            Kind::Octal => format!("{value:0width$o}", width = self.digits()),
            Kind::Hex => format!("{value:0width$x}", width = self.digits()),
            Kind::Unsigned => value.to_string(),
            _ => ((value << (64 - bits)) as i64 >> (64 - bits)).to_string(),
        }
    }
}

/// A float as GNU od writes it: `%g` with the fewest digits that read back as the same
/// value.
fn shortest(value: f64, read_back: impl Fn(&str) -> Option<f64>) -> String {
    let sign = if value.is_sign_negative() { "-" } else { "" };
    if value.is_nan() {
        return format!("{sign}nan");
    }
    if value.is_infinite() {
        return format!("{sign}inf");
    }
    if value == 0.0 {
        return format!("{sign}0");
    }
    for precision in 1..=17 {
        let text = wasmix_printf_format::c_general(value, precision, false, false);
        if read_back(&text) == Some(value) {
            return text;
        }
    }
    wasmix_printf_format::c_general(value, 17, false, false)
}

/// The name `-t a` gives a byte: ASCII's control names, `sp`, `del`; the high bit is
/// ignored.
fn named(byte: u8) -> String {
    const CONTROLS: [&str; 32] = [
        "nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "nl", "vt", "ff", "cr",
        "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb", "can", "em", "sub",
        "esc", "fs", "gs", "rs", "us",
    ];
    match byte & 0x7f {
        low @ 0..0x20 => CONTROLS[usize::from(low)].into(),
        b' ' => "sp".into(),
        0x7f => "del".into(),
        other => (other as char).to_string(),
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
            'c' | 'a' => {
                let kind = if c == 'c' {
                    Kind::Character
                } else {
                    Kind::Named
                };
                formats.push(Format::new(kind, 1));
                with_text(&mut chars, formats);
                continue;
            }
            'f' => {
                let size = match chars.next_if(|c| "FDL0123456789".contains(*c)) {
                    None | Some('D' | 'L') => 8,
                    Some('F') => 4,
                    Some(d) => {
                        let mut digits = d.to_string();
                        while let Some(d) = chars.next_if(char::is_ascii_digit) {
                            digits.push(d);
                        }
                        match digits.as_str() {
                            "4" => 4,
                            "8" => 8,
                            _ => {
                                return Err(Failure::Fatal(format!(
                                    "invalid type string '{text}';\nthis system doesn't provide a {digits}-byte floating point type"
                                )));
                            }
                        }
                    }
                };
                formats.push(Format::new(Kind::Float, size));
                with_text(&mut chars, formats);
                continue;
            }
            'd' => Kind::Signed,
            'o' => Kind::Octal,
            'u' => Kind::Unsigned,
            'x' => Kind::Hex,
            other => return Err(invalid(other)),
        };
        let mut digits = String::new();
        match chars.next_if(|c| "CSIL".contains(*c)) {
            Some('C') => digits.push('1'),
            Some('S') => digits.push('2'),
            Some('I') => digits.push('4'),
            Some(_) => digits.push('8'),
            None => {
                while let Some(d) = chars.next_if(char::is_ascii_digit) {
                    digits.push(d);
                }
            }
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
        formats.push(Format::new(kind, size));
        with_text(&mut chars, formats);
    }
    Ok(())
}

/// A `z` after a type asks for the text of each line after that type's line.
fn with_text(chars: &mut std::iter::Peekable<std::str::Chars>, formats: &mut [Format]) {
    if chars.next_if_eq(&'z').is_some()
        && let Some(last) = formats.last_mut()
    {
        last.with_text = true;
    }
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut formats = Vec::new();
        let mut radix = Some(8);
        let mut width = 16;
        let mut duplicates = false;
        let (mut skip, mut limit) = (0usize, None);
        let (mut big_endian, mut strings) = (false, None);
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
                Arg::Short('a') => formats.push(Format::new(Kind::Named, 1)),
                Arg::Short('b') => formats.push(Format::new(Kind::Octal, 1)),
                Arg::Short('B' | 'o') => formats.push(Format::new(Kind::Octal, 2)),
                Arg::Short('D') => formats.push(Format::new(Kind::Unsigned, 4)),
                Arg::Short('e' | 'F') => formats.push(Format::new(Kind::Float, 8)),
                Arg::Short('f') => formats.push(Format::new(Kind::Float, 4)),
                Arg::Short('h') => formats.push(Format::new(Kind::Hex, 2)),
                Arg::Short('H' | 'X') => formats.push(Format::new(Kind::Hex, 4)),
                Arg::Short('I' | 'L') => formats.push(Format::new(Kind::Signed, 8)),
                Arg::Short('O') => formats.push(Format::new(Kind::Octal, 4)),
                Arg::Long("traditional") => {}
                Arg::Short('c') => formats.push(Format::new(Kind::Character, 1)),
                Arg::Short('d') => formats.push(Format::new(Kind::Unsigned, 2)),
                Arg::Short('s') => formats.push(Format::new(Kind::Signed, 2)),
                Arg::Short('i') => formats.push(Format::new(Kind::Signed, 4)),
                Arg::Short('l') => formats.push(Format::new(Kind::Signed, 8)),
                Arg::Short('j') => skip = byte_count(&args.value()?, "-j")?,
                Arg::Long("skip-bytes") => skip = byte_count(&args.value()?, "--skip-bytes")?,
                Arg::Short('N') => limit = Some(byte_count(&args.value()?, "-N")?),
                Arg::Long("read-bytes") => {
                    limit = Some(byte_count(&args.value()?, "--read-bytes")?)
                }
                Arg::Short('x') => formats.push(Format::new(Kind::Hex, 2)),
                Arg::Short('v') | Arg::Long("output-duplicates") => duplicates = true,
                Arg::Short('w') | Arg::Long("width") => {
                    let text = args.optional_value().unwrap_or_else(|| "32".into());
                    width = text.parse().ok().filter(|&w| w > 0).ok_or_else(|| {
                        Failure::Usage(format!("invalid -w argument '{text}'"))
                    })?;
                }
                Arg::Long("endian") => {
                    big_endian = match args.value()?.as_str() {
                        "big" => true,
                        "little" => false,
                        other => {
                            return Err(Failure::Usage(format!(
                                "invalid argument '{other}' for '--endian'\n\
                                 Valid arguments are:\n  - 'little'\n  - 'big'"
                            )));
                        }
                    }
                }
                Arg::Short('S') => strings = Some(byte_count(&args.value()?, "-S")?),
                Arg::Long("strings") => {
                    strings = Some(match args.optional_value() {
                        Some(text) => byte_count(&text, "--strings")?,
                        None => 3,
                    })
                }
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if formats.is_empty() {
            formats.push(Format::new(Kind::Octal, 2));
        }
        for format in &mut formats {
            format.big_endian = big_endian;
        }
        let mut data = Vec::new();
        let mut status = 0;
        // Only what -j and -N take in is read: /dev/zero has no end.
        let wanted = limit.map_or(u64::MAX, |n| (skip + n) as u64);
        for name in input::operands_or_stdin(files) {
            let left = wanted.saturating_sub(data.len() as u64);
            if left == 0 {
                break;
            }
            if let Err(e) = input::open(&name).and_then(|r| r.take(left).read_to_end(&mut data)) {
                PROGRAM.warn(file_error(&name, &e));
                status = 1;
            }
        }
        if skip > data.len() && status == 0 {
            return Err(Failure::Fatal("cannot skip past end of combined input".into()));
        }
        let end = limit.map_or(data.len(), |n| (skip + n).min(data.len()));
        let shown = &data[skip.min(end)..end];
        if let Some(least) = strings {
            write_strings(shown, skip, least, radix, out)?;
            return Ok(status);
        }
        // As GNU od: when nothing could be read, not even the final offset.
        if status == 0 || !data.is_empty() {
            dump(shown, skip, &formats, radix, width, duplicates, out)?;
        }
        Ok(status)
    })
}

/// A byte count as -j and -N take it: decimal, octal with 0, hex with 0x, and a
/// multiplier suffix; a bad one is named with the `option` that gave it, as GNU does.
fn byte_count(text: &str, option: &str) -> Result<usize, Failure> {
    let invalid = || Failure::Fatal(format!("invalid {option} argument '{text}'"));
    let bad_suffix = || Failure::Fatal(format!("invalid suffix in {option} argument '{text}'"));
    let digits_end = if text.starts_with("0x") || text.starts_with("0X") {
        2 + text[2..]
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(text.len() - 2)
    } else {
        text.find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len())
    };
    let (number, suffix) = text.split_at(digits_end);
    let value = if let Some(hex) = number
        .strip_prefix("0x")
        .or_else(|| number.strip_prefix("0X"))
    {
        usize::from_str_radix(hex, 16)
    } else if number.len() > 1 && number.starts_with('0') {
        usize::from_str_radix(number, 8)
    } else {
        number.parse()
    }
    .map_err(|_| invalid())?;
    let multiplier: usize = match suffix {
        "" => 1,
        "b" => 512,
        "KB" | "kB" => 1000,
        "K" | "k" | "KiB" => 1024,
        "MB" => 1000 * 1000,
        "M" | "MiB" => 1024 * 1024,
        "GB" => 1000 * 1000 * 1000,
        "G" | "GiB" => 1024 * 1024 * 1024,
        _ if number.is_empty() => return Err(invalid()),
        _ => return Err(bad_suffix()),
    };
    value.checked_mul(multiplier).ok_or_else(invalid)
}

/// `-S`: each run of at least `least` printable characters that a NUL ends, after its
/// address, as GNU's od finds them.
fn write_strings(
    data: &[u8],
    first_offset: usize,
    least: usize,
    radix: Option<u32>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut start = 0;
    for (i, &b) in data.iter().enumerate() {
        if b == b' ' || b.is_ascii_graphic() {
            continue;
        }
        if b == 0 && i - start >= least {
            let at = address(first_offset + start, radix);
            let separator = if radix.is_some() { " " } else { "" };
            out.write_all(format!("{at}{separator}").as_bytes())?;
            out.write_all(&data[start..i])?;
            out.write_all(b"\n")?;
        }
        start = i + 1;
    }
    Ok(())
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
    first_offset: usize,
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
        let offset = first_offset + index * width;
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
                // As GNU: the padding goes to the first items of the line.
                let rest = per_item.saturating_sub(item);
                let extra = pad * rest / per_item - pad * rest.saturating_sub(1) / per_item;
                let field = format.digits() + extra;
                text.push_str(&format!(" {:>field$}", format.show(&bytes)));
            }
            if format.with_text {
                let line_width = address(0, radix).len() + full * width / widest;
                let shown: String = line
                    .iter()
                    .map(|&b| {
                        if (b' '..=b'~').contains(&b) {
                            b as char
                        } else {
                            '.'
                        }
                    })
                    .collect();
                text = format!("{text:<line_width$}  >{shown}<");
            }
            text.push('\n');
            out.write_all(text.as_bytes())?;
        }
    }
    if radix.is_some() {
        writeln!(out, "{}", address(first_offset + data.len(), radix))?;
    }
    Ok(())
}
