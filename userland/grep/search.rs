//! Searching one input: line by line when each line's place matters (numbers, offsets,
//! context, -o, colour, -m, binary data), else over whole blocks of lines.

use crate::options::{BinaryFiles, Options};
use crate::pattern::Matcher;
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use wasmix_common::{Failure, Output};

/// How much is read at a time.
const BLOCK: usize = 256 * 1024;

/// GNU's default colours (GREP_COLORS): match, file name, line number, separator.
const MATCH: &str = "\x1b[01;31m\x1b[K";
const NAME: &str = "\x1b[35m\x1b[K";
const NUMBER: &str = "\x1b[32m\x1b[K";
const SEPARATOR: &str = "\x1b[36m\x1b[K";
const END: &str = "\x1b[m\x1b[K";

pub struct Searcher<'o> {
    pub matcher: Matcher,
    pub options: Options,
    pub out: &'o mut Output,
    pub show_names: bool,
    /// Whether any line was selected, in any input.
    pub matched: bool,
    /// Whether a group of lines with context was written, so the next needs `--`.
    pub grouped: bool,
    /// With `-T`, the width line numbers and offsets are padded to.
    pub number_width: usize,
    /// Whether the input searched is standard input.
    pub from_stdin: bool,
}

/// A line as written: where it is, and whether it was selected (`:`) or is context (`-`).
struct Place {
    number: u64,
    offset: u64,
    selected: bool,
}

