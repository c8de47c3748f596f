//! bc's output: numbers broken into lines of `BC_LINE_LENGTH` characters (70 unless set;
//! 0 for no breaking), each broken line ending in a backslash, as GNU bc writes them.

use std::io::Write;
use wasmix_common::{BROKEN_PIPE_STATUS, exit};

pub struct Output<'a> {
    sink: &'a mut wasmix_common::Output,
    /// Characters on the current line so far.
    column: usize,
    line_length: usize,
}

impl<'a> Output<'a> {
    pub fn new(sink: &'a mut wasmix_common::Output) -> Output<'a> {
        let line_length = std::env::var("BC_LINE_LENGTH")
            .ok()
            .and_then(|value| value.parse::<usize>().ok())
            .map_or(
                70,
                |length| if (1..3).contains(&length) { 70 } else { length },
            );
        Output {
            sink,
            column: 0,
            line_length,
        }
    }

    fn write(&mut self, bytes: &[u8]) {
        // A reader that went away ends bc as SIGPIPE would; nothing else is worth going on for.
        if let Err(e) = self.sink.write_all(bytes) {
            let status = if e.kind() == std::io::ErrorKind::BrokenPipe {
                BROKEN_PIPE_STATUS
            } else {
                1
            };
            exit(status);
        }
    }

    pub fn text(&mut self, text: &str) {
        self.write(text.as_bytes());
        match text.rfind('\n') {
            Some(at) => self.column = text.len() - at - 1,
            None => self.column += text.len(),
        }
    }

    pub fn number(&mut self, number: &crate::number::Number, base: u64) {
        let text = number.to_text(base);
        let mut line = Vec::with_capacity(text.len() + 2);
        for byte in text.bytes() {
            self.column += 1;
            if self.line_length != 0 && self.column == self.line_length - 1 {
                line.extend_from_slice(b"\\\n");
                self.column = 1;
            }
            line.push(byte);
        }
        self.write(&line);
    }

    pub fn flush(&mut self) {
        if let Err(e) = self.sink.flush() {
            let status = if e.kind() == std::io::ErrorKind::BrokenPipe {
                BROKEN_PIPE_STATUS
            } else {
                1
            };
            exit(status);
        }
    }
}
