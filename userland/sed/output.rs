//! Where sed writes: standard output and the files of `w`, `W` and `s///w`. As in GNU sed,
//! a last line that had no newline is written without one, and gets it only if more is
//! written after it.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufWriter, Write};

struct Sink {
    writer: Box<dyn Write>,
    missing_newline: bool,
}

pub struct Output<'o> {
    main: &'o mut dyn Write,
    main_missing_newline: bool,
    files: HashMap<String, Sink>,
    delimiter: u8,
    /// `-u`: each line goes out as it is written.
    pub unbuffered: bool,
}

impl<'o> Output<'o> {
    pub fn new(main: &'o mut dyn Write, delimiter: u8) -> Output<'o> {
        Output {
            main,
            main_missing_newline: false,
            files: HashMap::new(),
            delimiter,
            unbuffered: false,
        }
    }

    /// Creates (empties) a file that `w` writes to, as GNU does before reading any input.
    pub fn open(&mut self, name: &str) -> io::Result<()> {
        if name == "/dev/stdout" || self.files.contains_key(name) {
            return Ok(());
        }
        let writer: Box<dyn Write> = if name == "/dev/stderr" {
            Box::new(io::stderr())
        } else {
            Box::new(BufWriter::new(File::create(name)?))
        };
        self.files.insert(
            name.to_string(),
            Sink {
                writer,
                missing_newline: false,
            },
        );
        Ok(())
    }

    fn sink(&mut self, file: Option<&str>) -> (&mut dyn Write, &mut bool) {
        if let Some(sink) = file.and_then(|name| self.files.get_mut(name)) {
            return (&mut sink.writer, &mut sink.missing_newline);
        }
        (&mut *self.main, &mut self.main_missing_newline)
    }

    /// A line of the pattern space; `ended` says whether it had its delimiter.
    pub fn line(&mut self, file: Option<&str>, text: &[u8], ended: bool) -> io::Result<()> {
        let (delimiter, unbuffered) = (self.delimiter, self.unbuffered);
        let (writer, missing) = self.sink(file);
        if std::mem::take(missing) {
            writer.write_all(&[delimiter])?;
        }
        writer.write_all(text)?;
        if ended {
            writer.write_all(&[delimiter])?;
        } else {
            *missing = true;
        }
        if unbuffered {
            writer.flush()?;
        }
        Ok(())
    }

    /// Text of sed's own (`=`, `i`, appended text): after a missing newline, on a line of
    /// its own.
    pub fn text(&mut self, text: &[u8]) -> io::Result<()> {
        if std::mem::take(&mut self.main_missing_newline) {
            self.main.write_all(&[self.delimiter])?;
        }
        self.main.write_all(text)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        for sink in self.files.values_mut() {
            sink.writer.flush()?;
        }
        self.main.flush()
    }
}

/// The pattern space as `l` shows it: escapes for what does not print, `$` at the end,
/// and lines broken with `\` so that none is longer than `width`; `end` (the line
/// delimiter, NUL with -z) after it all.
pub fn listing(text: &[u8], width: usize, end: u8) -> Vec<u8> {
    let mut out = Vec::new();
    let mut column = 0;
    for &byte in text {
        let shown = wasmix_common::quote::c_escaped(byte);
        if width > 0 && column + shown.len() > width - 1 {
            out.extend_from_slice(b"\\\n");
            column = 0;
        }
        column += shown.len();
        out.extend_from_slice(shown.as_bytes());
    }
    out.extend_from_slice(&[b'$', end]);
    out
}
