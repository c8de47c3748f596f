//! cut: print selected parts of lines.

use std::io::{BufRead, BufReader, Read, Write};
use wasmix_common::{Arg, Failure, Program, args, input};

static PROGRAM: Program = Program::new(
    "cut",
    "Usage: cut OPTION... [FILE]...\n\
     Print selected parts of lines from each FILE to standard output.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -b, --bytes=LIST        select only these bytes\n  \
     -c, --characters=LIST   select only these characters\n  \
     -d, --delimiter=DELIM   use DELIM instead of TAB for field delimiter\n  \
     -f, --fields=LIST       select only these fields; also print any line\n                            \
     that contains no delimiter character, unless -s\n  \
     -n                      (ignored)\n  \
     --complement        complement the set of selected bytes, characters\n                            \
     or fields\n  \
     -s, --only-delimited    do not print lines not containing delimiters\n      \
     --output-delimiter=STRING  use STRING as the output delimiter\n                            \
     the default is to use the input delimiter\n  \
     -z, --zero-terminated   line delimiter is NUL, not newline\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     LIST is made up of one range, or many ranges separated by commas: N, N-, N-M, -M.\n",
);

#[derive(PartialEq)]
enum Mode {
    Bytes,
    Characters,
    Fields,
}

/// Inclusive 1-based ranges; `usize::MAX` for an open end.
type Ranges = Vec<(usize, usize)>;

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut selection: Option<(Mode, Ranges)> = None;
        let mut delimiter = b'\t';
        let mut only_delimited = false;
        let mut complement = false;
        let mut output_delimiter: Option<Vec<u8>> = None;
        let mut terminator = b'\n';
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            let mode = match arg {
                Arg::Short('b') | Arg::Long("bytes") => Mode::Bytes,
                Arg::Short('c') | Arg::Long("characters") => Mode::Characters,
                Arg::Short('f') | Arg::Long("fields") => Mode::Fields,
                Arg::Short('d') | Arg::Long("delimiter") => {
                    let text = args.value()?;
                    delimiter = match text.as_bytes() {
                        [one] => *one,
                        _ => {
                            return Err(Failure::Usage(
                                "the delimiter must be a single character".into(),
                            ));
                        }
                    };
                    continue;
                }
                Arg::Short('n') => continue,
                Arg::Long("complement") => {
                    complement = true;
                    continue;
                }
                Arg::Long("output-delimiter") => {
                    output_delimiter = Some(args.value()?.into_bytes());
                    continue;
                }
                Arg::Short('z') | Arg::Long("zero-terminated") => {
                    terminator = b'\0';
                    continue;
                }
                Arg::Short('s') | Arg::Long("only-delimited") => {
                    only_delimited = true;
                    continue;
                }
                Arg::Value(v) => {
                    files.push(args::into_string(v)?);
                    continue;
                }
                other => return Err(args::unexpected(other)),
            };
            if selection.is_some() {
                return Err(Failure::Usage(
                    "only one type of list may be specified".into(),
                ));
            }
            let ranges = parse_list(&args.value()?, &mode)?;
            selection = Some((mode, ranges));
        }
        let Some((mode, ranges)) = selection else {
            return Err(Failure::Usage(
                "you must specify a list of bytes, characters, or fields".into(),
            ));
        };
        let ranges = merged(ranges, complement);
        let selected = |n: usize| ranges.iter().any(|(lo, hi)| *lo <= n && n <= *hi);
        let starts_range = |n: usize| ranges.iter().any(|(lo, _)| *lo == n);
        let describe =
            |name: &str, reason: &str| format!("{}: {reason}", wasmix_common::quote::quotef(name));
        // Past the highest selected position nothing more is printed.
        let last = ranges.iter().map(|(_, hi)| *hi).max().unwrap_or(0);
        // Between fields, the input's delimiter unless another is given; between bytes,
        // only a given one, where one range of the list ends and another begins.
        let field_joiner = output_delimiter.clone().unwrap_or_else(|| vec![delimiter]);
        let run_joiner = output_delimiter.unwrap_or_default();
        input::for_each(&PROGRAM, files, describe, |_, reader| {
            let mut reader = BufReader::with_capacity(256 * 1024, reader);
            let mut line = Vec::new();
            // A delimiter that is also the line terminator makes the whole input one
            // line whose fields are its lines, as in GNU's cut.
            let whole_input = mode == Mode::Fields && delimiter == terminator;
            loop {
                line.clear();
                let read = if whole_input {
                    reader.read_to_end(&mut line)?
                } else {
                    reader.read_until(terminator, &mut line)?
                };
                if read == 0 {
                    return Ok(());
                }
                let delimited = line.contains(&delimiter);
                let line = line.strip_suffix(&[terminator]).unwrap_or(&line);
                match mode {
                    // GNU's cut takes a character to be a byte, in every locale.
                    Mode::Bytes | Mode::Characters => {
                        let mut printed = false;
                        for (i, b) in line.iter().enumerate().take(last) {
                            if selected(i + 1) {
                                if printed && starts_range(i + 1) {
                                    out.write_all(&run_joiner)?;
                                }
                                out.write_all(&[*b])?;
                                printed = true;
                            }
                        }
                    }
                    Mode::Fields if !delimited => {
                        if only_delimited {
                            continue;
                        }
                        out.write_all(line)?;
                    }
                    Mode::Fields => {
                        let mut first = true;
                        for (i, field) in line.split(|b| *b == delimiter).enumerate().take(last) {
                            if selected(i + 1) {
                                if !first {
                                    out.write_all(&field_joiner)?;
                                }
                                out.write_all(field)?;
                                first = false;
                            }
                        }
                    }
                }
                out.write_all(&[terminator])?;
            }
        })
    })
}

