//! Shell text read as bash reads a script, `eval`'s words or a sourced file: one complete
//! command after another. The commands before a syntax error run before it is reported,
//! and each command is parsed with the aliases defined (and `shopt extglob` as it is) when
//! it is reached: when a command changes them, the text after it is parsed again.

use super::syntax::{self, Reading, SyntaxError};
use brush_parser::ast::{Command, CompoundList, CompoundListItem, Program, SourceLocation};

pub(super) struct Reader<'a> {
    text: &'a str,
    /// The first line not yet read (1-based); `None` when all is read.
    next_line: Option<usize>,
}

/// Commands that parse, read at once.
pub(super) struct Chunk {
    pub program: Program,
    /// The text they were parsed from: the lines read before are blank in it, so that
    /// every line keeps its number.
    pub text: String,
    /// The syntax error after them, and the line after their last.
    pub error: Option<(SyntaxError, usize)>,
    /// The here-documents the end of the text delimited (in the last command).
    pub open_documents: Vec<syntax::OpenDocument>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Reader {
            text,
            next_line: Some(1),
        }
    }

    /// The commands from the first unread line to the end, or to the last whole line
    /// before a syntax error, parsed with `aliases`. With aliases, the text is read a
    /// window of lines at a time: each alias met makes the parser read its complete
    /// command again, which costs what the text holds.
    pub(super) fn next(&mut self, reading: Reading<'_>) -> Option<Chunk> {
        let first = self.next_line.take()?;
        if reading.aliases.is_some()
            && let Some(chunk) = self.window(first, reading)
        {
            return Some(chunk);
        }
        let text = blank_before(self.text, first);
        match syntax::parse_to_the_end(&text, reading) {
            Ok((program, open_documents)) => Some(Chunk {
                program,
                text,
                error: None,
                open_documents,
            }),
            Err(error) => {
                // The longest run of whole lines before the error that parses.
                let lines: Vec<&str> = text
                    .split('\n')
                    .take(error.line.saturating_sub(1))
                    .collect();
                let (program, count) = (first.saturating_sub(1)..=lines.len())
                    .rev()
                    .find_map(|n| {
                        let prefix = lines[..n].join("\n");
                        let program = syntax::parse_with(&prefix, reading).ok()?;
                        Some((program, n))
                    })
                    .unwrap_or_else(|| {
                        let complete_commands = Vec::new();
                        (Program { complete_commands }, 0)
                    });
                Some(Chunk {
                    program,
                    text: lines[..count].join("\n"),
                    error: Some((error, count + 1)),
                    open_documents: Vec::new(),
                })
            }
        }
    }

    /// The whole commands of a window of lines from `first`, widened while one runs on
    /// past its end; None when the window would reach the end of the text or meets a
    /// syntax error, which the whole text's reading reports.
    fn window(&mut self, first: usize, reading: Reading<'_>) -> Option<Chunk> {
        let mut lines = WINDOW_LINES;
        loop {
            let mut window = String::new();
            let mut taken = 0;
            for line in self.text.split_inclusive('\n').skip(first - 1).take(lines) {
                window.push_str(line);
                taken += 1;
            }
            if taken < lines || !window.ends_with('\n') {
                return None;
            }
            match syntax::parse_lines(&window, reading, first - 1) {
                Ok(program) => {
                    self.next_line = Some(first + lines);
                    return Some(Chunk {
                        program,
                        text: "\n".repeat(first - 1) + &window,
                        error: None,
                        open_documents: Vec::new(),
                    });
                }
                Err(error) if syntax::runs_past_the_end(&error) => lines *= 2,
                Err(_) => return None,
            }
        }
    }

    /// Reads again from `line` on: the aliases changed before it.
    pub(super) fn resume_at(&mut self, line: usize) {
        self.next_line = Some(line);
    }
}

/// How many lines a window of text read with aliases starts with.
const WINDOW_LINES: usize = 64;

/// Whether the text after complete command `index` of `program` must be read again
/// because that command changed how text is read (the aliases, extglob): not while
/// the next command comes from the same line, which only an alias's text made of
/// several lines gives (bash runs the rest of that text as read).
pub(super) fn read_again_after(program: &Program, index: usize) -> bool {
    let commands = &program.complete_commands;
    match (commands.get(index), commands.get(index + 1)) {
        (Some(this), Some(next)) => match (this.location(), start_line(next)) {
            (Some(this), Some(next)) => next > this.end.line,
            _ => true,
        },
        _ => true,
    }
}

impl Chunk {
    /// Where reading resumes when the aliases changed before the command at `index`
    /// ran: its line, or the line after the commands when they all ran.
    pub(super) fn resume_line(&self, index: usize) -> Option<usize> {
        match self.program.complete_commands.get(index) {
            Some(command) => start_line(command),
            None => self.error.as_ref().map(|(_, after)| *after),
        }
    }
}

/// The line a complete command starts on. brush-parser gives a redirection no place, so
/// a command that ends with one and has no command word (`v=1 2>/dev/null`) has none of
/// its own: the first of its parts that has one says where it starts.
fn start_line(command: &CompoundList) -> Option<usize> {
    if let Some(span) = command.location() {
        return Some(span.start.line);
    }
    let CompoundListItem(and_or, _) = command.0.first()?;
    let Command::Simple(simple) = and_or.first.seq.first()? else {
        return None;
    };
    let prefix = simple.prefix.iter().flat_map(|prefix| prefix.0.iter());
    let suffix = simple.suffix.iter().flat_map(|suffix| suffix.0.iter());
    prefix
        .chain(suffix)
        .find_map(SourceLocation::location)
        .map(|span| span.start.line)
}

/// `text` with its lines before `line` left empty.
fn blank_before(text: &str, line: usize) -> String {
    if line <= 1 {
        return text.to_string();
    }
    let mut blanked = "\n".repeat(line - 1);
    blanked.extend(text.split_inclusive('\n').skip(line - 1));
    blanked
}
