//! The questions `-i` asks: written to stderr, answered by a line on stdin; an answer
//! that begins with `y` or `Y` is yes, anything else (end of input too) is no, as GNU's
//! `yesno` takes it.

use std::io::{BufRead, Write};

/// Asks `question` (already worded, `prog: ` is put before it) and reads the answer.
pub fn ask(program: &crate::Program, question: &str) -> bool {
    let mut stderr = std::io::stderr();
    let _ = write!(stderr, "{}: {question}", program.name());
    let _ = stderr.flush();
    let mut answer = String::new();
    match std::io::stdin().lock().read_line(&mut answer) {
        Ok(_) => answer.starts_with(['y', 'Y']),
        Err(_) => false,
    }
}
