//! bc's and dc's output: numbers broken into lines, each broken line ending in a
//! backslash, as GNU bc and dc write them: bc's lines hold `BC_LINE_LENGTH` characters with
//! the backslash (70 unless set; 0 for no breaking), dc's `DC_LINE_LENGTH` (the same
//! default), and dc counts each number from its own first digit.

use std::io::Write;
use wasmix_common::{BROKEN_PIPE_STATUS, exit};

pub struct Output<'a> {
    sink: &'a mut wasmix_common::Output,
    /// Characters on the current line so far.
    column: usize,
    /// The column a character would reach that goes on the next line instead (0: none).
    break_column: usize,
    /// dc's way: a number starts its count at column 0, whatever came before it.
    counts_per_number: bool,
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
            break_column: line_length.saturating_sub(1),
            counts_per_number: false,
        }
    }

    /// dc's: `DC_LINE_LENGTH` read as C's `strtol` reads it (decimal, `0x` hex or `0`
    /// octal, blanks after it), anything else, negative or 1 meaning 70.
    pub fn for_dc(sink: &'a mut wasmix_common::Output) -> Output<'a> {
        let line_length = std::env::var("DC_LINE_LENGTH")
            .ok()
            .and_then(|value| c_integer(value.trim_end()))
            .filter(|&length| length != 1)
            .unwrap_or(70);
        Output {
            sink,
            column: 0,
            break_column: line_length,
            counts_per_number: true,
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

    /// Bytes as they are, outside any count (dc's strings).
    pub fn bytes(&mut self, bytes: &[u8]) {
        self.write(bytes);
    }

    pub fn number(&mut self, number: &crate::number::Number, base: u64) {
        let text = number.to_text(base);
        if self.counts_per_number {
            self.column = 0;
        }
        let mut line = Vec::with_capacity(text.len() + 2);
        for byte in text.bytes() {
            self.column += 1;
            if self.break_column != 0 && self.column == self.break_column {
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

/// A non-negative number as C's `strtol` with base 0 reads it, the whole text.
fn c_integer(text: &str) -> Option<usize> {
    let text = text.trim_start();
    let (digits, radix) =
        if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
            (hex, 16)
        } else if text.len() > 1 && text.starts_with('0') {
            (&text[1..], 8)
        } else {
            (text.strip_prefix('+').unwrap_or(text), 10)
        };
    usize::from_str_radix(digits, radix).ok()
}
