//! xxd: a hex dump, or (with -r) the bytes back from one, as vim's xxd makes them.

use std::io::{Read, Write};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, input};

static PROGRAM: Program = Program::new(
    "xxd",
    "Usage: xxd [options] [infile [outfile]]\n\
     or: xxd -r [-s offset] [-c cols] [-p] [infile [outfile]]\n\
     Make a hex dump of a file (or standard input), or reverse one.\n\n\
     Options:\n    \
     -a          toggle autoskip: a single '*' replaces nul-lines.\n    \
     -b          binary digit dump (incompatible with -p,-i,-r). Default hex.\n    \
     -c cols     format <cols> octets per line. Default 16 (-i: 12, -p: 30).\n    \
     -e          little-endian dump (incompatible with -p,-i,-r).\n    \
     -g bytes    number of octets per group in normal output. Default 2 (-e: 4).\n    \
     -i          output in C include file style.\n    \
     -l len      stop after <len> octets.\n    \
     -n name     set the variable name used in C include output (-i).\n    \
     -o off      add <off> to the displayed file position.\n    \
     -p          output in plain hexdump style.\n    \
     -r          reverse operation: convert (or patch) hexdump into binary.\n    \
     -s [+]seek  start at <seek> bytes abs. infile offset.\n    \
     -u          use upper case hex letters.\n      \
     --help      display this help and exit\n      \
     --version   output version information and exit\n",
);

#[derive(Default)]
struct Options {
    autoskip: bool,
    bits: bool,
    columns: Option<usize>,
    little_endian: bool,
    group: Option<usize>,
    include: bool,
    length: Option<usize>,
    name: Option<String>,
    offset: u64,
    plain: bool,
    reverse: bool,
    seek: usize,
    upper: bool,
}

fn number(text: &str) -> Result<usize, Failure> {
    let parsed = match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => usize::from_str_radix(hex, 16),
        None => text.parse(),
    };
    parsed.map_err(|_| Failure::Usage(format!("invalid number '{text}'")))
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut o = Options::default();
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('a') => o.autoskip = !o.autoskip,
                Arg::Short('b') => o.bits = true,
                Arg::Short('c') => o.columns = Some(number(&args.value()?)?),
                Arg::Short('e') => o.little_endian = true,
                Arg::Short('g') => o.group = Some(number(&args.value()?)?),
                Arg::Short('i') => o.include = true,
                Arg::Short('l') => o.length = Some(number(&args.value()?)?),
                Arg::Short('n') => o.name = Some(args.value()?),
                Arg::Short('o') => o.offset = number(&args.value()?)? as u64,
                Arg::Short('p') => o.plain = true,
                Arg::Short('r') => o.reverse = true,
                Arg::Short('s') => {
                    let text = args.value()?;
                    o.seek = number(text.trim_start_matches('+'))?;
                }
                Arg::Short('u') => o.upper = true,
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if !(o.plain || o.include || o.reverse) && o.columns.is_some_and(|c| c > 256) {
            return Err(Failure::Fatal(
                "invalid number of columns (max. 256).".into(),
            ));
        }
        if operands.len() > 2 {
            return Err(Failure::Usage(format!("extra operand '{}'", operands[2])));
        }
        let name = operands.first().cloned().unwrap_or_else(|| "-".into());
        let mut data = Vec::new();
        input::open(&name)
            .and_then(|mut reader| reader.read_to_end(&mut data))
            .map_err(|e| Failure::Fatal(format!("{name}: {}", describe_io_error(&e))))?;
        let mut file;
        let sink: &mut dyn Write = match operands.get(1) {
            Some(path) => {
                file = wasmix_common::file_out::FileOut::create(path)
                    .map_err(|e| Failure::Fatal(format!("{path}: {}", describe_io_error(&e))))?;
                &mut file
            }
            None => out,
        };
        if o.reverse {
            sink.write_all(&reverse(&data, &o))?;
            return Ok(0);
        }
        let start = o.seek.min(data.len());
        let end = o.length.map_or(data.len(), |n| (start + n).min(data.len()));
        let data = &data[start..end];
        if o.include {
            include(sink, data, &name, &o)?;
        } else if o.plain {
            // `-c 0` puts the whole plain dump on one line.
            let columns = match o.columns {
                Some(0) => data.len().max(1),
                other => other.unwrap_or(30),
            };
            for line in data.chunks(columns) {
                writeln!(sink, "{}", hex(line, o.upper))?;
            }
        } else {
            dump(sink, data, (start as u64) + o.offset, &o)?;
        }
        sink.flush()?;
        Ok(0)
    })
}

fn hex(bytes: &[u8], upper: bool) -> String {
    bytes
        .iter()
        .map(|b| {
            if upper {
                format!("{b:02X}")
            } else {
                format!("{b:02x}")
            }
        })
        .collect()
}

