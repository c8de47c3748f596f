//! Where records come from and where output goes: readers that cut input into records by
//! RS (a character, blank-line paragraphs, or a regex), and the files and commands named
//! in `print > f`, `print | cmd`, `getline < f` and `cmd | getline`, kept open until
//! `close` or the end.

use regex::Regex;
use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Read, Write};
use wasmix_common::process::{Child, ChildInput, Command, Stdio};

pub enum RecordSeparator {
    Char(u8),
    Paragraph,
    Regex(Regex),
}

impl RecordSeparator {
    pub fn new(rs: &str) -> Result<RecordSeparator, String> {
        Ok(match rs.as_bytes() {
            [] => RecordSeparator::Paragraph,
            [c] => RecordSeparator::Char(*c),
            _ => RecordSeparator::Regex(crate::ere::compile(rs)?),
        })
    }
}

pub struct RecordReader {
    source: Box<dyn Read>,
    buffer: Vec<u8>,
    start: usize,
    eof: bool,
}

impl RecordReader {
    pub fn new(source: Box<dyn Read>) -> RecordReader {
        RecordReader {
            source,
            buffer: Vec::new(),
            start: 0,
            eof: false,
        }
    }

    /// Reads more; false at the end of the input.
    fn fill(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.start > 0 {
            self.buffer.drain(..self.start);
            self.start = 0;
        }
        let old = self.buffer.len();
        self.buffer.resize(old + 64 * 1024, 0);
        let n = loop {
            match self.source.read(&mut self.buffer[old..]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other,
            }
        };
        let n = n.inspect_err(|_| self.buffer.truncate(old))?;
        self.buffer.truncate(old + n);
        self.eof = n == 0;
        Ok(n > 0)
    }

    fn take(&mut self, end: usize, skip: usize, out: &mut String) {
        let bytes = &self.buffer[self.start..end];
        match std::str::from_utf8(bytes) {
            Ok(text) => out.push_str(text),
            Err(_) => out.push_str(&String::from_utf8_lossy(bytes)),
        }
        self.start = end + skip;
    }

    fn rest(&mut self, out: &mut String) -> bool {
        if self.start >= self.buffer.len() {
            return false;
        }
        let end = self.buffer.len();
        self.take(end, 0, out);
        true
    }

    pub fn next(&mut self, separator: &RecordSeparator) -> io::Result<Option<String>> {
        let mut text = String::new();
        Ok(self.next_into(separator, &mut text)?.then_some(text))
    }

    /// Appends the next record to `out`; false at the end of the input.
    pub fn next_into(&mut self, separator: &RecordSeparator, out: &mut String) -> io::Result<bool> {
        match separator {
            RecordSeparator::Char(c) => loop {
                if let Some(i) = memchr::memchr(*c, &self.buffer[self.start..]) {
                    self.take(self.start + i, 1, out);
                    return Ok(true);
                }
                if !self.fill()? {
                    return Ok(self.rest(out));
                }
            },
            RecordSeparator::Paragraph => {
                loop {
                    while self.start < self.buffer.len() && self.buffer[self.start] == b'\n' {
                        self.start += 1;
                    }
                    if self.start < self.buffer.len() || !self.fill()? {
                        break;
                    }
                }
                loop {
                    if let Some(i) = memchr::memmem::find(&self.buffer[self.start..], b"\n\n") {
                        self.take(self.start + i, 2, out);
                        return Ok(true);
                    }
                    if !self.fill()? {
                        let found = self.rest(out);
                        out.truncate(out.trim_end_matches('\n').len());
                        return Ok(found);
                    }
                }
            }
            RecordSeparator::Regex(re) => loop {
                let text = String::from_utf8_lossy(&self.buffer[self.start..]).into_owned();
                if let Some(m) = re.find(&text).filter(|m| m.end() > m.start())
                    && (m.end() < text.len() || self.eof)
                {
                    out.push_str(&text[..m.start()]);
                    self.start += m.end();
                    return Ok(true);
                }
                if !self.fill()? {
                    return Ok(self.rest(out));
                }
            },
        }
    }
}

enum Sink {
    File(BufWriter<File>),
    Pipe(Child, BufWriter<ChildInput>),
    Stderr(io::Stderr),
}

struct Source {
    reader: RecordReader,
    child: Option<Child>,
}

