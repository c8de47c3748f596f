//! csplit: split a file into pieces at line numbers and lines that match patterns, as
//! GNU's csplit does: each piece's size is printed as it is written, and a pattern that
//! cannot be met removes the pieces made (unless -k).

mod patterns;

use patterns::{Pattern, Repeat, Split};
use std::io::{Read, Write};
use wasmix_common::{Arg, Failure, Output, Program, args, describe_io_error, file_error, input};
use wasmix_printf_format::{self as printf_format, Dialect};

static PROGRAM: Program = Program::new(
    "csplit",
    "Usage: csplit [OPTION]... FILE PATTERN...\n\
     Output pieces of FILE separated by PATTERN(s) to files 'xx00', 'xx01', ...,\n\
     and output byte counts of each piece to standard output.\n\n\
     Read standard input if FILE is -\n\n  \
     -b, --suffix-format=FORMAT  use sprintf FORMAT instead of %02d\n  \
     -f, --prefix=PREFIX        use PREFIX instead of 'xx'\n  \
     -k, --keep-files           do not remove output files on errors\n      \
     --suppress-matched     suppress the lines matching PATTERN\n  \
     -n, --digits=DIGITS        use specified number of digits instead of 2\n  \
     -s, --quiet, --silent      do not print counts of output file sizes\n  \
     -z, --elide-empty-files    remove empty output files\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     Each PATTERN may be:\n  \
     INTEGER            copy up to but not including specified line number\n  \
     /REGEXP/[OFFSET]   copy up to but not including a matching line\n  \
     %REGEXP%[OFFSET]   skip to, but not including a matching line\n  \
     {INTEGER}          repeat the previous pattern specified number of times\n  \
     {*}                repeat the previous pattern as many times as possible\n\n\
     A line OFFSET is an integer optionally preceded by '+' or '-'\n",
);

struct Options {
    prefix: String,
    /// The piece's number in the suffix: `%02d`, or what -b or -n gave.
    suffix: String,
    keep: bool,
    quiet: bool,
    elide_empty: bool,
    suppress_matched: bool,
}

/// The pieces written so far, and where the input stands.
struct Splitter<'a> {
    options: &'a Options,
    lines: Vec<&'a [u8]>,
    /// The first line not yet written to a piece (or skipped).
    current: usize,
    /// The first line a pattern's search looks at.
    searched: usize,
    made: Vec<String>,
    out: &'a mut Output,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options {
            prefix: "xx".into(),
            suffix: "%02d".into(),
            keep: false,
            quiet: false,
            elide_empty: false,
            suppress_matched: false,
        };
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('b') | Arg::Long("suffix-format") => options.suffix = args.value()?,
                Arg::Short('f') | Arg::Long("prefix") => options.prefix = args.value()?,
                Arg::Short('k') | Arg::Long("keep-files") => options.keep = true,
                Arg::Long("suppress-matched") => options.suppress_matched = true,
                Arg::Short('n') | Arg::Long("digits") => {
                    let text = args.value()?;
                    let digits: usize = text
                        .parse()
                        .map_err(|_| Failure::Fatal(format!("invalid number: '{text}'")))?;
                    options.suffix = format!("%0{digits}d");
                }
                Arg::Short('s' | 'q') | Arg::Long("quiet" | "silent") => options.quiet = true,
                Arg::Short('z') | Arg::Long("elide-empty-files") => options.elide_empty = true,
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let (file, patterns) = match operands.split_first() {
            None => return Err(Failure::Usage("missing operand".into())),
            Some((file, [])) => {
                return Err(Failure::Usage(format!("missing operand after '{file}'")));
            }
            Some((file, patterns)) => (file, patterns),
        };
        check_suffix(&options.suffix)?;
        let patterns = patterns::parse(patterns)?;
        let mut data = Vec::new();
        input::open(file)
            .and_then(|mut reader| reader.read_to_end(&mut data))
            .map_err(|e| {
                Failure::Fatal(format!(
                    "cannot open '{file}' for reading: {}",
                    describe_io_error(&e)
                ))
            })?;
        let mut splitter = Splitter {
            options: &options,
            lines: data.split_inclusive(|&b| b == b'\n').collect(),
            current: 0,
            searched: 0,
            made: Vec::new(),
            out,
        };
        match splitter.run(&patterns) {
            Ok(()) => Ok(0),
            Err(e) => {
                if !options.keep {
                    for name in &splitter.made {
                        let _ = std::fs::remove_file(name);
                    }
                }
                Err(e)
            }
        }
    })
}

