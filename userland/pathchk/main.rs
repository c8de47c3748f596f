//! pathchk: diagnose file names that are invalid here or not portable, as GNU's does.

use std::io::ErrorKind;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, names};

static PROGRAM: Program = Program::new(
    "pathchk",
    "Usage: pathchk [OPTION]... NAME...\n\
     Diagnose invalid or unportable file names.\n\n  \
     -p                  check for most POSIX systems\n  \
     -P                  check for empty names and leading \"-\"\n      \
     --portability   check for all POSIX systems (equivalent to -p -P)\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

/// POSIX's smallest allowed limits (`_POSIX_PATH_MAX`, `_POSIX_NAME_MAX`), what `-p` checks.
const POSIX_PATH_MAX: usize = 256;
const POSIX_NAME_MAX: usize = 14;
/// wasmix's own limits, those its filesystems report (`PATH_MAX`, `NAME_MAX`).
const PATH_MAX: usize = 4096;
const NAME_MAX: usize = 255;

fn main() {
    PROGRAM.run(|mut args, _| {
        let (mut basic, mut extra) = (false, false);
        let mut names = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('p') => basic = true,
                Arg::Short('P') => extra = true,
                Arg::Long("portability") => (basic, extra) = (true, true),
                Arg::Value(v) => names.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if names.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        let mut status = 0;
        for name in &names {
            if let Err(problem) = check(name, basic, extra) {
                PROGRAM.warn(problem);
                status = 1;
            }
        }
        Ok(status)
    })
}

/// The first thing wrong with `name`, in the order GNU's pathchk looks (at the name's
/// bytes, as the host has them).
fn check(name: &str, basic: bool, extra: bool) -> Result<(), String> {
    let bytes = names::to_bytes(name);
    let components = || bytes.split(|&b| b == b'/').filter(|c| !c.is_empty());
    if extra && components().any(|c| c.starts_with(b"-")) {
        return Err(format!(
            "leading '-' in a component of file name {}",
            quote_name(name)
        ));
    }
    if (basic || extra) && name.is_empty() {
        return Err("empty file name".into());
    }
    let mut exists = false;
    if basic {
        if let Some(&c) = bytes
            .iter()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'/' | b'.' | b'_' | b'-')))
        {
            return Err(format!(
                "nonportable character {} in file name {}",
                quote_character(c),
                quote_name(name)
            ));
        }
    } else {
        let too_long = bytes.len() >= PATH_MAX || components().any(|c| c.len() > NAME_MAX);
        match std::fs::symlink_metadata(name) {
            _ if too_long => return Err(format!("{}: File name too long", quote_if_needed(name))),
            // Linux finds no file named "" (WASI takes it for the directory itself).
            _ if name.is_empty() => return Err("'': No such file or directory".into()),
            Ok(_) => exists = true,
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => {
                return Err(format!(
                    "{}: {}",
                    quote_if_needed(name),
                    describe_io_error(&e)
                ));
            }
        }
    }
    if basic || (!exists && bytes.len() >= POSIX_PATH_MAX) {
        let most = if basic { POSIX_PATH_MAX } else { PATH_MAX };
        if bytes.len() >= most {
            return Err(format!(
                "limit {} exceeded by length {} of file name {}",
                most - 1,
                bytes.len(),
                quote_name(name)
            ));
        }
    }
    if basic || !exists {
        let most = if basic { POSIX_NAME_MAX } else { NAME_MAX };
        if let Some(long) = components().find(|c| c.len() > most) {
            return Err(format!(
                "limit {most} exceeded by length {} of file name component {}",
                long.len(),
                quote_component(long)
            ));
        }
    }
    Ok(())
}

/// A file name at the head of a message, as GNU's `quotef` gives it: as it is, unless a
/// byte in it means something to the shell (or is a colon, which would split the message).
fn quote_if_needed(name: &str) -> String {
    let bytes = names::to_bytes(name);
    let special = |(i, &b): (usize, &u8)| match b {
        b'#' | b'~' => i == 0,
        b' ' | b'!' | b'"' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b';' | b'<' | b'='
        | b'>' | b'?' | b'[' | b'\\' | b'^' | b'`' | b'|' | b':' => true,
        _ => !(b.is_ascii_graphic()),
    };
    if !bytes.is_empty() && !bytes.iter().enumerate().any(special) {
        return name.to_string();
    }
    quote_name(name)
}

/// A file name as GNU quotes it for the shell in the C locale: in '...', or in "..."
/// when it holds a ' and nothing else to escape; other bytes as $'\NNN'.
fn quote_name(name: &str) -> String {
    let bytes = names::to_bytes(name);
    let printable = |c: char| c.is_ascii_graphic() || c == ' ';
    if bytes.iter().all(|&b| printable(char::from(b))) {
        if !name.contains('\'') {
            return format!("'{name}'");
        }
        if !name.contains(['"', '$', '`', '\\']) {
            return format!("\"{name}\"");
        }
        return format!("'{}'", name.replace('\'', "'\\''"));
    }
    // Runs of printable characters in '...', runs of other bytes in $'...'.
    let mut quoted = String::new();
    let mut run: Option<bool> = None;
    for &byte in bytes.iter() {
        let plain = printable(char::from(byte)) && byte != b'\'';
        if run != Some(plain) {
            match run {
                Some(_) => quoted.push('\''),
                None if !plain => quoted.push_str("''"),
                None => {}
            }
            quoted.push_str(if plain { "'" } else { "$'" });
            run = Some(plain);
        }
        match byte {
            _ if plain => quoted.push(char::from(byte)),
            0x07 => quoted.push_str("\\a"),
            0x08 => quoted.push_str("\\b"),
            0x0c => quoted.push_str("\\f"),
            b'\n' => quoted.push_str("\\n"),
            b'\r' => quoted.push_str("\\r"),
            b'\t' => quoted.push_str("\\t"),
            0x0b => quoted.push_str("\\v"),
            _ => quoted.push_str(&format!("\\{byte:03o}")),
        }
    }
    quoted.push('\'');
    quoted
}

/// One byte as GNU's `quote` shows it in the C locale, in '...'.
fn quote_character(byte: u8) -> String {
    format!("'{}'", escaped(byte))
}

/// A byte inside GNU's C-locale quotes: itself, a C escape, or octal.
fn escaped(byte: u8) -> String {
    match byte {
        b'\'' => "\\'".into(),
        b'\\' => "\\\\".into(),
        b' '..=b'~' => char::from(byte).to_string(),
        0x07 => "\\a".into(),
        0x08 => "\\b".into(),
        0x0c => "\\f".into(),
        b'\n' => "\\n".into(),
        b'\r' => "\\r".into(),
        b'\t' => "\\t".into(),
        0x0b => "\\v".into(),
        _ => format!("\\{byte:03o}"),
    }
}

/// A component as `quote` shows it in the C locale: in '...', other bytes escaped.
fn quote_component(text: &[u8]) -> String {
    let inner: String = text.iter().map(|&byte| escaped(byte)).collect();
    format!("'{inner}'")
}
