//! less: page through text, forward and backward, with searches. Keys come from /dev/tty
//! in raw mode (`wasmix:terminal`), so it pages a pipe too; when its output is not a
//! terminal it copies its input, as less does.

mod document;
mod pager;
mod render;

use document::Document;
use pager::{Case, Pager, Settings};
use std::io::{self, Write};
use wasmix_common::terminal::{self, Event, Key, Keys, RawMode};
use wasmix_common::{Arg, Failure, Output, Program, args, describe_io_error, input};

static PROGRAM: Program = Program::new(
    "less",
    "Usage: less [OPTION]... [+COMMAND] [FILE]...\n\
     Show the FILEs (or standard input) a screenful at a time, forward and backward.\n\n  \
     -F, --quit-if-one-screen  exit at once if the text fits on one screen\n  \
     -i, --ignore-case         searches ignore case unless the pattern has capitals\n  \
     -I, --IGNORE-CASE         searches ignore case\n  \
     -N, --LINE-NUMBERS        show line numbers\n  \
     -S, --chop-long-lines     cut long lines instead of wrapping them\n  \
     -X, --no-init             do not switch to the terminal's alternate screen\n  \
     +COMMAND                  run COMMAND first (+G: start at the end, +/text: search)\n      \
     --help                    display this help and exit\n      \
     --version                 output version information and exit\n\n\
     Keys: SPACE f ^F ^V next page; b ^B previous page; ENTER j e ^N ^E down a line;\n\
     k y ^P ^Y up a line; d ^D, u ^U half a page; g < first line; G > last line\n\
     (N g and N G: line N); /PATTERN ?PATTERN search forward and backward; n N repeat;\n\
     :n :p next and previous file; r ^L redraw; q Q :q ZZ quit.\n",
);

struct Options {
    quit_if_one_screen: bool,
    alternate_screen: bool,
    settings: Settings,
    initial: String,
    files: Vec<String>,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options {
            quit_if_one_screen: false,
            alternate_screen: true,
            settings: Settings {
                numbers: false,
                chop: false,
                case: Case::Sensitive,
            },
            initial: String::new(),
            files: Vec::new(),
        };
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('F') | Arg::Long("quit-if-one-screen") => {
                    options.quit_if_one_screen = true
                }
                Arg::Short('i') | Arg::Long("ignore-case") => options.settings.case = Case::Smart,
                Arg::Short('I') | Arg::Long("IGNORE-CASE") => options.settings.case = Case::Ignore,
                Arg::Short('N') | Arg::Long("LINE-NUMBERS") => options.settings.numbers = true,
                Arg::Short('S') | Arg::Long("chop-long-lines") => options.settings.chop = true,
                Arg::Short('X') | Arg::Long("no-init") => options.alternate_screen = false,
                Arg::Value(v) => {
                    let value = args::into_string(v)?;
                    match value.strip_prefix('+') {
                        Some(command) if options.files.is_empty() => {
                            options.initial = command.to_string()
                        }
                        _ => options.files.push(value),
                    }
                }
                other => return Err(args::unexpected(other)),
            }
        }
        // As less does, a file that cannot be shown is reported where the text goes (on
        // standard output when it is not a terminal) and does not change the status.
        let paging = out.is_terminal();
        let mut documents = Vec::new();
        for name in input::operands_or_stdin(std::mem::take(&mut options.files)) {
            let problem = if name != "-" && std::fs::metadata(&name).is_ok_and(|m| m.is_dir()) {
                format!("{name} is a directory")
            } else {
                match input::open(&name) {
                    Ok(mut reader) => {
                        if paging {
                            documents.push(Document::new(name, reader));
                        } else {
                            io::copy(&mut reader, out)?;
                        }
                        continue;
                    }
                    Err(e) => format!("{name}: {}", describe_io_error(&e)),
                }
            };
            if paging {
                wasmix_common::note!("{problem}");
            } else {
                writeln!(out, "{problem}")?;
            }
        }
        if !documents.is_empty() {
            page(documents, options, out)?;
        }
        Ok(0)
    })
}

/// With -F, text that fits on the screen is written as it is.
fn copy(mut document: Document, out: &mut Output) -> Result<(), Failure> {
    let mut index = 0;
    while let Some(line) = document.line(index) {
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
        index += 1;
    }
    Ok(())
}

fn page(documents: Vec<Document>, options: Options, out: &mut Output) -> Result<(), Failure> {
    let size = terminal::size();
    let mut pager = Pager::new(documents, size, options.settings);
    if options.quit_if_one_screen && pager.documents.len() == 1 {
        let document = &mut pager.documents[0];
        if !document.has(size.rows.saturating_sub(1)) {
            return pager.documents.into_iter().try_for_each(|d| copy(d, out));
        }
    }
    let mut keys = Keys::open().map_err(|e| Failure::Fatal(format!("cannot read keys: {e}")))?;
    let raw = RawMode::enter().map_err(|e| Failure::Fatal(format!("cannot page: {e}")))?;
    if options.alternate_screen {
        out.write_all(b"\x1b[?1049h")?;
    }
    out.write_all(b"\x1b[H\x1b[2J")?;
    let mut session = Session {
        pager,
        count: None,
        pending: options.initial.chars().map(Key::Char).collect(),
    };
    if !session.pending.is_empty() {
        session.pending.push(Key::Enter);
        if session.pending.first() != Some(&Key::Char('/')) {
            session.pending.pop();
        }
    }
    let result = session.run(&mut keys, out);
    out.write_all(b"\r\x1b[K")?;
    if options.alternate_screen {
        out.write_all(b"\x1b[?1049l")?;
    }
    out.flush()?;
    drop(raw);
    result.map_err(Failure::from)
}

