//! One file (or standard input) being paged: its lines, read only as far as the screen
//! needs, so that `yes | less` shows a page at once.

use std::io::{BufRead, BufReader, Read};

pub struct Document {
    pub name: String,
    lines: Vec<String>,
    reader: Option<BufReader<Box<dyn Read>>>,
}

impl Document {
    pub fn new(name: String, reader: Box<dyn Read>) -> Document {
        Document {
            name,
            lines: Vec::new(),
            reader: Some(BufReader::with_capacity(64 * 1024, reader)),
        }
    }

    /// Whether line `index` (from 0) exists, reading up to it if need be.
    pub fn has(&mut self, index: usize) -> bool {
        while self.lines.len() <= index {
            if !self.read_line() {
                return false;
            }
        }
        true
    }

    pub fn line(&mut self, index: usize) -> Option<&str> {
        if !self.has(index) {
            return None;
        }
        self.lines.get(index).map(String::as_str)
    }

    /// Reads to the end; the number of lines.
    pub fn len(&mut self) -> usize {
        while self.read_line() {}
        self.lines.len()
    }

    fn read_line(&mut self) -> bool {
        let Some(reader) = self.reader.as_mut() else {
            return false;
        };
        let mut line = Vec::new();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => {
                self.reader = None;
                false
            }
            Ok(_) => {
                if line.last() == Some(&b'\n') {
                    line.pop();
                }
                self.lines.push(String::from_utf8_lossy(&line).into_owned());
                true
            }
        }
    }
}