#[derive(Default)]
pub struct Streams {
    sinks: HashMap<String, Sink>,
    sources: HashMap<String, Source>,
}

pub enum Target<'a> {
    Stdout,
    Stream(&'a mut dyn Write),
}

fn shell(command: &str) -> Command {
    Command::new(vec!["sh".into(), "-c".into(), command.into()])
}

fn spawn_failed(command: &str, why: String) -> io::Error {
    io::Error::other(format!("cannot open pipe \"{command}\": {why}"))
}

impl Streams {
    /// The stream for `print > name` (append: `>>`, pipe: `|`), opened on first use.
    pub fn output(&mut self, name: &str, append: bool, pipe: bool) -> io::Result<Target<'_>> {
        if !pipe && (name == "/dev/stdout" || name == "-") {
            return Ok(Target::Stdout);
        }
        if !self.sinks.contains_key(name) {
            let sink = if pipe {
                let child = shell(name)
                    .stdin(Stdio::Piped)
                    .spawn()
                    .map_err(|e| spawn_failed(name, e.reason()))?;
                let input = child
                    .take_stdin()
                    .ok_or_else(|| spawn_failed(name, "no pipe".into()))?;
                Sink::Pipe(child, BufWriter::new(input))
            } else if name == "/dev/stderr" {
                Sink::Stderr(io::stderr())
            } else {
                let file = OpenOptions::new()
                    .write(true)
                    .create(true)
                    .append(append)
                    .truncate(!append)
                    .open(name)?;
                Sink::File(BufWriter::new(file))
            };
            self.sinks.insert(name.to_string(), sink);
        }
        Ok(Target::Stream(
            match self.sinks.get_mut(name).expect("just opened") {
                Sink::File(w) => w,
                Sink::Pipe(_, w) => w,
                Sink::Stderr(e) => e,
            },
        ))
    }

    /// The reader for `getline < name` or `name | getline`, opened on first use.
    pub fn input(&mut self, name: &str, command: bool) -> io::Result<&mut RecordReader> {
        if !self.sources.contains_key(name) {
            let source = if command {
                let child = shell(name)
                    .stdout(Stdio::Piped)
                    .spawn()
                    .map_err(|e| spawn_failed(name, e.reason()))?;
                let output = child
                    .take_stdout()
                    .ok_or_else(|| spawn_failed(name, "no pipe".into()))?;
                Source {
                    reader: RecordReader::new(Box::new(output)),
                    child: Some(child),
                }
            } else if name == "-" || name == "/dev/stdin" {
                Source {
                    reader: RecordReader::new(Box::new(io::stdin())),
                    child: None,
                }
            } else {
                Source {
                    reader: RecordReader::new(Box::new(File::open(name)?)),
                    child: None,
                }
            };
            self.sources.insert(name.to_string(), source);
        }
        Ok(&mut self.sources.get_mut(name).expect("just opened").reader)
    }

    /// `close(name)`: 0, a command's exit status, or -1 when nothing of that name is open.
    pub fn close(&mut self, name: &str) -> i32 {
        let mut status = -1;
        if let Some(sink) = self.sinks.remove(name) {
            status = match sink {
                Sink::File(mut w) => w.flush().map_or(-1, |()| 0),
                Sink::Pipe(child, mut w) => {
                    let _ = w.flush();
                    drop(w);
                    i32::from(child.wait().status.code())
                }
                Sink::Stderr(_) => 0,
            };
        }
        if let Some(source) = self.sources.remove(name) {
            drop(source.reader);
            status = source
                .child
                .map_or(0, |c| i32::from(c.wait().status.code()));
        }
        status
    }

    /// `fflush(name)`, or every stream with no name.
    pub fn flush(&mut self, name: Option<&str>) -> i32 {
        let mut status = if name.is_some() { -1 } else { 0 };
        for (key, sink) in &mut self.sinks {
            if name.is_some_and(|n| n != key) {
                continue;
            }
            let flushed = match sink {
                Sink::File(w) => w.flush(),
                Sink::Pipe(_, w) => w.flush(),
                Sink::Stderr(_) => Ok(()),
            };
            status = if flushed.is_ok() { 0 } else { -1 };
        }
        status
    }

    pub fn close_all(&mut self) {
        let names: Vec<String> = self
            .sinks
            .keys()
            .chain(self.sources.keys())
            .cloned()
            .collect();
        for name in names {
            self.close(&name);
        }
    }
}