struct Session {
    pager: Pager,
    /// The number typed before a command.
    count: Option<usize>,
    /// Keys to act on before the terminal's: the +COMMAND.
    pending: Vec<Key>,
}

impl Session {
    fn key(&mut self, keys: &mut Keys) -> Option<Key> {
        if !self.pending.is_empty() {
            return Some(self.pending.remove(0));
        }
        match keys.wait() {
            Event::Key(key) => Some(key),
            Event::Resized => Some(Key::Ctrl('l')),
            Event::End => None,
        }
    }

    fn run(&mut self, keys: &mut Keys, out: &mut Output) -> io::Result<()> {
        loop {
            self.pager.size = terminal::size();
            self.pager.draw(out, None)?;
            let Some(key) = self.key(keys) else {
                return Ok(());
            };
            if self.pager.has_message() {
                self.pager.clear_message();
                if key == Key::Enter {
                    continue;
                }
            }
            if let Key::Char(digit @ '0'..='9') = key {
                let value = digit.to_digit(10).unwrap_or(0) as usize;
                self.count = Some(self.count.unwrap_or(0).saturating_mul(10) + value);
                continue;
            }
            let count = self.count.take();
            if !self.command(key, count, keys, out)? {
                return Ok(());
            }
        }
    }

    /// Acts on one command key; false to quit.
    fn command(
        &mut self,
        key: Key,
        count: Option<usize>,
        keys: &mut Keys,
        out: &mut Output,
    ) -> io::Result<bool> {
        let pager = &mut self.pager;
        match key {
            Key::Char('q' | 'Q') => return Ok(false),
            Key::Char(' ' | 'f' | 'z') | Key::Ctrl('f' | 'v') | Key::PageDown => {
                pager.forward_page(count)
            }
            Key::Char('b' | 'w') | Key::Ctrl('b') | Key::PageUp => pager.backward_page(count),
            Key::Enter | Key::Char('j' | 'e') | Key::Ctrl('n' | 'e' | 'j') | Key::Down => {
                pager.forward(count.unwrap_or(1))
            }
            Key::Char('k' | 'y') | Key::Ctrl('p' | 'y' | 'k') | Key::Up => {
                pager.backward(count.unwrap_or(1))
            }
            Key::Char('d') | Key::Ctrl('d') => pager.forward(pager.half_page(count)),
            Key::Char('u') | Key::Ctrl('u') => pager.backward(pager.half_page(count)),
            Key::Char('g' | '<') | Key::Home => pager.first(count),
            Key::Char('G' | '>') | Key::End => pager.last(count),
            Key::Char('n') => pager.repeat_search(false, count.unwrap_or(1)),
            Key::Char('N') => pager.repeat_search(true, count.unwrap_or(1)),
            Key::Char(prompt @ ('/' | '?')) => {
                if let Some(pattern) = self.type_line(prompt, keys, out)? {
                    self.pager
                        .search(&pattern, prompt == '?', count.unwrap_or(1));
                }
            }
            Key::Char(':') => {
                if let Some(command) = self.type_line(':', keys, out)? {
                    match command.as_str() {
                        "q" | "Q" => return Ok(false),
                        "n" => {
                            self.pager.switch(1);
                        }
                        "p" => {
                            self.pager.switch(-1);
                        }
                        _ => self.pager.tell(format!("Unknown command :{command}")),
                    }
                }
            }
            Key::Char('Z') if self.key(keys) == Some(Key::Char('Z')) => return Ok(false),
            Key::Char('r' | 'R') | Key::Ctrl('l' | 'r') => out.write_all(b"\x1b[2J")?,
            _ => {}
        }
        Ok(true)
    }

    /// Reads what follows `/`, `?` or `:` up to Enter; None if it was cancelled.
    fn type_line(
        &mut self,
        prompt: char,
        keys: &mut Keys,
        out: &mut Output,
    ) -> io::Result<Option<String>> {
        let mut typed = String::new();
        loop {
            self.pager.draw(out, Some(&format!("{prompt}{typed}")))?;
            match self.key(keys) {
                None | Some(Key::Escape) | Some(Key::Ctrl('c' | 'g')) => return Ok(None),
                Some(Key::Enter) => return Ok(Some(typed)),
                Some(Key::Backspace) => {
                    if typed.pop().is_none() {
                        return Ok(None);
                    }
                }
                Some(Key::Ctrl('u')) => typed.clear(),
                Some(Key::Char(c)) => {
                    typed.push(c);
                    // `:n`, `:p` and `:q` act at once, as in less.
                    if prompt == ':' && typed.len() == 1 {
                        return Ok(Some(typed));
                    }
                }
                Some(Key::Tab) => typed.push('\t'),
                Some(_) => {}
            }
        }
    }
}
