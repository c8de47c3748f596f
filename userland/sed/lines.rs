//! The lines sed reads: the input files one after another, knowing which line is the last
//! and which file it came from.

use std::io::{BufRead, BufReader};
use std::rc::Rc;
use wasmix_common::{describe_io_error, input};

pub struct Lines {
    files: std::vec::IntoIter<String>,
    reader: Option<Box<dyn BufRead>>,
    reading: Rc<str>,
    ahead: Option<(Vec<u8>, bool, Rc<str>)>,
    /// The buffer the line before held, for the next read: no allocation per line.
    spare: Vec<u8>,
    current: Rc<str>,
    delimiter: u8,
    pub status: u8,
}

impl Lines {
    pub fn new(files: Vec<String>, delimiter: u8) -> Lines {
        let mut lines = Lines {
            files: files.into_iter(),
            reader: None,
            reading: Rc::from(""),
            ahead: None,
            spare: Vec::new(),
            current: Rc::from(""),
            delimiter,
            status: 0,
        };
        lines.ahead = lines.read();
        lines
    }

    fn read(&mut self) -> Option<(Vec<u8>, bool, Rc<str>)> {
        loop {
            if let Some(reader) = &mut self.reader {
                let mut line = std::mem::take(&mut self.spare);
                line.clear();
                match reader.read_until(self.delimiter, &mut line) {
                    Ok(0) => self.reader = None,
                    Ok(_) => {
                        let ended = line.last() == Some(&self.delimiter);
                        if ended {
                            line.pop();
                        }
                        return Some((line, ended, self.reading.clone()));
                    }
                    // GNU sed gives up at a read error (a directory, say): status 4.
                    Err(e) => {
                        let reason = describe_io_error(&e);
                        crate::PROGRAM.warn(format!("read error on {}: {reason}", self.reading));
                        self.status = 4;
                        self.reader = None;
                        self.files = Vec::new().into_iter();
                        return None;
                    }
                }
            }
            let name = self.files.next()?;
            match input::open(&name) {
                Ok(reader) => {
                    self.reader = Some(Box::new(BufReader::new(reader)));
                    self.reading = Rc::from(name.as_str());
                }
                Err(e) => {
                    crate::PROGRAM.warn(format!("can't read {name}: {}", describe_io_error(&e)));
                    self.status = 2;
                }
            }
        }
    }

    /// The next line in place of what `into` holds, and whether it ended in the
    /// delimiter.
    pub fn next_into(&mut self, into: &mut Vec<u8>) -> Option<bool> {
        let (line, ended, file) = self.ahead.take()?;
        self.current = file;
        self.spare = std::mem::replace(into, line);
        self.ahead = self.read();
        // A file's unterminated last line stays so: the output adds its newline only if
        // more is written after it (GNU).
        Some(ended)
    }

    pub fn is_last(&self) -> bool {
        self.ahead.is_none()
    }

    /// The file the current line came from, as `F` prints it.
    pub fn file_name(&self) -> &str {
        &self.current
    }
}
