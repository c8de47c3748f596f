//! split: cut a file into pieces of so many lines or bytes.

use std::io::{Read, Write};
use wasmix_common::numbers::parse_size;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, file_error, input};

static PROGRAM: Program = Program::new(
    "split",
    "Usage: split [OPTION]... [FILE [PREFIX]]\n\
     Output pieces of FILE to PREFIXaa, PREFIXab, ...;\n\
     default size is 1000 lines, and default PREFIX is 'x'.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -a, --suffix-length=N   generate suffixes of length N (default 2)\n      \
     --additional-suffix=SUFFIX  append an additional SUFFIX to file names\n  \
     -b, --bytes=SIZE        put SIZE bytes per output file\n  \
     -C, --line-bytes=SIZE   put at most SIZE bytes of records per output file\n  \
     -d                      use numeric suffixes starting at 0, not alphabetic\n      \
     --numeric-suffixes[=FROM]  same as -d, but allow setting the start value\n  \
     -x                      use hex suffixes starting at 0, not alphabetic\n      \
     --hex-suffixes[=FROM]  same as -x, but allow setting the start value\n  \
     -e, --elide-empty-files  do not generate empty output files with '-n'\n  \
     -l, --lines=NUMBER      put NUMBER lines/records per output file\n  \
     -n, --number=CHUNKS     generate CHUNKS output files of equal size\n  \
     -t, --separator=SEP     use SEP instead of newline as the record separator;\n                            \
     '\\0' (zero) specifies the NUL character\n      \
     --verbose           print a diagnostic just before each\n                            \
     output file is opened\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

enum Size {
    Lines(u64),
    Bytes(u64),
    /// `-C`: as many whole lines as fit in so many bytes; a longer line cut.
    LineBytes(u64),
    Chunks(u64),
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut size = Size::Lines(1000);
        let mut names = Names {
            alphabet: b"abcdefghijklmnopqrstuvwxyz",
            length: 2,
            widen: true,
            start: 0,
            extra: String::new(),
        };
        let (mut elide, mut verbose, mut separator) = (false, false, b'\n');
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('l') | Arg::Long("lines") => {
                    size = Size::Lines(positive(&args.value()?, "number of lines")?)
                }
                Arg::Short('b') | Arg::Long("bytes") => {
                    size = Size::Bytes(positive(&args.value()?, "number of bytes")?)
                }
                Arg::Short('C') | Arg::Long("line-bytes") => {
                    size = Size::LineBytes(positive(&args.value()?, "number of bytes")?);
                }
                Arg::Short('n') | Arg::Long("number") => {
                    size = Size::Chunks(positive(&args.value()?, "number of chunks")?)
                }
                Arg::Short('a') | Arg::Long("suffix-length") => {
                    let text = args.value()?;
                    names.length = text
                        .parse()
                        .map_err(|_| Failure::Fatal(format!("{text}: invalid suffix length")))?;
                    names.widen = false;
                }
                Arg::Short('d') => names.alphabet = b"0123456789",
                Arg::Short('x') => names.alphabet = b"0123456789abcdef",
                Arg::Long(option @ ("numeric-suffixes" | "hex-suffixes")) => {
                    names.alphabet = match option {
                        "numeric-suffixes" => b"0123456789",
                        _ => b"0123456789abcdef",
                    };
                    if let Some(from) = args.optional_value() {
                        names.start_at(&from)?;
                    }
                }
                Arg::Long("additional-suffix") => {
                    names.extra = args.value()?;
                    if names.extra.contains('/') {
                        return Err(Failure::Usage(format!(
                            "invalid suffix {}, contains directory separator",
                            wasmix_common::quote::quote_bytes(names.extra.as_bytes())
                        )));
                    }
                }
                Arg::Short('e') | Arg::Long("elide-empty-files") => elide = true,
                Arg::Long("verbose") => verbose = true,
                Arg::Short('t') | Arg::Long("separator") => {
                    let text = args.value()?;
                    separator = match text.as_bytes() {
                        [byte] => *byte,
                        b"\\0" => 0,
                        [] => return Err(Failure::Fatal("empty record separator".into())),
                        _ => {
                            return Err(Failure::Fatal(format!(
                                "multi-character separator {}",
                                wasmix_common::quote::quote_bytes(text.as_bytes())
                            )));
                        }
                    };
                }
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if operands.len() > 2 {
            return Err(Failure::Usage(format!("extra operand '{}'", operands[2])));
        }
        let name = operands.first().cloned().unwrap_or_else(|| "-".into());
        let prefix = operands.get(1).cloned().unwrap_or_else(|| "x".into());
        let mut data = Vec::new();
        input::open(&name)
            .map_err(|e| {
                Failure::Fatal(format!(
                    "cannot open '{name}' for reading: {}",
                    describe_io_error(&e)
                ))
            })?
            .read_to_end(&mut data)
            .map_err(|e| Failure::Fatal(wasmix_common::file_error(&name, &e)))?;
        let pieces: Vec<&[u8]> = match size {
            Size::Bytes(n) => data.chunks(n as usize).collect(),
            Size::Lines(n) => by_lines(&data, n as usize, separator),
            Size::LineBytes(n) => by_line_bytes(&data, n as usize, separator),
            Size::Chunks(n) => {
                // Each chunk is size/N bytes (at least one), the last one takes what is
                // left over, and chunks past the end are empty, as GNU cuts them.
                let n = n as usize;
                let len = data.len();
                let each = (len / n).max(1);
                (0..n)
                    .map(|k| {
                        let end = if k + 1 == n { len } else { each * (k + 1) };
                        &data[(each * k).min(len)..end.min(len)]
                    })
                    .collect()
            }
        };
        // Chunks only can be empty; -e leaves them out.
        let pieces = pieces
            .into_iter()
            .filter(|piece| !(elide && piece.is_empty()));
        for (index, piece) in pieces.enumerate() {
            let name = names
                .suffix(index)
                .map(|s| format!("{prefix}{s}{}", names.extra))
                .ok_or_else(|| Failure::Fatal("output file suffixes exhausted".into()))?;
            if verbose {
                writeln!(
                    out,
                    "creating file {}",
                    wasmix_common::quote::quoteaf(&name)
                )?;
                out.flush()?;
            }
            wasmix_common::file_out::FileOut::create(&name)
                .and_then(|mut file| file.write_all(piece))
                .map_err(|e| Failure::Fatal(file_error(&name, &e)))?;
        }
        Ok(0)
    })
}