/// The list as GNU's cut uses it: sorted, overlapping ranges made one (adjacent ones
/// stay apart, so an output delimiter goes between them), and with `complement` the
/// ranges between them instead.
fn merged(mut ranges: Ranges, complement: bool) -> Ranges {
    ranges.sort();
    let mut list: Ranges = Vec::new();
    for (lo, hi) in ranges {
        match list.last_mut() {
            Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
            _ => list.push((lo, hi)),
        }
    }
    if !complement {
        return list;
    }
    let mut gaps = Vec::new();
    let mut next = 1;
    for (lo, hi) in list {
        if lo > next {
            gaps.push((next, lo - 1));
        }
        next = hi.saturating_add(1);
    }
    if next != usize::MAX {
        gaps.push((next, usize::MAX));
    }
    gaps
}

/// The list as GNU's `set_fields` reads it: numbers and `N-M` ranges between commas or
/// blanks, with GNU's message for each way one can be wrong.
fn parse_list(text: &str, mode: &Mode) -> Result<Ranges, Failure> {
    let fields = *mode == Mode::Fields;
    let usage = |message: String| Err(Failure::Usage(message));
    let numbered = || {
        let what = if fields {
            "fields"
        } else {
            "byte/character positions"
        };
        Failure::Usage(format!("{what} are numbered from 1"))
    };
    let mut ranges = Vec::new();
    let mut value: Option<usize> = None;
    let mut low: Option<usize> = None;
    let mut dash = false;
    let bytes = text.as_bytes();
    for (i, &byte) in bytes.iter().chain(std::iter::once(&0)).enumerate() {
        match byte {
            b'-' => {
                if dash {
                    return usage(
                        if fields {
                            "invalid field range"
                        } else {
                            "invalid byte or character range"
                        }
                        .into(),
                    );
                }
                dash = true;
                if value == Some(0) {
                    return Err(numbered());
                }
                low = value.take();
            }
            b',' | b' ' | b'\t' | 0 => {
                if dash {
                    let lo = low.unwrap_or(1);
                    match value {
                        None if low.is_none() => {
                            return usage("invalid range with no endpoint: -".into());
                        }
                        None => ranges.push((lo, usize::MAX)),
                        Some(0) => return Err(numbered()),
                        Some(hi) if hi < lo => {
                            return usage("invalid decreasing range".into());
                        }
                        Some(hi) => ranges.push((lo, hi)),
                    }
                } else {
                    match value {
                        Some(0) | None => return Err(numbered()),
                        Some(n) => ranges.push((n, n)),
                    }
                }
                (value, low, dash) = (None, None, false);
            }
            b'0'..=b'9' => {
                let digit = usize::from(byte - b'0');
                let next = value
                    .unwrap_or(0)
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(digit));
                let Some(next) = next.filter(|n| *n < usize::MAX) else {
                    let end = bytes[i..]
                        .iter()
                        .position(|b| !b.is_ascii_digit())
                        .map_or(bytes.len(), |n| i + n);
                    let start = bytes[..i]
                        .iter()
                        .rposition(|b| !b.is_ascii_digit())
                        .map_or(0, |n| n + 1);
                    let number = wasmix_common::quote::quote_bytes(&bytes[start..end]);
                    return usage(if fields {
                        format!("field number {number} is too large")
                    } else {
                        format!("byte/character offset {number} is too large")
                    });
                };
                value = Some(next);
            }
            _ => {
                let rest = wasmix_common::quote::quote_bytes(&bytes[i..]);
                return usage(if fields {
                    format!("invalid field value {rest}")
                } else {
                    format!("invalid byte/character position {rest}")
                });
            }
        }
    }
    Ok(ranges)
}
