//! pathchk: diagnose file names that are invalid here or not portable, as GNU's does.

use std::io::ErrorKind;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error};

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

/// The first thing wrong with `name`, in the order GNU's pathchk looks.
fn check(name: &str, basic: bool, extra: bool) -> Result<(), String> {
    let components = || name.split('/').filter(|c| !c.is_empty());
    if extra && components().any(|c| c.starts_with('-')) {
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
        if let Some(c) = name
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '-')))
        {
            return Err(format!(
                "nonportable character {} in file name {}",
                quote_character(c),
                quote_name(name)
            ));
        }
    } else {
        let too_long = name.len() >= PATH_MAX || components().any(|c| c.len() > NAME_MAX);
        match std::fs::symlink_metadata(name) {
            _ if too_long => return Err(format!("{name}: File name too long")),
            // Linux finds no file named "" (WASI takes it for the directory itself).
            _ if name.is_empty() => return Err("'': No such file or directory".into()),
            Ok(_) => exists = true,
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{name}: {}", describe_io_error(&e))),
        }
    }
    if basic || (!exists && name.len() >= POSIX_PATH_MAX) {
        let most = if basic { POSIX_PATH_MAX } else { PATH_MAX };
        if name.len() >= most {
            return Err(format!(
                "limit {} exceeded by length {} of file name {}",
                most - 1,
                name.len(),
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
                quote_character_text(long)
            ));
        }
    }
    Ok(())
}

/// A file name as GNU quotes it for the shell in the C locale: in '...', or in "..."
/// when it holds a ' and nothing else to escape; other bytes as $'\NNN'.
fn quote_name(name: &str) -> String {
    let printable = |c: char| c.is_ascii_graphic() || c == ' ';
    if name.chars().all(printable) {
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
    for byte in name.bytes() {
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
        if plain {
            quoted.push(char::from(byte));
        } else {
            quoted.push_str(&format!("\\{byte:03o}"));
        }
    }
    quoted.push('\'');
    quoted
}

/// One character as GNU's `quote` shows it in the C locale: its first byte, in '...'.
fn quote_character(c: char) -> String {
    let mut bytes = [0; 4];
    let first = c.encode_utf8(&mut bytes).as_bytes()[0];
    match first {
        b'\'' => "'\\''".into(),
        b' '..=b'~' => format!("'{}'", char::from(first)),
        _ => format!("'\\{first:03o}'"),
    }
}

/// A component as `quote` shows it: in '...'.
fn quote_character_text(text: &str) -> String {
    format!("'{text}'")
}