impl Searcher<'_> {
    fn line_by_line(&self) -> bool {
        let o = &self.options;
        o.numbers
            || o.byte_offset
            || o.only_matching
            || o.color
            || o.before > 0
            || o.after > 0
            || o.max_count.is_some()
            || o.terminator != b'\n'
            || o.null_after_name
            || o.initial_tab
    }

    /// Searches one input, named `label` in what is written.
    pub fn search(&mut self, reader: Box<dyn Read>, label: &str) -> Result<(), Failure> {
        let mut reader = BufReader::with_capacity(BLOCK, reader);
        let binary = self.options.binary != BinaryFiles::Text && {
            let start = loop {
                match reader.fill_buf() {
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    other => break other?,
                }
            };
            start.contains(&0) && self.options.terminator != 0
        };
        if binary && self.options.binary == BinaryFiles::WithoutMatch {
            return Ok(());
        }
        let count = if binary || self.line_by_line() {
            self.search_lines(reader, label, binary)?
        } else {
            let shown = self.show_names.then_some(label);
            crate::blocks::search(self, reader, shown)?
        };
        self.report(label, count)
    }

    /// What -c, -l and -L write once an input is searched.
    pub fn report(&mut self, label: &str, count: u64) -> Result<(), Failure> {
        let o = &self.options;
        if o.quiet {
            return Ok(());
        }
        let listing = o.files_with_matches || o.files_without_match;
        let end = if o.null_after_name { b'\0' } else { b'\n' };
        if o.files_with_matches && count > 0 || o.files_without_match && count == 0 {
            self.write_name(label)?;
            self.out.write_all(&[end])?;
        } else if self.options.count && !listing {
            if self.show_names {
                self.write_name(label)?;
                self.write_separator(b':')?;
            }
            writeln!(self.out, "{count}")?;
        }
        Ok(())
    }

    /// Whether an input's search may stop at its first selected line.
    pub fn first_is_enough(&self) -> bool {
        let o = &self.options;
        o.quiet || o.files_with_matches || o.files_without_match
    }

    /// The line-by-line search; the number of selected lines.
    fn search_lines(
        &mut self,
        mut reader: BufReader<Box<dyn Read>>,
        label: &str,
        binary: bool,
    ) -> Result<u64, Failure> {
        let terminator = self.options.terminator;
        let (before, after) = (self.options.before, self.options.after);
        let limit = self.options.max_count.unwrap_or(u64::MAX);
        let writes = !(self.options.count || self.first_is_enough());
        let mut held: VecDeque<(Vec<u8>, Place)> = VecDeque::new();
        let mut last_written: Option<u64> = None;
        let mut after_left = 0;
        let (mut count, mut number, mut offset) = (0u64, 0u64, 0u64);
        let mut buffer = Vec::new();
        let mut last_match_end = 0u64;
        loop {
            if count >= limit && after_left == 0 {
                break;
            }
            buffer.clear();
            if read_record(&mut reader, &mut buffer, terminator, binary)? == 0 {
                break;
            }
            number += 1;
            let line_offset = offset;
            offset += buffer.len() as u64;
            let line = match buffer.last() {
                Some(&end) if end == terminator || binary && end == 0 => {
                    &buffer[..buffer.len() - 1]
                }
                _ => &buffer[..],
            };
            let selected =
                count < limit && self.matcher.regex.is_match(line) != self.options.invert;
            if !selected {
                if after_left > 0 {
                    after_left -= 1;
                    let place = Place {
                        number,
                        offset: line_offset,
                        selected: false,
                    };
                    self.write_line(label, line, &place, &mut last_written)?;
                } else if before > 0 && writes {
                    held.push_back((
                        line.to_vec(),
                        Place {
                            number,
                            offset: line_offset,
                            selected: false,
                        },
                    ));
                    if held.len() > before {
                        held.pop_front();
                    }
                }
                continue;
            }
            count += 1;
            last_match_end = offset;
            self.matched = true;
            if self.first_is_enough() {
                break;
            }
            if !writes {
                continue;
            }
            if binary {
                crate::PROGRAM.warn(format!("{label}: binary file matches"));
                return Ok(count);
            }
            for (text, place) in std::mem::take(&mut held) {
                self.write_line(label, &text, &place, &mut last_written)?;
            }
            let place = Place {
                number,
                offset: line_offset,
                selected: true,
            };
            self.write_line(label, line, &place, &mut last_written)?;
            after_left = after;
        }
        // With -m, a file stdin is left just after the last selected line for the next
        // reader, as GNU's grep leaves it (context after it included).
        if self.from_stdin && self.options.max_count.is_some() && count >= limit {
            let read = offset + reader.buffer().len() as u64;
            wasmix_common::process::give_back_stdin(read - last_match_end);
        }
        Ok(count)
    }

    /// Writes a selected or context line with its prefix; `--` first when it does not
    /// follow the last line written and context is shown.
    fn write_line(
        &mut self,
        label: &str,
        line: &[u8],
        place: &Place,
        last_written: &mut Option<u64>,
    ) -> Result<(), Failure> {
        let context = self.options.before > 0 || self.options.after > 0;
        let follows = last_written.is_some_and(|n| n + 1 == place.number);
        if context && self.grouped && !follows && !self.options.no_group_separator {
            let separator = self.options.group_separator.as_deref().unwrap_or("--");
            if self.options.color {
                writeln!(self.out, "{SEPARATOR}{separator}{END}")?;
            } else {
                writeln!(self.out, "{separator}")?;
            }
        }
        self.grouped = true;
        *last_written = Some(place.number);
        let terminator = self.options.terminator;
        let only = self.options.only_matching && !self.options.invert;
        if only || (self.options.color && place.selected && !self.options.invert) {
            let spans = self.matcher.spans(line);
            if only {
                if !place.selected {
                    return Ok(());
                }
                for span in spans {
                    let at = place.offset + span.start as u64;
                    self.prefix(label, place.number, at, b':')?;
                    self.initial_tab(!span.is_empty())?;
                    self.colored_match(&line[span])?;
                    self.out.write_all(&[terminator])?;
                }
                return Ok(());
            }
            self.prefix(label, place.number, place.offset, b':')?;
            self.initial_tab(!line.is_empty())?;
            let mut kept = 0;
            for span in spans {
                self.out.write_all(&line[kept..span.start])?;
                kept = span.end;
                self.colored_match(&line[span])?;
            }
            self.out.write_all(&line[kept..])?;
            self.out.write_all(&[terminator])?;
            return Ok(());
        }
        let separator = if place.selected { b':' } else { b'-' };
        self.prefix(label, place.number, place.offset, separator)?;
        self.initial_tab(!line.is_empty())?;
        self.out.write_all(line)?;
        self.out.write_all(&[terminator])?;
        Ok(())
    }

    fn colored_match(&mut self, text: &[u8]) -> Result<(), Failure> {
        if self.options.color {
            self.out.write_all(MATCH.as_bytes())?;
            self.out.write_all(text)?;
            self.out.write_all(END.as_bytes())?;
        } else {
            self.out.write_all(text)?;
        }
        Ok(())
    }

    /// The name, line number and byte offset before a line, as asked for.
    fn prefix(&mut self, label: &str, number: u64, offset: u64, sep: u8) -> Result<(), Failure> {
        if self.show_names {
            self.write_name(label)?;
            if self.options.null_after_name {
                self.out.write_all(b"\0")?;
            } else {
                self.write_separator(sep)?;
            }
        }
        if self.options.numbers {
            self.write_number(number)?;
            self.write_separator(sep)?;
        }
        if self.options.byte_offset {
            self.write_number(offset)?;
            self.write_separator(sep)?;
        }
        Ok(())
    }

    /// `-T`: a tab before a line's text, where a prefix came before it.
    fn initial_tab(&mut self, text_follows: bool) -> Result<(), Failure> {
        let o = &self.options;
        if o.initial_tab && text_follows && (self.show_names || o.numbers || o.byte_offset) {
            self.out.write_all(b"\t")?;
        }
        Ok(())
    }

    pub fn write_name(&mut self, label: &str) -> Result<(), Failure> {
        if self.options.color {
            write!(self.out, "{NAME}{label}{END}")?;
        } else {
            self.out.write_all(label.as_bytes())?;
        }
        Ok(())
    }

    fn write_number(&mut self, number: u64) -> Result<(), Failure> {
        let width = if self.options.initial_tab {
            self.number_width
        } else {
            0
        };
        if self.options.color {
            write!(self.out, "{NUMBER}{number:width$}{END}")?;
        } else {
            write!(self.out, "{number:width$}")?;
        }
        Ok(())
    }

    pub fn write_separator(&mut self, sep: u8) -> Result<(), Failure> {
        if self.options.color {
            write!(self.out, "{SEPARATOR}{}{END}", sep as char)?;
        } else {
            self.out.write_all(&[sep])?;
        }
        Ok(())
    }
}

/// Reads one line into `buffer`, with its terminator; in a binary file a NUL ends a line
/// too, as in GNU grep. The number of bytes read, 0 at the end.
fn read_record(
    reader: &mut impl BufRead,
    buffer: &mut Vec<u8>,
    terminator: u8,
    binary: bool,
) -> std::io::Result<usize> {
    if !binary {
        return reader.read_until(terminator, buffer);
    }
    let mut read = 0;
    loop {
        let available = match reader.fill_buf() {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => other?,
        };
        if available.is_empty() {
            return Ok(read);
        }
        let end = available.iter().position(|&b| b == terminator || b == 0);
        let used = end.map_or(available.len(), |at| at + 1);
        buffer.extend_from_slice(&available[..used]);
        reader.consume(used);
        read += used;
        if end.is_some() {
            return Ok(read);
        }
    }
}
