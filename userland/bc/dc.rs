//! dc: the reverse-Polish desk calculator, as GNU dc 1.4 reads and runs it, on bc's numbers.
//! `-e` texts run as they come among the options, then each FILE, and standard input
//! when neither was given. The commands are in `dc_machine.rs`; this file holds where
//! they are read from.

use crate::dc_machine::{Flow, Machine};
use std::io::{BufRead, BufReader};
use wasmix_common::{Arg, Program, args};

static PROGRAM: Program = Program::new(
    "dc",
    "Usage: dc [OPTION] [file ...]\n  \
     -e, --expression=EXPR    evaluate expression\n  \
     -f, --file=FILE          evaluate contents of file\n  \
     -h, --help               display this help and exit\n  \
     -V, --version            output version information and exit\n",
);

/// Where the commands at the outermost level come from: a file or standard input, read a
/// byte at a time as dc reads them, so that `?` reads the line after its own from the
/// same standard input.
pub enum Stream {
    Stdin,
    File(BufReader<std::fs::File>),
}

impl Stream {
    fn with_reader<T>(&mut self, read: impl FnOnce(&mut dyn BufRead) -> T) -> T {
        match self {
            Stream::Stdin => read(&mut std::io::stdin().lock()),
            Stream::File(file) => read(file),
        }
    }

    pub fn peek(&mut self) -> Option<u8> {
        self.with_reader(|reader| reader.fill_buf().ok().and_then(|b| b.first().copied()))
    }

    pub fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.with_reader(|reader| reader.consume(1));
        Some(byte)
    }
}

/// A line of standard input without its newline, for `?`.
pub fn read_stdin_line() -> Vec<u8> {
    let mut line = Vec::new();
    let _ = std::io::stdin().lock().read_until(b'\n', &mut line);
    if line.last() == Some(&b'\n') {
        line.pop();
    }
    line
}

pub fn main() -> ! {
    PROGRAM.run(|mut args, out| {
        let mut machine = Machine::new(crate::output::Output::for_dc(out));
        let mut files = Vec::new();
        let mut ran = false;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('e') | Arg::Long("expression") => {
                    let text = args.value()?;
                    ran = true;
                    if let Flow::Exit(status) = machine.run_text(text.into_bytes()) {
                        return Ok(status);
                    }
                }
                Arg::Short('f') | Arg::Long("file") => {
                    ran = true;
                    if let Some(status) = run_file(&mut machine, &args.value()?) {
                        return Ok(status);
                    }
                }
                Arg::Short('h') => args.show_help(),
                Arg::Short('V') => args.show_version(),
                Arg::Value(file) => files.push(args::into_string(file)?),
                arg => return Err(args::unexpected(arg)),
            }
        }
        for file in &files {
            if let Some(status) = run_file(&mut machine, file) {
                return Ok(status);
            }
        }
        if !ran
            && files.is_empty()
            && let Flow::Exit(status) = machine.run_stream(Stream::Stdin)
        {
            return Ok(status);
        }
        Ok(0)
    })
}

/// Runs one file (`-` is standard input); the status to end with, if it ends dc.
fn run_file(machine: &mut Machine, name: &str) -> Option<u8> {
    let stream = if name == "-" {
        Stream::Stdin
    } else {
        let opened = std::fs::File::open(name);
        match opened
            .as_ref()
            .map(|file| file.metadata().map(|m| m.is_dir()))
        {
            Ok(Ok(true)) => {
                machine.complain(&format!("Will not attempt to process directory {name}"));
                return None;
            }
            Ok(_) => Stream::File(BufReader::new(opened.ok()?)),
            Err(_) => {
                machine.complain(&format!("Could not open file {name}"));
                return None;
            }
        }
    };
    match machine.run_stream(stream) {
        Flow::Exit(status) => Some(status),
        Flow::Go => None,
    }
}
