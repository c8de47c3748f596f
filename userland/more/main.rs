//! more: page through text at the terminal. Keys come from /dev/tty in raw mode
//! (`wasmix:terminal`), so it pages a pipe too. When its output is not a terminal it
//! copies its input, each file under a `::::` header, as util-linux more does.

use std::io::{BufRead, BufReader, Write};
use wasmix_common::terminal::{self, Event, Key, Keys, RawMode};
use wasmix_common::{Arg, Failure, Output, Program, args, describe_io_error, input};

static PROGRAM: Program = Program::new(
    "more",
    "Usage: more [FILE]...\n\
     Show the FILEs (or standard input) a screenful at a time.\n\n\
     At the --More-- prompt: space for the next page, Enter for the next line,\n\
     d for half a page more, q to quit.\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let paging = out.is_terminal();
        let keys = if paging {
            let keys =
                Keys::open().map_err(|e| Failure::Fatal(format!("cannot read keys: {e}")))?;
            let raw = RawMode::enter().map_err(|e| Failure::Fatal(format!("cannot page: {e}")))?;
            Some((keys, raw))
        } else {
            None
        };
        let mut pager = Pager {
            page: terminal::size().rows.saturating_sub(1).max(1),
            shown: 0,
            keys,
        };
        let headers = !files.is_empty() && (!paging || files.len() > 1);
        for name in input::operands_or_stdin(files) {
            if name != "-" && std::fs::metadata(&name).is_ok_and(|m| m.is_dir()) {
                let notice = format!("\n*** {name}: directory ***\n\n");
                pager.show(out, paging, notice.as_bytes())?;
                continue;
            }
            let reader = match input::open(&name) {
                Ok(reader) => reader,
                Err(e) => {
                    PROGRAM.warn(format!("cannot open {name}: {}", describe_io_error(&e)));
                    continue;
                }
            };
            if headers {
                let rule = "::::::::::::::";
                pager.show(out, paging, format!("{rule}\n{name}\n{rule}\n").as_bytes())?;
            }
            let mut reader = BufReader::new(reader);
            let mut line = Vec::new();
            while reader.read_until(b'\n', &mut line)? > 0 {
                if !pager.show(out, paging, &line)? {
                    return Ok(0);
                }
                line.clear();
            }
        }
        Ok(0)
    })
}

struct Pager {
    page: usize,
    shown: usize,
    /// The keys and raw mode, when paging.
    keys: Option<(Keys, RawMode)>,
}

impl Pager {
    /// Writes text (one or more lines), stopping at each full page to ask; false once the
    /// user quits.
    fn show(&mut self, out: &mut Output, paging: bool, text: &[u8]) -> std::io::Result<bool> {
        for line in text.split_inclusive(|&b| b == b'\n') {
            if paging && self.shown >= self.page {
                match self.ask(out)? {
                    Some(more) => self.shown = self.page - more,
                    None => return Ok(false),
                }
            }
            match line.strip_suffix(b"\n") {
                // Raw mode sends output as written: a row ends with \r\n.
                Some(text) if paging => {
                    out.write_all(text)?;
                    out.write_all(b"\r\n")?;
                }
                _ => out.write_all(line)?,
            }
            self.shown += 1;
        }
        Ok(true)
    }

    /// The prompt; how many more lines to show, or None to quit.
    fn ask(&mut self, out: &mut Output) -> std::io::Result<Option<usize>> {
        out.write_all(b"\x1b[7m--More--\x1b[27m")?;
        out.flush()?;
        let Some((keys, _)) = self.keys.as_mut() else {
            return Ok(None);
        };
        let more = loop {
            match keys.wait() {
                Event::Key(Key::Char(' ' | 'f' | 'z') | Key::Ctrl('f') | Key::PageDown) => {
                    break Some(self.page);
                }
                Event::Key(Key::Enter | Key::Char('j') | Key::Down) => break Some(1),
                Event::Key(Key::Char('d') | Key::Ctrl('d')) => break Some(self.page / 2),
                Event::Key(Key::Char('q' | 'Q') | Key::Ctrl('c')) | Event::End => break None,
                Event::Resized => {
                    self.page = terminal::size().rows.saturating_sub(1).max(1);
                }
                Event::Key(_) => {}
            }
        };
        out.write_all(b"\r\x1b[K")?;
        Ok(more.map(|n| n.clamp(1, self.page)))
    }
}
