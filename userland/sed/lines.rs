//! The lines sed reads: the input files one after another, knowing which line is the last
//! and which file it came from.

use std::io::{BufRead, BufReader};
use std::rc::Rc;
use wasmix_common::{describe_io_error, input};

/// A line read: its bytes without the delimiter, whether it had one, and its file.
type Line = (Vec<u8>, bool, Rc<str>);

pub struct Lines {
    files: std::vec::IntoIter<String>,
    reader: Option<Box<dyn BufRead>>,
    reading: Rc<str>,
    /// The line after the current one, once something has asked whether there is one
    /// (`$`, `n`, `N`): reading it only then lets a line from a pipe be answered before
    /// the next is written, and `q` stop before the next file is opened, as GNU's sed.
    ahead: Option<Option<Line>>,
    /// The buffer the line before held, for the next read: no allocation per line.
    spare: Vec<u8>,
    current: Rc<str>,
    delimiter: u8,
    pub status: u8,
}

impl Lines {
    pub fn new(files: Vec<String>, delimiter: u8) -> Lines {
        Lines {
            files: files.into_iter(),
            reader: None,
            reading: Rc::from(""),
            ahead: None,
            spare: Vec::new(),
            current: Rc::from(""),
            delimiter,
            status: 0,
        }
    }

    fn read(&mut self) -> Option<Line> {
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
                        let shown = match &*self.reading {
                            "-" => "stdin",
                            name => name,
                        };
                        crate::PROGRAM.warn(format!("read error on {shown}: {reason}"));
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
        let (line, ended, file) = match self.ahead.take() {
            Some(ahead) => ahead?,
            None => self.read()?,
        };
        self.current = file;
        self.spare = std::mem::replace(into, line);
        // A file's unterminated last line stays so: the output adds its newline only if
        // more is written after it (GNU).
        Some(ended)
    }

    pub fn is_last(&mut self) -> bool {
        if self.ahead.is_none() {
            self.ahead = Some(self.read());
        }
        matches!(self.ahead, Some(None))
    }

    /// The file the current line came from, as `F` prints it.
    pub fn file_name(&self) -> &str {
        &self.current
    }
}
