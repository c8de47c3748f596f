//! uniq: report or omit repeated adjacent lines.

use std::io::Write;
use wasmix_common::{Arg, Failure, Program, args, file_error, input};

static PROGRAM: Program = Program::new(
    "uniq",
    "Usage: uniq [OPTION]... [INPUT [OUTPUT]]\n\
     Filter adjacent matching lines from INPUT (or standard input),\n\
     writing to OUTPUT (or standard output).\n\n\
     With no options, matching lines are merged to the first occurrence.\n\n  \
     -c, --count           prefix lines by the number of occurrences\n  \
     -d, --repeated        only print duplicate lines, one for each group\n  \
     -D                    print all duplicate lines\n      \
     --all-repeated[=METHOD]  like -D, but allow separating groups\n                             \
     with an empty line;\n                             \
     METHOD={none(default),prepend,separate}\n  \
     -f, --skip-fields=N   avoid comparing the first N fields\n      \
     --group[=METHOD]  show all items, separating groups with an empty line;\n                         \
     METHOD={separate(default),prepend,append,both}\n  \
     -i, --ignore-case     ignore differences in case when comparing\n  \
     -s, --skip-chars=N    avoid comparing the first N characters\n  \
     -u, --unique          only print unique lines\n  \
     -z, --zero-terminated     line delimiter is NUL, not newline\n  \
     -w, --check-chars=N   compare no more than N characters in lines\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     A field is a run of blanks (usually spaces and/or TABs), then non-blank\n\
     characters.  Fields are skipped before chars.\n",
);

/// What part of a line is compared: -f, -s, -w and -i.
struct Key {
    fields: usize,
    chars: usize,
    width: Option<usize>,
    ignore_case: bool,
}

impl Key {
    fn of<'l>(&self, line: &'l [u8]) -> &'l [u8] {
        let mut at = 0;
        for _ in 0..self.fields {
            while line.get(at).is_some_and(|b| matches!(b, b' ' | b'\t')) {
                at += 1;
            }
            while line.get(at).is_some_and(|b| !matches!(b, b' ' | b'\t')) {
                at += 1;
            }
        }
        let start = (at + self.chars).min(line.len());
        let end = self
            .width
            .map_or(line.len(), |w| (start + w).min(line.len()));
        &line[start..end]
    }

    fn same(&self, a: &[u8], b: &[u8]) -> bool {
        let (a, b) = (self.of(a), self.of(b));
        if self.ignore_case {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    }
}

/// How groups are shown: one line each (the classic), or every line of them (-D, --group)
/// with empty lines between.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    OneLine,
    AllRepeated { prepend: bool, separate: bool },
    Group { before: bool, after: bool },
}

/// A count for -f, -s or -w: as in GNU's, one too large for memory means "all of them",
/// and a bad one ends the run without a usage hint.
fn number(args: &mut wasmix_common::Args, what: &str) -> Result<usize, Failure> {
    let value = args.value()?;
    match value.parse() {
        Ok(n) => Ok(n),
        Err(_) if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => Ok(usize::MAX),
        Err(_) => Err(Failure::Fatal(format!("{value}: invalid number of {what}"))),
    }
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let (mut count, mut repeated, mut unique) = (false, false, false);
        let mut key = Key {
            fields: 0,
            chars: 0,
            width: None,
            ignore_case: false,
        };
        let mut shape = Shape::OneLine;
        let mut delimiter = b'\n';
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('c') | Arg::Long("count") => count = true,
                Arg::Short('d') | Arg::Long("repeated") => repeated = true,
                Arg::Short('D') => {
                    shape = Shape::AllRepeated {
                        prepend: false,
                        separate: false,
                    }
                }
                Arg::Long("all-repeated") => {
                    let method = args.optional_value();
                    shape = match method.as_deref() {
                        None | Some("none") => Shape::AllRepeated {
                            prepend: false,
                            separate: false,
                        },
                        Some("prepend") => Shape::AllRepeated {
                            prepend: true,
                            separate: false,
                        },
                        Some("separate") => Shape::AllRepeated {
                            prepend: false,
                            separate: true,
                        },
                        Some(other) => {
                            return Err(Failure::Usage(format!(
                                "invalid argument '{other}' for '--all-repeated'"
                            )));
                        }
                    };
                }
                Arg::Long("group") => {
                    let method = args.optional_value();
                    let (before, after) = match method.as_deref() {
                        None | Some("separate") => (false, false),
                        Some("prepend") => (true, false),
                        Some("append") => (false, true),
                        Some("both") => (true, true),
                        Some(other) => {
                            return Err(Failure::Usage(format!(
                                "invalid argument '{other}' for '--group'"
                            )));
                        }
                    };
                    shape = Shape::Group { before, after };
                }
                Arg::Short('f') | Arg::Long("skip-fields") => {
                    key.fields = number(&mut args, "fields to skip")?
                }
                Arg::Short('s') | Arg::Long("skip-chars") => {
                    key.chars = number(&mut args, "bytes to skip")?
                }
                Arg::Short('w') | Arg::Long("check-chars") => {
                    key.width = Some(number(&mut args, "bytes to compare")?)
                }
                Arg::Short('u') | Arg::Long("unique") => unique = true,
                Arg::Short('i') | Arg::Long("ignore-case") => key.ignore_case = true,
                Arg::Short('z') | Arg::Long("zero-terminated") => delimiter = 0,
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if operands.len() > 2 {
            return Err(Failure::Usage(format!("extra operand '{}'", operands[2])));
        }
        if matches!(shape, Shape::Group { .. }) && (count || repeated || unique) {
            return Err(Failure::Usage(
                "--group is mutually exclusive with -c/-d/-D/-u".into(),
            ));
        }
        if matches!(shape, Shape::AllRepeated { .. }) && count {
            return Err(Failure::Usage(
                "printing all duplicated lines and repeat counts is meaningless".into(),
            ));
        }
        let name = operands.first().cloned().unwrap_or_else(|| "-".into());
        let mut reader =
            input::Chunks::open(&name).map_err(|e| Failure::Fatal(file_error(&name, &e)))?;
        let mut sink: Box<dyn Write> = match operands.get(1).filter(|p| *p != "-") {
            Some(path) => Box::new(
                wasmix_common::file_out::FileOut::create(path)
                    .map_err(|e| Failure::Fatal(file_error(path, &e)))?,
            ),
            None => Box::new(&mut *out),
        };
        let mut writer = GroupWriter {
            sink: &mut *sink,
            shape,
            count,
            repeated,
            unique,
            delimiter,
            groups_shown: 0,
        };
        // Every line of the group is kept only when every line is shown; the first is
        // always kept, to compare the next with.
        let keep_all = shape != Shape::OneLine;
        // With nothing to count or leave out, a group's line is written as it starts, as
        // GNU's uniq writes it: a reader of a pipe sees it before the next line comes.
        let eager = shape == Shape::OneLine && !count && !repeated && !unique;
        let mut group: Vec<Vec<u8>> = vec![Vec::new()];
        let mut times = 0u64;
        let mut written = Ok(());
        let read = each_line(&mut reader, delimiter, |line| {
            if times > 0 && key.same(&group[0], line) {
                times += 1;
                if keep_all {
                    group.push(line.to_vec());
                }
                return Ok(());
            }
            if times > 0 && !eager {
                written = writer.group(&group, times);
            } else if eager {
                written = writer.line(line);
            }
            if written.is_err() {
                return Err(std::io::ErrorKind::Other.into());
            }
            group.truncate(1);
            group[0].clear();
            group[0].extend_from_slice(line);
            times = 1;
            Ok(())
        });
        written?;
        if read.is_err() {
            return Err(Failure::Fatal(format!("error reading '{name}'")));
        }
        if times > 0 && !eager {
            writer.group(&group, times)?;
        }
        writer.finish()?;
        Ok(0)
    })
}

