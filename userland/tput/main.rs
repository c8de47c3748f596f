//! tput: a terminal capability from the terminfo database (`/usr/share/terminfo`, a few
//! of ncurses' entries in the image), as ncurses' tput prints it: a string expanded with
//! the parameters given, a number, or a boolean as the exit status.

use std::io::{BufRead, Write};
use terminfo::expand::{Context, Expand, Parameter};
use terminfo::{Database, Value, names};
use wasmix_common::{Failure, Output, Program, note, terminal};

static PROGRAM: Program = Program::new(
    "tput",
    "Usage: tput [-V] [-S] [-T TERM] [-x] capname [parameters...]\n\n\
     Print the terminal capability CAPNAME of TERM (or $TERM), expanded with the\n\
     parameters; a boolean capability answers with the exit status.\n\n  \
     -S       read capnames and their parameters from standard input, a line each\n  \
     -T TERM  the terminal type, in place of $TERM\n  \
     -V       print the version\n  \
     -x       do not clear the scrollback with clear\n\n\
     Besides the capabilities: longname (the terminal's description), and cols and\n\
     lines from $COLUMNS and $LINES or the terminal's size.\n\n\
     Exit status: 0 done (or the boolean is true), 1 the capability is absent or\n\
     false, 2 usage error, 3 unknown terminal, 4 unknown capability.\n",
);

const ABSENT: u8 = 1;
const USAGE: u8 = 2;
const UNKNOWN_TERMINAL: u8 = 3;
const UNKNOWN_CAPABILITY: u8 = 4;

/// The kind of value a standard capability has.
#[derive(PartialEq)]
enum Kind {
    Boolean,
    Number,
    String,
}

/// A standard capability's kind, by any of its names (`setaf`, `AF`,
/// `set_a_foreground`); `None` for a name terminfo does not define.
fn standard_kind(name: &str) -> Option<Kind> {
    let full = names::ALIASES.get(name).copied().unwrap_or(name);
    if names::BOOLEAN.values().any(|n| *n == full) {
        Some(Kind::Boolean)
    } else if names::NUMBER.values().any(|n| *n == full) {
        Some(Kind::Number)
    } else if names::STRING.values().any(|n| *n == full) {
        Some(Kind::String)
    } else {
        None
    }
}

/// `$<...>` delays removed: with no baud rate to pad for, ncurses sends none.
fn without_delays(bytes: &[u8]) -> Vec<u8> {
    let mut kept = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at..].starts_with(b"$<")
            && let Some(end) = bytes[at..].iter().position(|&b| b == b'>')
        {
            at += end + 1;
            continue;
        }
        kept.push(bytes[at]);
        at += 1;
    }
    kept
}

/// A parameter as ncurses' tput takes one: a number when it reads as one.
fn parameter(word: &str) -> Parameter {
    match word.parse::<i32>() {
        Ok(number) => Parameter::Number(number),
        Err(_) => Parameter::String(word.as_bytes().to_vec()),
    }
}

/// The window's width or height: `$COLUMNS`/`$LINES`, else the terminal's, else the
/// entry's.
fn dimension(database: &Database, variable: &str, capability: &str) -> i32 {
    if let Some(n) = std::env::var(variable)
        .ok()
        .and_then(|v| v.trim().parse::<i32>().ok())
        .filter(|&n| n > 0)
    {
        return n;
    }
    if let Some(size) = terminal::reported_size() {
        let n = if variable == "COLUMNS" {
            size.columns
        } else {
            size.rows
        };
        return n as i32;
    }
    match database.raw(capability) {
        Some(Value::Number(n)) => *n,
        _ => -1,
    }
}

