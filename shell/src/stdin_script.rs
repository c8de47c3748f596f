//! A script read from standard input (`wasmix < FILE`, `cat FILE | sh`), a command at a
//! time, as bash reads one: each command runs before the line after it is read, so what
//! it runs reads on from there (`read`, `cat`), and `exec 0< FILE` makes FILE the rest of
//! the script.

use super::{Exit, Shell, read, syntax};
use wasmix_kernel::file::Input;

/// Up to this many lines, an unfinished command is parsed again at every line, so that
/// it is run the moment it is whole, as bash runs it.
const LINES_PARSED_EACH: usize = 64;

/// The line count at which an unfinished command of `lines` lines is parsed again. Each
/// parse reads all of its text, so beyond `LINES_PARSED_EACH` lines the parses are spaced
/// out (an eighth more lines each time), keeping a long `if` or loop linear in its length;
/// such a command not ended by one of `may_end_compound`'s words (a long here-document)
/// may then take in up to an eighth more lines before it runs.
fn next_parse(lines: usize) -> usize {
    match lines {
        lines if lines < LINES_PARSED_EACH => lines + 1,
        lines => lines + lines / 8,
    }
}

/// Whether a line holds a word that ends a compound command (`done`, `fi`, `esac`, `}`):
/// a long loop or `if` is parsed at its end whatever its length, so that it runs before
/// the lines after it are read (they may be its input).
fn may_end_compound(line: &[u8]) -> bool {
    line.split(|byte| b" \t\n;&|<>".contains(byte))
        .any(|word| matches!(word, b"done" | b"fi" | b"esac" | b"}"))
}

/// The last line of `text`, with its newline.
fn last_line(text: &[u8]) -> &[u8] {
    let body = &text[..text.len().saturating_sub(1)];
    let start = body
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |at| at + 1);
    &text[start..]
}

/// Where a shell's commands come from.
pub enum Commands {
    /// A script file's text or a `-c` string, read whole.
    Text(String),
    /// The shell's standard input, read as it goes.
    StandardInput,
}

impl Shell {
    /// Runs commands as they are read from the shell's standard input; the status is
    /// the last command's, as for a script file.
    pub(super) async fn run_standard_input(&mut self) -> Result<u8, Exit> {
        // Lines read before the command being run: its line numbers go on from them.
        let mut lines_before = 0;
        while let Some(mut bytes) = self.read_script_line().await {
            let mut lines = 1;
            let mut next_check = 1;
            while bytes.ends_with(b"\n") {
                if lines >= next_check || may_end_compound(last_line(&bytes)) {
                    if !syntax::is_unfinished(&super::script_text(&bytes), self.reading()) {
                        break;
                    }
                    next_check = next_parse(lines);
                }
                match self.read_script_line().await {
                    Some(more) => bytes.extend_from_slice(&more),
                    None => break,
                }
                lines += 1;
            }
            let text = super::script_text(&bytes);
            let offset = std::mem::replace(&mut self.line_offset, lines_before);
            lines_before += bytes.iter().filter(|&&byte| byte == b'\n').count();
            let outcome = self.run_text(&text).await;
            self.line_offset = offset;
            outcome?;
        }
        Ok(self.last_status)
    }

    /// The next line of whatever the shell's standard input is now.
    async fn read_script_line(&self) -> Option<Vec<u8>> {
        match self.streams.clone() {
            Some(streams) => read::read_line(&streams.stdin).await,
            None => read::read_line(&Input::Console).await,
        }
    }
}