/// Calls `f` with each line of `reader` (without its delimiter), where the chunk read
/// holds it: only a line split between two chunks is copied.
fn each_line(
    reader: &mut input::Chunks,
    delimiter: u8,
    mut f: impl FnMut(&[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut partial = Vec::new();
    reader.each_chunk(|chunk| {
        let mut rest = chunk;
        if !partial.is_empty() {
            let Some(end) = memchr::memchr(delimiter, rest) else {
                partial.extend_from_slice(rest);
                return Ok(());
            };
            partial.extend_from_slice(&rest[..end]);
            f(&partial)?;
            partial.clear();
            rest = &rest[end + 1..];
        }
        let mut start = 0;
        for end in memchr::memchr_iter(delimiter, rest) {
            f(&rest[start..end])?;
            start = end + 1;
        }
        partial.extend_from_slice(&rest[start..]);
        Ok(())
    })?;
    if partial.is_empty() {
        Ok(())
    } else {
        f(&partial)
    }
}

/// `-c`'s column, `{times:>7} `, and its length, made without the formatting machinery
/// (it is written once a line).
fn count_column(times: u64) -> ([u8; 28], usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = times;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let number = &digits[at..];
    let pad = 7usize.saturating_sub(number.len());
    let mut column = [b' '; 28];
    column[pad..pad + number.len()].copy_from_slice(number);
    (column, pad + number.len() + 1)
}

struct GroupWriter<'w> {
    sink: &'w mut dyn Write,
    shape: Shape,
    count: bool,
    repeated: bool,
    unique: bool,
    delimiter: u8,
    groups_shown: u64,
}

impl GroupWriter<'_> {
    fn line(&mut self, line: &[u8]) -> std::io::Result<()> {
        self.sink.write_all(line)?;
        self.sink.write_all(&[self.delimiter])
    }

    fn group(&mut self, group: &[Vec<u8>], times: u64) -> std::io::Result<()> {
        match self.shape {
            Shape::OneLine => {
                if (self.repeated && times < 2) || (self.unique && times > 1) {
                    return Ok(());
                }
                if self.count {
                    let (column, len) = count_column(times);
                    self.sink.write_all(&column[..len])?;
                }
                self.line(&group[0])
            }
            Shape::AllRepeated { prepend, separate } => {
                if times < 2 {
                    return Ok(());
                }
                if prepend || (separate && self.groups_shown > 0) {
                    self.sink.write_all(&[self.delimiter])?;
                }
                self.groups_shown += 1;
                group.iter().try_for_each(|line| self.line(line))
            }
            Shape::Group { before, .. } => {
                if before || self.groups_shown > 0 {
                    self.sink.write_all(&[self.delimiter])?;
                }
                self.groups_shown += 1;
                group.iter().try_for_each(|line| self.line(line))
            }
        }
    }

    fn finish(&mut self) -> std::io::Result<()> {
        if let Shape::Group { after: true, .. } = self.shape
            && self.groups_shown > 0
        {
            self.sink.write_all(&[self.delimiter])?;
        }
        self.sink.flush()
    }
}