impl Splitter<'_> {
    fn run(&mut self, patterns: &[Pattern]) -> Result<(), Failure> {
        for pattern in patterns {
            let times = match pattern.repeat {
                Repeat::Times(n) => Some(n + 1),
                Repeat::Forever => None,
            };
            let mut round = 0;
            while times.is_none_or(|t| round < t) {
                let on_repetition = |message: String| match round {
                    0 => message,
                    n => format!("{message} on repetition {n}"),
                };
                match &pattern.split {
                    Split::Line(n) => {
                        let line = n * (round + 1);
                        if line > self.lines.len() {
                            self.piece(self.lines.len())?;
                            let what = on_repetition(format!(
                                "'{}': line number out of range",
                                pattern.text
                            ));
                            return Err(Failure::Fatal(what));
                        }
                        self.piece(line - 1)?;
                        self.searched = line - 1;
                    }
                    Split::Match {
                        regex,
                        offset,
                        skip,
                    } => {
                        let start = self.searched.max(self.current);
                        let found = (start..self.lines.len()).find(|&i| {
                            let line = self.lines[i];
                            regex.is_match(line.strip_suffix(b"\n").unwrap_or(line))
                        });
                        let Some(at) = found else {
                            if times.is_none() && round > 0 {
                                break;
                            }
                            self.piece(self.lines.len())?;
                            let what =
                                on_repetition(format!("'{}': match not found", pattern.text));
                            return Err(Failure::Fatal(what));
                        };
                        let split = at as isize + offset;
                        if split < self.current as isize || split > self.lines.len() as isize {
                            // What there is goes to the piece: nothing, or the rest.
                            self.piece(split.clamp(0, self.lines.len() as isize) as usize)?;
                            return Err(Failure::Fatal(format!(
                                "'{}': line number out of range",
                                pattern.text
                            )));
                        }
                        if *skip {
                            self.current = split as usize;
                        } else {
                            self.piece(split as usize)?;
                        }
                        self.searched = at + 1;
                        if self.options.suppress_matched && *offset == 0 {
                            self.current = self.current.max(at + 1);
                        }
                    }
                }
                round += 1;
            }
        }
        self.piece(self.lines.len())
    }

    /// Writes the lines up to `end` as the next piece, and tells its size.
    fn piece(&mut self, end: usize) -> Result<(), Failure> {
        let end = end.max(self.current);
        let lines = &self.lines[self.current..end];
        self.current = end;
        let size: usize = lines.iter().map(|l| l.len()).sum();
        if size == 0 && self.options.elide_empty {
            return Ok(());
        }
        let number = suffix(&self.options.suffix, self.made.len());
        let name = format!("{}{number}", self.options.prefix);
        let write = std::fs::File::create(&name).and_then(|mut file| {
            for line in lines {
                file.write_all(line)?;
            }
            Ok(())
        });
        self.made.push(name.clone());
        write.map_err(|e| Failure::Fatal(file_error(&name, &e)))?;
        if !self.options.quiet {
            writeln!(self.out, "{size}")?;
        }
        Ok(())
    }
}

/// The suffix for piece `number`: the `-b` format (one `%d`-like directive, with flags
/// and width) filled in.
fn suffix(format: &str, number: usize) -> String {
    // GNU's csplit gives the format to sprintf, which reads no backslash escapes.
    let formatted = printf_format::format(
        &format.replace('\\', "\\\\"),
        &[number.to_string()],
        Dialect::Gnu,
        None,
        false,
    );
    String::from_utf8_lossy(&formatted.bytes).into_owned()
}

/// Checks a `-b` format as GNU's csplit does: one integer conversion, no other.
fn check_suffix(format: &str) -> Result<(), Failure> {
    let mut conversions = 0;
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        let rest: String = chars
            .by_ref()
            .skip_while(|c| "#-+ '0123456789.".contains(*c))
            .take(1)
            .collect();
        match rest.as_str() {
            "%" => continue,
            "d" | "i" | "u" | "o" | "x" | "X" => conversions += 1,
            "" => {
                return Err(Failure::Fatal(
                    "missing conversion specifier in suffix".into(),
                ));
            }
            other => {
                return Err(Failure::Fatal(format!(
                    "invalid conversion specifier in suffix: {other}"
                )));
            }
        }
    }
    match conversions {
        0 => Err(Failure::Fatal(
            "missing % conversion specification in suffix".into(),
        )),
        1 => Ok(()),
        _ => Err(Failure::Fatal(
            "too many % conversion specifications in suffix".into(),
        )),
    }
}