fn positive(text: &str, what: &str) -> Result<u64, Failure> {
    match parse_size(text) {
        Some(0) => Err(Failure::Fatal(format!(
            "invalid {what}: '{text}': Numerical result out of range"
        ))),
        Some(n) => Ok(n),
        None => Err(Failure::Fatal(format!("invalid {what}: '{text}'"))),
    }
}

/// `-C`: pieces of at most `limit` bytes that end at a line's end where one fits.
fn by_line_bytes(data: &[u8], limit: usize, separator: u8) -> Vec<&[u8]> {
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < data.len() {
        let end = start.saturating_add(limit).min(data.len());
        if end == data.len() {
            pieces.push(&data[start..]);
            break;
        }
        let cut = match memchr::memrchr(separator, &data[start..end]) {
            Some(at) => start + at + 1,
            None => end,
        };
        pieces.push(&data[start..cut]);
        start = cut;
    }
    pieces
}

fn by_lines(data: &[u8], lines: usize, separator: u8) -> Vec<&[u8]> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut count = 0;
    for (at, &byte) in data.iter().enumerate() {
        if byte == separator {
            count += 1;
            if count == lines {
                pieces.push(&data[start..=at]);
                start = at + 1;
                count = 0;
            }
        }
    }
    if start < data.len() {
        pieces.push(&data[start..]);
    }
    pieces
}

/// How the pieces are named: suffixes in an alphabet (letters, digits, hex digits), of
/// a length, from a start; as GNU's, when neither length nor start was given the names
/// grow once the first letter reaches the alphabet's last (`xyz` is followed by `xzaaa`).
struct Names {
    alphabet: &'static [u8],
    length: usize,
    widen: bool,
    start: usize,
    /// `--additional-suffix`.
    extra: String,
}

impl Names {
    /// `--numeric-suffixes=FROM`, `--hex-suffixes=FROM`: the first suffix, in digits of the
    /// alphabet; names no longer grow.
    fn start_at(&mut self, from: &str) -> Result<(), Failure> {
        let base = self.alphabet.len();
        let digit = |c: u8| self.alphabet.iter().position(|&d| d == c);
        let mut start = 0usize;
        for c in from.bytes() {
            let value = digit(c).ok_or_else(|| {
                Failure::Fatal(format!("{from}: invalid start value for numerical suffix"))
            })?;
            start = start * base + value;
        }
        self.start = start;
        self.widen = false;
        self.length = self.length.max(from.len());
        Ok(())
    }

    /// The suffix of the piece at `index`, or None when the names are used up.
    fn suffix(&self, index: usize) -> Option<String> {
        let base = self.alphabet.len();
        let last = *self.alphabet.last()? as char;
        let mut index = index + self.start;
        let mut grown = String::new();
        let mut length = self.length;
        if self.widen {
            // Each width holds the names whose first digit is not the last one.
            loop {
                let count = (base - 1) * base.pow(length as u32 - 1);
                if index < count {
                    break;
                }
                index -= count;
                grown.push(last);
                length += 1;
            }
        }
        let mut digits = vec![self.alphabet[0]; length];
        for slot in digits.iter_mut().rev() {
            *slot = self.alphabet[index % base];
            index /= base;
        }
        (index == 0).then(|| grown + &String::from_utf8_lossy(&digits))
    }
}
