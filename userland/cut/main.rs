//! cut: print selected parts of lines.

use std::io::{BufRead, BufReader, Write};
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
            let what = match mode {
                Mode::Fields => "fields",
                _ => "byte/character positions",
            };
            selection = Some((mode, parse_list(&args.value()?, what)?));
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
            loop {
                line.clear();
                if reader.read_until(terminator, &mut line)? == 0 {
                    return Ok(());
                }
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
                    Mode::Fields if !line.contains(&delimiter) => {
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

fn parse_list(text: &str, what: &str) -> Result<Ranges, Failure> {
    let invalid = || Failure::Usage("invalid byte, character or field list".into());
    let mut ranges = Vec::new();
    for part in text.split(',') {
        let range = match part.split_once('-') {
            None => {
                let n: usize = part.parse().map_err(|_| invalid())?;
                (n, n)
            }
            Some(("", "")) => return Err(invalid()),
            Some((lo, hi)) => {
                let lo = if lo.is_empty() {
                    1
                } else {
                    lo.parse().map_err(|_| invalid())?
                };
                let hi = if hi.is_empty() {
                    usize::MAX
                } else {
                    hi.parse().map_err(|_| invalid())?
                };
                (lo, hi)
            }
        };
        if range.0 == 0 {
            return Err(Failure::Usage(format!("{what} are numbered from 1")));
        }
        ranges.push(range);
    }
    Ok(ranges)
}
