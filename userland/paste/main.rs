//! paste: merge lines of files side by side (or, with -s, each file onto one line).

use std::io::{BufRead, BufReader, Write};
use wasmix_common::{Arg, Failure, Program, args, file_error, input};

static PROGRAM: Program = Program::new(
    "paste",
    "Usage: paste [OPTION]... [FILE]...\n\
     Write lines consisting of the sequentially corresponding lines from\n\
     each FILE, separated by TABs, to standard output.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -d, --delimiters=LIST   reuse characters from LIST instead of TABs\n  \
     -s, --serial            paste one file at a time instead of in parallel\n  \
     -z, --zero-terminated    line delimiter is NUL, not newline\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut delimiters = vec![Some(b'\t')];
        let mut serial = false;
        let mut terminator = b'\n';
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('d') | Arg::Long("delimiters") => {
                    delimiters = delimiter_list(&args.value()?)?;
                }
                Arg::Short('s') | Arg::Long("serial") => serial = true,
                Arg::Short('z') | Arg::Long("zero-terminated") => terminator = 0,
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let files = input::operands_or_stdin(files);
        let mut sources = Sources::open(&files, terminator)?;
        let delimiter = |index: usize| delimiters[index % delimiters.len()];
        if serial {
            for column in 0..files.len() {
                let mut index = 0;
                while let Some(line) = sources.line(column)? {
                    if index > 0
                        && let Some(d) = delimiter(index - 1)
                    {
                        out.write_all(&[d])?;
                    }
                    out.write_all(&line)?;
                    index += 1;
                }
                out.write_all(&[terminator])?;
            }
            return Ok(u8::from(sources.failed));
        }
        // A row is written once some file gave it a line; the files that have ended give
        // empty fields.
        let mut row = Vec::new();
        loop {
            row.clear();
            let mut any = false;
            for column in 0..files.len() {
                if column > 0
                    && let Some(d) = delimiter(column - 1)
                {
                    row.push(d);
                }
                if let Some(line) = sources.line(column)? {
                    row.extend_from_slice(&line);
                    any = true;
                }
            }
            if !any {
                return Ok(u8::from(sources.failed));
            }
            row.push(terminator);
            out.write_all(&row)?;
        }
    })
}

/// `-d LIST` as GNU's paste reads it: `\0` is an empty delimiter, `\b \f \n \r \t \v \\`
/// the usual characters, a backslash before anything else that character; an empty list
/// is one empty delimiter.
fn delimiter_list(text: &str) -> Result<Vec<Option<u8>>, Failure> {
    let mut list = Vec::new();
    let mut bytes = text.bytes();
    while let Some(byte) = bytes.next() {
        if byte != b'\\' {
            list.push(Some(byte));
            continue;
        }
        list.push(match bytes.next() {
            Some(b'0') => None,
            Some(b'b') => Some(8),
            Some(b'f') => Some(12),
            Some(b'n') => Some(b'\n'),
            Some(b'r') => Some(b'\r'),
            Some(b't') => Some(b'\t'),
            Some(b'v') => Some(11),
            Some(other) => Some(other),
            None => {
                return Err(Failure::Fatal(format!(
                    "delimiter list ends with an unescaped backslash: {text}"
                )));
            }
        });
    }
    if list.is_empty() {
        list.push(None);
    }
    Ok(list)
}

/// The input files, read a line at a time; every `-` is the same standard input, so
/// `paste - -` takes its lines in turn.
struct Sources {
    names: Vec<String>,
    readers: Vec<Option<Box<dyn BufRead>>>,
    stdin: Option<Box<dyn BufRead>>,
    terminator: u8,
    failed: bool,
}

impl Sources {
    fn open(names: &[String], terminator: u8) -> Result<Sources, Failure> {
        let mut readers = Vec::new();
        for name in names {
            readers.push(if name == "-" {
                None
            } else {
                let reader = input::open(name).map_err(|e| Failure::Fatal(file_error(name, &e)))?;
                Some(Box::new(BufReader::new(reader)) as Box<dyn BufRead>)
            });
        }
        Ok(Sources {
            names: names.to_vec(),
            readers,
            stdin: None,
            terminator,
            failed: false,
        })
    }

    /// The next line of the file in `column`, without its terminator; None at its end.
    fn line(&mut self, column: usize) -> Result<Option<Vec<u8>>, Failure> {
        let reader = match &mut self.readers[column] {
            Some(reader) => reader,
            None => self.stdin.get_or_insert_with(|| {
                Box::new(BufReader::new(wasmix_common::input::stdin())) as Box<dyn BufRead>
            }),
        };
        let mut line = Vec::new();
        if let Err(e) = reader.read_until(self.terminator, &mut line) {
            // As GNU: reported, and the file is at its end from then on.
            PROGRAM.warn(file_error(&self.names[column], &e));
            self.failed = true;
            self.readers[column] = Some(Box::new(std::io::empty()));
            return Ok(None);
        }
        if line.is_empty() {
            return Ok(None);
        }
        if line.last() == Some(&self.terminator) {
            line.pop();
        }
        Ok(Some(line))
    }
}