/// One capability with its parameters: the exit status.
fn capability(database: &Database, words: &[String], no_e3: bool, out: &mut Output) -> u8 {
    let name = words[0].as_str();
    match name {
        "longname" => {
            let _ = out.write_all(database.description().as_bytes());
            return 0;
        }
        "cols" => {
            let _ = writeln!(out, "{}", dimension(database, "COLUMNS", "cols"));
            return 0;
        }
        "lines" => {
            let _ = writeln!(out, "{}", dimension(database, "LINES", "lines"));
            return 0;
        }
        _ => {}
    }
    // ncurses' tput knows capabilities by their terminfo names only (`setaf`, not
    // termcap's `AF` or `set_a_foreground`), and the entry's own extended ones (`E3`).
    let is_capname = names::TERMINFO.values().any(|n| *n == name);
    let other_name = names::ALIASES.contains_key(name) || standard_kind(name).is_some();
    let found = if is_capname || !other_name {
        database.raw(name)
    } else {
        None
    };
    let value = match found {
        Some(value) => value,
        None if !is_capname => {
            note!("tput: unknown terminfo capability '{name}'");
            return UNKNOWN_CAPABILITY;
        }
        None => {
            if standard_kind(name) == Some(Kind::Number) {
                let _ = writeln!(out, "-1");
                return 0;
            }
            return ABSENT;
        }
    };
    match value {
        Value::True => 0,
        Value::Number(n) => {
            let _ = writeln!(out, "{n}");
            0
        }
        Value::String(bytes) => {
            let mut text = if words.len() == 1 {
                bytes.clone()
            } else {
                let parameters: Vec<Parameter> = words[1..].iter().map(|w| parameter(w)).collect();
                let mut expanded = Vec::new();
                if bytes
                    .expand(&mut expanded, &parameters, &mut Context::default())
                    .is_err()
                {
                    return ABSENT;
                }
                expanded
            };
            // ncurses' clear also clears the scrollback, where the entry says how.
            if name == "clear"
                && !no_e3
                && let Some(Value::String(e3)) = database.raw("E3")
            {
                text.extend_from_slice(e3);
            }
            let _ = out.write_all(&without_delays(&text));
            0
        }
    }
}

fn run(words: Vec<String>, out: &mut Output) -> u8 {
    let mut terminal_name = None;
    let (mut from_input, mut no_e3) = (false, false);
    let mut at = 0;
    while let Some(word) = words.get(at).filter(|w| w.starts_with('-') && w.len() > 1) {
        at += 1;
        match word.as_str() {
            "-S" => from_input = true,
            "-x" => no_e3 = true,
            "-V" => PROGRAM.show_version(),
            "-T" => match words.get(at) {
                Some(name) => {
                    terminal_name = Some(name.clone());
                    at += 1;
                }
                None => return usage(),
            },
            "--" => break,
            _ => match word.strip_prefix("-T") {
                Some(name) => terminal_name = Some(name.to_string()),
                None => {
                    let option = word.chars().nth(1).unwrap_or_default();
                    note!("tput: invalid option -- '{option}'");
                    return usage();
                }
            },
        }
    }
    let Some(name) = terminal_name.or_else(|| std::env::var("TERM").ok()) else {
        note!("tput: No value for $TERM and no -T specified");
        return USAGE;
    };
    let Ok(database) = Database::from_name(&name) else {
        note!("tput: unknown terminal \"{name}\"");
        return UNKNOWN_TERMINAL;
    };
    if !from_input {
        if at >= words.len() {
            return usage();
        }
        return capability(&database, &words[at..], no_e3, out);
    }
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let words: Vec<String> = line.split_whitespace().map(str::to_string).collect();
        if words.is_empty() {
            continue;
        }
        let status = capability(&database, &words, no_e3, out);
        if status > ABSENT {
            return status;
        }
    }
    0
}

/// The help text on stderr, for a command line tput cannot take.
fn usage() -> u8 {
    let _ = std::io::stderr().write_all(PROGRAM.help.as_bytes());
    USAGE
}

fn main() {
    PROGRAM.run(|_, out| Ok::<u8, Failure>(run(wasmix_common::args::words(), out)))
}