/// The normal dump: offset, groups of hex (or bits), and the bytes as text.
fn dump(out: &mut dyn Write, data: &[u8], first: u64, o: &Options) -> std::io::Result<()> {
    let columns = o.columns.unwrap_or(if o.bits { 6 } else { 16 }).max(1);
    let group = o
        .group
        .unwrap_or(if o.bits {
            1
        } else if o.little_endian {
            4
        } else {
            2
        })
        .max(1);
    let digits = if o.bits { 8 } else { 2 };
    let groups = columns.div_ceil(group);
    let width = columns * digits + groups - 1;
    let mut skipping = false;
    for (index, line) in data.chunks(columns).enumerate() {
        let offset = first + (index * columns) as u64;
        let is_last = (index + 1) * columns >= data.len();
        if o.autoskip && line.iter().all(|&b| b == 0) && !is_last && index > 0 {
            if !skipping {
                writeln!(out, "*")?;
                skipping = true;
            }
            continue;
        }
        skipping = false;
        let mut text = String::new();
        for (n, chunk) in line.chunks(group).enumerate() {
            if n > 0 {
                text.push(' ');
            }
            let mut bytes = chunk.to_vec();
            if o.little_endian {
                // A short last group keeps its place at the right of its field.
                text.push_str(&" ".repeat((group - chunk.len()) * digits));
                bytes.reverse();
            }
            for b in bytes {
                match (o.bits, o.upper) {
                    (true, _) => text.push_str(&format!("{b:08b}")),
                    (false, true) => text.push_str(&format!("{b:02X}")),
                    (false, false) => text.push_str(&format!("{b:02x}")),
                }
            }
        }
        let shown: String = line
            .iter()
            .map(|&b| {
                if (0x20..0x7f).contains(&b) {
                    b as char
                } else {
                    '.'
                }
            })
            .collect();
        writeln!(out, "{offset:08x}: {text:<width$}  {shown}")?;
    }
    Ok(())
}

/// `-i`: the bytes as a C array (named after the file when there is one).
fn include(out: &mut dyn Write, data: &[u8], file: &str, o: &Options) -> std::io::Result<()> {
    let variable = o.name.clone().unwrap_or_else(|| {
        file.chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect()
    });
    let named = o.name.is_some() || file != "-";
    if named {
        writeln!(out, "unsigned char {variable}[] = {{")?;
    }
    let columns = o.columns.unwrap_or(12).max(1);
    let lines: Vec<String> = data
        .chunks(columns)
        .map(|line| {
            let items: Vec<String> = line
                .iter()
                .map(|b| {
                    if o.upper {
                        format!("0X{b:02X}")
                    } else {
                        format!("0x{b:02x}")
                    }
                })
                .collect();
            format!("  {}", items.join(", "))
        })
        .collect();
    if !lines.is_empty() {
        writeln!(out, "{}", lines.join(",\n"))?;
    }
    if named {
        writeln!(out, "}};")?;
        writeln!(out, "unsigned int {variable}_len = {};", data.len())?;
    }
    Ok(())
}

fn nibble(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// `-r -p`: hex digits in pairs, blanks anywhere, as xxd reads them: what comes before a
/// line's first digit is skipped, one stray character between digits is passed over, and
/// three in a row end the line.
fn reverse_plain(text: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::new();
    // The last three characters' digit values, newest first; -1 for what is not a digit.
    let (mut n1, mut n2): (i32, i32) = (-1, 0);
    let mut ignore_garbage = true;
    let mut at = 0;
    while at < text.len() {
        let c = text[at];
        at += 1;
        if matches!(c, b'\r' | b' ' | b'\n' | b'\t') {
            continue;
        }
        let n3 = n2;
        n2 = n1;
        n1 = nibble(c).map_or(-1, i32::from);
        if n1 < 0 && ignore_garbage {
            continue;
        }
        ignore_garbage = false;
        if n2 >= 0 && n1 >= 0 {
            bytes.push((n2 << 4 | n1) as u8);
            n1 = -1;
        } else if n1 < 0 && n2 < 0 && n3 < 0 {
            match memchr::memchr(b'\n', &text[at..]) {
                Some(newline) => {
                    at += newline + 1;
                    ignore_garbage = true;
                }
                None => at = text.len(),
            }
        }
    }
    bytes
}

/// `-r`: the bytes a dump describes. A plain dump is hex digits (`reverse_plain`); a
/// normal one is `OFFSET: HEX  TEXT` lines, each put at its offset.
fn reverse(text: &[u8], o: &Options) -> Vec<u8> {
    if o.plain {
        return reverse_plain(text);
    }
    let mut bytes = Vec::new();
    // As vim's xxd reads a line: a hex offset ended by a colon or a blank, then at most
    // one line's worth of bytes, up to the text column or the first other character.
    let columns = o.columns.filter(|&c| c > 0).unwrap_or(16);
    for line in text.split(|&c| c == b'\n') {
        let line = line.trim_ascii_start();
        let digits = line.iter().take_while(|c| c.is_ascii_hexdigit()).count();
        let Some(offset) = std::str::from_utf8(&line[..digits])
            .ok()
            .and_then(|t| usize::from_str_radix(t, 16).ok())
        else {
            continue;
        };
        let mut rest = &line[digits..];
        match rest.first() {
            Some(b':') => rest = &rest[1..],
            Some(b' ' | b'\t') => {}
            _ => continue,
        }
        let rest = rest.trim_ascii_start();
        let mut at = offset.saturating_sub(o.seek);
        let end = rest
            .windows(2)
            .position(|w| w == b"  ")
            .unwrap_or(rest.len());
        let mut high: Option<u8> = None;
        let mut taken = 0;
        for &c in &rest[..end] {
            if taken == columns {
                break;
            }
            if c == b' ' || c == b'\t' {
                continue;
            }
            let Some(n) = nibble(c) else {
                break;
            };
            match high {
                None => high = Some(n),
                Some(h) => {
                    if bytes.len() < at {
                        bytes.resize(at, 0);
                    }
                    if at < bytes.len() {
                        bytes[at] = h << 4 | n;
                    } else {
                        bytes.push(h << 4 | n);
                    }
                    at += 1;
                    taken += 1;
                    high = None;
                }
            }
        }
    }
    bytes
}
