//! more: page through text at the terminal. Keys come from /dev/tty, so it pages a pipe
//! too; the terminal is line-buffered, so a command is a line: Enter (or space, Enter)
//! shows the next page, `q` quits. When its output is not a terminal it copies its input,
//! each file under a `::::` header, as util-linux more does.

use std::io::{BufRead, BufReader, Write};
use wasmix_common::{Arg, Output, Program, args, describe_io_error, input};

static PROGRAM: Program = Program::new(
    "more",
    "Usage: more [FILE]...\n\
     Show the FILEs (or standard input) a screenful at a time.\n\n\
     At the --More-- prompt: Enter for the next page, q then Enter to quit.\n      \
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
        let mut pager = Pager {
            page: screen_lines().saturating_sub(1).max(1),
            shown: 0,
            keys: None,
        };
        let headers = !files.is_empty() && (!paging || files.len() > 1);
        for name in input::operands_or_stdin(files) {
            if name != "-" && std::fs::metadata(&name).is_ok_and(|m| m.is_dir()) {
                writeln!(out, "\n*** {name}: directory ***\n")?;
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

fn screen_lines() -> usize {
    std::env::var("LINES")
        .ok()
        .and_then(|l| l.parse().ok())
        .unwrap_or(24)
}

struct Pager {
    page: usize,
    shown: usize,
    keys: Option<BufReader<std::fs::File>>,
}

impl Pager {
    /// Writes text (one or more lines), stopping at each full page to ask; false once the
    /// user quits.
    fn show(&mut self, out: &mut Output, paging: bool, text: &[u8]) -> std::io::Result<bool> {
        for line in text.split_inclusive(|&b| b == b'\n') {
            if paging && self.shown == self.page {
                if !self.ask(out)? {
                    return Ok(false);
                }
                self.shown = 0;
            }
            out.write_all(line)?;
            self.shown += 1;
        }
        Ok(true)
    }

    fn ask(&mut self, out: &mut Output) -> std::io::Result<bool> {
        out.write_all(b"\x1b[7m--More--\x1b[27m")?;
        out.flush()?;
        if self.keys.is_none() {
            self.keys = Some(BufReader::new(std::fs::File::open("/dev/tty")?));
        }
        let mut answer = String::new();
        let keys = self.keys.as_mut().map(|k| k.read_line(&mut answer));
        // The typed line moved the cursor down: go back up and erase the prompt.
        out.write_all(b"\x1b[1A\r\x1b[K")?;
        Ok(!matches!(keys, Some(Ok(0)) | Some(Err(_))) && answer.trim() != "q")
    }
}
