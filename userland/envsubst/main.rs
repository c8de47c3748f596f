//! envsubst: standard input copied with `$NAME` and `${NAME}` replaced by the
//! environment's values, as GNU gettext's envsubst does (only the names a SHELL-FORMAT
//! mentions, when one is given).

use std::io::{Read, Write};
use wasmix_common::{Arg, Failure, Program, args, input};

static PROGRAM: Program = Program::new(
    "envsubst",
    "Usage: envsubst [OPTION] [SHELL-FORMAT]\n\n\
     Substitutes the values of environment variables.\n\n\
     Operation mode:\n  \
     -v, --variables             output the variables occurring in SHELL-FORMAT\n\n\
     Informative output:\n  \
     -h, --help                  display this help and exit\n  \
     -V, --version               output version information and exit\n\n\
     In normal operation mode, standard input is copied to standard output,\n\
     with references to environment variables of the form $VARIABLE or ${VARIABLE}\n\
     being replaced with the corresponding values.  If a SHELL-FORMAT is given,\n\
     only those environment variables that are referenced in SHELL-FORMAT are\n\
     substituted; otherwise all environment variables references occurring in\n\
     standard input are substituted.\n\n\
     When --variables is used, standard input is ignored, and the output consists\n\
     of the environment variables that are referenced in SHELL-FORMAT, one per line.\n",
);

/// A reference at the start of `text` (`$NAME` or `${NAME}`): the name and the
/// reference's length.
fn reference(text: &[u8]) -> Option<(&[u8], usize)> {
    let braced = text.get(1) == Some(&b'{');
    let start = if braced { 2 } else { 1 };
    let rest = text.get(start..)?;
    let first = *rest.first()?;
    if !(first.is_ascii_alphabetic() || first == b'_') {
        return None;
    }
    let length = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
        .count();
    if !braced {
        return Some((&rest[..length], start + length));
    }
    (rest.get(length) == Some(&b'}')).then_some((&rest[..length], start + length + 1))
}

/// The names `text` refers to, in order, repeats kept.
fn names(text: &[u8]) -> Vec<&[u8]> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = text[at..].iter().position(|&b| b == b'$') {
        at += offset;
        match reference(&text[at..]) {
            Some((name, length)) => {
                found.push(name);
                at += length;
            }
            None => at += 1,
        }
    }
    found
}

/// `text` with the references to `wanted` names (all, when `None`) replaced.
fn substitute(text: &[u8], wanted: Option<&[&[u8]]>, out: &mut impl Write) -> std::io::Result<()> {
    let mut at = 0;
    while let Some(offset) = text[at..].iter().position(|&b| b == b'$') {
        out.write_all(&text[at..at + offset])?;
        at += offset;
        match reference(&text[at..]) {
            Some((name, length)) if wanted.is_none_or(|names| names.contains(&name)) => {
                let name = String::from_utf8_lossy(name);
                if let Some(value) = std::env::var_os(name.as_ref()) {
                    out.write_all(value.as_encoded_bytes())?;
                }
                at += length;
            }
            _ => {
                out.write_all(b"$")?;
                at += 1;
            }
        }
    }
    out.write_all(&text[at..])
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut list_variables = false;
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('v') | Arg::Long("variables") => list_variables = true,
                Arg::Short('h') => args.show_help(),
                Arg::Short('V') => args.show_version(),
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if operands.len() > 1 {
            return Err(Failure::Fatal("too many arguments".into()));
        }
        let format = operands.pop();
        if list_variables {
            let Some(format) = format else {
                return Err(Failure::Fatal("missing arguments".into()));
            };
            for name in names(format.as_bytes()) {
                out.write_all(name)?;
                out.write_all(b"\n")?;
            }
            return Ok(0);
        }
        let mut text = Vec::new();
        input::stdin()
            .read_to_end(&mut text)
            .map_err(|e| Failure::Fatal(wasmix_common::read_error(&e)))?;
        let wanted = format.as_ref().map(|format| names(format.as_bytes()));
        substitute(&text, wanted.as_deref(), out)?;
        Ok(0)
    })
}
