//! bc: an arbitrary-precision calculator language, as GNU bc reads and runs it. Each
//! file runs in turn, then standard input; each line runs as soon as its newline is read.
//! Run as `dc`, the same program is GNU's desk calculator on the same numbers (`dc.rs`).

mod ast;
mod dc;
mod dc_machine;
mod interpreter;
mod lexer;
mod mathlib;
mod number;
mod output;
mod parser;

use ast::{Expression, Item, Statement};
use interpreter::{Interpreter, Outcome};
use lexer::Lexer;
use std::io::{BufRead, BufReader, Write};
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program::new(
    "bc",
    "Usage: bc [OPTION]... [FILE]...\n\
     An arbitrary precision calculator language: runs each FILE, then standard input.\n\n  \
     -l, --mathlib    load the math library (s, c, a, l, e, j) and set scale to 20\n  \
     -q, --quiet      do not print the welcome banner\n      \
     --help       display this help and exit\n      \
     --version    output version information and exit\n",
);

const STANDARD_INPUT: &str = "(standard_in)";

/// An expression on its own, for `read()`.
pub fn parse_expression(text: &str) -> Option<Expression> {
    let mut input = std::io::Cursor::new(format!("{text}\n").into_bytes());
    let mut lexer = Lexer::new(
        Box::new(move |line| input.read_until(b'\n', line)),
        String::new(),
    );
    match parser::Parser::new(&mut lexer).item() {
        Ok(Some(Item::Statements(mut statements))) if statements.len() == 1 => {
            match statements.pop() {
                Some(Statement::Expression(expression)) => Some(expression),
                _ => None,
            }
        }
        _ => None,
    }
}

/// How an input ended.
enum Ended {
    /// Read to its end. A last line without its newline runs on into the next input, as
    /// in GNU bc, where it is an error that takes that input's first line with it.
    Read { unterminated: bool },
    /// `quit`, `halt`, or a comment left open: bc stops.
    Stop,
}

/// Runs one input to its end; an error in a line left unterminated is reported under the
/// name of the input after it.
fn run_input(interpreter: &mut Interpreter, mut lexer: Lexer, next_origin: Option<&str>) -> Ended {
    loop {
        let item = parser::Parser::new(&mut lexer).item();
        match item {
            Ok(None) => {
                return Ended::Read {
                    unterminated: false,
                };
            }
            Ok(Some(Item::Quit)) => return Ended::Stop,
            Ok(Some(Item::Define(function))) => interpreter.define(function),
            Ok(Some(Item::Statements(statements))) => {
                if let Outcome::Halted = interpreter.run(&statements) {
                    return Ended::Stop;
                }
            }
            Err(error) => {
                interpreter.output.flush();
                // GNU bc has moved on to the next input (or to line 1 of none) by then.
                let unterminated = error.at_end;
                let message = if error.fatal {
                    error.message
                } else if unterminated {
                    let next = next_origin.unwrap_or(STANDARD_INPUT);
                    format!("{next} 1: {}", error.message)
                } else {
                    format!("{} {}: {}", lexer.origin, error.line, error.message)
                };
                let _ = writeln!(std::io::stderr(), "{message}");
                if error.fatal {
                    return Ended::Stop;
                }
                if unterminated {
                    return Ended::Read {
                        unterminated: next_origin.is_some(),
                    };
                }
                lexer.skip_line();
            }
        }
    }
}

fn main() {
    if wasmix_common::run_as().as_deref() == Some("dc") {
        dc::main();
    }
    PROGRAM.run(|mut args, out| {
        let mut math_library = false;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('l') | Arg::Long("mathlib") => math_library = true,
                Arg::Short('q') | Arg::Long("quiet") => {}
                Arg::Value(file) => files.push(args::into_string(file)?),
                arg => return Err(args::unexpected(arg)),
            }
        }
        let mut interpreter = Interpreter::new(math_library, output::Output::new(out));
        let mut skip_first_line = false;
        for (index, file) in files.iter().enumerate() {
            let Ok(opened) = std::fs::File::open(file) else {
                let _ = writeln!(std::io::stderr(), "File {file} is unavailable.");
                return Err(Failure::Status(1));
            };
            let mut reader = BufReader::new(opened);
            let mut lexer = Lexer::new(
                Box::new(move |line| reader.read_until(b'\n', line)),
                file.clone(),
            );
            if std::mem::take(&mut skip_first_line) {
                lexer.drop_first_line();
            }
            let next = files.get(index + 1).map_or(STANDARD_INPUT, String::as_str);
            match run_input(&mut interpreter, lexer, Some(next)) {
                Ended::Stop => return Ok(0),
                Ended::Read { unterminated } => skip_first_line = unterminated,
            }
        }
        // Line by line through the process-wide buffer, which `read()` shares.
        let standard_input = |line: &mut Vec<u8>| std::io::stdin().lock().read_until(b'\n', line);
        let mut lexer = Lexer::new(Box::new(standard_input), STANDARD_INPUT.into());
        if skip_first_line {
            lexer.drop_first_line();
        }
        run_input(&mut interpreter, lexer, None);
        Ok(0)
    })
}
